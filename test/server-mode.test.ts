/**
 * PostgreSQL server mode with several processes (issue 8): three real `slotwise serve` processes
 * on one PostgreSQL server. They start together on an empty database and migrate it once; 100
 * concurrent requests for one slot, spread over the three, make exactly one booking; a process
 * told to stop (SIGTERM) while requests are in flight answers every one of them, then exits 0.
 * Without a PostgreSQL server the file is skipped, visibly (test/support/postgres.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledMigrations } from '../src/store/migrate.ts';
import type { RunningServer } from './support/cli.ts';
import { POSTGRES_SKIP_REASON, startTestPostgres, testPostgresAvailable } from './support/postgres.ts';
import { type Cluster, cluster, count, exitOf, firstDayNextMonth, logLines, problems } from './support/server-mode.ts';

const available = testPostgresAvailable();
if (!available) console.warn(POSTGRES_SKIP_REASON);

let c: Cluster;
let servers: RunningServer[] = [];

beforeAll(async () => {
  if (!available) return;
  const server = await startTestPostgres();
  if (!server) throw new Error(POSTGRES_SKIP_REASON);
  c = cluster(server);
}, 120_000);

afterAll(async () => {
  await c?.close();
}, 120_000);

/** A start time that /availability lists for the portrait with Ana, next month (whatever today is). */
async function freeSlot(base: string): Promise<string> {
  const day = await firstDayNextMonth(base, 'portrait', '1');
  const start = day.slots[2]?.start;
  if (!start) throw new Error(`no slot for Ana on ${day.date}`);
  return start;
}

function book(base: string, start: string, i: number): Promise<Response> {
  return fetch(`${base}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      service: 'portrait',
      staff: '1',
      start,
      client: { name: `Client ${i}`, email: `c${i}@many.test` },
      payment: 'none',
    }),
  });
}

describe.skipIf(!available)('three processes on one PostgreSQL server', () => {
  it('start together on an empty database, all come up, and each migration is applied once', async () => {
    servers = await Promise.all([c.serve(), c.serve(), c.serve()]);
    const { rows } = await c.db.query<{ version: number; n: string }>(
      'SELECT version, count(*) AS n FROM schema_migrations GROUP BY version ORDER BY version',
    );
    // Every migration shipped, each once (9 of them when this was written).
    const shipped = bundledMigrations().map((m) => [m.version, 1]);
    expect(shipped.length).toBeGreaterThanOrEqual(9);
    expect(rows.map((r) => [r.version, Number(r.n)])).toEqual(shipped);
    for (const s of servers) {
      const res = await fetch(`${s.url}/readyz`);
      expect([res.status, await res.json()]).toEqual([200, { status: 'ready' }]);
      expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ status: 'ok' });
    }
    expect(new Set(servers.map((s) => s.url)).size).toBe(3);
  }, 180_000);

  it('100 concurrent requests for one slot, round-robin over the three: one 201, 99 × 409 SLOT_UNAVAILABLE, one row', async () => {
    await c.importStudio(); // while they run: their cached catalogues are dropped by NOTIFY
    c.assertAlive();
    const [a] = servers as [RunningServer];
    const start = await freeSlot(a.url);
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => book((servers[i % 3] as RunningServer).url, start, i)),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { error?: { code: string } }[];
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    expect(bodies.filter((b) => b.error?.code === 'SLOT_UNAVAILABLE')).toHaveLength(99);
    expect(await count(c.db, 'SELECT count(*) AS n FROM bookings WHERE start_at = $1', [start])).toBe(1);
    expect(await count(c.db, 'SELECT count(*) AS n FROM bookings')).toBe(1);
    // Each process answered its share, and none logged a warning or an error.
    for (const s of servers) {
      const requests = logLines(s).filter((l) => l.msg === 'request' && l.path === '/api/v1/bookings');
      expect(requests.length).toBeGreaterThanOrEqual(33);
      expect(problems(s)).toEqual([]);
    }
  }, 180_000);

  it('SIGTERM with requests in flight: each gets its answer, new connections are refused, exit code 0', async () => {
    c.assertAlive();
    const [a, target] = servers as [RunningServer, RunningServer];
    const start = new Date(Date.parse(await freeSlot(a.url)) + 2 * 3_600_000).toISOString();
    // Hold the lock every booking write of Ana takes (store/bookings.ts), so the requests wait in the database.
    const holder = await c.db.connect();
    await holder.query("SELECT pg_advisory_lock(hashtextextended('slotwise:staff-bookings:' || '1', 0))");
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      await holder.query("SELECT pg_advisory_unlock(hashtextextended('slotwise:staff-bookings:' || '1', 0))");
      holder.release();
    };
    try {
      const inFlight = Array.from({ length: 8 }, (_, i) =>
        book(target.url, start, 1000 + i).then(
          async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string } } }),
          (error: unknown) => ({ status: 0, body: { error: { code: String(error) } } }),
        ),
      );
      await c.waitFor('eight requests waiting on the lock', async () => {
        const n = await count(c.db, "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
        return n >= 8;
      });
      const exited = exitOf(target);
      await c.waitFor('the listener to close', () =>
        fetch(`${target.url}/healthz`).then(
          () => false,
          () => true,
        ),
      );
      await release();
      const answers = await Promise.all(inFlight);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      expect(answers.filter((a) => a.status === 409).map((a) => a.body.error?.code)).toEqual(
        Array(7).fill('SLOT_UNAVAILABLE'),
      );
      expect(await exited).toBe(0);
      const messages = logLines(target).map((l) => l.msg);
      expect(messages).toEqual(expect.arrayContaining(['shutting down', 'stopped serving', 'stopped']));
      expect(problems(target)).toEqual([]);
      expect(await count(c.db, 'SELECT count(*) AS n FROM bookings WHERE start_at = $1', [start])).toBe(1);
      // The other two still serve.
      expect((await fetch(`${a.url}/readyz`)).status).toBe(200);
    } finally {
      await release();
    }
  }, 180_000);
});

if (!available) {
  describe('three processes on one PostgreSQL server', () => {
    it.skip(POSTGRES_SKIP_REASON, () => {});
  });
}
