/**
 * Group sessions that need a room (SPEC §9.1, §8.4, decision 035), through the real HTTP server on
 * 127.0.0.1 and the embedded database: a session holds the room once, so its own start stays on
 * offer with its seats while the room is busy for every other service; a second session of another
 * group service in the room at the same time is 409; the room is free again once the session's
 * last seat is cancelled.
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

/** Ana's 10-seat workshop and Ben's 8-seat class both need the room, as does the portrait. */
const ROOM_SESSIONS: Setup = {
  ...STUDIO,
  resources: [{ key: 'room', name: 'Studio room' }],
  services: [
    ...(STUDIO.services ?? []).map((s) => (s.key === 'portrait' ? { ...s, resources: ['room'] } : s)),
    { key: 'workshop', name: 'Workshop', durationMinutes: 120, price: '0', capacity: 10, resources: ['room'] },
    { key: 'class', name: 'Class', durationMinutes: 60, price: '0', capacity: 8, resources: ['room'] },
  ],
  staff: (STUDIO.staff ?? []).map((m) => ({
    ...m,
    services: [...(m.services ?? []), m.key === 'ana' ? 'workshop' : 'class'],
  })),
};

let dir: string;
let rt: Runtime;
let served: Served;
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-session-rooms-'));
  const config = loadConfig({ SLOTWISE_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_IP: '0' });
  if (!config.ok) throw new Error(config.problems.join('; '));
  rt = await openRuntime(config.config);
  const imported = await importSetup({ store: rt.store, hashPassword: async (p) => `hash:${p}` }, ROOM_SESSIONS);
  if (!imported.ok) throw new Error(JSON.stringify(imported));
  served = await startServer(rt, { demo: false, log: (l) => errors.push(l), clock: testClock(STUDIO_NOW) });
});

afterAll(async () => {
  await served?.close();
  await rt?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Json {
  token?: string;
  error?: { code: string };
}

async function book(
  service: string,
  staff: string,
  start: string,
  who: string,
): Promise<{ status: number; body: Json }> {
  const r = await fetch(`${served.url}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service, staff, start, client: { name: who, email: `${who}@rooms.test` }, payment: 'none' }),
  });
  return { status: r.status, body: (await r.json()) as Json };
}

async function slots(service: string, staff: string, date: string): Promise<Map<string, number | undefined>> {
  const r = await fetch(`${served.url}/api/v1/availability/day?service=${service}&staff=${staff}&date=${date}`);
  const body = (await r.json()) as { slots: { start: string; seatsLeft?: number }[] };
  return new Map(body.slots.map((s) => [s.start, s.seatsLeft]));
}

const holds = async () =>
  Number((await rt.database.db.query('SELECT count(*)::int AS n FROM booking_resources'))[0]?.n);

// Wednesday: Ana's workshop 15:00–17:00 Paris; Ben (New York) starts at 16:00 Paris.
const WORKSHOP = '2027-03-31T15:00:00+02:00';
const CLASS = '2027-03-31T16:00:00+02:00';

describe('a group session holds its room once (HTTP, embedded database)', () => {
  it('seats share the room; the session stays on offer; other services and sessions find the room busy; the last cancel frees it', async () => {
    expect((await slots('class', '2', '2027-03-31')).get(CLASS)).toBe(8);
    const first = await book('workshop', '1', WORKSHOP, 'w1');
    expect(first.status).toBe(201);
    // The session's own hold does not hide its start: a second seat is offered and taken.
    expect((await slots('workshop', '1', '2027-03-31')).get(WORKSHOP)).toBe(9);
    const second = await book('workshop', '1', WORKSHOP, 'w2');
    expect(second.status).toBe(201);
    expect(await holds()).toBe(1);
    // Ben is free, the room is not: no class or portrait at 16:00, and a class asked for anyway is 409.
    expect((await slots('class', '2', '2027-03-31')).has(CLASS)).toBe(false);
    expect((await slots('portrait', '2', '2027-03-31')).has(CLASS)).toBe(false);
    const clash = await book('class', '2', CLASS, 'c1');
    expect([clash.status, clash.body.error?.code]).toEqual([409, 'SLOT_UNAVAILABLE']);
    // Cancelling one seat keeps the room; cancelling the last frees it for the class.
    for (const [i, seat] of [first, second].entries()) {
      const r = await fetch(`${served.url}/api/v1/manage/${seat.body.token}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'plans changed' }),
      });
      expect(r.status).toBe(200);
      expect(await holds()).toBe(i === 0 ? 1 : 0);
    }
    expect((await slots('class', '2', '2027-03-31')).get(CLASS)).toBe(8);
    expect((await book('class', '2', CLASS, 'c2')).status).toBe(201);
    expect(errors).toEqual([]);
  });
});
