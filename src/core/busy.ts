/**
 * Busy time from every source (SPEC §8), as the slot engine reads it: one merged list per member,
 * and one for the resources a service needs. Built once per question, so a candidate costs the
 * same binary search whatever the sources (no extra cost per candidate for blocks or feeds).
 *
 * A member's list holds the occupied spans of their bookings (stored with the booking's buffers
 * and the gap, slots.ts occupiedSpan), their blocks (§8.2) and their external busy time (§8.3).
 * A block or an external event counts like a booking: its end is extended by the member's gap,
 * and the candidate's own span, which ends with the gap, keeps the gap before it. So a candidate
 * [s, e) is refused when s − bufferBefore − gap < to and from < e + bufferAfter + gap, exactly
 * SPEC §2.4's rule with the block in place of the booking. An all-day external date covers the
 * whole date in the member's zone (§8.3), as instants from its first to the next date's first.
 *
 * A resource is held for [start − bufferBefore, end + bufferAfter): the member's gap is rest time
 * of a person, not of a room (API.md pinned details).
 */
import { addDays } from './date.ts';
import { merge } from './interval.ts';
import { startOfDay } from './time.ts';
import { blockSpans } from './time-off.ts';
import type { ExternalBusy, Interval, ServiceTiming, StaffSchedule } from './types.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * How far before `now` blocks and external time are still read: a candidate is never before
 * `now`, but the month view judges the working time of a member date that began up to two days
 * earlier (calendar.ts monthDays), and the gap reaches back one day more.
 */
export const TIME_OFF_LOOKBACK_MS = 3 * DAY;

/**
 * Everything that can refuse a candidate of one member, merged (the header's rule): `bookings`
 * are the occupied spans of their bookings, merged (interval.ts merge); `external` their
 * calendars' busy time. With neither blocks nor external time, `bookings` is returned as it is.
 */
export function memberBusy(
  staff: StaffSchedule,
  bookings: readonly Interval[],
  external: ExternalBusy | undefined,
  now: number,
): readonly Interval[] {
  const floor = now - TIME_OFF_LOOKBACK_MS;
  const blocks = blockSpans(staff.blocks, staff.timezone, floor);
  const intervals = external?.intervals ?? [];
  const dates = external?.dates ?? [];
  if (blocks.length === 0 && intervals.length === 0 && dates.length === 0) return bookings;
  const gap = staff.policy.gapMinutes * MINUTE;
  const all: Interval[] = bookings.slice();
  for (const b of blocks) all.push({ start: b.start, end: b.end + gap });
  for (const i of intervals) if (i.end > floor) all.push({ start: i.start, end: i.end + gap });
  const oldest = new Date(floor - DAY).toISOString().slice(0, 10);
  for (const date of dates) {
    if (date < oldest) continue;
    all.push({ start: startOfDay(date, staff.timezone), end: startOfDay(addDays(date, 1), staff.timezone) + gap });
  }
  return merge(all);
}

/** The span a booking [start, end) holds on each resource its service requires (the header's rule). */
export function heldSpan(start: number, end: number, timing: ServiceTiming): Interval {
  return { start: start - timing.bufferBeforeMinutes * MINUTE, end: end + timing.bufferAfterMinutes * MINUTE };
}

const NONE: readonly Interval[] = Object.freeze([]);

/**
 * The union of the spans held on the resources a service requires (key → held spans of other
 * bookings, any order): a candidate needs every one of them free, so it must miss the union.
 */
export function resourceHolds(resources: ReadonlyMap<string, readonly Interval[]> | undefined): readonly Interval[] {
  if (!resources || resources.size === 0) return NONE;
  const lists = [...resources.values()].filter((l) => l.length > 0);
  if (lists.length === 0) return NONE;
  return merge(lists.flat());
}
