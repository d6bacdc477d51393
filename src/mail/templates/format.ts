/**
 * Dates, times and money as the reader sees them: in the catalogue's Intl locale and the booking's
 * IANA zone, the zone named after the time so nobody has to guess whose clock it is.
 */

import { currencyExponent } from '../../core/money.ts';
import { dateTimeFormat, numberFormat } from '../../i18n/intl-cache.ts';

const long = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
const clock = { hour: '2-digit', minute: '2-digit' } as const;

/** "Monday, 29 March 2027, 09:00–10:00 (Europe/Lisbon)"; a span past midnight names both days. */
export function formatSpan(start: number, end: number, timeZone: string, locale: string): string {
  const format = dateTimeFormat(locale, { ...long, ...clock, timeZone });
  return `${format.formatRange(start, end)} (${timeZone})`;
}

/** "Monday, 29 March 2027 at 09:00 (Europe/Lisbon)". */
export function formatInstant(at: number, timeZone: string, locale: string): string {
  return `${dateTimeFormat(locale, { ...long, ...clock, timeZone }).format(at)} (${timeZone})`;
}

/** "Mon 29 Mar, 09:00": short enough for a subject line. */
export function formatShort(at: number, timeZone: string, locale: string): string {
  const format = dateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...clock,
    timeZone,
  });
  return format.format(at);
}

/** 12000 EUR → "€120.00", 1200 JPY → "¥1,200": minor units scaled by the currency's own decimals. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const format = numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
  return format.format(minor / 10 ** currencyExponent(currency));
}
