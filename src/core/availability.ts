/**
 * Working time of a staff member on one of their local dates (SPEC §2 rule 1): weekly hours,
 * minus days off, within [today, today + horizon]. Dates are in the staff member's zone.
 */
import { addDays, weekdayOf } from './date.ts';
import { boundToInstant, dateOf } from './time.ts';
import type { Interval, LocalDate, StaffSchedule, WallRange } from './types.ts';

/** Whether a date falls inside one of the days off (inclusive ranges). */
export function isDayOff(staff: StaffSchedule, date: LocalDate): boolean {
  return staff.daysOff.some((off) => off.from <= date && date <= off.to);
}

/** The wall-clock ranges worked on a date, before days off and the horizon are applied. */
export function weeklyRanges(staff: StaffSchedule, date: LocalDate): readonly WallRange[] {
  return staff.hours[weekdayOf(date)] ?? [];
}

export type DayClosure = 'past' | 'beyond_horizon' | 'day_off' | 'not_worked';

/**
 * Why rule 1 gives nothing for a date, or null when the date is open. `now` is an instant;
 * `ignoreHorizon` serves admins, who may book beyond the horizon (SPEC §5).
 */
export function dayClosure(
  staff: StaffSchedule,
  date: LocalDate,
  now: number,
  ignoreHorizon = false,
): DayClosure | null {
  const today = dateOf(now, staff.timezone);
  if (date < today) return 'past';
  if (!ignoreHorizon && date > addDays(today, staff.policy.horizonDays)) return 'beyond_horizon';
  if (isDayOff(staff, date)) return 'day_off';
  if (weeklyRanges(staff, date).length === 0) return 'not_worked';
  return null;
}

/** The working intervals of a date as instants; empty when rule 1 closes the date. */
export function workingIntervals(staff: StaffSchedule, date: LocalDate, now: number): Interval[] {
  if (dayClosure(staff, date, now) !== null) return [];
  return weeklyRanges(staff, date).map((r) => ({
    start: boundToInstant(date, r.start, staff.timezone),
    end: boundToInstant(date, r.end, staff.timezone),
  }));
}
