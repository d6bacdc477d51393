/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Dates carry no zone; this module never
 * touches instants (time.ts owns the conversion between wall-clock time and instants).
 */
import type { LocalDate, Weekday } from './types.ts';
import { WEEKDAYS } from './types.ts';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** Days since 1970-01-01 of a valid date; `null` when the text is not a real date. */
export function dayNumber(date: LocalDate): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const dt = new Date(0);
  dt.setUTCFullYear(y, mo - 1, d);
  return Math.round(dt.getTime() / DAY_MS);
}

/** Whether the text is a real calendar date (`2027-02-30` is not). */
export function isDate(date: string): boolean {
  return dayNumber(date) !== null;
}

/** The date of a day number (inverse of dayNumber). */
export function fromDayNumber(n: number): LocalDate {
  const dt = new Date(n * DAY_MS);
  const y = dt.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
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
