/**
 * Fuzzing the public JSON API (every /api/* route but the dashboard's): thousands of generated
 * requests — real and hostile ids and tokens, bodies from the routes' schemas with hostile
 * values, wrong types and prototype-polluting keys, broken JSON, wrong content types, oversized
 * bodies, signed and forged payment callbacks — while the clock moves so holds lapse. No answer
 * may be a 5xx or reach the error log, every error is API.md's shape, and the database stays
 * consistent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { routesOf } from './routes.ts';
import { callers, expectCleanRun, expectConsistent, fuzz, generators, SCALE, underCovered } from './run.ts';
import { startWorld, type World } from './world.ts';

const RUNS = Math.round(3000 * SCALE);
const routes = routesOf('public-api');
let tdb: TestDatabase;
let w: World;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
  w = await startWorld(tdb);
});
afterAll(() => tdb.close());

describe('fuzzing the public API', () => {
  it(`answers ${RUNS} generated requests without a 5xx, each error in API.md's shape`, async () => {
    const who = callers({ anonymous: 16, 'admin-key': 1, 'ana-session': 1, 'bad-key': 1 });
    const ran = await fuzz(w, routes, generators(w, new Map(), who), RUNS, { clockMoves: true });
    expectCleanRun(w, 'public-api', routes, ran, RUNS);
  }, 240_000);

  it('sent requests to every public API route of the app', () => {
    expect(routes.length).toBeGreaterThan(12);
    expect(underCovered(w, routes, 10)).toEqual([]);
  });

  it('leaves the database consistent', async () => {
    await expectConsistent(tdb.db, w, 'public-api', true);
  });
});
