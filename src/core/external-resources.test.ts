/**
 * External busy time (SPEC §8.3), closed vs full, and shared resources (§8.4) through the entry
 * points the app calls (slotsBetween, monthDays, checkSlot), with exact instants.
 */
import { describe, expect, it } from 'vitest';
import { workingIntervals } from './availability.ts';
import { checkSlot } from './booking-rules.ts';
import { type AvailabilityInput, dayWindow, monthDays, slotsBetween } from './calendar.ts';
import { at, busyOf, EVERY_DAY, isoSpan, span, staff, timing, weekly } from './test-fixtures.ts';
import { acceptedStarts, type Case, input, startsOn } from './test-sources.ts';

describe('external busy time (§8.3) is read like bookings', () => {
  it('a timed event refuses what it touches, with the gap after it', () => {
    const member = staff({ policy: { gapMinutes: 10 } });
    const external = { intervals: [span('2027-03-29T12:10:00Z/2027-03-29T12:50:00Z')], dates: [] };
    const c = { member, timing: timing(30), external };
    const listed = startsOn(c, '2027-03-29');
    expect(listed).toContain('2027-03-29T11:30:00Z');
    expect(listed).not.toContain('2027-03-29T12:00:00Z');
    expect(listed).not.toContain('2027-03-29T12:30:00Z');
    expect(listed).toContain('2027-03-29T13:00:00Z');
    expect(acceptedStarts(c, '2027-03-29')).toEqual(listed);
  });

  it('an all-day event in Tokyo (+9) blocks the member’s whole date; the gap reaches into the next', () => {
    // 2027-06-10 in Tokyo = 2027-06-09T15:00Z–2027-06-10T15:00Z; gap 30 → busy until 15:30Z.
    const member = staff({
      timezone: 'Asia/Tokyo',
      hours: weekly(EVERY_DAY, '00:00-24:00'),
      policy: { gapMinutes: 30, slotStepMinutes: 60 },
    });
    const c = { member, external: { intervals: [], dates: ['2027-06-10'] } };
    expect(startsOn(c, '2027-06-09').slice(-2)).toEqual(['2027-06-09T12:00:00Z', '2027-06-09T13:00:00Z']);
    expect(startsOn(c, '2027-06-10')).toEqual([]);
    expect(startsOn(c, '2027-06-11')[0]).toBe('2027-06-10T16:00:00Z'); // 01:00 JST; 00:00 is in the gap
    expect(acceptedStarts(c, '2027-06-10')).toEqual([]);
    expect(acceptedStarts(c, '2027-06-11')).toEqual(startsOn(c, '2027-06-11'));
  });

  it('an all-day event in Auckland (NZDT, +13): that date is full, its neighbours available', () => {
    const member = staff({ timezone: 'Pacific/Auckland' });
    const c = { member, external: { intervals: [], dates: ['2027-01-15'] }, now: at('2027-01-10T00:00:00Z') };
    const days = monthDays(input(c, 0), '2027-01', 'Pacific/Auckland');
    expect(days.filter((d) => d.date >= '2027-01-14' && d.date <= '2027-01-16')).toEqual([
      { date: '2027-01-14', status: 'available', slots: 15 },
      { date: '2027-01-15', status: 'full', slots: 0 },
      { date: '2027-01-16', status: 'available', slots: 15 },
    ]);
    // The 16th starts at 09:00 NZDT = 2027-01-15T20:00Z.
    expect(startsOn(c, '2027-01-16')[0]).toBe('2027-01-15T20:00:00Z');
  });
});

describe('closed vs full in the month view', () => {
  const now = at('2027-06-01T00:00:00Z');
  const statusOf = (c: Case, date: string) =>
    monthDays(input(c, now), '2027-06', c.member.timezone).find((d) => d.date === date)?.status;

  it.each([
    {
      name: 'working time all externally busy → full',
      member: staff(),
      ext: ['2027-06-10T09:00:00Z/2027-06-10T17:00:00Z'],
      date: '2027-06-10',
      expected: 'full',
    },
    {
      name: 'an all-day external event → full',
      member: staff(),
      dates: ['2027-06-10'],
      date: '2027-06-10',
      expected: 'full',
    },
    {
      name: 'working time all blocked → closed (time off, like a day off)',
      member: staff({ blocks: [{ from: '2027-06-10T08:00', to: '2027-06-10T18:00' }] }),
      date: '2027-06-10',
      expected: 'closed',
    },
    {
      name: 'half blocked, half booked → full',
      member: staff({ blocks: [{ from: '2027-06-10T09:00', to: '2027-06-10T13:00' }] }),
      bookings: ['2027-06-10T13:00:00Z/2027-06-10T17:00:00Z'],
      date: '2027-06-10',
      expected: 'full',
    },
    {
      name: 'date hours [] → closed',
      member: staff({ dateHours: { '2027-06-10': [] } }),
      date: '2027-06-10',
      expected: 'closed',
    },
    {
      name: 'date hours on a weekday without hours → available',
      member: staff({ hours: weekly(['mon'], '09:00-17:00'), dateHours: { '2027-06-12': ['10:00-12:00'] } }),
      date: '2027-06-12',
      expected: 'available',
    },
    {
      name: 'the room held all day → full',
      member: staff(),
      room: ['2027-06-10T00:00:00Z/2027-06-11T00:00:00Z'],
      date: '2027-06-10',
      expected: 'full',
    },
  ])('$name', ({ member, ext, dates, bookings, room, date, expected }) => {
    const c: Case = {
      member,
      ...(ext || dates ? { external: { intervals: (ext ?? []).map(span), dates: dates ?? [] } } : {}),
      ...(bookings ? { bookings: bookings.map(span) } : {}),
      ...(room ? { resources: new Map([['room', room.map(span)]]) } : {}),
    };
    expect(statusOf(c, date)).toBe(expected);
  });

  it('workingIntervals takes blocks out', () => {
    const member = staff({ blocks: [{ from: '2027-06-10T12:00', to: '2027-06-10T13:30' }] });
    expect(workingIntervals(member, '2027-06-10', now).map(isoSpan)).toEqual([
      '2027-06-10T09:00:00Z/2027-06-10T12:00:00Z',
      '2027-06-10T13:30:00Z/2027-06-10T17:00:00Z',
    ]);
  });
});

describe('shared resources (§8.4): a candidate needs every required resource free', () => {
  // Another member's booking 10:00–11:00 with 15/15 buffers holds the room 09:45–11:15.
  const room = new Map([['room', [span('2027-03-29T09:45:00Z/2027-03-29T11:15:00Z')]]]);
  const t = timing(60, 15, 15);

  it.each([{ gap: 0 }, { gap: 30 }])(
    'held for [start − before, end + after]; the member’s gap ($gap) is not the room’s',
    ({ gap }) => {
      const member = staff({ hours: weekly(EVERY_DAY, '08:00-14:00'), policy: { gapMinutes: gap } });
      const c = { member, timing: t, resources: room };
      // Refused for 08:30Z < s < 11:30Z: the candidate would hold [s − 15, s + 75).
      const expected = [
        '2027-03-29T08:00:00Z',
        '2027-03-29T08:30:00Z',
        '2027-03-29T11:30:00Z',
        '2027-03-29T12:00:00Z',
        '2027-03-29T12:30:00Z',
        '2027-03-29T13:00:00Z',
      ];
      expect(startsOn(c, '2027-03-29')).toEqual(expected);
      expect(acceptedStarts(c, '2027-03-29')).toEqual(expected);
    },
  );

  it('two resources: the candidate must miss both', () => {
    const member = staff({ hours: weekly(EVERY_DAY, '09:00-14:00') });
    const resources = new Map([
      ['room', [span('2027-03-29T10:00:00Z/2027-03-29T11:00:00Z')]],
      ['scanner', [span('2027-03-29T12:00:00Z/2027-03-29T13:00:00Z')]],
    ]);
    const c = { member, timing: timing(60), resources };
    expect(startsOn(c, '2027-03-29')).toEqual(['2027-03-29T09:00:00Z', '2027-03-29T11:00:00Z', '2027-03-29T13:00:00Z']);
  });

  it('"any" of two members sharing the room: a start whose room is taken is gone for both', () => {
    const m1 = staff({ id: 'm1', hours: weekly(EVERY_DAY, '09:00-13:00'), policy: { slotStepMinutes: 60 } });
    const m2 = staff({ id: 'm2', hours: weekly(EVERY_DAY, '09:00-13:00'), policy: { slotStepMinutes: 60 } });
    // m1 has 09:00–10:00 (its service holds the room); a third member holds the room 11:00–12:00.
    const bookings = busyOf(['2027-03-29T09:00:00Z/2027-03-29T10:00:00Z']);
    const held = [span('2027-03-29T09:00:00Z/2027-03-29T10:00:00Z'), span('2027-03-29T11:00:00Z/2027-03-29T12:00:00Z')];
    const any: AvailabilityInput = {
      staff: [m1, m2],
      timing: timing(60),
      busy: new Map([['m1', bookings]]),
      resources: new Map([['room', held]]),
      now: at('2027-03-01T00:00:00Z'),
    };
    const w = dayWindow('2027-03-29', 'UTC');
    expect(slotsBetween(any, w.start, w.end).map((s) => [isoSpan(s), s.staff])).toEqual([
      ['2027-03-29T10:00:00Z/2027-03-29T11:00:00Z', ['m1', 'm2']],
      ['2027-03-29T12:00:00Z/2027-03-29T13:00:00Z', ['m1', 'm2']],
    ]);
    // m2 is free at 09:00, but the room is not.
    const check = checkSlot({
      staff: m2,
      timing: timing(60),
      busy: [],
      resources: any.resources,
      now: any.now,
      start: at('2027-03-29T09:00:00Z'),
    });
    expect(check).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE', reason: 'taken' });
    const days = monthDays(
      { ...any, resources: new Map([['room', [span('2027-03-29T00:00:00Z/2027-03-30T00:00:00Z')]]]) },
      '2027-03',
      'UTC',
    );
    expect(days.find((d) => d.date === '2027-03-29')).toEqual({ date: '2027-03-29', status: 'full', slots: 0 });
  });
});
