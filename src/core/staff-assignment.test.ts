import { describe, expect, it } from 'vitest';
import { compareIds, pickStaff, staffInOrder } from './staff-assignment.ts';

interface Row {
  readonly candidates: string[];
  readonly bookings: Record<string, number>;
}

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('pickStaff: "any staff" goes to the fewest bookings that day, ties to the lowest id', () => {
  it.each<Row & { expected: string | null; rule: string }>([
    { candidates: ['1', '2', '3'], bookings: { '1': 2, '2': 0, '3': 1 }, expected: '2', rule: 'fewest bookings' },
    { candidates: ['3', '1', '2'], bookings: { '1': 1, '2': 1, '3': 1 }, expected: '1', rule: 'tie → lowest id' },
    { candidates: ['3', '2'], bookings: {}, expected: '2', rule: 'no count means none' },
    { candidates: ['10', '9'], bookings: {}, expected: '9', rule: "numeric ids compare as numbers: '9' < '10'" },
    { candidates: ['9', '10'], bookings: { '9': 1 }, expected: '10', rule: 'the count comes before the id' },
    {
      candidates: ['2', '10', '9'],
      bookings: { '2': 3, '9': 2, '10': 2 },
      expected: '9',
      rule: 'tie among the fewest',
    },
    { candidates: ['b', 'a', 'c'], bookings: {}, expected: 'a', rule: 'text ids compare as text' },
    {
      candidates: ['6f1c2e9a-0000-4000-8000-000000000002', '0b7d1f3c-0000-4000-8000-000000000001'],
      bookings: {},
      expected: '0b7d1f3c-0000-4000-8000-000000000001',
      rule: 'uuids compare as text',
    },
    { candidates: ['7'], bookings: { '7': 12 }, expected: '7', rule: 'the only candidate' },
    { candidates: [], bookings: {}, expected: null, rule: 'nobody' },
  ])('$rule: $candidates → $expected', ({ candidates, bookings, expected }) => {
    expect(pickStaff(candidates, counts(bookings))).toBe(expected);
  });

  it.each([
    ['9', '10', '1a'],
    ['10', '1a', '9'],
    ['1a', '9', '10'],
    ['1a', '10', '9'],
  ])('the pick does not depend on the order of the candidates (%s, %s, %s → 9)', (...candidates) => {
    expect(pickStaff(candidates, counts({}))).toBe('9');
  });
});

describe('compareIds: numbers as numbers, numbers before text, text as text', () => {
  it.each([
    ['9', '10', -1],
    ['10', '9', 1],
    ['10', '10', 0],
    ['007', '7', 0],
    ['9007199254740993', '9007199254740992', 1],
    ['a', 'b', -1],
    ['B', 'a', -1],
    ['10', '1a', -1],
    ['1a', '9', 1],
    ['99', 'a', -1],
  ])('compareIds(%j, %j) = %i', (a, b, expected) => {
    expect(Math.sign(compareIds(a, b))).toBe(expected);
  });
});

describe('staffInOrder: the members to try, the pick first', () => {
  it.each<Row & { expected: string[] }>([
    { candidates: ['10', '9', '2', 'x'], bookings: { '2': 1 }, expected: ['9', '10', 'x', '2'] },
    { candidates: ['3', '1', '2'], bookings: { '1': 2, '2': 1 }, expected: ['3', '2', '1'] },
    { candidates: [], bookings: {}, expected: [] },
  ])('$candidates with $bookings → $expected', ({ candidates, bookings, expected }) => {
    const input = [...candidates];
    expect(staffInOrder(input, counts(bookings))).toEqual(expected);
    expect(input).toEqual(candidates);
  });
});
