/**
 * getDayAvailability and getMonthAvailability against the real embedded store: instants out (epoch
 * ms; the HTTP layer formats them), settings resolved staff → business, buffers and gaps kept on
 * both sides of a stored booking (docs/decisions/004), and refusals for unknown references.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestClock, testClock } from '../../test/support/clock.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { STUDIO, STUDIO_NOW } from '../../test/support/studio.ts';
import { createBooking } from './create-booking.ts';
import { getDayAvailability } from './get-day-availability.ts';
import { getMonthAvailability } from './get-month-availability.ts';
import type { Setup } from './setup-schema.ts';

const hash = async (p: string) => `hash:${p}`;
const ANA = '1';
const BEN = '2';
const iso = (ms: number) => new Date(ms).toISOString();

let tdb: TestDatabase;
let clock: TestClock;
let deps: { store: TestDatabase['store']; clock: TestClock };

beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  await tdb.reset();
  await tdb.store.applySetup(STUDIO, hash);
  clock = testClock(STUDIO_NOW);
  deps = { store: tdb.store, clock };
});

async function starts(staff: string, date: string, tz?: string): Promise<string[]> {
  const r = await getDayAvailability(deps, { service: 'portrait', staff, date, tz });
  if (!r.ok) throw new Error(r.code);
  return r.value.slots.map((s) => iso(s.start));
}

async function book(start: string, staff = ANA, email = 'ada@example.com'): Promise<void> {
  const r = await createBooking(
    { ...deps, secret: 'x'.repeat(40), publicUrl: 'http://127.0.0.1:3000' },
    {
      service: 'portrait',
      staff,
      start: Date.parse(start),
      client: { name: 'Client', email, phone: null, address: null },
      notes: '',
      wantsReminder: false,
      payment: 'none',
    },
  );
  if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.details)}`);
}

const setStaff = (over: Partial<NonNullable<Setup['staff']>[number]>, key = 'ana') =>
  tdb.store.applySetup({ staff: [{ key, name: key, email: `${key}@studio.test`, ...over }] }, hash);

describe('getDayAvailability', () => {
  it("returns instants, not text: Ben's Monday is 10:00-17:00 New York = 14:00Z-21:00Z", async () => {
    const r = await getDayAvailability(deps, {
      service: 'portrait',
      staff: BEN,
      date: '2027-03-29',
      tz: 'America/New_York',
    });
    expect(r.ok && r.value.date).toBe('2027-03-29');
    expect(r.ok && r.value.timezone).toBe('America/New_York');
    expect(r.ok && r.value.slots[0]).toEqual({
      start: Date.parse('2027-03-29T14:00:00Z'),
      end: Date.parse('2027-03-29T15:00:00Z'),
      staff: [BEN],
    });
    expect(await starts(BEN, '2027-03-29', 'America/New_York')).toEqual([
      '2027-03-29T14:00:00.000Z',
      '2027-03-29T14:30:00.000Z',
      '2027-03-29T15:00:00.000Z',
      '2027-03-29T15:30:00.000Z',
      '2027-03-29T16:00:00.000Z',
      '2027-03-29T16:30:00.000Z',
      '2027-03-29T17:00:00.000Z',
      '2027-03-29T17:30:00.000Z',
      '2027-03-29T18:00:00.000Z',
      '2027-03-29T18:30:00.000Z',
      '2027-03-29T19:00:00.000Z',
      '2027-03-29T19:30:00.000Z',
      '2027-03-29T20:00:00.000Z',
      '2027-03-29T20:30:00.000Z',
      '2027-03-29T21:00:00.000Z',
    ]);
  });

  it('the default viewer zone is the business zone (Paris)', async () => {
    const r = await getDayAvailability(deps, { service: 'portrait', staff: ANA, date: '2027-03-29' });
    expect(r.ok && r.value.timezone).toBe('Europe/Paris');
  });

  it("a member's slot step overrides the business's: Ben on a 60-minute step starts on the hour only", async () => {
    await setStaff({ slotStepMinutes: 60 }, 'ben');
    expect(await starts(BEN, '2027-03-29', 'America/New_York')).toEqual([
      '2027-03-29T14:00:00.000Z',
      '2027-03-29T15:00:00.000Z',
      '2027-03-29T16:00:00.000Z',
      '2027-03-29T17:00:00.000Z',
      '2027-03-29T18:00:00.000Z',
      '2027-03-29T19:00:00.000Z',
      '2027-03-29T20:00:00.000Z',
      '2027-03-29T21:00:00.000Z',
    ]);
  });

  it("a member's 30-minute gap keeps 30 minutes free after a 09:00 booking: the next start is 10:30", async () => {
    await setStaff({ gapMinutes: 30 });
    await book('2027-03-29T07:00:00Z'); // 09:00 Paris
    expect((await starts(ANA, '2027-03-29')).slice(0, 3)).toEqual([
      '2027-03-29T08:30:00.000Z', // 10:30 Paris
      '2027-03-29T09:00:00.000Z',
      '2027-03-29T11:00:00.000Z', // 13:00 Paris, the afternoon is untouched
    ]);
  });

  it('a stored booking keeps its own 30-minute buffer before: after 11:00 is booked, 10:00 (ending 11:00) goes, 09:30 stays', async () => {
    await tdb.store.applySetup(
      { services: [{ key: 'portrait', name: 'Portrait session', durationMinutes: 60, bufferBeforeMinutes: 30 }] },
      hash,
    );
    await book('2027-03-29T09:00:00Z'); // 11:00 Paris occupies 10:30-12:00
    expect((await starts(ANA, '2027-03-29')).slice(0, 3)).toEqual([
      '2027-03-29T07:00:00.000Z', // 09:00 occupies 08:30-10:00
      '2027-03-29T07:30:00.000Z', // 09:30 occupies 09:00-10:30: touches the booking's buffer
      '2027-03-29T11:00:00.000Z',
    ]);
  });

  it('an inactive member drops out of "any"', async () => {
    await setStaff({ active: false }, 'ben');
    const r = await getDayAvailability(deps, { service: 'portrait', staff: 'any', date: '2027-03-29' });
    expect(r.ok && r.value.slots.map((s) => s.staff)).toEqual(Array.from({ length: 12 }, () => [ANA]));
    const ben = await getDayAvailability(deps, { service: 'portrait', staff: BEN, date: '2027-03-29' });
    expect(ben).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      details: { fields: { staff: expect.any(String) } },
    });
  });

  it('an unknown or inactive service is NOT_FOUND (it is the addressed resource)', async () => {
    const unknown = await getDayAvailability(deps, { service: 'nope', staff: 'any', date: '2027-03-29' });
    expect(unknown).toEqual({ ok: false, code: 'NOT_FOUND', message: 'No active service "nope".' });
    await tdb.store.applySetup(
      { services: [{ key: 'consult', name: 'Consultation', durationMinutes: 30, active: false }] },
      hash,
    );
    const inactive = await getDayAvailability(deps, { service: 'consult', staff: 'any', date: '2027-03-29' });
    expect(inactive).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('getMonthAvailability', () => {
  it('a service nobody offers: every date closed, no first available date', async () => {
    await tdb.store.applySetup({ services: [{ key: 'retouch', name: 'Retouch', durationMinutes: 30 }] }, hash);
    const r = await getMonthAvailability(deps, { service: 'retouch', staff: 'any', month: '2027-04' });
    expect(r.ok && r.value.firstAvailable).toBeNull();
    expect(r.ok && new Set(r.value.days.map((d) => d.status))).toEqual(new Set(['closed']));
    const day = await getDayAvailability(deps, { service: 'retouch', staff: 'any', date: '2027-04-01' });
    expect(day.ok && day.value.slots).toEqual([]);
  });

  it('a fully booked worked day is full, and firstAvailable moves to the next one', async () => {
    for (const t of ['07:00', '08:00', '09:00', '11:00', '12:00', '13:00', '14:00']) {
      await book(`2027-03-29T${t}:00Z`, ANA, `c${t.slice(0, 2)}@example.com`);
    }
    clock.set('2027-03-27T09:00:00Z'); // Saturday: the next worked day is Monday the 29th
    const r = await getMonthAvailability(deps, { service: 'portrait', staff: ANA, month: '2027-03' });
    expect(r.ok && r.value.days.slice(26)).toEqual([
      { date: '2027-03-27', status: 'closed', slots: 0 },
      { date: '2027-03-28', status: 'closed', slots: 0 },
      { date: '2027-03-29', status: 'full', slots: 0 },
      { date: '2027-03-30', status: 'available', slots: 12 },
      { date: '2027-03-31', status: 'available', slots: 12 },
    ]);
    expect(r.ok && r.value.firstAvailable).toBe('2027-03-30');
  });

  it('firstAvailable searches past the month up to the horizon, and no further', async () => {
    await tdb.store.applySetup({ business: { horizonDays: 10 } }, hash); // last date 2027-04-05, Ana's holiday
    const march = await getMonthAvailability(deps, { service: 'portrait', staff: ANA, month: '2027-03' });
    expect(march.ok && march.value.firstAvailable).toBe('2027-03-26');
    clock.set('2027-04-01T20:00:00Z'); // Thursday night: Friday the 2nd is the last day Ana works before the horizon
    const april = await getMonthAvailability(deps, { service: 'portrait', staff: ANA, month: '2027-04' });
    expect(april.ok && april.value.firstAvailable).toBe('2027-04-02');
    await setStaff({ daysOff: [{ from: '2027-04-01', to: '2027-04-30' }] });
    const none = await getMonthAvailability(deps, { service: 'portrait', staff: ANA, month: '2027-03' });
    expect(none.ok && none.value.firstAvailable).toBeNull();
  });
});
