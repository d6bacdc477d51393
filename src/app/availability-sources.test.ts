/**
 * Every source of availability through the real use cases and the real embedded store (read cache
 * on, as in production): date-specific hours, blocks (a block counts like a booking, gap
 * included), external busy time (a date all busy is `full`, not `closed`; a booking on time that
 * became busy is refused inside the booking's transaction) and a room two members share (for one
 * member, for "any", for a booking, a move, and the month-view cache). Studio: test/support/studio.ts
 * (Ana in Paris, Ben in New York), with the portrait requiring the studio room.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestClock, testClock } from '../../test/support/clock.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { STUDIO, STUDIO_NOW } from '../../test/support/studio.ts';
import { span } from '../store/contract/fixtures.ts';
import { type CreateBookingInput, createBooking } from './create-booking.ts';
import { getDayAvailability } from './get-day-availability.ts';
import { getMonthAvailability, type MonthAvailability } from './get-month-availability.ts';
import { moveToSlot } from './move-to-slot.ts';
import type { Store } from './ports.ts';
import type { Setup } from './setup-schema.ts';
import { ViewCache } from './view-cache.ts';

const hash = async (p: string) => `hash:${p}`;
const ANA = '1';
const BEN = '2';
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const at = (text: string) => Date.parse(text);

const WITH_ROOM: Setup = {
  ...STUDIO,
  resources: [{ key: 'room', name: 'Studio room' }],
  services: (STUDIO.services ?? []).map((s) => (s.key === 'portrait' ? { ...s, resources: ['room'] } : s)),
};

let tdb: TestDatabase;
let clock: TestClock;
let deps: { store: Store; clock: TestClock; secret: string; publicUrl: string };

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  await tdb.reset();
  await tdb.store.applySetup(WITH_ROOM, hash);
  clock = testClock(STUDIO_NOW);
  deps = { store: tdb.store, clock, secret: 'x'.repeat(40), publicUrl: 'http://127.0.0.1:3000' };
});

async function starts(staff: string, date: string, service = 'portrait', store: Store = tdb.store): Promise<string[]> {
  const r = await getDayAvailability({ store, clock }, { service, staff, date, tz: 'UTC' });
  if (!r.ok) throw new Error(r.code);
  return r.value.slots.map((s) => iso(s.start));
}

async function month(staff: string, m: string, monthViews?: ViewCache<MonthAvailability>) {
  const r = await getMonthAvailability(
    { store: tdb.store, clock, monthViews },
    { service: 'portrait', staff, month: m },
  );
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

function booking(over: Partial<CreateBookingInput>): CreateBookingInput {
  return {
    service: 'portrait',
    staff: ANA,
    start: at('2027-03-29T08:00:00Z'),
    client: { name: 'Ada', email: `ada${Math.random()}@example.com`, phone: null, address: null },
    notes: '',
    wantsReminder: false,
    payment: 'none',
    ...over,
  };
}

/** Records a good fetch of a calendar of Ana's with these busy spans and all-day dates. */
async function anaCalendar(busy: string[], dates: string[] = []): Promise<void> {
  const c = await tdb.store.addCalendar(
    ANA,
    { url: 'https://cal.example.test/ana/secret.ics', label: 'Ana' },
    at(STUDIO_NOW),
    null,
  );
  if (!c) throw new Error('no calendar');
  await tdb.store.recordCalendarFetch(c.id, {
    url: c.url,
    startedAt: at(STUDIO_NOW),
    endedAt: at(STUDIO_NOW),
    outcome: { ok: true, busy: busy.map(span), dates },
  });
}

describe('date-specific hours (SPEC §8.1)', () => {
  it('replace the weekly hours of their date; [] closes it; they open a weekday without weekly hours', async () => {
    // Monday 29 March, Paris (+02:00): Ana works 09–12 and 13–17; only 10:00–11:00 that date.
    await tdb.store.setDateHours(ANA, '2027-03-29', [{ start: 600, end: 660 }]);
    expect(await starts(ANA, '2027-03-29')).toEqual(['2027-03-29T08:00:00Z']);
    // A Saturday: Ana has no weekly hours; 10:00–12:00 opens it.
    await tdb.store.setDateHours(ANA, '2027-04-03', [{ start: 600, end: 720 }]);
    expect(await starts(ANA, '2027-04-03')).toEqual([
      '2027-04-03T08:00:00Z',
      '2027-04-03T08:30:00Z',
      '2027-04-03T09:00:00Z',
    ]);
    await tdb.store.setDateHours(ANA, '2027-03-30', []);
    const days = (await month(ANA, '2027-03')).days;
    expect(days.find((d) => d.date === '2027-03-30')?.status).toBe('closed');
    expect(days.find((d) => d.date === '2027-04-03')).toBeUndefined();
    expect((await month(ANA, '2027-04')).days.find((d) => d.date === '2027-04-03')?.status).toBe('available');
  });
});

describe('blocks (SPEC §8.2)', () => {
  it('a block removes every candidate it touches, the gap on both sides, as a booking would', async () => {
    await tdb.store.addBlock(ANA, { from: '2027-03-29T10:00', to: '2027-03-29T10:30', note: 'Dentist' });
    // Gap 0: touching candidates stay (09:00–10:00, 10:30–11:30).
    expect((await starts(ANA, '2027-03-29')).slice(0, 3)).toEqual([
      '2027-03-29T07:00:00Z',
      '2027-03-29T08:30:00Z',
      '2027-03-29T09:00:00Z',
    ]);
    // Gap 30: 09:00 would end at 10:00 with 30 minutes' rest running into the block; 10:30 starts
    // with no rest after it. 11:00 is the first start left.
    await tdb.store.applySetup({ business: { gapMinutes: 30 } }, hash);
    expect((await starts(ANA, '2027-03-29')).slice(0, 2)).toEqual(['2027-03-29T09:00:00Z', '2027-03-29T11:00:00Z']);
  });

  it('a block over a whole date makes it closed (time off), not full', async () => {
    await tdb.store.addBlock(ANA, { from: '2027-03-31T00:00', to: '2027-04-01T00:00', note: null });
    expect((await month(ANA, '2027-03')).days.find((d) => d.date === '2027-03-31')?.status).toBe('closed');
  });
});

describe('external busy time (SPEC §8.3)', () => {
  it('removes the candidates it touches; an all-day event fills its date in the member’s zone (full, not closed)', async () => {
    // 10:00–11:00 Paris busy; the whole of Tuesday 30 March in Paris (east of UTC: 29 March 22:00Z on).
    await anaCalendar(['2027-03-29T08:00:00Z/2027-03-29T09:00:00Z'], ['2027-03-30']);
    // 09:00 Paris touches it; 10:00 and 10:30 are gone; 11:00 is the morning's last; then 13:00.
    expect((await starts(ANA, '2027-03-29')).slice(0, 3)).toEqual([
      '2027-03-29T07:00:00Z',
      '2027-03-29T09:00:00Z',
      '2027-03-29T11:00:00Z',
    ]);
    const days = (await month(ANA, '2027-03')).days;
    expect(days.find((d) => d.date === '2027-03-30')).toEqual({ date: '2027-03-30', status: 'full', slots: 0 });
    expect(days.find((d) => d.date === '2027-03-31')?.status).toBe('available');
  });

  it('a booking on time that became busy is a 409 SLOT_UNAVAILABLE, decided inside the booking’s transaction', async () => {
    expect(await starts(ANA, '2027-03-29')).toContain('2027-03-29T08:00:00Z');
    await anaCalendar(['2027-03-29T08:00:00Z/2027-03-29T09:00:00Z']);
    // Outside the transaction the store sees no external busy time at all: only the read made
    // inside it can refuse.
    const blindOutside: Store = {
      ...tdb.store,
      listExternalBusy: async (ids) => new Map(ids.map((id) => [id, { intervals: [], dates: [] }])),
      transaction: (fn) => tdb.store.transaction(fn),
    };
    const r = await createBooking({ ...deps, store: blindOutside }, booking({}));
    expect(r).toMatchObject({ ok: false, code: 'SLOT_UNAVAILABLE', details: { reason: 'taken' } });
    expect(await tdb.db.query('SELECT count(*)::int AS n FROM bookings')).toEqual([{ n: 0 }]);
    // Touching the busy time is fine.
    expect((await createBooking(deps, booking({ start: at('2027-03-29T07:00:00Z') }))).ok).toBe(true);
  });
});

describe('a shared room (SPEC §8.4)', () => {
  // Monday 29 March: Ben's 10:00 New York is 14:00Z, Ana's 16:00 Paris.
  const BEN_10 = at('2027-03-29T14:00:00Z');

  it('a booking of Ben holding the room removes Ana’s candidates that need it, for her and for "any"', async () => {
    expect(await starts(ANA, '2027-03-29')).toContain('2027-03-29T14:00:00Z');
    const r = await createBooking(deps, booking({ staff: BEN, start: BEN_10 }));
    expect(r.ok).toBe(true);
    const ana = await starts(ANA, '2027-03-29');
    expect(ana).not.toContain('2027-03-29T13:30:00Z');
    expect(ana).not.toContain('2027-03-29T14:00:00Z');
    expect(ana).toContain('2027-03-29T13:00:00Z'); // ends as Ben's hold begins
    const any = await starts('any', '2027-03-29');
    expect(any).not.toContain('2027-03-29T14:00:00Z');
    expect(any).toContain('2027-03-29T15:00:00Z'); // Ben again, once his own booking has ended
    // A service that needs no room is not affected.
    expect(await starts(ANA, '2027-03-29', 'consult')).toContain('2027-03-29T14:00:00Z');
    const clash = await createBooking(deps, booking({ staff: ANA, start: BEN_10 }));
    expect(clash).toMatchObject({ ok: false, code: 'SLOT_UNAVAILABLE', details: { reason: 'taken' } });
  });

  it('the month-view cache is not fooled: another member taking the room changes the view', async () => {
    const views = new ViewCache<MonthAvailability>();
    await month(ANA, '2027-04', views); // loads the rows the view's token is made of
    const before = await month(ANA, '2027-04', views); // computed again, and kept
    expect(await month(ANA, '2027-04', views)).toBe(before); // served from the cache
    const tuesday = before.days.find((d) => d.date === '2027-04-13')?.slots ?? 0;
    expect(tuesday).toBeGreaterThan(0);
    // Ben, Tuesday 13 April 10:00 New York = 16:00 Paris: Ana loses 15:30 and 16:00.
    expect((await createBooking(deps, booking({ staff: BEN, start: at('2027-04-13T14:00:00Z') }))).ok).toBe(true);
    // Something else reads the room's holds again first (the cache holds rows once more).
    await starts(ANA, '2027-04-14');
    const after = await month(ANA, '2027-04', views);
    expect(after.days.find((d) => d.date === '2027-04-13')?.slots).toBe(tuesday - 2);
  });

  it('a move is judged without the booking’s own holds, and refused where the room is taken', async () => {
    // Ben at 11:00 New York (15:00Z); Ana holds the room 14:00–15:00Z (16:00 Paris).
    const ben = await createBooking(deps, booking({ staff: BEN, start: at('2027-03-29T15:00:00Z') }));
    const ana = await createBooking(deps, booking({ staff: ANA, start: BEN_10 }));
    if (!ben.ok || !ana.ok) throw new Error('fixture bookings refused');
    const business = await tdb.store.getBusiness();
    const move = async (start: string) => {
      const current = await tdb.store.getBooking(ben.value.booking.id);
      if (!current) throw new Error('gone');
      return tdb.store.transaction((tx) =>
        moveToSlot(tx, current, business, { start: at(start), staffId: BEN, reason: 'test' }, at(STUDIO_NOW)),
      );
    };
    // Half an hour later overlaps only its own hold.
    expect((await move('2027-03-29T15:30:00Z')).ok).toBe(true);
    // 10:00 New York: Ben is free, the room is not.
    expect(await move('2027-03-29T14:00:00Z')).toMatchObject({ ok: false, code: 'SLOT_UNAVAILABLE' });
    const rows = await tdb.db.query(
      `SELECT lower(held) AS s FROM booking_resources br JOIN bookings b ON b.id = br.booking_id WHERE b.staff_id = $1`,
      [BEN],
    );
    expect(rows.map((r) => iso(new Date(r.s as string).getTime()))).toEqual(['2027-03-29T15:30:00Z']);
  });
});
