/**
 * Round trips to a PostgreSQL server per booking (issue 22 point 5), counted in process at
 * node-postgres `Client.query`, on the pool or on a transaction's client. The driver pipelines
 * (decision 040): a statement is written without waiting for the answers before it, so the count
 * is the request's longest chain of waits, not its statements. Each statement is in round trip
 * 1 + the highest round trip among this request's statements already answered when it was sent:
 * statements sent together share one, and one sent after an answer came back starts the next.
 * The app is built
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
  /** Statements of each booking's request, in order (several may share a round trip). */
  readonly statements: number[];
  /** The statements of the booking with the most round trips (the last of them), as sent (its round trip, then the first 100 characters). */
  readonly last: string[];
}

/** Books `picks` (each answered 201, or it throws) on the database at `url`, counting round trips. */
export async function bookingRoundTrips(
  url: string,
  service: string,
  /** `email` set: that client (to book as a returning one); else a new one each time. */
  picks: readonly { readonly staff: string; readonly start: string; readonly email?: string }[],
): Promise<RoundTrips> {
  const opened = await openDatabase({ kind: 'postgres', url });
  const sent: string[] = [];
  // The highest round trip among this request's answered statements; reset per request.
  let answered = 0;
  let trips = 0;
  // Which request a statement belongs to: a late answer to an earlier one counts for nothing.
  let request = 0;
  const query = pg.Client.prototype.query;
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has many overloads; this only counts and forwards.
  pg.Client.prototype.query = function (this: pg.Client, config: any, ...rest: any[]) {
    const trip = answered + 1;
    trips = Math.max(trips, trip);
    const mine = request;
    sent.push(
      `${trip}: ${String(typeof config === 'string' ? config : config?.text)
        .replace(/\s+/g, ' ')
        .slice(0, 100)}`,
    );
    const done = () => {
      if (mine === request) answered = Math.max(answered, trip);
    };
    // Pool.query passes a callback; a transaction's client gets a promise.
    const last = rest.length - 1;
    if (typeof rest[last] === 'function') {
      const callback = rest[last];
      rest[last] = (...args: unknown[]) => {
        done();
        return callback(...args);
      };
      return (query as (...args: unknown[]) => unknown).call(this, config, ...rest);
    }
    const result = (query as (...args: unknown[]) => unknown).call(this, config, ...rest);
    if (result instanceof Promise) result.then(done, done);
    return result;
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
    const statements: number[] = [];
    let last: string[] = [];
    for (const [i, pick] of picks.entries()) {
      sent.length = 0;
      answered = 0;
      trips = 0;
      request++;
      const res = await app.request('/api/v1/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `round-trips-${i}-${pick.start}` },
        body: JSON.stringify({
          service,
          staff: pick.staff,
          start: pick.start,
          client: { name: `Round Trip ${i}`, email: pick.email ?? `round-trip-${i}-${Date.now()}@example.test` },
          wantsReminder: false,
          payment: 'none',
        }),
      });
      if (res.status !== 201) throw new Error(`booking ${i}: ${res.status} ${await res.text()}`);
      perBooking.push(trips);
      statements.push(sent.length);
      if (trips >= Math.max(0, ...perBooking.slice(0, -1))) last = [...sent];
    }
    return { perBooking, statements, last };
  } finally {
    pg.Client.prototype.query = query;
    await opened.close();
  }
}
