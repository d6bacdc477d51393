/**
 * Round trips to a PostgreSQL server per booking (issue 22 point 5), counted in process: every
 * node-postgres `Client.query` is one (pg sends a statement and waits for its answer before the
 * next; no pipelining), whether it runs on the pool or on a transaction's client. The app is built
 * as `slotwise serve` builds it in server mode: busy time always read from the database, the
 * catalogue cached (as while the change listener is connected), the default rate limits on.
 * Bookings are made one at a time, so each count is one request's own.
 */
import pg from 'pg';
import { DEFAULT_LIMITS } from '../../src/app/rate-limits.ts';
import { createApp } from '../../src/http/app.ts';
import { createStore } from '../../src/store/create-store.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { ReadCache } from '../../src/store/read-cache.ts';
import { testOutbound } from './outbound.ts';

export interface RoundTrips {
  /** Round trips of each booking's request, in order. */
  readonly perBooking: number[];
  /** The statements of the last booking, as sent (first 100 characters). */
  readonly last: string[];
}

/** Books `picks` (each answered 201, or it throws) on the database at `url`, counting round trips. */
export async function bookingRoundTrips(
  url: string,
  service: string,
  picks: readonly { readonly staff: string; readonly start: string }[],
): Promise<RoundTrips> {
  const opened = await openDatabase({ kind: 'postgres', url });
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has many overloads; this only counts and forwards.
  pg.Client.prototype.query = function (this: pg.Client, config: any, ...rest: any[]) {
    sent.push(
      String(typeof config === 'string' ? config : config?.text)
        .replace(/\s+/g, ' ')
        .slice(0, 100),
    );
    return (query as (...args: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof query;
  try {
    const app = createApp({
      outbound: testOutbound(),
      store: createStore(opened.db, new ReadCache({ busy: false })),
      clock: { now: () => Date.now() },
      secret: 'round-trips-secret-of-at-least-32-characters',
      publicUrl: 'http://127.0.0.1:3000',
      rateLimits: DEFAULT_LIMITS,
      logError: (error) => {
        throw error;
      },
    });
    // The catalogue is read once, then cached: a warm process.
    await app.request(`/api/v1/services/${service}`);
    const perBooking: number[] = [];
    let last: string[] = [];
    for (const [i, pick] of picks.entries()) {
      sent.length = 0;
      const res = await app.request('/api/v1/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `round-trips-${i}-${pick.start}` },
        body: JSON.stringify({
          service,
          staff: pick.staff,
          start: pick.start,
          client: { name: `Round Trip ${i}`, email: `round-trip-${i}-${Date.now()}@example.test` },
          wantsReminder: false,
          payment: 'none',
        }),
      });
      if (res.status !== 201) throw new Error(`booking ${i}: ${res.status} ${await res.text()}`);
      perBooking.push(sent.length);
      last = [...sent];
    }
    return { perBooking, last };
  } finally {
    pg.Client.prototype.query = query;
    await opened.close();
  }
}
