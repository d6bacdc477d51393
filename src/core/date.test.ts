import { describe, expect, it } from 'vitest';
import { addDays, datesOfMonth, isDate, weekdayOf } from './date.ts';

describe('calendar dates', () => {
  it.each([
    ['2027-02-28', true],
    ['2027-02-29', false],
    ['2028-02-29', true],
    ['2027-02-30', false],
    ['2027-13-01', false],
    ['0000-01-01', false],
    ['27-01-01', false],
  ])('isDate(%s) is %s', (text, expected) => {
    expect(isDate(text)).toBe(expected);
  });

  it.each([
    ['2027-03-29', 'mon'],
    ['2027-10-31', 'sun'],
    ['2026-11-25', 'wed'],
  ])('%s is a %s', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('lists the dates of a month', () => {
    expect(datesOfMonth('2027-02')?.at(-1)).toBe('2027-02-28');
    expect(datesOfMonth('2027-02')).toHaveLength(28);
    expect(datesOfMonth('2027-13')).toBeNull();
  });
});
