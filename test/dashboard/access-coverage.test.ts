/**
 * No dashboard route answers an anonymous caller: every route the app serves under /api/v1/admin
 * and /admin — enumerated from the app itself, so a route added later is covered without anyone
 * listing it — is called without credentials: the API answers 401 UNAUTHORIZED, a page redirects
 * to sign-in (303). Only sign-in, "forgot password" and the emailed password links are open.
 * Staff-on-own, staff-on-another's and admin cells are in the access-*.test.ts tables per area.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.ts';
import { createApp } from '../../src/http/app.ts';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { testOutbound } from '../support/outbound.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase();
  d = await startDashboard(tdb);
});
afterAll(() => tdb.close());

/** Routes open without a session, by design. */
const OPEN = new Set([
  'POST /api/v1/admin/session',
  'GET /admin/sign-in',
  'POST /admin/sign-in',
  'GET /admin/forgot',
  'POST /admin/forgot',
  'GET /admin/password/:token',
  'POST /admin/password/:token',
]);

/** The app's routes, read when the tests are collected (building the app touches no database). */
function dashboardRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  const app = createApp({
    outbound: testOutbound(),
    store: {} as Store,
    clock: { now: () => 0 },
    secret: 's'.repeat(40),
    publicUrl: 'http://127.0.0.1:3000',
    logError: () => {},
  });
  return app.routes
    .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/v1/admin') || r.path.startsWith('/admin')))
    .filter((r) => {
      const key = `${r.method} ${r.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((r) => ({ method: r.method, path: r.path }));
}

describe('every dashboard route refuses an anonymous caller', () => {
  it('finds the routes (the API and the pages)', () => {
    const routes = dashboardRoutes();
    expect(routes.filter((r) => r.path.startsWith('/api/')).length).toBeGreaterThan(40);
    expect(routes.filter((r) => !r.path.startsWith('/api/')).length).toBeGreaterThan(30);
  });

  it.each(dashboardRoutes().filter((r) => !OPEN.has(`${r.method} ${r.path}`)))(
    '$method $path',
    async ({ method, path }) => {
      const url = path.replace(/:[A-Za-z]+/g, '1');
      const res = await d.app.request(url, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      if (path.startsWith('/api/')) {
        expect(res.status).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
      } else {
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toMatch(/^\/admin\/sign-in\?next=/);
      }
    },
  );
});
