/**
 * Working time of a staff member on one of their local dates (SPEC §2 rule 1): weekly hours,
 * minus days off, within [today, today + horizon]. Dates are in the staff member's zone.
 */
import { addDays, weekdayOf } from './date.ts';
import { dateOf, dayClock } from './time.ts';
import type { Interval, LocalDate, StaffSchedule, WallRange } from './types.ts';

/** Whether a date falls inside one of the days off (inclusive ranges). */
export function isDayOff(staff: StaffSchedule, date: LocalDate): boolean {
  return staff.daysOff.some((off) => off.from <= date && date <= off.to);
}

let lastToday: { now: number; zone: string; horizon: number; today: LocalDate; horizonEnd: LocalDate } | null = null;

/** Today and the last date within the horizon, in the member's zone (memo of the last answer: month views ask per date). */
function todayOf(now: number, staff: StaffSchedule): { today: LocalDate; horizonEnd: LocalDate } {
  const zone = staff.timezone;
  const horizon = staff.policy.horizonDays;
  if (lastToday?.now !== now || lastToday.zone !== zone || lastToday.horizon !== horizon) {
    const today = dateOf(now, zone);
    lastToday = { now, zone, horizon, today, horizonEnd: addDays(today, horizon) };
  }
  return lastToday;
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
  const { today, horizonEnd } = todayOf(now, staff);
  if (date < today) return 'past';
  if (!ignoreHorizon && date > horizonEnd) return 'beyond_horizon';
  if (isDayOff(staff, date)) return 'day_off';
  if (weeklyRanges(staff, date).length === 0) return 'not_worked';
  return null;
}

/** The working intervals of a date as instants; empty when rule 1 closes the date. */
export function workingIntervals(staff: StaffSchedule, date: LocalDate, now: number): Interval[] {
  if (dayClosure(staff, date, now) !== null) return [];
  const clock = dayClock(date, staff.timezone);
  return weeklyRanges(staff, date).map((r) => ({ start: clock.bound(r.start), end: clock.bound(r.end) }));
}
