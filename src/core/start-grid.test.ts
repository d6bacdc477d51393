/** The "any" dedupe (decision 036): a start counts once, on or off the minute grid, per month. */
import { describe, expect, it } from 'vitest';
import { startGrid } from './start-grid.ts';
import { at } from './test-fixtures.ts';

const BASE = at('2027-06-01T00:00:00Z');
const TO = at('2027-07-01T00:00:00Z');

describe('start grid', () => {
  it('adds a start once: true the first time, false after, whatever the order', () => {
    const grid = startGrid(BASE, TO);
    const nine = at('2027-06-15T09:00:00Z');
    const half = at('2027-06-15T09:30:00Z');
    expect([grid.add(nine), grid.add(half), grid.add(nine), grid.add(half)]).toEqual([true, true, false, false]);
    expect(grid.add(at('2027-06-30T23:59:00Z'))).toBe(true);
  });

  it('keeps starts off the minute grid apart (an offset with seconds)', () => {
    const grid = startGrid(BASE, TO);
    const odd = at('2027-06-15T09:00:30Z');
    expect([grid.add(odd), grid.add(odd), grid.add(odd + 30_000)]).toEqual([true, false, true]);
  });

  it('is empty again for the next month', () => {
    const nine = at('2027-06-15T09:00:00Z');
    startGrid(BASE, TO).add(nine);
    expect(startGrid(BASE, TO).add(nine)).toBe(true);
  });
});
