import { describe, expect, it } from 'vitest';
import { problemFields } from './problems.ts';
import { at, iso } from './test-fixtures.ts';
import {
  type FreedStart,
  nextWaitlistOffer,
  offerExpiresAt,
  offerLive,
  type WaitlistEntry,
  waitlistJoinProblems,
  waitlistMatches,
  waitlistPosition,
} from './waitlist.ts';

/** An entry for the portrait service on 14 June 2027 in Paris, any member, one seat, joined at 08:00Z. */
function entry(o: Partial<WaitlistEntry> = {}): WaitlistEntry {
  return {
    id: '1',
    serviceId: 'portrait',
    staffId: null,
    date: '2027-06-14',
    timezone: 'Europe/Paris',
    from: null,
    to: null,
    seats: 1,
    createdAt: at('2027-06-01T08:00:00Z'),
    ...o,
  };
}

/** Ana's 10:00–11:00 Paris time (08:00Z–09:00Z) on 14 June, one seat free. */
function freed(o: Partial<FreedStart> = {}): FreedStart {
  return {
    serviceId: 'portrait',
    staffId: 'ana',
    start: at('2027-06-14T08:00:00Z'),
    end: at('2027-06-14T09:00:00Z'),
    seatsFree: 1,
    ...o,
  };
}

describe('waitlistMatches: service, member or any, date and times in the entry’s zone, seats', () => {
  it.each([
    { name: 'any member, the whole date', e: {}, f: {}, expected: true },
    { name: 'another service', e: {}, f: { serviceId: 'workshop' }, expected: false },
    { name: 'the member asked for', e: { staffId: 'ana' }, f: {}, expected: true },
    { name: 'another member than the one asked for', e: { staffId: 'ben' }, f: {}, expected: false },
    { name: 'starts at `from` (10:00)', e: { from: 600 }, f: {}, expected: true },
    { name: 'starts before `from` (10:30)', e: { from: 630 }, f: {}, expected: false },
    { name: 'ends at `to` (11:00)', e: { to: 660 }, f: {}, expected: true },
    { name: 'ends after `to` (10:59)', e: { to: 659 }, f: {}, expected: false },
    {
      name: 'the same UTC date but the next Paris date (00:30 on the 15th)',
      e: {},
      f: { start: at('2027-06-14T22:30:00Z'), end: at('2027-06-14T23:30:00Z') },
      expected: false,
    },
    {
      name: 'the Paris date but the previous UTC date (00:30 on the 14th = 22:30Z on the 13th)',
      e: {},
      f: { start: at('2027-06-13T22:30:00Z'), end: at('2027-06-13T23:30:00Z') },
      expected: true,
    },
    {
      name: 'ends at midnight, `to` 24:00',
      e: { to: 1440 },
      f: { start: at('2027-06-14T21:00:00Z'), end: at('2027-06-14T22:00:00Z') },
      expected: true,
    },
    {
      name: 'ends past midnight, `to` 24:00',
      e: { to: 1440 },
      f: { start: at('2027-06-14T21:30:00Z'), end: at('2027-06-14T22:30:00Z') },
      expected: false,
    },
    { name: 'wants 2 seats, 1 free', e: { seats: 2 }, f: {}, expected: false },
    { name: 'wants 2 seats of a session with 3 free', e: { seats: 2 }, f: { seatsFree: 3 }, expected: true },
  ])('$name → $expected', ({ e, f, expected }) => {
    expect(waitlistMatches(entry(e), freed(f))).toBe(expected);
  });
});

describe('nextWaitlistOffer: the oldest matching entry (join time, then id)', () => {
  const entries = [
    entry({ id: '10', createdAt: at('2027-06-01T09:00:00Z') }),
    entry({ id: '7', createdAt: at('2027-06-01T08:00:00Z'), staffId: 'ben' }), // oldest, wrong member
    entry({ id: '9', createdAt: at('2027-06-01T09:00:00Z') }), // ties with 10: the lower id
    entry({ id: '3', createdAt: at('2027-06-01T10:00:00Z') }),
    entry({ id: '2', createdAt: at('2027-06-01T07:00:00Z'), seats: 2 }), // oldest, wants 2 seats
  ];

  it.each([
    { passed: [], expected: '9' },
    { passed: ['9'], expected: '10' },
    { passed: ['9', '10'], expected: '3' },
    { passed: ['9', '10', '3'], expected: null },
  ])('passed $passed → $expected', ({ passed, expected }) => {
    expect(nextWaitlistOffer(entries, freed(), new Set(passed))?.id ?? null).toBe(expected);
  });

  it('a session freeing two seats reaches the entry wanting two', () => {
    expect(nextWaitlistOffer(entries, freed({ seatsFree: 2 }))?.id).toBe('2');
  });
});

describe('offerExpiresAt: waitlistOfferMinutes, but never past the last moment the start can be booked', () => {
  const now = at('2027-06-14T06:00:00Z');
  it.each([
    { start: '2027-06-14T12:00:00Z', offer: 30, notice: 0, expected: '2027-06-14T06:30:00Z' },
    { start: '2027-06-14T06:20:00Z', offer: 30, notice: 0, expected: '2027-06-14T06:20:00Z' },
    { start: '2027-06-14T07:00:00Z', offer: 30, notice: 45, expected: '2027-06-14T06:15:00Z' },
    { start: '2027-06-14T06:45:00Z', offer: 30, notice: 45, expected: null },
    { start: '2027-06-14T06:00:00Z', offer: 30, notice: 0, expected: null },
  ])('start $start, $offer min, notice $notice → $expected', ({ start, offer, notice, expected }) => {
    const expires = offerExpiresAt({ now, offerMinutes: offer, start: at(start), minNoticeMinutes: notice });
    expect(expires === null ? null : iso(expires)).toBe(expected);
  });

  it('an offer is live strictly before it lapses (then 410 OFFER_EXPIRED)', () => {
    const expires = at('2027-06-14T06:30:00Z');
    expect([expires - 1, expires, expires + 1].map((t) => offerLive(expires, t))).toEqual([true, false, false]);
  });
});

describe('waitlistPosition: counted from 1 among the same service and date, by join order', () => {
  it('counts only earlier entries of the same service and date', () => {
    const me = entry({ id: '5', createdAt: at('2027-06-01T09:00:00Z') });
    const waiting = [
      entry({ id: '1', createdAt: at('2027-06-01T08:00:00Z') }),
      entry({ id: '4', createdAt: at('2027-06-01T09:00:00Z') }), // same time, lower id: ahead
      entry({ id: '6', createdAt: at('2027-06-01T09:00:00Z') }), // same time, higher id: behind
      entry({ id: '2', createdAt: at('2027-06-01T07:00:00Z'), date: '2027-06-15' }),
      entry({ id: '3', createdAt: at('2027-06-01T07:00:00Z'), serviceId: 'workshop' }),
      me,
    ];
    expect(waitlistPosition(waiting, me)).toBe(3);
    expect(waitlistPosition([me], me)).toBe(1);
  });
});

describe('waitlistJoinProblems (issue 19 bad input: a date beyond the horizon)', () => {
  const context = { today: '2027-06-01', horizonDays: 30, service: { capacity: 1, maxSeatsPerBooking: 1 } };
  it.each([
    { join: { date: '2027-06-14' }, expected: {} },
    { join: { date: '2027-06-01', from: '09:00', to: '24:00' }, expected: {} },
    { join: { date: '2027-07-01' }, expected: {} },
    { join: { date: '2027-07-02' }, expected: { date: 'at most 30 days ahead' } },
    { join: { date: '2027-05-31' }, expected: { date: 'a date from today on' } },
    { join: { date: '2027-02-30' }, expected: { date: 'a real date YYYY-MM-DD' } },
    { join: { date: '2027-06-14', from: '9:00' }, expected: { from: 'a time HH:MM' } },
    { join: { date: '2027-06-14', from: '24:00' }, expected: { from: 'a time HH:MM' } },
    { join: { date: '2027-06-14', to: '00:00' }, expected: { to: 'a time HH:MM after 00:00' } },
    { join: { date: '2027-06-14', from: '12:00', to: '12:00' }, expected: { to: 'after `from`' } },
    { join: { date: '2027-06-14', from: '12:00', to: '11:00' }, expected: { to: 'after `from`' } },
    { join: { date: '2027-06-14', seats: 2 }, expected: { seats: 'this service is booked one place at a time' } },
    { join: { date: '2027-06-14', seats: 0 }, expected: { seats: 'at least 1' } },
  ])('$join → $expected', ({ join, expected }) => {
    expect(problemFields(waitlistJoinProblems(join, context))).toEqual(expected);
  });
});
