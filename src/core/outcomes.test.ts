import { describe, expect, it } from 'vitest';
import { outcomeRefusal } from './outcomes.ts';
import { at } from './test-fixtures.ts';

describe('outcomeRefusal: only a confirmed booking that has started can be marked (SPEC §10.3)', () => {
  const start = at('2027-06-14T10:00:00Z');
  it.each([
    { status: 'confirmed', now: '2027-06-14T11:30:00Z', expected: null },
    { status: 'confirmed', now: '2027-06-14T10:00:00Z', expected: null }, // from its start on: a no-show is known then
    { status: 'confirmed', now: '2027-06-14T09:59:59Z', expected: 'not_started' },
    { status: 'confirmed', now: '2027-06-01T00:00:00Z', expected: 'not_started' },
    { status: 'cancelled', now: '2027-06-15T00:00:00Z', expected: 'cancelled' },
    { status: 'cancelled', now: '2027-06-01T00:00:00Z', expected: 'cancelled' },
    { status: 'expired', now: '2027-06-15T00:00:00Z', expected: 'expired' },
    { status: 'awaiting_payment', now: '2027-06-14T10:05:00Z', expected: 'not_confirmed' },
    { status: 'pending_verification', now: '2027-06-14T10:05:00Z', expected: 'not_confirmed' },
  ])('$status at $now → $expected', ({ status, now, expected }) => {
    expect(outcomeRefusal({ status, start, now: at(now) })).toBe(expected);
  });
});
