/**
 * Working time of a staff member on one of their local dates (SPEC §2 rule 1, §8.1–8.2): the
 * date's hours (date-specific hours, else the weekly ones), minus days off and blocks, within
 * [today, today + horizon]. Dates are in the staff member's zone.
 *
 * A day off wins over date-specific hours (it removes the whole day). Blocks are time off, so
 * they take working time away: a date wholly blocked has no working time and is `closed` in the
 * month view, like a day off; bookings and external busy time leave it worked, so `full`.
 */
import { TIME_OFF_LOOKBACK_MS } from './busy.ts';
import { addDays, weekdayOf } from './date.ts';
import { subtract } from './interval.ts';
import { dateOf, dayClock } from './time.ts';
import { blockSpans } from './time-off.ts';
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

/** The weekly hours of the date's weekday, whatever its date-specific hours. */
export function weeklyRanges(staff: StaffSchedule, date: LocalDate): readonly WallRange[] {
  return staff.hours[weekdayOf(date)] ?? [];
}

/**
 * The wall-clock ranges worked on a date, before days off, blocks and the horizon are applied:
 * its date-specific hours when it has some (an empty list: not worked), else its weekly hours.
 */
export function workingRanges(staff: StaffSchedule, date: LocalDate): readonly WallRange[] {
  return staff.dateHours?.[date] ?? staff.hours[weekdayOf(date)] ?? [];
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
  if (workingRanges(staff, date).length === 0) return 'not_worked';
  return null;
}

/**
 * The working intervals of a date as instants, blocks taken out; empty when rule 1 closes the
 * date. `timeOff`: the member's block spans when the caller has them already (time-off.ts
 * blockSpans from `now − TIME_OFF_LOOKBACK_MS`), so a month converts each block once.
 */
export function workingIntervals(
  staff: StaffSchedule,
  date: LocalDate,
  now: number,
  timeOff: readonly Interval[] = blockSpans(staff.blocks, staff.timezone, now - TIME_OFF_LOOKBACK_MS),
): Interval[] {
  if (dayClosure(staff, date, now) !== null) return [];
  const clock = dayClock(date, staff.timezone);
  const work = workingRanges(staff, date).map((r) => ({ start: clock.bound(r.start), end: clock.bound(r.end) }));
  return timeOff.length === 0 ? work : subtract(work, timeOff);
}
