/**
 * Fuzzing the dashboard's JSON API (/api/v1/admin/*) as every kind of caller: an admin and staff
 * members by API key and by session (with a right, wrong or missing CSRF token), a revoked key, a
 * dead session and no credentials at all. Path ids are the studio's real ones (another member's
 * included) or hostile; bodies come from each route's schema, mutated, or are not JSON at all.
 * No answer may be a 5xx or reach the error log, every error is API.md's shape, and the database
 * stays consistent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { routesOf } from './routes.ts';
import { callers, expectCleanRun, expectConsistent, fuzz, generators, SCALE, underCovered } from './run.ts';
import { startWorld, type World } from './world.ts';

const RUNS = Math.round(3500 * SCALE);
const routes = routesOf('dashboard-api');
let tdb: TestDatabase;
let w: World;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
  w = await startWorld(tdb);
});
afterAll(() => tdb.close());

describe('fuzzing the dashboard API', () => {
  it(`answers ${RUNS} generated requests without a 5xx, each error in API.md's shape`, async () => {
    const who = callers({
      'admin-key': 4,
      'admin-session': 3,
      'ana-key': 3,
      'ana-session': 3,
      'ben-key': 2,
      anonymous: 1,
      'bad-key': 1,
      'bad-session': 1,
    });
    const sent = await fuzz(w, routes, generators(w, new Map(), who), RUNS, { restoreEvery: 100 });
    expectCleanRun(w, 'dashboard-api', routes, sent, RUNS);
  }, 240_000);

  it('sent requests to every dashboard API route of the app', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(underCovered(w, routes, 10)).toEqual([]);
  });

  it('leaves the database consistent', async () => {
    // Services' buffers and the gap may have been edited since bookings were made: spans are checked for overlap only.
    await expectConsistent(tdb.db, w, 'dashboard-api', false);
  });
});
