/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Dates carry no zone; this module never
 * touches instants (time.ts owns the conversion between wall-clock time and instants).
 */
import type { LocalDate, Weekday } from './types.ts';
import { WEEKDAYS } from './types.ts';

const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** Days since 1970-01-01 of a valid date; `null` when the text is not a real date. */
export function dayNumber(date: LocalDate): number | null {
  // Hand-parsed: this runs for every candidate slot, and a RegExp plus Date cost 10× more.
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null;
  const y = digits(date, 0, 4);
  const mo = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

/** The integer value of date[from, to) when all are ASCII digits, else -1. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

// Proleptic Gregorian day counts (H. Hinnant's algorithms), exact for every year 1-9999.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whether the text is a real calendar date (`2027-02-30` is not). */
export function isDate(date: string): boolean {
  return dayNumber(date) !== null;
}

/** Year, month and day of the last civilOf call (a scratch: no object per call). */
const civil = new Int32Array(3);

// Hinnant's civil_from_days, the inverse of daysFromCivil.
function civilOf(n: number): void {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  civil[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
  civil[1] = mp < 10 ? mp + 3 : mp - 9;
  civil[0] = yoe + era * 400 + ((civil[1] as number) <= 2 ? 1 : 0);
}

/** The date of a day number (inverse of dayNumber). */
export function fromDayNumber(n: number): LocalDate {
  civilOf(n);
  return `${String(civil[0]).padStart(4, '0')}-${pad(civil[1] as number)}-${pad(civil[2] as number)}`;
}

/** y·12 + m − 1 of a day number's date: its month as a number, without building the text. */
export function monthIndexOfDay(n: number): number {
  civilOf(n);
  return (civil[0] as number) * 12 + (civil[1] as number) - 1;
}

function must(date: LocalDate): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`not a date: ${date}`);
  return n;
}

/** The date `days` after `date` (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(must(date) + days);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return must(b) - must(a);
}

/** The weekday of a date. */
export function weekdayOf(date: LocalDate): Weekday {
  // 1970-01-01 was a Thursday (index 3 in WEEKDAYS).
  const idx = (((must(date) + 3) % 7) + 7) % 7;
  return WEEKDAYS[idx] as Weekday;
}

/** Every date of a month `YYYY-MM`, in order; `null` when the text is not a month. */
export function datesOfMonth(month: string): LocalDate[] | null {
  const m = MONTH_RE.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (y < 1 || mo < 1 || mo > 12) return null;
  const out: LocalDate[] = [];
  for (let d = 1; d <= daysInMonth(y, mo); d++) out.push(`${m[1]}-${m[2]}-${pad(d)}`);
  return out;
}

/** The month `YYYY-MM` of a date. */
export function monthOf(date: LocalDate): string {
  return date.slice(0, 7);
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(mo) ? 30 : 31;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "09:30" → 570; "24:00" → 1440 (the end of the day, for range ends); null otherwise. */
export function parseWallTime(text: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

/** 570 → "09:30". */
export function formatWallTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
