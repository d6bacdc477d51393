/**
 * Recurring series (SPEC §9.2): `repeat: {frequency, count}` from a first start, in the staff
 * member's zone, to the starts of the occurrences (decision 027).
 *
 * - Occurrences keep the first start's wall-clock time across clock changes (a 16:00 series is
 *   at 16:00 in winter and in summer), so their instants move by the change.
 * - weekly = every 7 days, biweekly = every 14; monthly = the same weekday of the month as the
 *   first date ("second Tuesday": the day of the month's week (day + 6) ÷ 7, so the 29th–31st are
 *   a fifth weekday).
 * - `count` counts periods (weeks, fortnights, months) from the first, the first included. A
 *   period without an occurrence is skipped and listed, and still counts: a fifth weekday that
 *   its month lacks (`no_such_weekday`), or a wall time that its date skips at a spring-forward
 *   change (`time_does_not_exist`; SPEC §2.3 drops such a time from the slots, so it could never
 *   be booked). So "monthly, 6" never runs past six months, and what was not booked is said.
 * - A wall time that occurs twice (fall back) is its first occurrence (SPEC §2.3), as in slots.
 */
import { addDays, dayNumber, fromDayNumber } from './date.ts';
import { type FieldProblem, isIntIn, isPlainObject } from './problems.ts';
import { instantToWall, startOfDay, wallToInstant } from './time.ts';
import type { LocalDate } from './types.ts';

export const REPEAT_FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export type RepeatFrequency = (typeof REPEAT_FREQUENCIES)[number];
export const REPEAT_COUNT_MIN = 2;
export const REPEAT_COUNT_MAX = 52;

export interface Repeat {
  readonly frequency: RepeatFrequency;
  readonly count: number;
}

/** Problems with a booking body's `repeat` (absent = a single booking), paths from `repeat`. */
export function repeatProblems(value: unknown): FieldProblem[] {
  if (value === undefined) return [];
  if (!isPlainObject(value)) return [{ path: ['repeat'], message: 'an object {frequency, count}' }];
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(value)) {
    if (key !== 'frequency' && key !== 'count') problems.push({ path: ['repeat', key], message: 'unknown field' });
  }
  if (!REPEAT_FREQUENCIES.includes(value.frequency as RepeatFrequency)) {
    problems.push({ path: ['repeat', 'frequency'], message: `one of ${REPEAT_FREQUENCIES.join(', ')}` });
  }
  if (!isIntIn(value.count, REPEAT_COUNT_MIN, REPEAT_COUNT_MAX)) {
    problems.push({
      path: ['repeat', 'count'],
      message: `a whole number from ${REPEAT_COUNT_MIN} to ${REPEAT_COUNT_MAX}`,
    });
  }
  return problems;
}

export type SkipReason = 'no_such_weekday' | 'time_does_not_exist';

export interface Occurrence {
  /** The period it falls in, counted from 0 (the first start). */
  readonly index: number;
  /** Its date in the member's zone. */
  readonly date: LocalDate;
  readonly start: number;
}

export interface SkippedPeriod {
  readonly index: number;
  /** The month `YYYY-MM` of the period (monthly) or of its date. */
  readonly month: string;
  /** The date it would have had; null when the month has no such weekday. */
  readonly date: LocalDate | null;
  readonly reason: SkipReason;
}

export interface SeriesPlan {
  /** In order; the first is the given start itself. */
  readonly occurrences: readonly Occurrence[];
  readonly skipped: readonly SkippedPeriod[];
}

/** The occurrences of a series whose first start is `first`, in the member's `zone` (the header's rules). */
export function seriesPlan(first: number, zone: string, repeat: Repeat): SeriesPlan {
  const wall = instantToWall(first, zone);
  const occurrences: Occurrence[] = [{ index: 0, date: wall.date, start: first }];
  const skipped: SkippedPeriod[] = [];
  for (let index = 1; index < repeat.count; index++) {
    const date = periodDate(wall.date, repeat.frequency, index);
    if (date.date === null) {
      skipped.push({ index, month: date.month, date: null, reason: 'no_such_weekday' });
      continue;
    }
    const start = wallToInstant(date.date, wall.minutes, zone);
    if (start === null) skipped.push({ index, month: date.month, date: date.date, reason: 'time_does_not_exist' });
    else occurrences.push({ index, date: date.date, start });
  }
  return { occurrences, skipped };
}

/** The date of period `index` after `first` (null: no such weekday that month), with its month. */
function periodDate(
  first: LocalDate,
  frequency: RepeatFrequency,
  index: number,
): { date: LocalDate | null; month: string } {
  switch (frequency) {
    case 'weekly':
    case 'biweekly': {
      const date = addDays(first, index * (frequency === 'weekly' ? 7 : 14));
      return { date, month: date.slice(0, 7) };
    }
    case 'monthly': {
      const months = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1 + index;
      const month = `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}`;
      return { date: sameWeekdayOfMonth(first, month), month };
    }
    default: {
      const never: never = frequency;
      throw new Error(`unknown frequency ${String(never)}`);
    }
  }
}

/**
 * The date in `month` that is the same weekday of the month as `date` (the 2nd Tuesday → the 2nd
 * Tuesday), or null when the month has no such day (a 5th Friday in a month with four).
 */
export function sameWeekdayOfMonth(date: LocalDate, month: string): LocalDate | null {
  const day = dayNumber(date);
  const firstOfMonth = dayNumber(`${month}-01`);
  if (day === null || firstOfMonth === null) throw new RangeError(`not a date or month: ${date}, ${month}`);
  const nth = Math.floor((Number(date.slice(8, 10)) - 1) / 7); // 0 for days 1–7, … 4 for 29–31
  // Days since 1970-01-01 share their weekday when congruent modulo 7.
  const shift = (((day - firstOfMonth) % 7) + 7) % 7;
  const candidate = fromDayNumber(firstOfMonth + shift + 7 * nth);
  return candidate.slice(0, 7) === month ? candidate : null;
}

/**
 * Alternatives for a conflicting occurrence (API.md pinned: "ISO starts on the conflicting date
 * or the next day"): of the free starts the slot engine lists for that member (`free`, any
 * order, any dates), up to `perDay` on the conflicting date nearest to it, and up to `perDay` on
 * the next date nearest to the same wall-clock time; ascending. Ties go to the earlier start.
 */
export function seriesAlternatives(conflict: number, zone: string, free: readonly number[], perDay = 3): number[] {
  const wall = instantToWall(conflict, zone);
  const next = addDays(wall.date, 1);
  // The next date's same wall time; when it does not exist, the instant a day later.
  const target = wallToInstant(next, wall.minutes, zone) ?? conflict + 86_400_000;
  const sameDay: number[] = [];
  const nextDay: number[] = [];
  for (const start of free) {
    if (start === conflict) continue;
    const date = instantToWall(start, zone).date;
    if (date === wall.date) sameDay.push(start);
    else if (date === next) nextDay.push(start);
  }
  return [...nearest(sameDay, conflict, perDay), ...nearest(nextDay, target, perDay)].sort((a, b) => a - b);
}

function nearest(starts: number[], to: number, limit: number): number[] {
  return starts.sort((a, b) => Math.abs(a - to) - Math.abs(b - to) || a - b).slice(0, limit);
}

/**
 * The instants between which the slot engine lists candidates for seriesAlternatives: from the
 * conflicting date's first instant to the end of the next date, in the member's zone.
 */
export function alternativesWindow(conflict: number, zone: string): { start: number; end: number } {
  const date = instantToWall(conflict, zone).date;
  return { start: startOfDay(date, zone), end: startOfDay(addDays(date, 2), zone) };
}
