/**
 * Cached month views are never stale: after every kind of change (a booking, a hold lapsing
 * mid-minute, time passing a notice boundary, a catalogue change) the cached answer equals a
 * fresh computation on a store without any cache.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testClock } from '../../test/support/clock.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { STUDIO, STUDIO_NOW } from '../../test/support/studio.ts';
import { createStore } from '../store/create-store.ts';
import { createBooking } from './create-booking.ts';
import { getMonthAvailability, type MonthAvailability } from './get-month-availability.ts';
import type { Store } from './ports.ts';
import { ViewCache } from './view-cache.ts';

let tdb: TestDatabase;
let plain: Store;
const clock = testClock(STUDIO_NOW);
let views: ViewCache<MonthAvailability>;
let computed: number;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
  plain = createStore(tdb.db); // same database, no cache: the reference answer
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  await tdb.reset();
  clock.set(STUDIO_NOW);
  await tdb.store.applySetup(
    {
      ...STUDIO,
      business: {
        ...STUDIO.business,
        minNoticeMinutes: 90,
        paymentUrl: 'https://pay.test/x',
        paymentSecret: 's'.repeat(20),
      },
    },
    async (p) => p,
  );
  views = new ViewCache();
  computed = 0;
});

const query = { service: 'portrait', staff: 'any', month: '2027-03' };

/** The month through the cache, checked against a fresh computation. */
async function month(): Promise<MonthAvailability> {
  const cached = await getMonthAvailability({ store: tdb.store, clock, monthViews: views }, query);
  const fresh = await getMonthAvailability({ store: plain, clock }, query);
  if (!cached.ok || !fresh.ok) throw new Error('month refused');
  expect(cached.value).toEqual(fresh.value);
  return cached.value;
}

const book = (start: string, payment: 'none' | 'full' | 'deposit' = 'none', email = 'ada@example.com') =>
  createBooking(
    { store: tdb.store, clock, secret: 'x'.repeat(40), publicUrl: 'http://127.0.0.1' },
    {
      service: 'portrait',
      staff: '1',
      start: Date.parse(start),
      client: { name: 'Ada', email, phone: null, address: null },
      notes: '',
      wantsReminder: false,
      payment,
    },
  );

const slotsOn = (m: MonthAvailability, date: string) => m.days.find((d) => d.date === date)?.slots;

describe('month views from the view cache', () => {
  it('serves a repeat from the cache, and the answer is the fresh one', async () => {
    const spy = new ViewCache<MonthAvailability>();
    const set = spy.set.bind(spy);
    spy.set = (...args) => {
      computed++;
      set(...args);
    };
    views = spy;
    const first = await month();
    expect(await month()).toEqual(first);
    expect(computed).toBe(1);
  });

  it('a booking changes the month at once', async () => {
    const before = slotsOn(await month(), '2027-03-29');
    expect((await book('2027-03-29T07:00:00Z', 'full')).ok).toBe(true);
    // Ana's 60-minute portrait at 09:00 Paris takes the 09:00 and 09:30 starts (Ben is not at work yet).
    expect(slotsOn(await month(), '2027-03-29')).toBe((before ?? 0) - 2);
  });

  it('a hold that lapses mid-minute frees its slot at that instant, not at the next minute', async () => {
    clock.set('2027-03-26T11:00:20Z');
    expect((await book('2027-03-29T07:00:00Z', 'deposit')).ok).toBe(true);
    const held = slotsOn(await month(), '2027-03-29');
    clock.set('2027-03-26T11:15:19.999Z');
    expect(slotsOn(await month(), '2027-03-29')).toBe(held);
    clock.set('2027-03-26T11:15:20Z'); // hold_until: now + 15 minutes
    expect(slotsOn(await month(), '2027-03-29')).toBe((held ?? 0) + 2); // 09:00 and 09:30 again
  });

  it('a slot leaves one millisecond after its notice boundary, even within a cached minute', async () => {
    // 90 minutes' notice. Ben works 10:00-18:00 in New York (14:00-22:00Z): his 15:00Z start is
    // kept while now <= 13:30:00.000Z and gone a millisecond later.
    const at = async (iso: string) => {
      clock.set(iso);
      return slotsOn(await month(), '2027-03-26');
    };
    const kept = await at('2027-03-26T13:29:30Z');
    expect(await at('2027-03-26T13:30:00Z')).toBe(kept);
    expect(await at('2027-03-26T13:30:00.001Z')).toBe((kept ?? 0) - 1);
    expect(await at('2027-03-26T13:30:30Z')).toBe((kept ?? 0) - 1);
  });

  it('a catalogue change (new hours) changes the month at once', async () => {
    const before = slotsOn(await month(), '2027-03-27');
    await tdb.store.applySetup(
      { staff: [{ key: 'ana', name: 'Ana', email: 'ana@studio.test', hours: { sat: [['09:00', '12:00']] } }] },
      async (p) => p,
    );
    // 09:00-12:00 with a 60-minute service on a 30-minute step: 09:00, 09:30, 10:00, 10:30, 11:00.
    expect(slotsOn(await month(), '2027-03-27')).toBe((before ?? 0) + 5);
  });
});
