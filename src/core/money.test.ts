import { describe, expect, it } from 'vitest';
import { isCurrency, toDecimal, toMinor } from './money.ts';

describe('money in minor units', () => {
  it.each([
    ['120.00', 'EUR', 12000],
    ['120.5', 'EUR', 12050],
    ['0', 'USD', 0],
    ['30', 'EUR', 3000],
    ['500', 'JPY', 500],
    ['12.345', 'BHD', 12345],
    ['1.001', 'EUR', null],
    ['5.5', 'JPY', null],
    ['-1.00', 'EUR', null],
    ['1e3', 'EUR', null],
    ['', 'EUR', null],
  ])('toMinor(%s %s) is %s', (amount, currency, expected) => {
    expect(toMinor(amount, currency)).toBe(expected);
  });

  it.each([
    [12000, 'EUR', '120.00'],
    [5, 'USD', '0.05'],
    [500, 'JPY', '500'],
    [12345, 'BHD', '12.345'],
  ])('toDecimal(%s %s) is %s', (minor, currency, expected) => {
    expect(toDecimal(minor, currency)).toBe(expected);
  });

  it('knows ISO currencies only', () => {
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('eur')).toBe(false);
    expect(isCurrency('XYZ')).toBe(false);
  });
});
