/**
 * Dates, times and money as the reader sees them, for the emails, the public pages and the
 * dashboard alike: in the catalogue's Intl locale and the booking's IANA zone (emails name the
 * zone after the time, so nobody has to guess whose clock it is; pages say it once, beside).
 */

import { currencyExponent } from '../core/money.ts';
import { dateTimeFormat, numberFormat } from './intl-cache.ts';

const long = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
const clock = { hour: '2-digit', minute: '2-digit' } as const;

/**
 * Spans already written: `formatRange` costs ~25 µs a call even with its formatter cached (ICU's
 * interval formatting), the largest item of a booking's emails in a profile, and a booking's
 * client and team emails write the same span (decision 046). Bounded like intl-cache.ts.
 */
const spans = new Map<string, string>();
const MAX_SPANS = 1000;

/** "Monday, 29 March 2027, 09:00–10:00 (Europe/Lisbon)"; a span past midnight names both days. */
export function formatSpan(start: number, end: number, timeZone: string, locale: string): string {
  const key = `${locale}|${timeZone}|${start}|${end}`;
  let text = spans.get(key);
  if (text === undefined) {
    const format = dateTimeFormat(locale, { ...long, ...clock, timeZone });
    text = `${format.formatRange(start, end)} (${timeZone})`;
    if (spans.size >= MAX_SPANS) spans.clear();
    spans.set(key, text);
  }
  return text;
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

/** A calendar date ("2027-03-29") as "Monday 29 March 2027" — no zone involved. */
export function longDate(date: string, intlLocale: string): string {
  return dateTimeFormat(intlLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${date}T12:00:00Z`));
}

/** "March 2027". */
export function monthTitle(month: string, intlLocale: string): string {
  return dateTimeFormat(intlLocale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(`${month}-15T12:00:00Z`),
  );
}

/** Short weekday names, Monday first. */
export function weekdayNames(intlLocale: string): { short: string; long: string }[] {
  const monday = Date.parse('2027-03-01T12:00:00Z'); // a Monday
  const short = dateTimeFormat(intlLocale, { weekday: 'short', timeZone: 'UTC' });
  const long = dateTimeFormat(intlLocale, { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => ({
    short: short.format(monday + i * 86_400_000),
    long: long.format(monday + i * 86_400_000),
  }));
}

/** "09:00" in a zone. */
export function clockTime(at: number, zone: string, intlLocale: string): string {
  return dateTimeFormat(intlLocale, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(at);
}

/** "Monday 29 March 2027, 09:00–10:00". */
export function span(start: number, end: number, zone: string, intlLocale: string): string {
  return dateTimeFormat(intlLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  }).formatRange(start, end);
}

/** A zone as people read it: "America/New_York" → "America/New York". */
export const zoneName = (zone: string) => zone.replaceAll('_', ' ');

const short = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', ...clock } as const;

/** "Mon 29 Mar 2027, 10:00–11:00" (the dashboard's lists). */
export function shortSpan(start: number, end: number, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { ...short, timeZone }).formatRange(start, end);
}

/** "Mon 29 Mar 2027, 10:00". */
export function shortMoment(at: number, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { ...short, timeZone }).format(at);
}

/** "Monday 29 March 2027 at 10:00". */
export function fullMoment(at: number, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
}

/** "29 Mar 2027, 10:00". */
export function mediumMoment(at: number, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
}

/** "29 Mar 2027, 10:00:05": to the second (a log of attempts). */
export function preciseMoment(at: number, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone,
  }).format(at);
}
