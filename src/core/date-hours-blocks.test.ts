/**
 * Date-specific hours (SPEC §8.1) and blocks (§8.2) through the entry points the app calls
 * (slotsBetween, checkSlot), with exact instants.
 */
import { describe, expect, it } from 'vitest';
import { dayClosure } from './availability.ts';
import { at, busyOf, EVERY_DAY, staff, timing, weekly } from './test-fixtures.ts';
import { acceptedStarts, paris, startsOn } from './test-sources.ts';

describe('date-specific hours (§8.1) replace the weekly hours of their date', () => {
  it.each([
    {
      // Paris springs forward at 02:00 CET → 03:00 CEST (01:00Z): 02:00 and 02:30 do not exist.
      name: 'on the spring-forward day in Paris, 01:00–04:00',
      member: paris({ dateHours: { '2027-03-28': ['01:00-04:00'] } }),
      date: '2027-03-28',
      expected: ['2027-03-28T00:00:00Z', '2027-03-28T00:30:00Z', '2027-03-28T01:00:00Z'],
    },
    {
      // Paris falls back at 03:00 CEST → 02:00 CET (01:00Z): 02:00–02:59 happen twice, first counts.
      name: 'on the fall-back day in Paris, 01:00–04:00',
      member: paris({ dateHours: { '2027-10-31': ['01:00-04:00'] } }),
      date: '2027-10-31',
      expected: [
        '2027-10-30T23:00:00Z',
        '2027-10-30T23:30:00Z',
        '2027-10-31T00:00:00Z',
        '2027-10-31T00:30:00Z',
        '2027-10-31T02:00:00Z',
      ],
    },
    {
      name: 'a Saturday opened although the week has no Saturday',
      member: staff({ hours: weekly(['mon'], '09:00-17:00'), dateHours: { '2027-06-12': ['10:00-12:00'] } }),
      date: '2027-06-12',
      expected: ['2027-06-12T10:00:00Z', '2027-06-12T10:30:00Z', '2027-06-12T11:00:00Z'],
    },
    {
      name: 'an evening instead of the day, other dates untouched',
      member: staff({ dateHours: { '2027-06-15': ['18:00-20:00'] } }),
      date: '2027-06-15',
      expected: ['2027-06-15T18:00:00Z', '2027-06-15T18:30:00Z', '2027-06-15T19:00:00Z'],
    },
    {
      name: 'an empty list: not worked',
      member: staff({ dateHours: { '2027-06-15': [] } }),
      date: '2027-06-15',
      expected: [],
    },
    {
      name: 'a day off wins over date-specific hours',
      member: staff({
        dateHours: { '2027-06-15': ['10:00-12:00'] },
        daysOff: [{ from: '2027-06-15', to: '2027-06-15' }],
      }),
      date: '2027-06-15',
      expected: [],
    },
  ])('$name', ({ member, date, expected }) => {
    const c = { member };
    expect(startsOn(c, date)).toEqual(expected);
    expect(acceptedStarts(c, date)).toEqual(expected);
  });

  it('the next date keeps its weekly hours', () => {
    const member = staff({ dateHours: { '2027-06-15': ['18:00-20:00'] } });
    expect(startsOn({ member }, '2027-06-16')[0]).toBe('2027-06-16T09:00:00Z');
  });

  it('dayClosure says not_worked for an empty list, null for a non-working weekday opened', () => {
    const now = at('2027-06-01T00:00:00Z');
    const member = staff({
      hours: weekly(['mon'], '09:00-17:00'),
      dateHours: { '2027-06-14': [], '2027-06-12': ['10:00-12:00'] },
    });
    expect(dayClosure(member, '2027-06-14', now)).toBe('not_worked');
    expect(dayClosure(member, '2027-06-12', now)).toBeNull();
  });
});

describe('blocks (§8.2) refuse every candidate they touch, buffers and gap included', () => {
  it.each([
    {
      // 22:00 CET → 10:00 CEST the next day: 2027-03-27T21:00Z–2027-03-28T08:00Z.
      name: 'a night across the spring-forward change (Paris), no gap',
      member: paris({ blocks: [{ from: '2027-03-27T22:00', to: '2027-03-28T10:00' }] }),
      timing: timing(60),
      date: '2027-03-28',
      first: ['2027-03-28T08:00:00Z', '2027-03-28T08:30:00Z'],
    },
    {
      name: 'the same night with a 30-minute gap: rest after the block too',
      member: paris({
        blocks: [{ from: '2027-03-27T22:00', to: '2027-03-28T10:00' }],
        policy: { gapMinutes: 30 },
      }),
      timing: timing(60),
      date: '2027-03-28',
      first: ['2027-03-28T08:30:00Z', '2027-03-28T09:00:00Z'],
    },
    {
      // The evening before (CET, +1): 16:00 local ends at 17:00 = 16:00Z, long before 21:00Z.
      name: 'the evening before the block is untouched',
      member: paris({ blocks: [{ from: '2027-03-27T22:00', to: '2027-03-28T10:00' }], policy: { gapMinutes: 30 } }),
      timing: timing(60),
      date: '2027-03-27',
      first: ['2027-03-27T08:00:00Z', '2027-03-27T08:30:00Z'],
    },
  ])('$name', ({ member, timing: t, date, first }) => {
    const listed = startsOn({ member, timing: t }, date);
    expect(listed.slice(0, 2)).toEqual(first);
    expect(acceptedStarts({ member, timing: t }, date)).toEqual(listed);
  });

  it('an afternoon block with buffers and gap: exactly the starts a booking there would leave', () => {
    // 13:00–15:30 CEST = 11:00Z–13:30Z; 15 before, 15 after, gap 15: refused for 09:30Z < s < 14:00Z.
    const t = timing(60, 15, 15);
    const block = paris({ blocks: [{ from: '2027-03-29T13:00', to: '2027-03-29T15:30' }], policy: { gapMinutes: 15 } });
    const expected = [
      '2027-03-29T07:00:00Z',
      '2027-03-29T07:30:00Z',
      '2027-03-29T08:00:00Z',
      '2027-03-29T08:30:00Z',
      '2027-03-29T09:00:00Z',
      '2027-03-29T09:30:00Z',
      '2027-03-29T14:00:00Z',
    ];
    expect(startsOn({ member: block, timing: t }, '2027-03-29')).toEqual(expected);
    expect(acceptedStarts({ member: block, timing: t }, '2027-03-29')).toEqual(expected);
    // A booking of the same span (no buffers of its own) with the same gap leaves the same starts.
    const booked = paris({ policy: { gapMinutes: 15 } });
    const bookings = busyOf(['2027-03-29T11:00:00Z/2027-03-29T13:30:00Z'], timing(150), 15);
    expect(startsOn({ member: booked, timing: t, bookings }, '2027-03-29')).toEqual(expected);
  });

  it('a block on the fall-back night ends at the first occurrence of its end', () => {
    // 00:00–02:30 on 2027-10-31 (Paris): 2027-10-30T22:00Z–2027-10-31T00:30Z.
    const member = paris({
      hours: weekly(EVERY_DAY, '00:00-04:00'),
      blocks: [{ from: '2027-10-31T00:00', to: '2027-10-31T02:30' }],
    });
    expect(startsOn({ member }, '2027-10-31')).toEqual([
      '2027-10-31T00:30:00Z', // 02:30 CEST
      '2027-10-31T02:00:00Z', // 03:00 CET (the repeated 02:00/02:30 CET are second occurrences)
    ]);
  });
});
