import { describe, expect, it } from 'vitest';
import { at, isoSpan } from './test-fixtures.ts';
import { blockSpan, blockSpans, parseLocalDateTime } from './time-off.ts';

describe('parseLocalDateTime: YYYY-MM-DDTHH:MM, a real date, 00:00-23:59', () => {
  it.each([
    ['2027-06-16T13:00', { date: '2027-06-16', minutes: 780 }],
    ['2027-06-16T00:00', { date: '2027-06-16', minutes: 0 }],
    ['2027-06-16T23:59', { date: '2027-06-16', minutes: 1439 }],
    ['2027-06-16T24:00', null],
    ['2027-02-30T10:00', null],
    ['2027-06-16 13:00', null],
    ['2027-06-16T13:00:00', null],
    ['2027-06-16T13:00Z', null],
    ['2027-06-16T1:00', null],
    ['', null],
  ])('%s → %j', (text, expected) => {
    expect(parseLocalDateTime(text)).toEqual(expected);
  });
});

describe('blockSpan: local date-times to instants, by the rule of range bounds', () => {
  it.each([
    {
      name: 'an ordinary afternoon in Paris (CEST, +2)',
      zone: 'Europe/Paris',
      block: { from: '2027-06-16T13:00', to: '2027-06-16T15:30' },
      expected: '2027-06-16T11:00:00Z/2027-06-16T13:30:00Z',
    },
    {
      // 22:00 CET (+1) → 10:00 CEST (+2): 11 real hours, not 12.
      name: 'a night across the spring-forward change in Paris',
      zone: 'Europe/Paris',
      block: { from: '2027-03-27T22:00', to: '2027-03-28T10:00' },
      expected: '2027-03-27T21:00:00Z/2027-03-28T08:00:00Z',
    },
    {
      // 02:30 does not exist on 2027-03-28 in Paris: the block starts at the change (01:00Z).
      name: 'a start inside the skipped hour reads as the change',
      zone: 'Europe/Paris',
      block: { from: '2027-03-28T02:30', to: '2027-03-28T03:30' },
      expected: '2027-03-28T01:00:00Z/2027-03-28T01:30:00Z',
    },
    {
      // 02:30 occurs twice on 2027-10-31 in Paris: its first occurrence (CEST, 00:30Z).
      name: 'an end at a repeated time means its first occurrence',
      zone: 'Europe/Paris',
      block: { from: '2027-10-31T01:00', to: '2027-10-31T02:30' },
      expected: '2027-10-30T23:00:00Z/2027-10-31T00:30:00Z',
    },
    {
      // 01:30 EDT (first of two) → 03:00 EST: 2 h 30 real.
      name: 'across the fall-back change in New York',
      zone: 'America/New_York',
      block: { from: '2027-11-07T01:30', to: '2027-11-07T03:00' },
      expected: '2027-11-07T05:30:00Z/2027-11-07T08:00:00Z',
    },
    {
      name: 'three days of a conference in Kolkata (+05:30)',
      zone: 'Asia/Kolkata',
      block: { from: '2027-09-01T00:00', to: '2027-09-04T00:00' },
      expected: '2027-08-31T18:30:00Z/2027-09-03T18:30:00Z',
    },
  ])('$name', ({ zone, block, expected }) => {
    const span = blockSpan(block, zone);
    expect(span && isoSpan(span)).toBe(expected);
  });

  it.each([
    ['an end before its start', { from: '2027-06-16T15:00', to: '2027-06-16T13:00' }],
    ['an empty block', { from: '2027-06-16T15:00', to: '2027-06-16T15:00' }],
    ['a block wholly inside the skipped hour', { from: '2027-03-28T02:10', to: '2027-03-28T02:50' }],
  ])('%s covers nothing (null)', (_name, block) => {
    expect(blockSpan(block, 'Europe/Paris')).toBeNull();
  });

  it('malformed text is a programming error (the edges validate)', () => {
    expect(() => blockSpan({ from: '2027-06-16', to: '2027-06-16T13:00' }, 'UTC')).toThrow(RangeError);
  });
});

describe('blockSpans: the blocks that can still matter, sorted', () => {
  const blocks = [
    { from: '2027-06-20T09:00', to: '2027-06-20T10:00' },
    { from: '2027-06-01T09:00', to: '2027-06-01T10:00' },
    { from: '2027-06-14T09:00', to: '2027-06-14T10:00' },
    { from: '2027-06-13T22:00', to: '2027-06-14T08:00' },
  ];

  it('skips blocks that ended two days or more before the floor, keeps and sorts the rest', () => {
    // floor 2027-06-16T00:00Z: blocks ending before 2027-06-14T00:00 (UTC text) are skipped.
    const spans = blockSpans(blocks, 'UTC', at('2027-06-16T00:00:00Z')).map(isoSpan);
    expect(spans).toEqual([
      '2027-06-13T22:00:00Z/2027-06-14T08:00:00Z',
      '2027-06-14T09:00:00Z/2027-06-14T10:00:00Z',
      '2027-06-20T09:00:00Z/2027-06-20T10:00:00Z',
    ]);
  });

  it('no blocks → []', () => {
    expect(blockSpans(undefined, 'UTC', 0)).toEqual([]);
    expect(blockSpans([], 'UTC', 0)).toEqual([]);
  });
});
