/**
 * The demo studio's room (issue 18, SPEC §8.4): the photographers share one studio room for
 * portraits, so a portrait booked with Tomás takes that time away from Ana's portraits and from
 * "any"; headshots use a corner that needs no room, so Ana's headshots at that time stay offered.
 * Through the real set-up import, use cases and embedded store.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBooking } from '../src/app/create-booking.ts';
import { getDayAvailability } from '../src/app/get-day-availability.ts';
import { importSetup } from '../src/app/import-setup.ts';
import type { Store } from '../src/app/ports.ts';
import { demoSetup } from '../src/demo/demo-studio.ts';
import { testClock } from './support/clock.ts';
import { openTestDatabase, type TestDatabase } from './support/db.ts';

// Monday 14 June 2027, 09:00 in Lisbon; Wednesday 16th both Ana (14–18) and Tomás (12–20) work.
const NOW = '2027-06-14T08:00:00Z';
const WEDNESDAY = '2027-06-16';
const TWO_PM = Date.parse('2027-06-16T13:00:00Z'); // 14:00 in Lisbon (summer time)

let tdb: TestDatabase;
let deps: { store: Store; clock: ReturnType<typeof testClock>; secret: string; publicUrl: string };
let ids: Record<string, string>;

beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  await tdb.reset();
  const clock = testClock(NOW);
  deps = { store: tdb.store, clock, secret: 'x'.repeat(40), publicUrl: 'http://127.0.0.1:3000' };
  const imported = await importSetup(
    { store: tdb.store, hashPassword: async (p) => `hash:${p}` },
    demoSetup(clock.now()),
  );
  expect(imported.ok).toBe(true);
  ids = Object.fromEntries((await tdb.store.listStaff()).map((m) => [m.name.split(' ')[0], m.id]));
});

async function offers(service: string, staff: string): Promise<boolean> {
  const r = await getDayAvailability(deps, { service, staff, date: WEDNESDAY });
  if (!r.ok) throw new Error(r.code);
  return r.value.slots.some((s) => s.start === TWO_PM);
}

describe('the demo studio’s room', () => {
  it('a portrait with Tomás takes the studio room: Ana’s portraits and "any" lose that time, headshots keep it', async () => {
    expect(await offers('portrait-session', ids.Ana as string)).toBe(true);
    expect(await offers('portrait-session', 'any')).toBe(true);
    const booked = await createBooking(deps, {
      service: 'portrait-session',
      staff: ids.Tomás as string,
      start: TWO_PM,
      client: { name: 'Inês Costa', email: 'ines@example.test', phone: null, address: null },
      notes: '',
      wantsReminder: false,
      payment: 'none',
    });
    expect(booked.ok).toBe(true);
    // Ana is free, but the room is not.
    expect(await offers('portrait-session', ids.Ana as string)).toBe(false);
    expect(await offers('portrait-session', 'any')).toBe(false);
    // A headshot needs no room.
    expect(await offers('headshot-express', ids.Ana as string)).toBe(true);
    const second = await createBooking(deps, {
      service: 'portrait-session',
      staff: ids.Ana as string,
      start: TWO_PM,
      client: { name: 'Rui Almeida', email: 'rui@example.test', phone: null, address: null },
      notes: '',
      wantsReminder: false,
      payment: 'none',
    });
    expect(second).toMatchObject({ ok: false, code: 'SLOT_UNAVAILABLE' });
  });

  it('a workshop session with Tomás holds the studio room once: two seats, one hold; Ana’s portraits lose the time', async () => {
    const seat = (who: string) =>
      createBooking(deps, {
        service: 'lighting-workshop',
        staff: ids.Tomás as string,
        start: TWO_PM,
        client: { name: who, email: `${who.toLowerCase()}@example.test`, phone: null, address: null },
        notes: '',
        wantsReminder: false,
        payment: 'none',
      });
    expect((await seat('Inês')).ok).toBe(true);
    expect((await seat('Rui')).ok).toBe(true);
    const [holds] = await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM booking_resources');
    expect(Number(holds?.n)).toBe(1);
    const r = await getDayAvailability(deps, {
      service: 'lighting-workshop',
      staff: ids.Tomás as string,
      date: WEDNESDAY,
    });
    if (!r.ok) throw new Error(r.code);
    expect(r.value.slots.find((s) => s.start === TWO_PM)?.seatsLeft).toBe(6);
    expect(await offers('portrait-session', ids.Ana as string)).toBe(false);
    expect(await offers('headshot-express', ids.Ana as string)).toBe(true);
  });
});
