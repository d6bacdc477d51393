import { describe, expect, it, vi } from 'vitest';
import { formatInstant, formatMoney, formatShort, formatSpan } from './format.ts';

const at = (iso: string) => Date.parse(iso);

describe('formatting for the reader', () => {
  it.each([
    // Lisbon springs forward at 01:00 UTC that day: 09:00 UTC is 10:00 local.
    [
      '2027-03-28T09:00:00Z',
      '2027-03-28T10:00:00Z',
      'Europe/Lisbon',
      'Sunday, 28 March 2027, 10:00–11:00 (Europe/Lisbon)',
    ],
    [
      '2027-03-28T00:00:00Z',
      '2027-03-28T01:00:00Z',
      'Europe/Lisbon',
      'Sunday, 28 March 2027, 00:00–02:00 (Europe/Lisbon)',
    ],
    [
      '2027-03-28T09:00:00Z',
      '2027-03-28T10:00:00Z',
      'America/New_York',
      'Sunday, 28 March 2027, 05:00–06:00 (America/New_York)',
    ],
    [
      '2027-03-29T21:30:00Z',
      '2027-03-29T23:30:00Z',
      'Europe/Lisbon',
      'Monday, 29 March 2027 at 22:30\u2009–\u2009Tuesday, 30 March 2027 at 00:30 (Europe/Lisbon)',
    ],
  ])('span %s–%s in %s reads "%s"', (start, end, zone, expected) => {
    expect(formatSpan(at(start), at(end), zone, 'en-GB')).toBe(expected);
  });

  it("writes a span once (a booking's two emails share it), anew for another zone or locale", () => {
    const formatRange = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatRange');
    try {
      const [start, end] = [at('2031-05-06T09:00:00Z'), at('2031-05-06T10:00:00Z')];
      const first = formatSpan(start, end, 'Europe/Lisbon', 'en-GB');
      expect(formatSpan(start, end, 'Europe/Lisbon', 'en-GB')).toBe(first);
      expect(formatRange).toHaveBeenCalledTimes(1);
      expect(formatSpan(start, end, 'Europe/Paris', 'en-GB')).toBe('Tuesday, 6 May 2031, 11:00–12:00 (Europe/Paris)');
      expect(formatSpan(start, end, 'Europe/Lisbon', 'fr-FR')).toMatch(/^mardi 6 mai 2031/);
      expect(formatRange).toHaveBeenCalledTimes(3);
    } finally {
      formatRange.mockRestore();
    }
  });

  it('names an instant with its zone, and shortly for subjects', () => {
    expect(formatInstant(at('2027-10-31T01:30:00Z'), 'Europe/Lisbon', 'en-GB')).toBe(
      'Sunday, 31 October 2027 at 01:30 (Europe/Lisbon)',
    );
    expect(formatShort(at('2027-03-28T09:00:00Z'), 'Europe/Lisbon', 'en-GB')).toBe('Sun 28 Mar, 10:00');
  });

  it.each([
    [12000, 'EUR', '€120.00'],
    [12050, 'EUR', '€120.50'],
    [1200, 'JPY', '¥1,200'],
    [5, 'USD', '$0.05'],
    [12345, 'BHD', 'BHD\u00a012.345'],
  ])('%s minor units of %s read "%s"', (minor, currency, expected) => {
    expect(formatMoney(minor, currency, 'en-GB')).toBe(expected);
  });
});
