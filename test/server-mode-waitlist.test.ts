/**
 * The waitlist with several processes (SPEC §9.3, issue 19): three real `slotwise serve` processes
 * on one PostgreSQL server. A freed start whose offer job is queued twelve times at once (the
 * cancel's own job and eleven copies, run by the three workers concurrently) gets exactly one live
 * offer, made to the oldest entry; every process then hides the held start and refuses it with
 * 409. And durability: a freed-start job queued while no process runs is offered by the process
 * that starts next. Without a PostgreSQL server the file is skipped, visibly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './support/cli.ts';
import { POSTGRES_SKIP_REASON, startTestPostgres, testPostgresAvailable } from './support/postgres.ts';
import { type Cluster, cluster, count, firstDayNextMonth, kill, problems } from './support/server-mode.ts';

const available = testPostgresAvailable();
if (!available) console.warn(POSTGRES_SKIP_REASON);

let c: Cluster;
let servers: RunningServer[] = [];

beforeAll(async () => {
  if (!available) return;
  const server = await startTestPostgres();
  if (!server) throw new Error(POSTGRES_SKIP_REASON);
  c = cluster(server);
  servers = await Promise.all([c.serve(), c.serve(), c.serve()]);
  await c.importStudio();
}, 180_000);

afterAll(async () => {
  await c?.close();
}, 120_000);

const url = (i: number) => (servers[i % servers.length] as RunningServer).url;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions, not by types
type Body = any;

async function post(i: number, path: string, body: unknown): Promise<{ status: number; body: Body }> {
  const r = await fetch(`${url(i)}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

const book = (i: number, start: string, email: string) =>
  post(i, '/bookings', { service: 'consult', staff: '1', start, payment: 'none', client: { name: email, email } });

/** Frees a booking the way a cancel does (the trigger queues the offer job), with `copies` more jobs in the same commit. */
async function cancelWithCopies(bookingId: string, copies: number): Promise<void> {
  const client = await c.db.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `UPDATE bookings SET status = 'cancelled', updated_at = now() WHERE id = $1
       RETURNING service_id, staff_id, (extract(epoch FROM start_at) * 1000)::bigint AS s,
         (extract(epoch FROM end_at) * 1000)::bigint AS e`,
      [bookingId],
    );
    const b = rows[0];
    await client.query(
      `INSERT INTO jobs (kind, payload, run_at, created_at)
       SELECT 'waitlist.freed', jsonb_build_object('serviceId', $1::text, 'staffId', $2::text, 'start', $3::bigint,
         'end', $4::bigint), now(), now() FROM generate_series(1, $5::int)`,
      [String(b.service_id), String(b.staff_id), b.s, b.e, copies],
    );
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

const freedJobsLeft = () =>
  count(c.db, `SELECT count(*) AS n FROM jobs WHERE kind = 'waitlist.freed' AND done_at IS NULL AND failed_at IS NULL`);

describe.skipIf(!available)('the waitlist on three processes and one PostgreSQL server', () => {
  it('twelve concurrent offer jobs for one freed start: exactly one live offer, to the oldest entry; held everywhere', async () => {
    c.assertAlive();
    const day = await firstDayNextMonth<{ start: string }>(url(0), 'consult', '1');
    const start = (day.slots[0] as { start: string }).start;
    const booked = await book(0, start, 'first@race.test');
    expect(booked.status).toBe(201);
    const joined = [];
    for (let i = 0; i < 5; i++) {
      joined.push(
        await post(i, '/waitlist', {
          service: 'consult',
          staff: 'any',
          date: day.date,
          client: { name: `W${i}`, email: `w${i}@race.test` },
        }),
      );
    }
    expect(joined.map((r) => r.body.position)).toEqual([1, 2, 3, 4, 5]);
    await cancelWithCopies(booked.body.booking.id, 11);
    await c.waitFor('the offer jobs to run', async () => (await freedJobsLeft()) === 0, 60_000);
    expect(
      await count(c.db, `SELECT count(*) AS n FROM jobs WHERE kind = 'waitlist.freed' AND failed_at IS NOT NULL`),
    ).toBe(0);
    expect(await count(c.db, `SELECT count(*) AS n FROM waitlist_offers WHERE status = 'live'`)).toBe(1);
    expect(await count(c.db, 'SELECT count(*) AS n FROM waitlist_offers')).toBe(1);
    expect(await count(c.db, `SELECT entry_id AS n FROM waitlist_offers`)).toBe(Number(joined[0]?.body.id));
    // Nobody else can book it, on any process, and no process shows it.
    const tries = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => book(i, start, `late${i}@race.test`)));
    for (const r of tries) expect([r.status, r.body.error?.code]).toEqual([409, 'SLOT_UNAVAILABLE']);
    for (let i = 0; i < 3; i++) {
      const view = (await (
        await fetch(`${url(i)}/api/v1/availability/day?service=consult&staff=1&date=${day.date}`)
      ).json()) as { slots: { start: string }[] };
      expect(view.slots.map((s) => s.start)).not.toContain(start);
    }
    for (const s of servers) expect(problems(s)).toEqual([]);
  }, 180_000);

  it('a freed-start job queued while no process runs is offered by the next process to start', async () => {
    const day = await firstDayNextMonth<{ start: string }>(url(0), 'consult', '1');
    const start = (day.slots[1] as { start: string }).start;
    const booked = await book(0, start, 'second@race.test');
    expect(booked.status).toBe(201);
    const before = await count(c.db, 'SELECT count(*) AS n FROM waitlist_offers');
    for (const s of servers) kill(s);
    await c.waitFor('the processes to exit', async () =>
      servers.every((s) => s.child.exitCode !== null || s.child.signalCode !== null),
    );
    await cancelWithCopies(booked.body.booking.id, 0);
    expect(await freedJobsLeft()).toBe(1);
    servers = [await c.serve()];
    await c.waitFor(
      'the offer',
      async () => (await count(c.db, 'SELECT count(*) AS n FROM waitlist_offers')) > before,
      60_000,
    );
    expect(
      await count(c.db, `SELECT count(*) AS n FROM waitlist_offers WHERE status = 'live' AND start_at = $1`, [start]),
    ).toBe(1);
  }, 180_000);
});
