/**
 * The seat race with several processes (SPEC §9.1, issue 19): three real `slotwise serve`
 * processes on one PostgreSQL server; 40 concurrent one-seat requests for a 10-seat session,
 * spread over the three, sell exactly 10 seats. Without a PostgreSQL server the file is skipped,
 * visibly (test/support/postgres.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, runCli } from './support/cli.ts';
import { POSTGRES_SKIP_REASON, startTestPostgres, testPostgresAvailable } from './support/postgres.ts';
import { type Cluster, cluster, count, firstDayNextMonth, problems } from './support/server-mode.ts';
import { WITH_WORKSHOP } from './support/studio.ts';

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
  const file = join(process.env.TMPDIR ?? '/tmp', `slotwise-workshop-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(WITH_WORKSHOP));
  const r = await runCli(['import', file], c.env(), 120_000);
  if (r.code !== 0) throw new Error(`import failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
}, 180_000);

afterAll(async () => {
  await c?.close();
}, 120_000);

/** A start of the workshop with Ana next month, with all its seats (whatever today is). */
async function freeSession(base: string): Promise<string> {
  const day = await firstDayNextMonth<{ start: string; seatsLeft: number }>(base, 'workshop', '1');
  const slot = day.slots[0];
  if (slot?.seatsLeft !== 10 || !slot) throw new Error(`no fresh session on ${day.date}`);
  return slot.start;
}

describe.skipIf(!available)('the seat race on three processes and one PostgreSQL server', () => {
  it('40 concurrent one-seat requests for a 10-seat session, round-robin: 10 × 201, 30 × 409, 10 seats', async () => {
    c.assertAlive();
    const start = await freeSession((servers[0] as RunningServer).url);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${(servers[i % 3] as RunningServer).url}/api/v1/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            service: 'workshop',
            staff: '1',
            start,
            seats: 1,
            payment: 'none',
            client: { name: `Seat ${i}`, email: `seat${i}@race.test` },
          }),
        }),
      ),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { error?: { code: string } }[];
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(30);
    for (const b of bodies.filter((b) => b.error)) {
      expect(['SEATS_UNAVAILABLE', 'SLOT_UNAVAILABLE']).toContain(b.error?.code);
    }
    expect(
      await count(
        c.db,
        `SELECT coalesce(sum(seats), 0) AS n FROM bookings WHERE start_at = $1 AND status = 'confirmed'`,
        [start],
      ),
    ).toBe(10);
    for (const s of servers) expect(problems(s)).toEqual([]);
  }, 180_000);
});
