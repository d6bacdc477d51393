import { describe, expect, it } from 'vitest';
import {
  type AvailabilityInput,
  dayWindow,
  firstAvailableDate,
  lastBookableDate,
  monthDays,
  monthWindow,
  slotsBetween,
  viewerDaySlots,
} from './calendar.ts';
import {
  at,
  busyOf,
  iso,
  isoSpan,
  MON_FRI,
  type StaffOptions,
  staff,
  starts,
  timing,
  weekly,
} from './test-fixtures.ts';
import type { DayStatus, Interval, Slot, StaffSchedule } from './types.ts';

// The scene: a member in New York works Mon–Fri 16:00–20:00 EDT (20:00Z–24:00Z), 60-minute slots,
// horizon 14 days, off Thu 04-15 and Fri 04-16, and is fully booked on Friday 04-09.
// now = Wednesday 2027-04-07T12:00Z (08:00 in New York, 14:00 in Paris, 17:30 in Kolkata).
// A New York date D gives the Paris viewer 22:00 and 23:00 on D and 00:00 and 01:00 on D + 1,
// and the Kolkata viewer 01:30–04:30 on D + 1.
const NOW = at('2027-04-07T12:00:00Z');

function nyMember(options: StaffOptions = {}): StaffSchedule {
  return staff({
    id: 'ny',
    timezone: 'America/New_York',
    hours: weekly(MON_FRI, '16:00-20:00'),
    daysOff: [{ from: '2027-04-15', to: '2027-04-16' }],
    ...options,
    policy: { slotStepMinutes: 60, horizonDays: 14, ...options.policy },
  });
}

function scene(members: StaffSchedule[] = [nyMember()], busy: Record<string, Interval[]> = {}): AvailabilityInput {
  const fullyBooked = { ny: busyOf(['2027-04-09T20:00:00Z/2027-04-10T00:00:00Z']) };
  return { staff: members, timing: timing(60), busy: new Map(Object.entries({ ...fullyBooked, ...busy })), now: NOW };
}

const show = (slots: readonly Slot[]) => slots.map((s) => ({ start: iso(s.start), end: iso(s.end), staff: s.staff }));

describe('viewerDaySlots: the rules run in the member’s zone, slots are listed under the viewer’s date', () => {
  it.each([
    {
      viewer: 'Europe/Paris',
      date: '2027-04-07',
      expected: ['2027-04-07T20:00:00Z', '2027-04-07T21:00:00Z'],
    },
    {
      viewer: 'Europe/Paris',
      date: '2027-04-08',
      expected: ['2027-04-07T22:00:00Z', '2027-04-07T23:00:00Z', '2027-04-08T20:00:00Z', '2027-04-08T21:00:00Z'],
    },
    {
      viewer: 'Asia/Kolkata',
      date: '2027-04-08',
      expected: ['2027-04-07T20:00:00Z', '2027-04-07T21:00:00Z', '2027-04-07T22:00:00Z', '2027-04-07T23:00:00Z'],
    },
    {
      viewer: 'America/New_York',
      date: '2027-04-08',
      expected: ['2027-04-08T20:00:00Z', '2027-04-08T21:00:00Z', '2027-04-08T22:00:00Z', '2027-04-08T23:00:00Z'],
    },
    // Tuesday 04-06 is past in New York: its shift (Kolkata 04-07 01:30–04:30) lists nothing.
    { viewer: 'Asia/Kolkata', date: '2027-04-07', expected: [] },
    // Friday 04-09 is fully booked: its after-midnight hours in Paris and Kolkata are gone.
    { viewer: 'Europe/Paris', date: '2027-04-10', expected: [] },
    { viewer: 'Asia/Kolkata', date: '2027-04-10', expected: [] },
    // Saturday is listed in Kolkata (Friday in New York); Monday is not (Sunday there).
    {
      viewer: 'Asia/Kolkata',
      date: '2027-04-09',
      expected: ['2027-04-08T20:00:00Z', '2027-04-08T21:00:00Z', '2027-04-08T22:00:00Z', '2027-04-08T23:00:00Z'],
    },
    { viewer: 'Asia/Kolkata', date: '2027-04-12', expected: [] },
    // Day off Thu 04-15: Paris keeps Wednesday's after-midnight slots that day, Kolkata loses Friday.
    { viewer: 'Europe/Paris', date: '2027-04-15', expected: ['2027-04-14T22:00:00Z', '2027-04-14T23:00:00Z'] },
    { viewer: 'Asia/Kolkata', date: '2027-04-16', expected: [] },
    // Horizon: New York today 04-07 + 14 = 04-21; Thursday 04-22 is beyond it.
    { viewer: 'Europe/Paris', date: '2027-04-22', expected: ['2027-04-21T22:00:00Z', '2027-04-21T23:00:00Z'] },
    { viewer: 'America/New_York', date: '2027-04-22', expected: [] },
  ])('$viewer $date', ({ viewer, date, expected }) => {
    const slots = viewerDaySlots(scene(), date, viewer);
    expect(starts(slots)).toEqual(expected);
    expect(slots.every((s) => s.end - s.start === 3_600_000 && s.staff.join() === 'ny')).toBe(true);
  });

  it('between the US and EU clock changes New York is 5 hours behind Paris', () => {
    // 2027-03-15: New York is on EDT (-04:00), Paris still on CET (+01:00).
    const input = { ...scene(), now: at('2027-03-10T12:00:00Z') };
    expect(starts(viewerDaySlots(input, '2027-03-15', 'Europe/Paris'))).toEqual([
      '2027-03-15T20:00:00Z', // 21:00 CET
      '2027-03-15T21:00:00Z',
      '2027-03-15T22:00:00Z', // 23:00 CET; 19:00 EDT is 00:00 CET on 03-16
    ]);
    expect(starts(viewerDaySlots(input, '2027-03-16', 'Europe/Paris'))).toEqual([
      '2027-03-15T23:00:00Z',
      '2027-03-16T20:00:00Z',
      '2027-03-16T21:00:00Z',
      '2027-03-16T22:00:00Z',
    ]);
  });
});

describe('viewerDaySlots: every rule applies to a member abroad', () => {
  // The member in New York works split shifts Mon–Fri 09:00–12:00 and 13:00–17:00 EDT
  // (13:00Z–16:00Z and 17:00Z–21:00Z); the Paris viewer looks at Thursday 2027-04-08.
  const split = weekly(MON_FRI, '09:00-12:00', '13:00-17:00');

  it.each([
    {
      rule: 'split shifts: no start in the break, none running past a shift end',
      options: {},
      service: timing(60),
      bookings: [],
      now: '2027-04-07T12:00:00Z',
      expected: [
        '2027-04-08T13:00:00Z',
        '2027-04-08T14:00:00Z',
        '2027-04-08T15:00:00Z',
        '2027-04-08T17:00:00Z',
        '2027-04-08T18:00:00Z',
        '2027-04-08T19:00:00Z',
        '2027-04-08T20:00:00Z',
      ],
    },
    {
      rule: 'a day off lists nothing',
      options: { daysOff: [{ from: '2027-04-08', to: '2027-04-08' }] },
      service: timing(60),
      bookings: [],
      now: '2027-04-07T12:00:00Z',
      expected: [],
    },
    {
      rule: 'a date beyond the horizon lists nothing',
      options: { policy: { horizonDays: 0 } },
      service: timing(60),
      bookings: [],
      now: '2027-04-07T12:00:00Z',
      expected: [],
    },
    {
      rule: 'min notice 60: nothing before now + 1 h (15:30Z)',
      options: { policy: { minNoticeMinutes: 60 } },
      service: timing(60),
      bookings: [],
      now: '2027-04-08T14:30:00Z',
      expected: ['2027-04-08T17:00:00Z', '2027-04-08T18:00:00Z', '2027-04-08T19:00:00Z', '2027-04-08T20:00:00Z'],
    },
    {
      rule: 'a booking 18:00Z–19:00Z removes its own start only',
      options: {},
      service: timing(60),
      bookings: ['2027-04-08T18:00:00Z/2027-04-08T19:00:00Z'],
      now: '2027-04-07T12:00:00Z',
      expected: [
        '2027-04-08T13:00:00Z',
        '2027-04-08T14:00:00Z',
        '2027-04-08T15:00:00Z',
        '2027-04-08T17:00:00Z',
        '2027-04-08T19:00:00Z',
        '2027-04-08T20:00:00Z',
      ],
    },
    {
      rule: 'gap 30 around a booking 18:00Z–19:00Z also removes 17:00Z and 19:00Z',
      options: { policy: { gapMinutes: 30 } },
      service: timing(60),
      bookings: ['2027-04-08T18:00:00Z/2027-04-08T19:00:00Z'],
      now: '2027-04-07T12:00:00Z',
      expected: ['2027-04-08T13:00:00Z', '2027-04-08T14:00:00Z', '2027-04-08T15:00:00Z', '2027-04-08T20:00:00Z'],
    },
    {
      rule: 'buffer before 60: a booking 14:00Z–15:00Z removes 14:00Z and 15:00Z',
      options: {},
      service: timing(60, 60, 0),
      bookings: ['2027-04-08T14:00:00Z/2027-04-08T15:00:00Z'],
      now: '2027-04-07T12:00:00Z',
      expected: [
        '2027-04-08T13:00:00Z',
        '2027-04-08T17:00:00Z',
        '2027-04-08T18:00:00Z',
        '2027-04-08T19:00:00Z',
        '2027-04-08T20:00:00Z',
      ],
    },
    {
      rule: 'buffer after 60: a booking 14:00Z–15:00Z removes 13:00Z and 14:00Z',
      options: {},
      service: timing(60, 0, 60),
      bookings: ['2027-04-08T14:00:00Z/2027-04-08T15:00:00Z'],
      now: '2027-04-07T12:00:00Z',
      expected: [
        '2027-04-08T15:00:00Z',
        '2027-04-08T17:00:00Z',
        '2027-04-08T18:00:00Z',
        '2027-04-08T19:00:00Z',
        '2027-04-08T20:00:00Z',
      ],
    },
  ])('$rule', ({ options, service, bookings, now, expected }) => {
    const member = nyMember({ hours: split, daysOff: [], ...options });
    const input: AvailabilityInput = {
      staff: [member],
      timing: service,
      busy: new Map([['ny', busyOf(bookings, timing(60), member.policy.gapMinutes)]]),
      now: at(now),
    };
    expect(starts(viewerDaySlots(input, '2027-04-08', 'Europe/Paris'))).toEqual(expected);
  });

  it('split shifts straddle two Kolkata dates', () => {
    const input = scene([nyMember({ hours: split, daysOff: [] })], { ny: [] });
    expect(starts(viewerDaySlots(input, '2027-04-08', 'Asia/Kolkata'))).toEqual([
      '2027-04-07T19:00:00Z', // Wednesday 15:00 EDT = Thursday 00:30 IST
      '2027-04-07T20:00:00Z',
      '2027-04-08T13:00:00Z', // Thursday 09:00 EDT = 18:30 IST
      '2027-04-08T14:00:00Z',
      '2027-04-08T15:00:00Z',
      '2027-04-08T17:00:00Z',
      '2027-04-08T18:00:00Z', // 14:00 EDT = 23:30 IST; 15:00 EDT is Friday in Kolkata
    ]);
  });
});

describe('"any staff": slots are united and list the members who can take them', () => {
  // Monday 2027-03-29. '1' (UTC) works 09:00–12:00; '2' (Paris, CEST) 10:00–13:00 = 08:00Z–11:00Z;
  // '10' (UTC) 09:00–10:00 and 11:00–12:00.
  const members = [
    staff({ id: '1', hours: weekly(['mon'], '09:00-12:00'), policy: { slotStepMinutes: 60 } }),
    staff({
      id: '2',
      timezone: 'Europe/Paris',
      hours: weekly(['mon'], '10:00-13:00'),
      policy: { slotStepMinutes: 60 },
    }),
    staff({ id: '10', hours: weekly(['mon'], '09:00-10:00', '11:00-12:00'), policy: { slotStepMinutes: 60 } }),
  ];
  const input = (busy: Record<string, Interval[]> = {}): AvailabilityInput => ({
    staff: members,
    timing: timing(60),
    busy: new Map(Object.entries(busy)),
    now: at('2027-03-29T00:00:00Z'),
  });

  it('every start of any member, with each member free then', () => {
    expect(show(viewerDaySlots(input(), '2027-03-29', 'UTC'))).toEqual([
      { start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z', staff: ['2'] },
      { start: '2027-03-29T09:00:00Z', end: '2027-03-29T10:00:00Z', staff: ['1', '2', '10'] },
      { start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z', staff: ['1', '2'] },
      { start: '2027-03-29T11:00:00Z', end: '2027-03-29T12:00:00Z', staff: ['1', '10'] },
    ]);
  });

  it('a busy member drops out of the slot; the slot stays while someone can take it', () => {
    const busy = {
      '2': busyOf(['2027-03-29T09:00:00Z/2027-03-29T10:00:00Z']),
      '1': busyOf(['2027-03-29T10:00:00Z/2027-03-29T11:00:00Z']),
    };
    expect(show(viewerDaySlots(input(busy), '2027-03-29', 'UTC'))).toEqual([
      { start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z', staff: ['2'] },
      { start: '2027-03-29T09:00:00Z', end: '2027-03-29T10:00:00Z', staff: ['1', '10'] },
      { start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z', staff: ['2'] },
      { start: '2027-03-29T11:00:00Z', end: '2027-03-29T12:00:00Z', staff: ['1', '10'] },
    ]);
  });

  it('the union is laid out in the viewer’s zone too (Kolkata: 13:30–16:30 IST)', () => {
    expect(starts(viewerDaySlots(input(), '2027-03-29', 'Asia/Kolkata'))).toEqual([
      '2027-03-29T08:00:00Z',
      '2027-03-29T09:00:00Z',
      '2027-03-29T10:00:00Z',
      '2027-03-29T11:00:00Z',
    ]);
  });
});

describe('slotsBetween: slots starting in [from, to)', () => {
  it('includes a slot starting at from, excludes one starting at to', () => {
    const slots = slotsBetween(scene(), at('2027-04-08T20:00:00Z'), at('2027-04-08T22:00:00Z'));
    expect(starts(slots)).toEqual(['2027-04-08T20:00:00Z', '2027-04-08T21:00:00Z']);
  });
});

describe('dayWindow / monthWindow: the instants of a viewer’s date or month', () => {
  it.each([
    { date: '2027-03-28', zone: 'Europe/Paris', expected: '2027-03-27T23:00:00Z/2027-03-28T22:00:00Z' },
    { date: '2027-10-31', zone: 'Europe/Paris', expected: '2027-10-30T22:00:00Z/2027-10-31T23:00:00Z' },
    { date: '2027-11-07', zone: 'America/New_York', expected: '2027-11-07T04:00:00Z/2027-11-08T05:00:00Z' },
    { date: '2027-03-29', zone: 'Asia/Kolkata', expected: '2027-03-28T18:30:00Z/2027-03-29T18:30:00Z' },
  ])('$date in $zone is $expected', ({ date, zone, expected }) => {
    expect(isoSpan(dayWindow(date, zone))).toBe(expected);
  });

  it.each([
    { month: '2027-10', zone: 'Europe/Paris', expected: '2027-09-30T22:00:00Z/2027-10-31T23:00:00Z' },
    { month: '2027-03', zone: 'America/New_York', expected: '2027-03-01T05:00:00Z/2027-04-01T04:00:00Z' },
    { month: '2027-12', zone: 'UTC', expected: '2027-12-01T00:00:00Z/2028-01-01T00:00:00Z' },
    { month: '2027-13', zone: 'UTC', expected: null },
    { month: '2027-4', zone: 'UTC', expected: null },
  ])('$month in $zone is $expected', ({ month, zone, expected }) => {
    const w = monthWindow(month, zone);
    expect(w === null ? null : isoSpan(w)).toBe(expected);
  });
});

describe('monthDays: every viewer date gets past / closed / full / available with its slot count', () => {
  type Row = [DayStatus, number];
  const past: Row = ['past', 0];
  const closed: Row = ['closed', 0];
  const full: Row = ['full', 0];
  const open = (n: number): Row => ['available', n];

  it.each([
    {
      viewer: 'Europe/Paris',
      // 04-10 is full: Friday's after-midnight hours are worked but booked.
      expected: [
        ...[past, past, past, past, past, past], // 01–06
        open(2), // 07: Wednesday 22:00, 23:00
        open(4), // 08
        open(2), // 09: Friday evening booked, Thursday's after-midnight slots remain
        full, // 10
        closed, // 11
        open(2), // 12
        open(4), // 13
        open(4), // 14
        open(2), // 15: day off, Wednesday's after-midnight slots remain
        ...[closed, closed, closed], // 16–18
        open(2), // 19
        open(4), // 20
        open(4), // 21
        open(2), // 22: Thursday beyond the horizon, Wednesday's after-midnight slots remain
        ...[closed, closed, closed, closed, closed, closed, closed, closed], // 23–30
      ],
    },
    {
      viewer: 'Asia/Kolkata',
      expected: [
        ...[past, past, past, past, past, past], // 01–06
        full, // 07: Tuesday's shift in New York fell on it and is over
        open(4), // 08
        open(4), // 09
        full, // 10
        ...[closed, closed], // 11–12
        open(4), // 13
        open(4), // 14
        open(4), // 15
        ...[closed, closed, closed, closed], // 16–19
        open(4), // 20
        open(4), // 21
        open(4), // 22
        ...[closed, closed, closed, closed, closed, closed, closed, closed], // 23–30
      ],
    },
    {
      viewer: 'America/New_York',
      expected: [
        ...[past, past, past, past, past, past], // 01–06
        open(4), // 07
        open(4), // 08
        full, // 09
        ...[closed, closed], // 10–11
        open(4), // 12
        open(4), // 13
        open(4), // 14
        ...[closed, closed, closed, closed], // 15–18
        open(4), // 19
        open(4), // 20
        open(4), // 21
        ...[closed, closed, closed, closed, closed, closed, closed, closed, closed], // 22–30
      ],
    },
  ])('April 2027 for a viewer in $viewer', ({ viewer, expected }) => {
    const days = monthDays(scene(), '2027-04', viewer);
    expect(days.map((d) => d.date)).toEqual(
      Array.from({ length: 30 }, (_, i) => `2027-04-${String(i + 1).padStart(2, '0')}`),
    );
    expect(days.map((d): Row => [d.status, d.slots])).toEqual(expected);
  });

  it.each([
    { rule: 'a shift that is over makes today full', daysOff: [], expected: 'full' },
    { rule: 'a day off stays closed', daysOff: [{ from: '2027-04-06', to: '2027-04-06' }], expected: 'closed' },
  ])('today in Kolkata holds Tuesday’s New York shift (01:30–05:30 IST): $rule', ({ daysOff, expected }) => {
    const today = monthDays(scene([nyMember({ daysOff })]), '2027-04', 'Asia/Kolkata').find(
      (d) => d.date === '2027-04-07',
    );
    expect(today).toEqual({ date: '2027-04-07', status: expected, slots: 0 });
  });

  it('a malformed month has no days', () => {
    expect(monthDays(scene(), '2027-13', 'UTC')).toEqual([]);
  });
});

describe('firstAvailableDate: the viewer date the calendar opens on', () => {
  it.each([
    { viewer: 'Europe/Paris', from: '2027-04-01', expected: '2027-04-07', why: 'from before today starts today' },
    { viewer: 'Asia/Kolkata', from: '2027-04-01', expected: '2027-04-08', why: 'today is full in Kolkata' },
    { viewer: 'Europe/Paris', from: '2027-04-10', expected: '2027-04-12', why: 'skips full and closed dates' },
    { viewer: 'Asia/Kolkata', from: '2027-04-10', expected: '2027-04-13', why: 'skips full and closed dates' },
    { viewer: 'Europe/Paris', from: '2027-04-22', expected: '2027-04-22', why: 'the last bookable date' },
    { viewer: 'Europe/Paris', from: '2027-04-23', expected: null, why: 'nothing after the horizon' },
  ])('$viewer from $from → $expected ($why)', ({ viewer, from, expected }) => {
    expect(firstAvailableDate(scene(), from, viewer)).toBe(expected);
  });

  it.each([
    { viewer: 'Europe/Paris', expected: '2027-05-13' },
    { viewer: 'Asia/Kolkata', expected: '2027-05-14' },
    { viewer: 'America/New_York', expected: '2027-05-13' },
  ])(
    'looks past the month: off until 05-12, the first slot is Thursday 05-13 16:00 EDT ($viewer → $expected)',
    ({ viewer, expected }) => {
      const member = nyMember({ daysOff: [{ from: '2027-04-01', to: '2027-05-12' }], policy: { horizonDays: 90 } });
      expect(firstAvailableDate(scene([member]), '2027-04-07', viewer)).toBe(expected);
      expect(monthDays(scene([member]), '2027-04', viewer).filter((d) => d.status === 'available')).toEqual([]);
    },
  );

  it('gives null when nothing is free up to the horizon', () => {
    const member = nyMember({ daysOff: [{ from: '2027-04-01', to: '2027-05-12' }] });
    expect(firstAvailableDate(scene([member]), '2027-04-07', 'Europe/Paris')).toBeNull();
  });

  it('with "any staff" the earliest member wins', () => {
    const away = nyMember({ daysOff: [{ from: '2027-04-01', to: '2027-05-12' }], policy: { horizonDays: 90 } });
    const kolkata = staff({ id: 'k', timezone: 'Asia/Kolkata', hours: weekly(MON_FRI, '09:00-17:00') });
    // 12:00Z is 17:30 IST: Kolkata's Wednesday is over; Thursday 09:00 IST = 03:30Z = 05:30 in Paris.
    expect(firstAvailableDate(scene([away, kolkata]), '2027-04-07', 'Europe/Paris')).toBe('2027-04-08');
  });
});

describe('lastBookableDate: the viewer date holding the last instant of the horizon', () => {
  // New York today 04-07 + 14 = 04-21, which ends at 2027-04-22T04:00Z.
  it.each([
    { viewer: 'America/New_York', expected: '2027-04-21' },
    { viewer: 'Pacific/Honolulu', expected: '2027-04-21' },
    { viewer: 'UTC', expected: '2027-04-22' },
    { viewer: 'Europe/Paris', expected: '2027-04-22' },
    { viewer: 'Asia/Kolkata', expected: '2027-04-22' },
  ])('$viewer → $expected', ({ viewer, expected }) => {
    expect(lastBookableDate(scene(), viewer)).toBe(expected);
  });

  it('with several members the latest horizon wins', () => {
    // Kolkata today 04-07 + 30 = 05-07, which ends at 2027-05-07T18:30Z.
    const kolkata = staff({ id: 'k', timezone: 'Asia/Kolkata', policy: { horizonDays: 30 } });
    expect(lastBookableDate(scene([nyMember(), kolkata]), 'America/New_York')).toBe('2027-05-07');
    expect(lastBookableDate(scene([nyMember(), kolkata]), 'Pacific/Kiritimati')).toBe('2027-05-08');
  });

  it('is null without members', () => {
    expect(lastBookableDate(scene([]), 'UTC')).toBeNull();
  });
});
