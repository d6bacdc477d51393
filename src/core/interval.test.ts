import { describe, expect, it } from 'vitest';
import { intersect, merge, overlaps, overlapsAny, subtract } from './interval.ts';
import { isoSpan, span } from './test-fixtures.ts';
import type { Interval } from './types.ts';

// Intervals are written in ISO 8601 interval notation, 'start/end', and are half-open [start, end).
const spans = (list: readonly string[]): Interval[] => list.map(span);
const texts = (list: readonly Interval[]): string[] => list.map(isoSpan);

describe('overlaps: half-open intervals share an instant', () => {
  it.each([
    ['2027-03-29T09:00:00Z/2027-03-29T10:00:00Z', '2027-03-29T10:00:00Z/2027-03-29T11:00:00Z', false, 'touching'],
    ['2027-03-29T10:00:00Z/2027-03-29T11:00:00Z', '2027-03-29T09:00:00Z/2027-03-29T10:00:00Z', false, 'touching'],
    ['2027-03-29T09:00:00Z/2027-03-29T10:00:00Z', '2027-03-29T09:59:59Z/2027-03-29T11:00:00Z', true, 'one second'],
    ['2027-03-29T09:00:00Z/2027-03-29T12:00:00Z', '2027-03-29T10:00:00Z/2027-03-29T11:00:00Z', true, 'containing'],
    ['2027-03-29T09:00:00Z/2027-03-29T10:00:00Z', '2027-03-29T09:00:00Z/2027-03-29T10:00:00Z', true, 'identical'],
    ['2027-03-29T09:00:00Z/2027-03-29T10:00:00Z', '2027-03-29T11:00:00Z/2027-03-29T12:00:00Z', false, 'apart'],
  ])('%s and %s: %s (%s)', (a, b, expected) => {
    expect(overlaps(span(a), span(b))).toBe(expected);
  });
});

describe('merge: sorts, unites overlapping and touching intervals, drops empty ones', () => {
  it.each([
    { name: 'nothing', input: [], expected: [] },
    {
      name: 'unsorted, apart',
      input: ['2027-03-29T12:00:00Z/2027-03-29T13:00:00Z', '2027-03-29T09:00:00Z/2027-03-29T10:00:00Z'],
      expected: ['2027-03-29T09:00:00Z/2027-03-29T10:00:00Z', '2027-03-29T12:00:00Z/2027-03-29T13:00:00Z'],
    },
    {
      name: 'touching intervals join',
      input: ['2027-03-29T10:00:00Z/2027-03-29T11:00:00Z', '2027-03-29T09:00:00Z/2027-03-29T10:00:00Z'],
      expected: ['2027-03-29T09:00:00Z/2027-03-29T11:00:00Z'],
    },
    {
      name: 'overlapping and contained',
      input: [
        '2027-03-29T09:00:00Z/2027-03-29T12:00:00Z',
        '2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
        '2027-03-29T11:30:00Z/2027-03-29T13:00:00Z',
        '2027-03-29T15:00:00Z/2027-03-29T16:00:00Z',
      ],
      expected: ['2027-03-29T09:00:00Z/2027-03-29T13:00:00Z', '2027-03-29T15:00:00Z/2027-03-29T16:00:00Z'],
    },
    {
      name: 'empty and inverted intervals are dropped',
      input: ['2027-03-29T09:00:00Z/2027-03-29T09:00:00Z', '2027-03-29T11:00:00Z/2027-03-29T10:00:00Z'],
      expected: [],
    },
  ])('$name', ({ input, expected }) => {
    expect(texts(merge(spans(input)))).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const input = spans(['2027-03-29T12:00:00Z/2027-03-29T13:00:00Z', '2027-03-29T09:00:00Z/2027-03-29T12:30:00Z']);
    const copy = structuredClone(input);
    merge(input);
    expect(input).toEqual(copy);
  });
});

describe('overlapsAny: a probe against merged intervals (binary search)', () => {
  const merged = spans([
    '2027-03-29T09:00:00Z/2027-03-29T10:00:00Z',
    '2027-03-29T12:00:00Z/2027-03-29T13:00:00Z',
    '2027-03-29T15:00:00Z/2027-03-29T16:00:00Z',
  ]);

  it.each([
    ['2027-03-29T08:00:00Z/2027-03-29T09:00:00Z', false, 'ends where the first starts'],
    ['2027-03-29T08:00:00Z/2027-03-29T09:00:01Z', true, 'one second into the first'],
    ['2027-03-29T10:00:00Z/2027-03-29T12:00:00Z', false, 'fills a hole exactly'],
    ['2027-03-29T11:30:00Z/2027-03-29T12:30:00Z', true, 'straddles a start'],
    ['2027-03-29T12:15:00Z/2027-03-29T12:45:00Z', true, 'inside one'],
    ['2027-03-29T13:00:00Z/2027-03-29T15:00:00Z', false, 'between two'],
    ['2027-03-29T15:59:00Z/2027-03-29T17:00:00Z', true, 'the last minute of the last'],
    ['2027-03-29T16:00:00Z/2027-03-29T17:00:00Z', false, 'after all'],
    ['2027-03-29T08:00:00Z/2027-03-29T17:00:00Z', true, 'covering all'],
  ])('%s → %s (%s)', (probe, expected) => {
    expect(overlapsAny(merged, span(probe))).toBe(expected);
  });

  it('nothing busy overlaps nothing', () => {
    expect(overlapsAny([], span('2027-03-29T08:00:00Z/2027-03-29T17:00:00Z'))).toBe(false);
  });
});

describe('subtract: the parts of a not covered by cut', () => {
  it.each([
    {
      name: 'a hole in the middle splits',
      a: ['2027-03-29T09:00:00Z/2027-03-29T17:00:00Z'],
      cut: ['2027-03-29T12:00:00Z/2027-03-29T13:00:00Z'],
      expected: ['2027-03-29T09:00:00Z/2027-03-29T12:00:00Z', '2027-03-29T13:00:00Z/2027-03-29T17:00:00Z'],
    },
    {
      name: 'cuts over both ends trim',
      a: ['2027-03-29T09:00:00Z/2027-03-29T17:00:00Z'],
      cut: ['2027-03-29T16:00:00Z/2027-03-29T18:00:00Z', '2027-03-29T08:00:00Z/2027-03-29T10:00:00Z'],
      expected: ['2027-03-29T10:00:00Z/2027-03-29T16:00:00Z'],
    },
    {
      name: 'a covering cut leaves nothing',
      a: ['2027-03-29T09:00:00Z/2027-03-29T17:00:00Z'],
      cut: ['2027-03-29T09:00:00Z/2027-03-29T17:00:00Z'],
      expected: [],
    },
    {
      name: 'touching cuts change nothing',
      a: ['2027-03-29T09:00:00Z/2027-03-29T17:00:00Z'],
      cut: ['2027-03-29T08:00:00Z/2027-03-29T09:00:00Z', '2027-03-29T17:00:00Z/2027-03-29T18:00:00Z'],
      expected: ['2027-03-29T09:00:00Z/2027-03-29T17:00:00Z'],
    },
    {
      name: 'unmerged cuts over several intervals',
      a: ['2027-03-29T13:00:00Z/2027-03-29T17:00:00Z', '2027-03-29T09:00:00Z/2027-03-29T12:00:00Z'],
      cut: [
        '2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
        '2027-03-29T10:30:00Z/2027-03-29T13:30:00Z',
        '2027-03-29T15:00:00Z/2027-03-29T15:30:00Z',
      ],
      expected: [
        '2027-03-29T09:00:00Z/2027-03-29T10:00:00Z',
        '2027-03-29T13:30:00Z/2027-03-29T15:00:00Z',
        '2027-03-29T15:30:00Z/2027-03-29T17:00:00Z',
      ],
    },
  ])('$name', ({ a, cut, expected }) => {
    expect(texts(subtract(spans(a), spans(cut)))).toEqual(expected);
  });
});

describe('intersect: the instants in both sets', () => {
  it.each([
    {
      name: 'one interval across a split day',
      a: ['2027-03-29T09:00:00Z/2027-03-29T12:00:00Z', '2027-03-29T13:00:00Z/2027-03-29T17:00:00Z'],
      b: ['2027-03-29T11:00:00Z/2027-03-29T14:00:00Z'],
      expected: ['2027-03-29T11:00:00Z/2027-03-29T12:00:00Z', '2027-03-29T13:00:00Z/2027-03-29T14:00:00Z'],
    },
    {
      name: 'touching intervals share nothing',
      a: ['2027-03-29T09:00:00Z/2027-03-29T10:00:00Z'],
      b: ['2027-03-29T10:00:00Z/2027-03-29T11:00:00Z'],
      expected: [],
    },
    {
      name: 'unsorted overlapping inputs are merged first',
      a: ['2027-03-29T12:00:00Z/2027-03-29T16:00:00Z', '2027-03-29T08:00:00Z/2027-03-29T13:00:00Z'],
      b: ['2027-03-29T10:00:00Z/2027-03-29T11:00:00Z', '2027-03-29T15:00:00Z/2027-03-29T18:00:00Z'],
      expected: ['2027-03-29T10:00:00Z/2027-03-29T11:00:00Z', '2027-03-29T15:00:00Z/2027-03-29T16:00:00Z'],
    },
    { name: 'with nothing', a: ['2027-03-29T09:00:00Z/2027-03-29T10:00:00Z'], b: [], expected: [] },
  ])('$name', ({ a, b, expected }) => {
    expect(texts(intersect(spans(a), spans(b)))).toEqual(expected);
  });
});
