/**
 * The working minutes of the reports' utilisation (booked minutes / working minutes, SPEC §12):
 * each member's working time over the range from the core's `workingIntervals` — weekly hours,
 * and date-specific hours, days off and blocks as the member's schedule carries them — grouped by
 * the business zone's Monday-to-Sunday weeks. Working time is read as the schedule is now (the
 * store keeps no history of hours).
 */
import {
  addDays,
  dateOf,
  daysBetween,
  type Interval,
  type StaffSchedule,
  startOfDay,
  weekdayOf,
  workingIntervals,
} from '../../../core/index.ts';

const WEEKDAY_INDEX = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 } as const;
const MINUTE = 60_000;

/** The Monday of a date's week. */
export const mondayOf = (date: string) => addDays(date, -WEEKDAY_INDEX[weekdayOf(date)]);

/**
 * Minutes worked by `member` within `window`, by week (the Monday, YYYY-MM-DD in `zone`). The
 * core answers only for dates between today and the horizon, so the member's schedule is read as of
 * the window's start with a horizon that covers the window: past dates are worked as the hours say.
 * `weeks` (weekStarts of the window) may be shared by every member of one report.
 */
export function workingMinutesByWeek(
  member: StaffSchedule,
  window: Interval,
  zone: string,
  weeks: WeekStarts = weekStarts(window, zone),
): Map<string, number> {
  const asOf = window.start - 2 * 86_400_000;
  const first = dateOf(asOf, member.timezone);
  const last = dateOf(window.end, member.timezone);
  const days = daysBetween(first, last) + 2;
  const schedule: StaffSchedule = { ...member, policy: { ...member.policy, horizonDays: days + 2 } };
  const out = new Map<string, number>();
  for (let d = 0; d <= days; d++) {
    for (const worked of workingIntervals(schedule, addDays(first, d), asOf)) {
      const start = Math.max(worked.start, window.start);
      const end = Math.min(worked.end, window.end);
      if (start < end) addByWeek(out, { start, end }, weeks);
    }
  }
  return out;
}

/** The Mondays (YYYY-MM-DD) whose weeks a window touches, with the instant each starts in the zone, in order. */
export interface WeekStarts {
  readonly mondays: readonly string[];
  readonly starts: readonly number[];
}

/**
 * Computed once per report: a zone's week boundaries are found with Intl, which is slow; an
 * interval then only needs a search among ~53 numbers.
 */
export function weekStarts(window: Interval, zone: string): WeekStarts {
  const mondays: string[] = [];
  const starts: number[] = [];
  const last = dateOf(window.end, zone);
  for (let monday = mondayOf(dateOf(window.start, zone)); monday <= last; monday = addDays(monday, 7)) {
    mondays.push(monday);
    starts.push(startOfDay(monday, zone));
  }
  return { mondays, starts };
}

/** Adds an interval's minutes to the weeks it lies in (split where a week ends). */
function addByWeek(out: Map<string, number>, span: Interval, weeks: WeekStarts): void {
  const { mondays, starts } = weeks;
  // The last week starting at or before span.start (spans lie within the window, so i >= 0).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= span.start) lo = mid;
    else hi = mid - 1;
  }
  let at = span.start;
  for (let i = lo; at < span.end && i < mondays.length; i++) {
    const until = Math.min(span.end, starts[i + 1] ?? Number.POSITIVE_INFINITY);
    const monday = mondays[i] as string;
    out.set(monday, (out.get(monday) ?? 0) + (until - at) / MINUTE);
    at = until;
  }
}
