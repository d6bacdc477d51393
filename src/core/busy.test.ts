import { describe, expect, it } from 'vitest';
import { heldSpan, memberBusy, resourceHolds } from './busy.ts';
import { at, isoSpan, span, staff, timing } from './test-fixtures.ts';

const now = at('2027-01-10T00:00:00Z');

describe('memberBusy: bookings, blocks and external time in one merged list, the gap after each', () => {
  it.each([
    {
      name: 'bookings alone are returned as they are (the same array)',
      zone: 'UTC',
      gap: 30,
      bookings: ['2027-01-12T10:00:00Z/2027-01-12T11:00:00Z'],
      blocks: [],
      intervals: [],
      dates: [],
      expected: ['2027-01-12T10:00:00Z/2027-01-12T11:00:00Z'],
    },
    {
      name: 'a block gets the gap at its end, like a booking’s stored span',
      zone: 'UTC',
      gap: 30,
      bookings: [],
      blocks: [{ from: '2027-01-12T13:00', to: '2027-01-12T15:00' }],
      intervals: [],
      dates: [],
      expected: ['2027-01-12T13:00:00Z/2027-01-12T15:30:00Z'],
    },
    {
      name: 'external intervals get the gap too, and merge with bookings',
      zone: 'UTC',
      gap: 15,
      bookings: ['2027-01-12T10:00:00Z/2027-01-12T11:15:00Z'],
      blocks: [],
      intervals: ['2027-01-12T11:00:00Z/2027-01-12T12:00:00Z', '2027-01-12T12:30:00Z/2027-01-12T13:00:00Z'],
      dates: [],
      expected: ['2027-01-12T10:00:00Z/2027-01-12T12:15:00Z', '2027-01-12T12:30:00Z/2027-01-12T13:15:00Z'],
    },
    {
      name: 'external intervals alone, out of order and overlapping, come out sorted and merged',
      zone: 'UTC',
      gap: 0,
      bookings: [],
      blocks: [],
      intervals: [
        '2027-01-12T12:30:00Z/2027-01-12T13:00:00Z',
        '2027-01-12T10:00:00Z/2027-01-12T11:00:00Z',
        '2027-01-12T10:30:00Z/2027-01-12T12:30:00Z',
      ],
      dates: [],
      expected: ['2027-01-12T10:00:00Z/2027-01-12T13:00:00Z'],
    },
    {
      name: 'every source at once, external out of order',
      zone: 'UTC',
      gap: 10,
      bookings: ['2027-01-12T08:00:00Z/2027-01-12T09:00:00Z'],
      blocks: [{ from: '2027-01-12T12:00', to: '2027-01-12T12:30' }],
      intervals: ['2027-01-12T14:00:00Z/2027-01-12T15:00:00Z', '2027-01-12T08:30:00Z/2027-01-12T09:30:00Z'],
      dates: ['2027-01-13'],
      expected: [
        '2027-01-12T08:00:00Z/2027-01-12T09:40:00Z',
        '2027-01-12T12:00:00Z/2027-01-12T12:40:00Z',
        '2027-01-12T14:00:00Z/2027-01-12T15:10:00Z',
        '2027-01-13T00:00:00Z/2027-01-14T00:10:00Z',
      ],
    },
    {
      // Auckland in January is NZDT (+13): 2027-01-15 runs 2027-01-14T11:00Z–2027-01-15T11:00Z.
      name: 'an all-day date east of UTC covers the member’s whole date (Pacific/Auckland)',
      zone: 'Pacific/Auckland',
      gap: 0,
      bookings: [],
      blocks: [],
      intervals: [],
      dates: ['2027-01-15'],
      expected: ['2027-01-14T11:00:00Z/2027-01-15T11:00:00Z'],
    },
    {
      name: 'an all-day date in Tokyo (+9), with a 30-minute gap after it',
      zone: 'Asia/Tokyo',
      gap: 30,
      bookings: [],
      blocks: [],
      intervals: [],
      dates: ['2027-06-10', '2027-06-11'],
      expected: ['2027-06-09T15:00:00Z/2027-06-11T15:30:00Z'],
    },
    {
      name: 'external time and blocks long before now are dropped',
      zone: 'UTC',
      gap: 0,
      bookings: [],
      blocks: [{ from: '2026-12-01T09:00', to: '2026-12-01T10:00' }],
      intervals: ['2026-12-01T09:00:00Z/2026-12-01T10:00:00Z'],
      dates: ['2026-12-01'],
      expected: [],
    },
  ])('$name', ({ zone, gap, bookings, blocks, intervals, dates, expected }) => {
    const member = staff({ timezone: zone, blocks, policy: { gapMinutes: gap } });
    const external = { intervals: intervals.map(span), dates };
    const booked = bookings.map(span);
    const busy = memberBusy(member, booked, external, now);
    expect(busy.map(isoSpan)).toEqual(expected);
    if (blocks.length === 0 && intervals.length === 0 && dates.length === 0) expect(busy).toBe(booked);
  });
});

describe('heldSpan: a resource is held for [start − bufferBefore, end + bufferAfter), no gap', () => {
  it('15 minutes before and 10 after', () => {
    const b = span('2027-01-12T10:00:00Z/2027-01-12T11:00:00Z');
    expect(isoSpan(heldSpan(b.start, b.end, timing(60, 15, 10)))).toBe('2027-01-12T09:45:00Z/2027-01-12T11:10:00Z');
  });
});

describe('resourceHolds: the union of the required resources’ holds', () => {
  it('merges the lists of every resource, in any order', () => {
    const holds = resourceHolds(
      new Map([
        [
          'room',
          [span('2027-01-12T12:00:00Z/2027-01-12T13:00:00Z'), span('2027-01-12T09:00:00Z/2027-01-12T10:00:00Z')],
        ],
        ['scanner', [span('2027-01-12T09:30:00Z/2027-01-12T10:30:00Z')]],
      ]),
    );
    expect(holds.map(isoSpan)).toEqual([
      '2027-01-12T09:00:00Z/2027-01-12T10:30:00Z',
      '2027-01-12T12:00:00Z/2027-01-12T13:00:00Z',
    ]);
  });

  it('no resources, or none held → []', () => {
    expect(resourceHolds(undefined)).toEqual([]);
    expect(resourceHolds(new Map([['room', []]]))).toEqual([]);
  });
});
