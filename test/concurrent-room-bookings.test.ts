/**
 * A shared room, raced (SPEC §8.4, issue 18): 50 concurrent requests for one start, spread over two
 * staff members whose service needs the same room, through the real HTTP server on 127.0.0.1
 * against the embedded database. Both members are free; only the room refuses the 49 others. The
 * embedded database runs one transaction at a time, so here the room's holds read inside the
 * booking's transaction decide, with the exclusion constraint (booking_resources_no_overlap)
 * behind them; the PostgreSQL twin with three processes, where the constraint alone decides, is
 * test/server-mode-sources.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSetup } from '../src/app/import-setup.ts';
import type { Setup } from '../src/app/setup-schema.ts';
import { loadConfig } from '../src/config.ts';
import { openRuntime, type Runtime, type Served, startServer } from '../src/main.ts';
import { testClock } from './support/clock.ts';
import { STUDIO, STUDIO_NOW } from './support/studio.ts';

const WITH_ROOM: Setup = {
  ...STUDIO,
  resources: [{ key: 'room', name: 'Studio room' }],
  services: (STUDIO.services ?? []).map((s) => (s.key === 'portrait' ? { ...s, resources: ['room'] } : s)),
};

let dir: string;
let rt: Runtime;
let served: Served;
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-room-race-'));
  const config = loadConfig({ SLOTWISE_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_IP: '0' });
  if (!config.ok) throw new Error(config.problems.join('; '));
  rt = await openRuntime(config.config);
  const imported = await importSetup({ store: rt.store, hashPassword: async (p) => `hash:${p}` }, WITH_ROOM);
  if (!imported.ok) throw new Error(JSON.stringify(imported));
  served = await startServer(rt, { demo: false, log: (l) => errors.push(l), clock: testClock(STUDIO_NOW) });
});

afterAll(async () => {
  await served?.close();
  await rt?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a room two members share, raced through the HTTP server', () => {
  it('50 requests for one start over Ana and Ben, who need the one room: exactly one 201, 49 × 409, one hold', async () => {
    // Ana (Paris) works until 17:00; Ben (New York, 10:00-18:00) starts at 16:00 Paris time.
    const start = '2027-03-31T16:00:00+02:00';
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${served.url}/api/v1/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            service: 'portrait',
            staff: i % 2 === 0 ? '1' : '2',
            start,
            client: { name: `Room ${i}`, email: `r${i}@race.test` },
            payment: 'none',
            wantsReminder: false,
          }),
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array(49).fill(409)]);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { error?: { code: string } }[];
    expect(bodies.filter((b) => b.error?.code === 'SLOT_UNAVAILABLE')).toHaveLength(49);
    const [bookings] = await rt.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bookings');
    const [holds] = await rt.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM booking_resources');
    expect([Number(bookings?.n), Number(holds?.n)]).toEqual([1, 1]);
    expect(errors).toEqual([]);
  });
});
