/**
 * Fuzzing the public pages and everything else outside /api and /admin: the booking pages and
 * their details form, the manage pages and their forms (code, new code, pay again, move, cancel),
 * the payment return page, calendar feeds, assets, health checks, the dev outbox, the demo gateway
 * and "email me my bookings". Forms are posted with the
 * fields the pages really serve, filled with real and hostile values, as multipart, malformed,
 * oversized or in another content type. No answer may be a 5xx, show internals (a stack trace, a
 * source path) or reach the error log, and the database stays consistent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { collectForms, realPages } from './forms.ts';
import type { Generators } from './requests.ts';
import { routesOf } from './routes.ts';
import { callers, expectCleanRun, expectConsistent, fuzz, generators, SCALE, underCovered } from './run.ts';
import { startWorld, type World } from './world.ts';

const RUNS = Math.round(3200 * SCALE); // 39 routes since the waitlist's: at least 10 requests each
const routes = routesOf('pages');
let tdb: TestDatabase;
let w: World;
let g: Generators;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
  w = await startWorld(tdb);
  const p = w.pools;
  const details = p.slots
    .filter((_, i) => i % 40 === 0)
    .map((s) => `/book/${s.service}/details?staff=${s.staff[0]}&start=${encodeURIComponent(s.start)}`);
  const start = [...details, ...p.payQueries.map((q) => `/demo/gateway${q}`), ...realPages(routes, p)];
  const forms = await collectForms(w.h, start, ['anonymous'], routes, 150);
  g = generators(w, forms, callers({ anonymous: 12, 'admin-session': 1, 'bad-session': 1 }));
}, 120_000);
afterAll(() => tdb.close());

describe('fuzzing the public pages', () => {
  it('finds the forms the pages serve', () => {
    expect([...g.forms.keys()].sort()).toEqual([
      'POST /book/:slug/details',
      'POST /demo/gateway',
      'POST /manage/:token/cancel',
      'POST /manage/:token/pay',
      'POST /manage/:token/reschedule',
      'POST /manage/:token/reschedule/:occurrence',
      'POST /manage/:token/resend-code',
      'POST /manage/:token/verify',
      'POST /my-bookings',
      'POST /waitlist/leave/:token',
    ]);
  });

  it(`answers ${RUNS} generated requests without a 5xx or internals in the page`, async () => {
    const sent = await fuzz(w, routes, g, RUNS, { clockMoves: true });
    expectCleanRun(w, 'pages', routes, sent, RUNS);
  }, 240_000);

  it('sent requests to every page route of the app', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(underCovered(w, routes, 10)).toEqual([]);
  });

  it('leaves the database consistent', async () => {
    await expectConsistent(tdb.db, w, 'pages', true);
  });
});
