import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from './date.ts';
import { candidates, daySlots, occupiedSpan } from './slots.ts';
import { at, busyOf, EVERY_DAY, isoSpan, MON_FRI, span, staff, starts, timing, weekly } from './test-fixtures.ts';
import type { DayOff, Interval, StaffSchedule } from './types.ts';

/** The member's slots on a date with nothing booked, `now` the previous midnight UTC. */
function freeSlots(member: StaffSchedule, date: string, durationMinutes: number): Interval[] {
  const now = at(`${addDays(date, -1)}T00:00:00Z`);
  return daySlots({ staff: member, date, timing: timing(durationMinutes), busy: [], now });
}

describe('occupiedSpan: a booking keeps [start − bufferBefore, end + bufferAfter + gap)', () => {
  it.each([
    { before: 0, after: 0, gap: 0, expected: '2027-03-29T12:00:00Z/2027-03-29T13:00:00Z' },
    { before: 15, after: 0, gap: 0, expected: '2027-03-29T11:45:00Z/2027-03-29T13:00:00Z' },
    { before: 0, after: 10, gap: 0, expected: '2027-03-29T12:00:00Z/2027-03-29T13:10:00Z' },
    { before: 0, after: 0, gap: 5, expected: '2027-03-29T12:00:00Z/2027-03-29T13:05:00Z' },
    { before: 15, after: 10, gap: 5, expected: '2027-03-29T11:45:00Z/2027-03-29T13:15:00Z' },
  ])('before $before, after $after, gap $gap → $expected', ({ before, after, gap, expected }) => {
    const b = span('2027-03-29T12:00:00Z/2027-03-29T13:00:00Z');
    expect(isoSpan(occupiedSpan(b.start, b.end, timing(60, before, after), gap))).toBe(expected);
  });
});

describe('the seed example (SPEC §2.4): 60-min service, 30-min step, a booking 17:00–18:00', () => {
  it.each([
    {
      zone: 'UTC',
      booking: '2027-03-29T17:00:00Z/2027-03-29T18:00:00Z',
      expected: [
        '2027-03-29T09:00:00Z',
        '2027-03-29T09:30:00Z',
        '2027-03-29T10:00:00Z',
        '2027-03-29T10:30:00Z',
        '2027-03-29T11:00:00Z',
        '2027-03-29T11:30:00Z',
        '2027-03-29T12:00:00Z',
        '2027-03-29T12:30:00Z',
        '2027-03-29T13:00:00Z',
        '2027-03-29T13:30:00Z',
        '2027-03-29T14:00:00Z',
        '2027-03-29T14:30:00Z',
        '2027-03-29T15:00:00Z',
        '2027-03-29T15:30:00Z',
        '2027-03-29T16:00:00Z',
        // 16:30, 17:00 and 17:30 would overlap the booking.
        '2027-03-29T18:00:00Z',
        '2027-03-29T18:30:00Z',
        '2027-03-29T19:00:00Z',
        // 19:30 would end at 20:30, after the working range.
      ],
    },
    {
      // 09:00–20:00 CEST = 07:00Z–18:00Z; the booking 17:00–18:00 CEST = 15:00Z–16:00Z.
      zone: 'Europe/Paris',
      booking: '2027-03-29T15:00:00Z/2027-03-29T16:00:00Z',
      expected: [
        '2027-03-29T07:00:00Z',
        '2027-03-29T07:30:00Z',
        '2027-03-29T08:00:00Z',
        '2027-03-29T08:30:00Z',
        '2027-03-29T09:00:00Z',
        '2027-03-29T09:30:00Z',
        '2027-03-29T10:00:00Z',
        '2027-03-29T10:30:00Z',
        '2027-03-29T11:00:00Z',
        '2027-03-29T11:30:00Z',
        '2027-03-29T12:00:00Z',
        '2027-03-29T12:30:00Z',
        '2027-03-29T13:00:00Z',
        '2027-03-29T13:30:00Z',
        '2027-03-29T14:00:00Z',
        '2027-03-29T16:00:00Z',
        '2027-03-29T16:30:00Z',
        '2027-03-29T17:00:00Z',
      ],
    },
  ])('in $zone, 16:30, 17:00 and 17:30 are gone and 18:00 is the next free start', ({ zone, booking, expected }) => {
    const member = staff({ timezone: zone, hours: weekly(EVERY_DAY, '09:00-20:00'), policy: { slotStepMinutes: 30 } });
    const slots = daySlots({
      staff: member,
      date: '2027-03-29',
      timing: timing(60),
      busy: busyOf([booking]),
      now: at('2027-03-29T00:00:00Z'),
    });
    expect(starts(slots)).toEqual(expected);
  });
});

describe('candidates on clock-change days (SPEC §2.2–3): skipped times dropped, repeated times first, real minutes', () => {
  it.each([
    // Europe/Paris, spring forward: 02:00 CET → 03:00 CEST at 2027-03-28T01:00Z.
    {
      zone: 'Europe/Paris',
      date: '2027-03-28',
      hours: '00:00-06:00',
      step: 30,
      duration: 30,
      expected: [
        '2027-03-27T23:00:00Z', // 00:00 CET
        '2027-03-27T23:30:00Z',
        '2027-03-28T00:00:00Z',
        '2027-03-28T00:30:00Z', // 01:30 CET; 02:00 and 02:30 do not exist
        '2027-03-28T01:00:00Z', // 03:00 CEST
        '2027-03-28T01:30:00Z',
        '2027-03-28T02:00:00Z',
        '2027-03-28T02:30:00Z',
        '2027-03-28T03:00:00Z',
        '2027-03-28T03:30:00Z', // 05:30 CEST, ends 06:00 CEST = 04:00Z
      ],
    },
    {
      zone: 'Europe/Paris',
      date: '2027-03-28',
      hours: '00:00-06:00',
      step: 60,
      duration: 60,
      expected: [
        '2027-03-27T23:00:00Z',
        '2027-03-28T00:00:00Z',
        '2027-03-28T01:00:00Z',
        '2027-03-28T02:00:00Z',
        '2027-03-28T03:00:00Z',
      ],
    },
    {
      // 01:00–04:00 is two real hours [00:00Z, 02:00Z); 03:30 CEST would end 02:30Z.
      zone: 'Europe/Paris',
      date: '2027-03-28',
      hours: '01:00-04:00',
      step: 30,
      duration: 60,
      expected: ['2027-03-28T00:00:00Z', '2027-03-28T00:30:00Z', '2027-03-28T01:00:00Z'],
    },
    {
      // 01:30 CET + 90 real minutes = 04:00 CEST: exactly the end, kept.
      zone: 'Europe/Paris',
      date: '2027-03-28',
      hours: '01:00-04:00',
      step: 30,
      duration: 90,
      expected: ['2027-03-28T00:00:00Z', '2027-03-28T00:30:00Z'],
    },
    {
      // The end 02:30 does not exist: the range ends at the change, 01:00Z.
      zone: 'Europe/Paris',
      date: '2027-03-28',
      hours: '00:00-02:30',
      step: 30,
      duration: 60,
      expected: ['2027-03-27T23:00:00Z', '2027-03-27T23:30:00Z', '2027-03-28T00:00:00Z'],
    },
    {
      // The start 02:30 does not exist: the grid keeps its wall-clock anchor (03:30, 04:30, …).
      zone: 'Europe/Paris',
      date: '2027-03-28',
      hours: '02:30-05:00',
      step: 60,
      duration: 60,
      expected: ['2027-03-28T01:30:00Z'],
    },
    // Europe/Paris, fall back: 03:00 CEST → 02:00 CET at 2027-10-31T01:00Z.
    {
      zone: 'Europe/Paris',
      date: '2027-10-31',
      hours: '00:00-06:00',
      step: 30,
      duration: 30,
      expected: [
        '2027-10-30T22:00:00Z', // 00:00 CEST
        '2027-10-30T22:30:00Z',
        '2027-10-30T23:00:00Z',
        '2027-10-30T23:30:00Z',
        '2027-10-31T00:00:00Z', // 02:00 CEST, first occurrence
        '2027-10-31T00:30:00Z', // 02:30 CEST; the second 02:00–03:00 (01:00Z–02:00Z) gives nothing
        '2027-10-31T02:00:00Z', // 03:00 CET
        '2027-10-31T02:30:00Z',
        '2027-10-31T03:00:00Z',
        '2027-10-31T03:30:00Z',
        '2027-10-31T04:00:00Z',
        '2027-10-31T04:30:00Z', // 05:30 CET, ends 06:00 CET = 05:00Z
      ],
    },
    {
      zone: 'Europe/Paris',
      date: '2027-10-31',
      hours: '00:00-06:00',
      step: 60,
      duration: 60,
      expected: [
        '2027-10-30T22:00:00Z',
        '2027-10-30T23:00:00Z',
        '2027-10-31T00:00:00Z',
        '2027-10-31T02:00:00Z',
        '2027-10-31T03:00:00Z',
        '2027-10-31T04:00:00Z',
      ],
    },
    {
      // 01:00–04:00 is four real hours [23:00Z, 03:00Z); 03:30 CET would end 03:30Z.
      zone: 'Europe/Paris',
      date: '2027-10-31',
      hours: '01:00-04:00',
      step: 30,
      duration: 60,
      expected: [
        '2027-10-30T23:00:00Z',
        '2027-10-30T23:30:00Z',
        '2027-10-31T00:00:00Z',
        '2027-10-31T00:30:00Z',
        '2027-10-31T02:00:00Z',
      ],
    },
    {
      // 02:00 CEST + 120 real minutes = 03:00 CET = 02:00Z, within 04:00 CET = 03:00Z.
      zone: 'Europe/Paris',
      date: '2027-10-31',
      hours: '01:00-04:00',
      step: 60,
      duration: 120,
      expected: ['2027-10-30T23:00:00Z', '2027-10-31T00:00:00Z'],
    },
    {
      // The end 02:30 occurs twice: its first occurrence, 00:30Z, ends the range.
      zone: 'Europe/Paris',
      date: '2027-10-31',
      hours: '00:00-02:30',
      step: 30,
      duration: 60,
      expected: ['2027-10-30T22:00:00Z', '2027-10-30T22:30:00Z', '2027-10-30T23:00:00Z', '2027-10-30T23:30:00Z'],
    },
    // America/New_York, spring forward: 02:00 EST → 03:00 EDT at 2027-03-14T07:00Z.
    {
      zone: 'America/New_York',
      date: '2027-03-14',
      hours: '00:00-06:00',
      step: 30,
      duration: 30,
      expected: [
        '2027-03-14T05:00:00Z', // 00:00 EST
        '2027-03-14T05:30:00Z',
        '2027-03-14T06:00:00Z',
        '2027-03-14T06:30:00Z', // 01:30 EST; 02:00 and 02:30 do not exist
        '2027-03-14T07:00:00Z', // 03:00 EDT
        '2027-03-14T07:30:00Z',
        '2027-03-14T08:00:00Z',
        '2027-03-14T08:30:00Z',
        '2027-03-14T09:00:00Z',
        '2027-03-14T09:30:00Z',
      ],
    },
    {
      zone: 'America/New_York',
      date: '2027-03-14',
      hours: '00:00-06:00',
      step: 60,
      duration: 60,
      expected: [
        '2027-03-14T05:00:00Z',
        '2027-03-14T06:00:00Z',
        '2027-03-14T07:00:00Z',
        '2027-03-14T08:00:00Z',
        '2027-03-14T09:00:00Z',
      ],
    },
    {
      zone: 'America/New_York',
      date: '2027-03-14',
      hours: '01:00-04:00',
      step: 30,
      duration: 60,
      expected: ['2027-03-14T06:00:00Z', '2027-03-14T06:30:00Z', '2027-03-14T07:00:00Z'],
    },
    // America/New_York, fall back: 02:00 EDT → 01:00 EST at 2027-11-07T06:00Z.
    {
      zone: 'America/New_York',
      date: '2027-11-07',
      hours: '00:00-06:00',
      step: 30,
      duration: 30,
      expected: [
        '2027-11-07T04:00:00Z', // 00:00 EDT
        '2027-11-07T04:30:00Z',
        '2027-11-07T05:00:00Z', // 01:00 EDT, first occurrence
        '2027-11-07T05:30:00Z', // the second 01:00–02:00 (06:00Z–07:00Z) gives nothing
        '2027-11-07T07:00:00Z', // 02:00 EST
        '2027-11-07T07:30:00Z',
        '2027-11-07T08:00:00Z',
        '2027-11-07T08:30:00Z',
        '2027-11-07T09:00:00Z',
        '2027-11-07T09:30:00Z',
        '2027-11-07T10:00:00Z',
        '2027-11-07T10:30:00Z', // 05:30 EST, ends 06:00 EST = 11:00Z
      ],
    },
    {
      zone: 'America/New_York',
      date: '2027-11-07',
      hours: '00:00-06:00',
      step: 60,
      duration: 60,
      expected: [
        '2027-11-07T04:00:00Z',
        '2027-11-07T05:00:00Z',
        '2027-11-07T07:00:00Z',
        '2027-11-07T08:00:00Z',
        '2027-11-07T09:00:00Z',
        '2027-11-07T10:00:00Z',
      ],
    },
    {
      // 01:00–04:00 is four real hours [05:00Z, 09:00Z); 03:30 EST would end 09:30Z.
      zone: 'America/New_York',
      date: '2027-11-07',
      hours: '01:00-04:00',
      step: 30,
      duration: 60,
      expected: [
        '2027-11-07T05:00:00Z',
        '2027-11-07T05:30:00Z',
        '2027-11-07T07:00:00Z',
        '2027-11-07T07:30:00Z',
        '2027-11-07T08:00:00Z',
      ],
    },
    // Asia/Kolkata, +05:30 all year.
    {
      // 11:00 IST + 45 min ends 11:45 ≤ 12:00; 11:30 would end 12:15.
      zone: 'Asia/Kolkata',
      date: '2027-03-29',
      hours: '09:00-12:00',
      step: 30,
      duration: 45,
      expected: [
        '2027-03-29T03:30:00Z',
        '2027-03-29T04:00:00Z',
        '2027-03-29T04:30:00Z',
        '2027-03-29T05:00:00Z',
        '2027-03-29T05:30:00Z',
      ],
    },
    {
      zone: 'Asia/Kolkata',
      date: '2027-03-29',
      hours: '00:00-02:00',
      step: 60,
      duration: 60,
      expected: ['2027-03-28T18:30:00Z', '2027-03-28T19:30:00Z'],
    },
    // A range may end at 24:00, the next midnight.
    {
      zone: 'UTC',
      date: '2027-03-29',
      hours: '22:00-24:00',
      step: 60,
      duration: 60,
      expected: ['2027-03-29T22:00:00Z', '2027-03-29T23:00:00Z'],
    },
    {
      // The fall-back day has 25 hours; 24:00 is 2027-10-31T23:00Z.
      zone: 'Europe/Paris',
      date: '2027-10-31',
      hours: '22:00-24:00',
      step: 60,
      duration: 60,
      expected: ['2027-10-31T21:00:00Z', '2027-10-31T22:00:00Z'],
    },
  ])('$zone $date hours $hours, step $step, $duration min', ({ zone, date, hours, step, duration, expected }) => {
    const member = staff({
      timezone: zone,
      hours: weekly([weekdayOf(date)], hours),
      policy: { slotStepMinutes: step },
    });
    expect(starts(candidates(member, date, timing(duration)))).toEqual(expected);
    expect(starts(freeSlots(member, date, duration))).toEqual(expected);
  });

  it.each([
    {
      zone: 'Europe/Paris',
      date: '2027-03-28',
      expected: [
        '2027-03-28T00:00:00Z/2027-03-28T01:00:00Z',
        '2027-03-28T00:30:00Z/2027-03-28T01:30:00Z',
        '2027-03-28T01:00:00Z/2027-03-28T02:00:00Z',
      ],
    },
    {
      zone: 'America/New_York',
      date: '2027-11-07',
      expected: [
        '2027-11-07T05:00:00Z/2027-11-07T06:00:00Z',
        '2027-11-07T05:30:00Z/2027-11-07T06:30:00Z',
        '2027-11-07T07:00:00Z/2027-11-07T08:00:00Z',
        '2027-11-07T07:30:00Z/2027-11-07T08:30:00Z',
        '2027-11-07T08:00:00Z/2027-11-07T09:00:00Z',
      ],
    },
  ])('a slot ends exactly duration real minutes after its start ($zone $date)', ({ zone, date, expected }) => {
    const member = staff({ timezone: zone, hours: weekly([weekdayOf(date)], '01:00-04:00') });
    expect(freeSlots(member, date, 60).map(isoSpan)).toEqual(expected);
  });
});

describe('split shifts: each working range has its own grid and its own end', () => {
  it.each([
    {
      hours: ['09:00-12:00', '13:00-17:00'],
      step: 30,
      duration: 60,
      expected: [
        '2027-03-29T09:00:00Z',
        '2027-03-29T09:30:00Z',
        '2027-03-29T10:00:00Z',
        '2027-03-29T10:30:00Z',
        '2027-03-29T11:00:00Z',
        '2027-03-29T13:00:00Z',
        '2027-03-29T13:30:00Z',
        '2027-03-29T14:00:00Z',
        '2027-03-29T14:30:00Z',
        '2027-03-29T15:00:00Z',
        '2027-03-29T15:30:00Z',
        '2027-03-29T16:00:00Z',
      ],
    },
    {
      hours: ['09:00-12:00', '12:45-15:00'],
      step: 30,
      duration: 30,
      expected: [
        '2027-03-29T09:00:00Z',
        '2027-03-29T09:30:00Z',
        '2027-03-29T10:00:00Z',
        '2027-03-29T10:30:00Z',
        '2027-03-29T11:00:00Z',
        '2027-03-29T11:30:00Z',
        '2027-03-29T12:45:00Z',
        '2027-03-29T13:15:00Z',
        '2027-03-29T13:45:00Z',
        '2027-03-29T14:15:00Z',
      ],
    },
  ])('hours $hours, step $step, $duration min', ({ hours, step, duration, expected }) => {
    const member = staff({ hours: weekly(['mon'], ...hours), policy: { slotStepMinutes: step } });
    expect(starts(freeSlots(member, '2027-03-29', duration))).toEqual(expected);
  });
});

describe('rule 4: a candidate whose occupied span overlaps a busy span is removed', () => {
  // UTC, Monday 2027-03-29, 09:00–17:00, 60-minute service, 30-minute step; a booking 12:00–13:00.
  // SPEC §2.4 for a booking without buffers: s − before − gap < 13:00 and 12:00 < e + after + gap.
  it.each([
    {
      rule: 'no buffers, no gap: only overlapping starts go',
      before: 0,
      after: 0,
      gap: 0,
      existing: timing(60),
      expected: [
        '2027-03-29T09:00:00Z',
        '2027-03-29T09:30:00Z',
        '2027-03-29T10:00:00Z',
        '2027-03-29T10:30:00Z',
        '2027-03-29T11:00:00Z',
        '2027-03-29T13:00:00Z',
        '2027-03-29T13:30:00Z',
        '2027-03-29T14:00:00Z',
        '2027-03-29T14:30:00Z',
        '2027-03-29T15:00:00Z',
        '2027-03-29T15:30:00Z',
        '2027-03-29T16:00:00Z',
      ],
    },
    {
      rule: 'buffer before 30: the new slot must start 30 min after the booking ends',
      before: 30,
      after: 0,
      gap: 0,
      existing: timing(60),
      expected: [
        '2027-03-29T09:00:00Z',
        '2027-03-29T09:30:00Z',
        '2027-03-29T10:00:00Z',
        '2027-03-29T10:30:00Z',
        '2027-03-29T11:00:00Z',
        '2027-03-29T13:30:00Z',
        '2027-03-29T14:00:00Z',
        '2027-03-29T14:30:00Z',
        '2027-03-29T15:00:00Z',
        '2027-03-29T15:30:00Z',
        '2027-03-29T16:00:00Z',
      ],
    },
    {
      rule: 'buffer after 30: the new slot must end 30 min before the booking starts',
      before: 0,
      after: 30,
      gap: 0,
      existing: timing(60),
      expected: [
        '2027-03-29T09:00:00Z',
        '2027-03-29T09:30:00Z',
        '2027-03-29T10:00:00Z',
        '2027-03-29T10:30:00Z',
        '2027-03-29T13:00:00Z',
        '2027-03-29T13:30:00Z',
        '2027-03-29T14:00:00Z',
        '2027-03-29T14:30:00Z',
        '2027-03-29T15:00:00Z',
        '2027-03-29T15:30:00Z',
        '2027-03-29T16:00:00Z',
      ],
    },
    {
      rule: 'gap 15 applies on both sides',
      before: 0,
      after: 0,
      gap: 15,
      existing: timing(60),
      expected: [
        '2027-03-29T09:00:00Z',
        '2027-03-29T09:30:00Z',
        '2027-03-29T10:00:00Z',
        '2027-03-29T10:30:00Z',
        '2027-03-29T13:30:00Z',
        '2027-03-29T14:00:00Z',
        '2027-03-29T14:30:00Z',
        '2027-03-29T15:00:00Z',
        '2027-03-29T15:30:00Z',
        '2027-03-29T16:00:00Z',
      ],
    },
    {
      rule: 'buffers and gap add up: 30 + 30 + 30 keeps 14:00 and 10:00',
      before: 30,
      after: 30,
      gap: 30,
      existing: timing(60),
      expected: [
        '2027-03-29T09:00:00Z',
        '2027-03-29T09:30:00Z',
        '2027-03-29T10:00:00Z',
        '2027-03-29T14:00:00Z',
        '2027-03-29T14:30:00Z',
        '2027-03-29T15:00:00Z',
        '2027-03-29T15:30:00Z',
        '2027-03-29T16:00:00Z',
      ],
    },
    {
      rule: "the existing booking's own buffer after 30 keeps its span busy until 13:30",
      before: 0,
      after: 0,
      gap: 0,
      existing: timing(60, 0, 30),
      expected: [
        '2027-03-29T09:00:00Z',
        '2027-03-29T09:30:00Z',
        '2027-03-29T10:00:00Z',
        '2027-03-29T10:30:00Z',
        '2027-03-29T11:00:00Z',
        '2027-03-29T13:30:00Z',
        '2027-03-29T14:00:00Z',
        '2027-03-29T14:30:00Z',
        '2027-03-29T15:00:00Z',
        '2027-03-29T15:30:00Z',
        '2027-03-29T16:00:00Z',
      ],
    },
  ])('$rule', ({ before, after, gap, existing, expected }) => {
    const member = staff({ hours: weekly(['mon'], '09:00-17:00'), policy: { slotStepMinutes: 30, gapMinutes: gap } });
    const slots = daySlots({
      staff: member,
      date: '2027-03-29',
      timing: timing(60, before, after),
      busy: busyOf(['2027-03-29T12:00:00Z/2027-03-29T13:00:00Z'], existing, gap),
      now: at('2027-03-29T00:00:00Z'),
    });
    expect(starts(slots)).toEqual(expected);
  });

  it('buffers may lie outside working hours: only start + duration must fit the range', () => {
    const member = staff({ hours: weekly(['mon'], '09:00-11:00'), policy: { slotStepMinutes: 60 } });
    const slots = daySlots({
      staff: member,
      date: '2027-03-29',
      timing: timing(60, 30, 30),
      busy: [],
      now: at('2027-03-29T00:00:00Z'),
    });
    expect(starts(slots)).toEqual(['2027-03-29T09:00:00Z', '2027-03-29T10:00:00Z']);
  });
});

describe('rule 5: no slot starts before now + minimum notice', () => {
  const member = (notice: number) =>
    staff({ hours: weekly(['mon'], '09:00-17:00'), policy: { slotStepMinutes: 30, minNoticeMinutes: notice } });

  it.each([
    {
      now: '2027-03-29T10:10:00Z',
      notice: 0,
      expected: [
        '2027-03-29T10:30:00Z',
        '2027-03-29T11:00:00Z',
        '2027-03-29T11:30:00Z',
        '2027-03-29T12:00:00Z',
        '2027-03-29T12:30:00Z',
        '2027-03-29T13:00:00Z',
        '2027-03-29T13:30:00Z',
        '2027-03-29T14:00:00Z',
        '2027-03-29T14:30:00Z',
        '2027-03-29T15:00:00Z',
        '2027-03-29T15:30:00Z',
        '2027-03-29T16:00:00Z',
      ],
    },
    {
      now: '2027-03-29T10:10:00Z',
      notice: 60,
      expected: [
        '2027-03-29T11:30:00Z',
        '2027-03-29T12:00:00Z',
        '2027-03-29T12:30:00Z',
        '2027-03-29T13:00:00Z',
        '2027-03-29T13:30:00Z',
        '2027-03-29T14:00:00Z',
        '2027-03-29T14:30:00Z',
        '2027-03-29T15:00:00Z',
        '2027-03-29T15:30:00Z',
        '2027-03-29T16:00:00Z',
      ],
    },
    {
      // now + notice = 11:00 exactly: a start at 11:00 is kept.
      now: '2027-03-29T10:10:00Z',
      notice: 50,
      expected: [
        '2027-03-29T11:00:00Z',
        '2027-03-29T11:30:00Z',
        '2027-03-29T12:00:00Z',
        '2027-03-29T12:30:00Z',
        '2027-03-29T13:00:00Z',
        '2027-03-29T13:30:00Z',
        '2027-03-29T14:00:00Z',
        '2027-03-29T14:30:00Z',
        '2027-03-29T15:00:00Z',
        '2027-03-29T15:30:00Z',
        '2027-03-29T16:00:00Z',
      ],
    },
    {
      // The notice reaches into the next day: nothing left today.
      now: '2027-03-29T10:10:00Z',
      notice: 24 * 60,
      expected: [],
    },
  ])('now $now, notice $notice min', ({ now, notice, expected }) => {
    const slots = daySlots({ staff: member(notice), date: '2027-03-29', timing: timing(60), busy: [], now: at(now) });
    expect(starts(slots)).toEqual(expected);
  });
});

describe('rule 1: a date before today, after today + horizon, off, or not worked gives nothing', () => {
  const hours = weekly(MON_FRI, '09:00-11:00');
  const off: DayOff[] = [{ from: '2027-03-30', to: '2027-04-01', note: 'holiday' }];

  it.each([
    { rule: 'yesterday is past', zone: 'UTC', now: '2027-03-30T08:00:00Z', date: '2027-03-29', expected: [] },
    {
      rule: 'today keeps its future slots',
      zone: 'UTC',
      now: '2027-03-29T09:30:00Z',
      date: '2027-03-29',
      expected: ['2027-03-29T10:00:00Z'],
    },
    {
      rule: 'today + horizon (2 days) is open',
      zone: 'UTC',
      now: '2027-04-05T08:00:00Z',
      date: '2027-04-07',
      expected: ['2027-04-07T09:00:00Z', '2027-04-07T10:00:00Z'],
    },
    {
      rule: 'today + horizon + 1 is closed',
      zone: 'UTC',
      now: '2027-04-05T08:00:00Z',
      date: '2027-04-08',
      expected: [],
    },
    {
      // 2027-04-05T23:30Z is already Tuesday 04-06 in Paris: today is the member's date.
      rule: "today is the member's date: Paris horizon counts from 04-06",
      zone: 'Europe/Paris',
      now: '2027-04-05T23:30:00Z',
      date: '2027-04-08',
      expected: ['2027-04-08T07:00:00Z', '2027-04-08T08:00:00Z'],
    },
    {
      rule: "today is the member's date: Monday 04-05 is past in Paris",
      zone: 'Europe/Paris',
      now: '2027-04-05T23:30:00Z',
      date: '2027-04-05',
      expected: [],
    },
    { rule: 'first day off', zone: 'UTC', horizon: 90, now: '2027-03-29T00:00:00Z', date: '2027-03-30', expected: [] },
    {
      rule: 'last day off (inclusive)',
      zone: 'UTC',
      horizon: 90,
      now: '2027-03-29T00:00:00Z',
      date: '2027-04-01',
      expected: [],
    },
    {
      rule: 'the day after the days off',
      zone: 'UTC',
      horizon: 90,
      now: '2027-03-29T00:00:00Z',
      date: '2027-04-02',
      expected: ['2027-04-02T09:00:00Z', '2027-04-02T10:00:00Z'],
    },
    {
      rule: 'a Saturday is not worked',
      zone: 'UTC',
      horizon: 90,
      now: '2027-03-29T00:00:00Z',
      date: '2027-04-03',
      expected: [],
    },
  ])('$rule', ({ zone, horizon = 2, now, date, expected }) => {
    const member = staff({
      timezone: zone,
      hours,
      daysOff: off,
      policy: { slotStepMinutes: 60, horizonDays: horizon },
    });
    const slots = daySlots({ staff: member, date, timing: timing(60), busy: [], now: at(now) });
    expect(starts(slots)).toEqual(expected);
  });
});
