import { describe, expect, it } from 'vitest';
import { problemFields } from './problems.ts';
import {
  alternativesWindow,
  type Repeat,
  repeatProblems,
  sameWeekdayOfMonth,
  seriesAlternatives,
  seriesPlan,
} from './series.ts';
import { at, iso, isoSpan } from './test-fixtures.ts';

/** The plan as ISO starts and skipped periods as 'index month date reason'. */
function plan(first: string, zone: string, repeat: Repeat) {
  const p = seriesPlan(at(first), zone, repeat);
  return {
    starts: p.occurrences.map((o) => `${o.index} ${o.date} ${iso(o.start)}`),
    skipped: p.skipped.map((s) => `${s.index} ${s.month} ${s.date} ${s.reason}`),
  };
}

describe('seriesPlan: occurrences keep their wall-clock time across clock changes (SPEC §9.2)', () => {
  it.each([
    {
      name: 'weekly, Tuesdays 16:00 in Paris across the spring change (28 March): 15:00Z then 14:00Z',
      first: '2027-03-16T15:00:00Z',
      zone: 'Europe/Paris',
      repeat: { frequency: 'weekly', count: 4 },
      starts: [
        '0 2027-03-16 2027-03-16T15:00:00Z',
        '1 2027-03-23 2027-03-23T15:00:00Z',
        '2 2027-03-30 2027-03-30T14:00:00Z',
        '3 2027-04-06 2027-04-06T14:00:00Z',
      ],
      skipped: [],
    },
    {
      name: 'biweekly, Tuesdays 16:00 in New York across the autumn change (7 November): 20:00Z then 21:00Z',
      first: '2027-10-26T20:00:00Z',
      zone: 'America/New_York',
      repeat: { frequency: 'biweekly', count: 3 },
      starts: [
        '0 2027-10-26 2027-10-26T20:00:00Z',
        '1 2027-11-09 2027-11-09T21:00:00Z',
        '2 2027-11-23 2027-11-23T21:00:00Z',
      ],
      skipped: [],
    },
    {
      name: 'weekly, Sundays 09:00 on Lord Howe Island, whose clocks go back half an hour (4 April)',
      first: '2027-03-27T22:00:00Z',
      zone: 'Australia/Lord_Howe',
      repeat: { frequency: 'weekly', count: 2 },
      starts: ['0 2027-03-28 2027-03-27T22:00:00Z', '1 2027-04-04 2027-04-03T22:30:00Z'],
      skipped: [],
    },
    {
      name: 'weekly at 02:30 in Paris: the spring-forward night has no 02:30, skipped and listed; it still counts',
      first: '2027-03-21T01:30:00Z',
      zone: 'Europe/Paris',
      repeat: { frequency: 'weekly', count: 3 },
      starts: ['0 2027-03-21 2027-03-21T01:30:00Z', '2 2027-04-04 2027-04-04T00:30:00Z'],
      skipped: ['1 2027-03 2027-03-28 time_does_not_exist'],
    },
    {
      name: 'weekly at 02:30 in Paris: the fall-back night has two, the first (summer time) is taken',
      first: '2027-10-24T00:30:00Z',
      zone: 'Europe/Paris',
      repeat: { frequency: 'weekly', count: 3 },
      starts: [
        '0 2027-10-24 2027-10-24T00:30:00Z',
        '1 2027-10-31 2027-10-31T00:30:00Z',
        '2 2027-11-07 2027-11-07T01:30:00Z',
      ],
      skipped: [],
    },
    {
      name: 'a first start in the second 02:30 of a fall-back night keeps its instant; the next is at 02:30',
      first: '2027-10-31T01:30:00Z',
      zone: 'Europe/Paris',
      repeat: { frequency: 'weekly', count: 2 },
      starts: ['0 2027-10-31 2027-10-31T01:30:00Z', '1 2027-11-07 2027-11-07T01:30:00Z'],
      skipped: [],
    },
  ] as const)('$name', ({ first, zone, repeat, starts, skipped }) => {
    expect(plan(first, zone, repeat)).toEqual({ starts, skipped });
  });
});

describe('seriesPlan: monthly = the same weekday of the month', () => {
  it('the second Tuesday at 16:00 in Paris, six months, across the spring change', () => {
    expect(plan('2027-01-12T15:00:00Z', 'Europe/Paris', { frequency: 'monthly', count: 6 })).toEqual({
      starts: [
        '0 2027-01-12 2027-01-12T15:00:00Z',
        '1 2027-02-09 2027-02-09T15:00:00Z',
        '2 2027-03-09 2027-03-09T15:00:00Z',
        '3 2027-04-13 2027-04-13T14:00:00Z',
        '4 2027-05-11 2027-05-11T14:00:00Z',
        '5 2027-06-08 2027-06-08T14:00:00Z',
      ],
      skipped: [],
    });
  });

  it('the fifth Friday: months without one are skipped and listed, and count toward `count`', () => {
    expect(plan('2027-01-29T10:00:00Z', 'UTC', { frequency: 'monthly', count: 8 })).toEqual({
      starts: [
        '0 2027-01-29 2027-01-29T10:00:00Z',
        '3 2027-04-30 2027-04-30T10:00:00Z',
        '6 2027-07-30 2027-07-30T10:00:00Z',
      ],
      skipped: [
        '1 2027-02 null no_such_weekday',
        '2 2027-03 null no_such_weekday',
        '4 2027-05 null no_such_weekday',
        '5 2027-06 null no_such_weekday',
        '7 2027-08 null no_such_weekday',
      ],
    });
  });

  it('across a year end: the first Monday of December, January, February', () => {
    expect(plan('2027-12-06T09:00:00Z', 'UTC', { frequency: 'monthly', count: 3 }).starts).toEqual([
      '0 2027-12-06 2027-12-06T09:00:00Z',
      '1 2028-01-03 2028-01-03T09:00:00Z',
      '2 2028-02-07 2028-02-07T09:00:00Z',
    ]);
  });

  it('52 weekly occurrences end 51 weeks after the first', () => {
    const p = seriesPlan(at('2027-01-04T09:00:00Z'), 'UTC', { frequency: 'weekly', count: 52 });
    expect(p.occurrences.map((o) => o.index)).toEqual(Array.from({ length: 52 }, (_, i) => i));
    expect(iso(p.occurrences[51]?.start ?? 0)).toBe('2027-12-27T09:00:00Z');
  });
});

describe('sameWeekdayOfMonth', () => {
  it.each([
    { date: '2027-01-12', month: '2027-02', expected: '2027-02-09' }, // 2nd Tuesday
    { date: '2027-01-01', month: '2027-02', expected: '2027-02-05' }, // 1st Friday
    { date: '2027-01-07', month: '2027-02', expected: '2027-02-04' }, // 1st Thursday (day 7 is still week 1)
    { date: '2027-01-08', month: '2027-02', expected: '2027-02-12' }, // 2nd Friday (day 8 is week 2)
    { date: '2027-01-28', month: '2027-02', expected: '2027-02-25' }, // 4th Thursday
    { date: '2027-03-31', month: '2027-04', expected: null }, // 5th Wednesday; April has four
    { date: '2027-03-31', month: '2027-06', expected: '2027-06-30' },
    { date: '2027-11-30', month: '2028-02', expected: '2028-02-29' }, // 5th Tuesday in a leap February
    { date: '2027-11-30', month: '2027-02', expected: null },
  ])('$date in $month → $expected', ({ date, month, expected }) => {
    expect(sameWeekdayOfMonth(date, month)).toBe(expected);
  });
});

describe('repeatProblems: frequency weekly | biweekly | monthly, count 2–52 (issue 19 bad input)', () => {
  it.each([
    { repeat: undefined, expected: {} },
    { repeat: { frequency: 'weekly', count: 2 }, expected: {} },
    { repeat: { frequency: 'monthly', count: 52 }, expected: {} },
    { repeat: { frequency: 'weekly', count: 1 }, expected: { 'repeat.count': 'a whole number from 2 to 52' } },
    { repeat: { frequency: 'weekly', count: 53 }, expected: { 'repeat.count': 'a whole number from 2 to 52' } },
    { repeat: { frequency: 'weekly', count: 2.5 }, expected: { 'repeat.count': 'a whole number from 2 to 52' } },
    { repeat: { frequency: 'weekly', count: '4' }, expected: { 'repeat.count': 'a whole number from 2 to 52' } },
    { repeat: { frequency: 'daily', count: 4 }, expected: { 'repeat.frequency': 'one of weekly, biweekly, monthly' } },
    { repeat: { count: 4 }, expected: { 'repeat.frequency': 'one of weekly, biweekly, monthly' } },
    { repeat: { frequency: 'weekly', count: 4, until: 'x' }, expected: { 'repeat.until': 'unknown field' } },
    { repeat: 'weekly', expected: { repeat: 'an object {frequency, count}' } },
    { repeat: null, expected: { repeat: 'an object {frequency, count}' } },
    { repeat: [], expected: { repeat: 'an object {frequency, count}' } },
  ])('$repeat → $expected', ({ repeat, expected }) => {
    expect(problemFields(repeatProblems(repeat))).toEqual(expected);
  });
});

describe('seriesAlternatives: the nearest free starts on the conflicting date and the next (API.md pinned)', () => {
  const conflict = at('2027-03-30T14:00:00Z'); // Tuesday 16:00 CEST
  const free = [
    '2027-03-29T14:00:00Z', // the day before: never
    '2027-03-30T07:00:00Z',
    '2027-03-30T11:00:00Z',
    '2027-03-30T13:00:00Z',
    '2027-03-30T14:00:00Z', // the conflicting start itself: never
    '2027-03-30T15:00:00Z',
    '2027-03-30T16:30:00Z',
    '2027-03-31T08:00:00Z',
    '2027-03-31T13:30:00Z',
    '2027-03-31T14:30:00Z',
    '2027-03-31T18:00:00Z',
    '2027-04-01T14:00:00Z', // two days later: never
  ].map(at);

  it.each([
    {
      perDay: 3,
      expected: [
        '2027-03-30T13:00:00Z',
        '2027-03-30T15:00:00Z',
        '2027-03-30T16:30:00Z',
        '2027-03-31T13:30:00Z',
        '2027-03-31T14:30:00Z',
        '2027-03-31T18:00:00Z',
      ],
    },
    // Ties (an hour either side) go to the earlier start.
    { perDay: 1, expected: ['2027-03-30T13:00:00Z', '2027-03-31T13:30:00Z'] },
  ])('$perDay a day', ({ perDay, expected }) => {
    expect(seriesAlternatives(conflict, 'Europe/Paris', [...free].reverse(), perDay).map(iso)).toEqual(expected);
  });

  it('the next day is searched around the same wall-clock time, across a clock change', () => {
    // Saturday 27 March 16:00 CET = 15:00Z; Sunday 28 March 16:00 CEST = 14:00Z.
    const next = ['2027-03-28T14:00:00Z', '2027-03-28T15:00:00Z'].map(at);
    expect(seriesAlternatives(at('2027-03-27T15:00:00Z'), 'Europe/Paris', next, 1).map(iso)).toEqual([
      '2027-03-28T14:00:00Z',
    ]);
  });

  it('nothing free → no alternatives', () => {
    expect(seriesAlternatives(conflict, 'Europe/Paris', [])).toEqual([]);
  });

  it('alternativesWindow: the conflicting date and the next, in the member’s zone', () => {
    expect(isoSpan(alternativesWindow(conflict, 'Europe/Paris'))).toBe('2027-03-29T22:00:00Z/2027-03-31T22:00:00Z');
    expect(isoSpan(alternativesWindow(at('2027-03-27T15:00:00Z'), 'Europe/Paris'))).toBe(
      '2027-03-26T23:00:00Z/2027-03-28T22:00:00Z',
    );
  });
});
