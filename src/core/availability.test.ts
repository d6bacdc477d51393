import { describe, expect, it } from 'vitest';
import { dayClosure, isDayOff, weeklyRanges, workingIntervals } from './availability.ts';
import { at, isoSpan, MON_FRI, staff, wall, weekly } from './test-fixtures.ts';
import type { DayOff } from './types.ts';

const daysOff: DayOff[] = [
  { from: '2027-04-14', to: '2027-04-16', note: 'vacation' },
  { from: '2027-05-01', to: '2027-05-01' },
];

describe('isDayOff: days off are inclusive date ranges', () => {
  it.each([
    ['2027-04-13', false],
    ['2027-04-14', true],
    ['2027-04-15', true],
    ['2027-04-16', true],
    ['2027-04-17', false],
    ['2027-05-01', true],
    ['2027-05-02', false],
  ])('%s off: %s', (date, expected) => {
    expect(isDayOff(staff({ daysOff }), date)).toBe(expected);
  });
});

describe('weeklyRanges: the wall-clock ranges of the date’s weekday', () => {
  const member = staff({ hours: { mon: [wall('09:00-12:00'), wall('13:00-17:00')], tue: [] } });

  it.each([
    { date: '2027-03-29', weekday: 'mon', expected: [wall('09:00-12:00'), wall('13:00-17:00')] },
    { date: '2027-03-30', weekday: 'tue (empty list)', expected: [] },
    { date: '2027-03-31', weekday: 'wed (missing)', expected: [] },
  ])('$date, a $weekday', ({ date, expected }) => {
    expect(weeklyRanges(member, date)).toEqual(expected);
  });
});

describe('dayClosure: why rule 1 closes a date, in the member’s zone', () => {
  // now = Tuesday 2027-04-06 10:00Z; horizon 7 days → last open date 2027-04-13 (UTC member).
  const now = at('2027-04-06T10:00:00Z');

  it.each([
    { zone: 'UTC', date: '2027-04-05', ignoreHorizon: false, expected: 'past' },
    { zone: 'UTC', date: '2027-04-06', ignoreHorizon: false, expected: null },
    { zone: 'UTC', date: '2027-04-13', ignoreHorizon: false, expected: null },
    { zone: 'UTC', date: '2027-04-14', ignoreHorizon: false, expected: 'beyond_horizon' },
    { zone: 'UTC', date: '2027-04-14', ignoreHorizon: true, expected: 'day_off' },
    { zone: 'UTC', date: '2027-04-19', ignoreHorizon: true, expected: null },
    { zone: 'UTC', date: '2027-04-10', ignoreHorizon: false, expected: 'not_worked' },
    { zone: 'UTC', date: '2027-04-11', ignoreHorizon: false, expected: 'not_worked' },
    { zone: 'UTC', date: '2027-04-05', ignoreHorizon: true, expected: 'past' },
    // 10:00Z is 19:30 in Kolkata and 06:00 in New York: same date, same answers.
    { zone: 'Asia/Kolkata', date: '2027-04-05', ignoreHorizon: false, expected: 'past' },
    { zone: 'America/New_York', date: '2027-04-13', ignoreHorizon: false, expected: null },
    // Pacific/Kiritimati (+14:00): 10:00Z is already Wednesday 04-07 there.
    { zone: 'Pacific/Kiritimati', date: '2027-04-06', ignoreHorizon: false, expected: 'past' },
    { zone: 'Pacific/Kiritimati', date: '2027-04-14', ignoreHorizon: false, expected: 'day_off' },
  ])('$date in $zone (ignore horizon: $ignoreHorizon) → $expected', ({ zone, date, ignoreHorizon, expected }) => {
    const member = staff({
      timezone: zone,
      hours: weekly(MON_FRI, '09:00-17:00'),
      daysOff,
      policy: { horizonDays: 7 },
    });
    expect(dayClosure(member, date, now, ignoreHorizon)).toBe(expected);
  });
});

describe('workingIntervals: the ranges of a date as instants in the member’s zone', () => {
  const now = at('2027-01-01T00:00:00Z');

  it.each([
    {
      zone: 'Europe/Paris',
      date: '2027-03-29',
      hours: ['09:00-12:00', '13:00-17:00'],
      expected: ['2027-03-29T07:00:00Z/2027-03-29T10:00:00Z', '2027-03-29T11:00:00Z/2027-03-29T15:00:00Z'],
    },
    {
      // Spring forward: 01:00–04:00 lasts two real hours.
      zone: 'Europe/Paris',
      date: '2027-03-28',
      hours: ['01:00-04:00'],
      expected: ['2027-03-28T00:00:00Z/2027-03-28T02:00:00Z'],
    },
    {
      // The whole day has 23 hours.
      zone: 'Europe/Paris',
      date: '2027-03-28',
      hours: ['00:00-24:00'],
      expected: ['2027-03-27T23:00:00Z/2027-03-28T22:00:00Z'],
    },
    {
      // A range inside the gap is empty.
      zone: 'Europe/Paris',
      date: '2027-03-28',
      hours: ['02:00-02:30'],
      expected: ['2027-03-28T01:00:00Z/2027-03-28T01:00:00Z'],
    },
    {
      // Fall back: 01:00–04:00 lasts four real hours; the whole day has 25.
      zone: 'Europe/Paris',
      date: '2027-10-31',
      hours: ['01:00-04:00', '05:00-24:00'],
      expected: ['2027-10-30T23:00:00Z/2027-10-31T03:00:00Z', '2027-10-31T04:00:00Z/2027-10-31T23:00:00Z'],
    },
    {
      zone: 'America/New_York',
      date: '2027-03-14',
      hours: ['01:00-04:00'],
      expected: ['2027-03-14T06:00:00Z/2027-03-14T08:00:00Z'],
    },
    {
      zone: 'America/New_York',
      date: '2027-11-07',
      hours: ['00:00-24:00'],
      expected: ['2027-11-07T04:00:00Z/2027-11-08T05:00:00Z'],
    },
    {
      zone: 'Asia/Kolkata',
      date: '2027-03-29',
      hours: ['00:00-24:00'],
      expected: ['2027-03-28T18:30:00Z/2027-03-29T18:30:00Z'],
    },
  ])('$zone $date hours $hours', ({ zone, date, hours, expected }) => {
    const member = staff({ timezone: zone, hours: weekly(['sun', 'mon'], ...hours), policy: { horizonDays: 400 } });
    expect(workingIntervals(member, date, now).map(isoSpan)).toEqual(expected);
  });

  it.each([
    { rule: 'past', date: '2026-12-31' },
    { rule: 'beyond the horizon', date: '2028-02-07' },
    { rule: 'a day off', date: '2027-04-14' },
    { rule: 'a weekday without hours', date: '2027-04-10' },
  ])('a closed date has no working interval ($rule)', ({ date }) => {
    const member = staff({ hours: weekly(MON_FRI, '09:00-17:00'), daysOff, policy: { horizonDays: 400 } });
    expect(workingIntervals(member, date, now)).toEqual([]);
  });
});
