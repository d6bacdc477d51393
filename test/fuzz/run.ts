/**
 * Runs a fuzz file: fast-check draws requests over the file's routes (and, now and then, moves
 * the clock so holds lapse) with a fixed seed, FUZZ_SEED to change it; the harness checks every
 * answer. Afterwards the file checks route coverage and the database's invariants, and prints its
 * figures.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Sql } from '../../src/store/sql.ts';
import type { Caller } from './harness.ts';
import { brokenInvariants, tableCounts } from './invariants.ts';
import { routeSchemas } from './json-bodies.ts';
import { type Generators, requestArb } from './requests.ts';
import type { Route } from './routes.ts';
import { oneIn } from './values.ts';
import type { World } from './world.ts';

export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_270_326;
if (!Number.isSafeInteger(SEED)) throw new Error(`FUZZ_SEED must be an integer, not ${process.env.FUZZ_SEED}`);

/** FUZZ_SCALE=n multiplies every file's number of requests (longer runs, when hunting). */
export const SCALE = process.env.FUZZ_SCALE ? Number(process.env.FUZZ_SCALE) : 1;
if (!(SCALE > 0)) throw new Error(`FUZZ_SCALE must be a positive number, not ${process.env.FUZZ_SCALE}`);

/** Weighted callers, e.g. {anonymous: 8, 'admin-key': 1}. */
export function callers(weights: Partial<Record<Caller, number>>): fc.Arbitrary<Caller> {
  return fc.oneof(
    ...Object.entries(weights).map(([caller, weight]) => ({
      weight: weight as number,
      arbitrary: fc.constant(caller as Caller),
    })),
  );
}

export function generators(w: World, forms: Generators['forms'], who: fc.Arbitrary<Caller>): Generators {
  return { pools: w.pools, schemas: routeSchemas(), forms, callers: who };
}

/**
 * Sends `numRuns` generated requests spread evenly over `routes`, one a run (before some of them,
 * with `clockMoves`, the clock moves a few minutes so holds lapse); returns how many were sent.
 */
export async function fuzz(
  w: World,
  routes: readonly Route[],
  g: Generators,
  numRuns: number,
  opts: { clockMoves?: boolean; restoreEvery?: number } = {},
): Promise<number> {
  const request = fc.oneof(...routes.map((r) => ({ weight: weightOf(r), arbitrary: requestArb(r, g) })));
  const move = opts.clockMoves ? oneIn(40, fc.integer({ min: 1, max: 20 })) : fc.constant(null);
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(request, move, async (req, minutes) => {
      if (minutes !== null) w.d.clock.advance(minutes);
      if (opts.restoreEvery && sent > 0 && sent % opts.restoreEvery === 0) await w.restore();
      sent++;
      await w.h.send(req);
    }),
    { seed: SEED, numRuns },
  );
  if (w.h.survey && w.h.failures.size > 0) console.log(w.h.surveyReport());
  return sent;
}

/**
 * Writes get more requests than reads, writes of bookings (where double booking would happen)
 * most, static documents and assets fewest; so does the backup download, whose only input is who
 * asks and which copies the whole database each time (~0.3 s, as much as 30 other requests).
 */
function weightOf(r: Route): number {
  if (r.method !== 'GET' && /\/(bookings|manage|payments|book)\b/.test(r.path)) return 12;
  if (r.method !== 'GET') return 5;
  return /^\/(api\/docs|api\/v1\/openapi|assets|images|embed\.js|api\/v1\/admin\/backup$)/.test(r.path) ? 1 : 2;
}

/** Routes sent fewer than `min` requests (a new route nobody generates for shows up here). */
export function underCovered(w: World, routes: readonly Route[], min: number): string[] {
  return routes
    .map((r) => `${r.method} ${r.path}`)
    .filter((key) => (w.h.perRoute.get(key) ?? 0) < min)
    .map((key) => `${key} (${w.h.perRoute.get(key) ?? 0})`);
}

/**
 * What every fuzz file requires of its run, printing its figures first: `runs` requests drawn and
 * sent, no answer failed a check, none was a 5xx, nothing reached the error log.
 */
export function expectCleanRun(w: World, name: string, routes: readonly Route[], ran: number, runs: number): void {
  console.log(`${w.h.summary(name, SEED, routes)}\n${w.h.callerTable()}`);
  expect([...w.h.failures.keys()]).toEqual([]);
  expect(ran).toBe(runs);
  expect(w.h.sent).toBeGreaterThanOrEqual(runs);
  expect([...w.h.statuses.keys()].filter((s) => s >= 500)).toEqual([]);
  expect(w.errors).toEqual([]);
}

/** The database after a fuzz file: no invariant broken; the table counts are printed. */
export async function expectConsistent(db: Sql, w: World, name: string, exactSpans: boolean): Promise<void> {
  const broken = await brokenInvariants(db, { now: w.d.clock.now(), created: w.h.created, exactSpans });
  console.log(`[fuzz ${name}] database after: ${JSON.stringify(await tableCounts(db))}`);
  expect(broken).toEqual({});
}
