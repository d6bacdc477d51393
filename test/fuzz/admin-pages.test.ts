/**
 * Fuzzing the dashboard's pages (/admin/*): every page and form as an admin and as a staff member
 * (signed-in sessions, with a right, wrong or missing `_csrf`), with a dead session, an API key
 * (refused: pages take sessions) and as nobody. Forms are posted with the fields the pages really
 * serve, filled with real and hostile values, as multipart, malformed, oversized or in another
 * content type. No answer may be a 5xx, show internals or reach the error log, and the database
 * stays consistent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { collectForms, realPages } from './forms.ts';
import type { Generators } from './requests.ts';
import { routesOf } from './routes.ts';
import { callers, expectCleanRun, expectConsistent, fuzz, generators, SCALE, underCovered } from './run.ts';
import { startWorld, type World } from './world.ts';

const RUNS = Math.round(2500 * SCALE);
const routes = routesOf('admin-pages');
let tdb: TestDatabase;
let w: World;
let g: Generators;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
  w = await startWorld(tdb);
  const extra = [
    '/admin/bookings/new?service=portrait&date=2027-04-01',
    '/admin/bookings/new?service=consult&date=2027-03-30&skip=1',
  ];
  const forms = await collectForms(
    w.h,
    [...extra, ...realPages(routes, w.pools)],
    ['admin-session', 'ana-session', 'anonymous'],
    routes,
    250,
  );
  // The outcome buttons show only on bookings that have started, and the world's are all ahead: the
  // form as the list and the booking's page write it, on real bookings (most answers: 409).
  forms.set(
    'POST /admin/bookings/:id/outcome',
    w.pools.bookingIds.map((id) => ({
      action: `/admin/bookings/${id}/outcome`,
      fields: [
        { name: 'outcome', values: ['completed', 'no_show'] },
        { name: 'back', values: ['/admin/bookings?from=2027-03-29', '//evil.test', ''] },
      ],
    })),
  );
  g = generators(
    w,
    forms,
    callers({ 'admin-session': 6, 'ana-session': 4, anonymous: 1, 'bad-session': 1, 'admin-key': 1 }),
  );
}, 120_000);
afterAll(() => tdb.close());

describe('fuzzing the dashboard pages', () => {
  it('finds a form for every form route', () => {
    const posts = routes.filter((r) => r.method === 'POST').map((r) => `${r.method} ${r.path}`);
    const without = posts.filter((k) => !g.forms.has(k));
    expect(without).toEqual([]);
  });

  it(`answers ${RUNS} generated requests without a 5xx or internals in the page`, async () => {
    const sent = await fuzz(w, routes, g, RUNS, { restoreEvery: 100 });
    expectCleanRun(w, 'admin-pages', routes, sent, RUNS);
  }, 240_000);

  it('sent requests to every dashboard page route of the app', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(underCovered(w, routes, 10)).toEqual([]);
  });

  it('leaves the database consistent', async () => {
    await expectConsistent(tdb.db, w, 'admin-pages', false);
  });
});
