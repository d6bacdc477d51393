/**
 * Round trips per booking in server mode (issue 22 point 5, decisions 038 and 040): a booking's
 * request — rate limits, Idempotency-Key, busy time, client, row, jobs, commit — counted at
 * node-postgres as its longest chain of waits (test/support/round-trips.ts: the driver pipelines,
 * so statements sent together share a round trip), for a named member and for "any" of two who
 * both fit. The ceiling is today's count and issue 22's target, 3 (decision 043): both rate-limit
 * hits; BEGIN, the key's claim, the reads and the booking's id; the row, its jobs, the stored
 * answer and COMMIT. The test fails when a change adds a round trip. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/store/create-store.ts';
import { openDatabase } from '../src/store/open-database.ts';
import {
  POSTGRES_SKIP_REASON,
  startTestPostgres,
  type TestPostgres,
  testPostgresAvailable,
} from './support/postgres.ts';
import { bookingRoundTrips } from './support/round-trips.ts';
import { STUDIO } from './support/studio.ts';

/** Today's count, issue 22's target (decision 043). */
const CEILING = 3;

const available = testPostgresAvailable();
if (!available) console.warn(POSTGRES_SKIP_REASON);
let server: TestPostgres | null = null;

beforeAll(async () => {
  if (!available) return;
  server = await startTestPostgres();
  if (!server) throw new Error(POSTGRES_SKIP_REASON);
  const opened = await openDatabase({ kind: 'postgres', url: server.url });
  try {
    await createStore(opened.db).applySetup(STUDIO, async (p) => p);
  } finally {
    await opened.close();
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe.skipIf(!available)('a booking against a PostgreSQL server', () => {
  it(`costs at most ${CEILING} round trips, for a named member, for "any" and for a returning client`, async () => {
    // Monday 2027-03-29: Ana (1, Paris) at 09:00; at 14:00 UTC both Ana (16:00) and Ben (2, New York, 10:00) fit.
    const { perBooking, statements, last } = await bookingRoundTrips((server as TestPostgres).url, 'portrait', [
      { staff: '1', start: '2027-03-29T07:00:00Z' },
      { staff: 'any', start: '2027-03-29T14:00:00Z' },
      { staff: '2', start: '2027-03-30T15:00:00Z', email: 'returning@example.test' },
      // A returning client: the client's insert gives their id back in the same statement.
      { staff: '2', start: '2027-03-31T15:00:00Z', email: 'returning@example.test' },
    ]);
    console.log(
      `round trips per booking: ${perBooking.join(', ')} (statements: ${statements.join(', ')}); the most:\n  ${last.join('\n  ')}`,
    );
    expect(Math.max(...perBooking), last.join('\n')).toBeLessThanOrEqual(CEILING);
  }, 60_000);
});
