/**
 * Availability sources with three `slotwise serve` processes on one PostgreSQL server (issue 18):
 * - a shared room: 50 concurrent bookings of one start, spread over two staff members whose
 *   service needs the same room and over the three processes, give exactly one 201 — the
 *   database's exclusion constraint on booking_resources decides, not any process;
 * - the calendar poll: 30 feeds due at once (served on 127.0.0.1, ALLOW_PRIVATE_URLS=1), every
 *   process sweeping every 100 ms, and each feed is fetched exactly once in the round.
 * Without a PostgreSQL server the file is skipped, visibly (test/support/postgres.ts).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Setup } from '../src/app/setup-schema.ts';
import { type RunningServer, runCli } from './support/cli.ts';
import { type FeedServer, fixture, startFeedServer } from './support/feed-server.ts';
import { POSTGRES_SKIP_REASON, startTestPostgres, testPostgresAvailable } from './support/postgres.ts';
import { type Cluster, cluster, count, exitOf, problems } from './support/server-mode.ts';
import { STUDIO } from './support/studio.ts';

const available = testPostgresAvailable();
if (!available) console.warn(POSTGRES_SKIP_REASON);

const FEEDS = 30;

let c: Cluster;
let feeds: FeedServer;
let servers: RunningServer[] = [];

/** The test studio with the portrait needing the room, and Ana and Ben subscribed to FEEDS calendars. */
function setup(): Setup {
  return {
    ...STUDIO,
    resources: [{ key: 'room', name: 'Studio room' }],
    services: (STUDIO.services ?? []).map((s) => (s.key === 'portrait' ? { ...s, resources: ['room'] } : s)),
    // Half the feeds each (a member has at most 20).
    staff: (STUDIO.staff ?? []).map((m, k) => ({
      ...m,
      calendars: Array.from({ length: FEEDS / 2 }, (_, j) => {
        const name = `feed-${k * (FEEDS / 2) + j}`;
        feeds.set(name, { status: 200, type: 'text/calendar', body: fixture('google.ics') });
        return { url: feeds.url(name), label: name };
      }),
    })),
  };
}

beforeAll(async () => {
  if (!available) return;
  const server = await startTestPostgres();
  if (!server) throw new Error(POSTGRES_SKIP_REASON);
  c = cluster(server);
  feeds = await startFeedServer();
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => exitOf(s)));
  await feeds?.close();
  await c?.close();
}, 120_000);

/** A start both Ana (staff 1) and Ben (staff 2) are offered for the portrait, next month. */
async function sharedStart(base: string): Promise<string> {
  const next = new Date();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const get = async (path: string) => (await fetch(`${base}${path}`)).json();
  for (let d = 1; d <= 28; d++) {
    const date = `${next.toISOString().slice(0, 8)}${String(d).padStart(2, '0')}`;
    const [ana, ben] = (await Promise.all(
      ['1', '2'].map((s) => get(`/api/v1/availability/day?service=portrait&staff=${s}&date=${date}`)),
    )) as { slots: { start: string }[] }[];
    const benStarts = new Set(ben?.slots.map((s) => Date.parse(s.start)));
    const both = ana?.slots.find((s) => benStarts.has(Date.parse(s.start)));
    if (both) return both.start;
  }
  throw new Error('Ana and Ben share no start next month');
}

describe.skipIf(!available)('availability sources, three processes on one PostgreSQL server', () => {
  it('imports the room and the calendars, then each of the 30 due feeds is fetched exactly once', async () => {
    const file = join(tmpdir(), `slotwise-sources-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(setup()));
    const imported = await runCli(['import', file], c.env({ ALLOW_PRIVATE_URLS: '1' }), 120_000);
    rmSync(file);
    expect(imported.code, imported.stderr).toBe(0);

    servers = await Promise.all([0, 1, 2].map(() => c.serve({ ALLOW_PRIVATE_URLS: '1' })));
    await c.waitFor(
      'every feed fetched',
      async () =>
        (await count(c.db, 'SELECT count(*) AS n FROM staff_calendars WHERE last_success_at IS NOT NULL')) === FEEDS,
      60_000,
      100,
    );
    // Every job of the round finished, so no second fetch is still on its way.
    await c.waitFor(
      'the round’s jobs done',
      async () =>
        (await count(
          c.db,
          "SELECT count(*) AS n FROM jobs WHERE kind = 'calendar.refresh' AND done_at IS NULL AND failed_at IS NULL",
        )) === 0,
      60_000,
      100,
    );
    const hits = Array.from({ length: FEEDS }, (_, i) => feeds.hits(`feed-${i}`));
    expect(hits).toEqual(Array.from({ length: FEEDS }, () => 1));
    expect(await count(c.db, "SELECT count(*) AS n FROM jobs WHERE kind = 'calendar.refresh'")).toBe(FEEDS);
    const { rows } = await c.db.query<{ n: string }>(
      "SELECT count(DISTINCT done_by) AS n FROM jobs WHERE kind = 'calendar.refresh'",
    );
    console.info(`${FEEDS} due feeds, three processes: fetched by ${rows[0]?.n} of them, each once`);
  }, 240_000);

  it('50 concurrent bookings of one start, two staff members needing the one room, over three processes: one 201', async () => {
    c.assertAlive();
    const start = await sharedStart((servers[0] as RunningServer).url);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${(servers[i % 3] as RunningServer).url}/api/v1/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            service: 'portrait',
            staff: i % 2 === 0 ? '1' : '2',
            start,
            client: { name: `Client ${i}`, email: `c${i}@room.test` },
            payment: 'none',
          }),
        }),
      ),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { error?: { code: string } }[];
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(bodies.filter((b) => b.error?.code === 'SLOT_UNAVAILABLE')).toHaveLength(49);
    expect(await count(c.db, 'SELECT count(*) AS n FROM bookings WHERE start_at = $1', [start])).toBe(1);
    expect(await count(c.db, 'SELECT count(*) AS n FROM booking_resources')).toBe(1);
    for (const s of servers) expect(problems(s)).toEqual([]);
  }, 180_000);
});
