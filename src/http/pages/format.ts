/** Dates, times and money on the pages, by Intl in the visitor's language (instants in a zone). */
import { dateTimeFormat } from '../../i18n/intl-cache.ts';
import { formatMoney } from '../../mail/templates/format.ts';

export { formatMoney };

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

/** "60 min", "1 h 30 min" style durations from the catalogue's minute word. */
export const zoneName = (zone: string) => zone.replaceAll('_', ' ');
