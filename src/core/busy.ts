/**
 * Busy time from every source (SPEC §8), as the slot engine reads it: one merged list per member,
 * and one for the resources a service needs. Built once per question, so a candidate costs the
 * same binary search whatever the sources (no extra cost per candidate for blocks or feeds).
 *
 * A member's list holds the occupied spans of their bookings (stored with the booking's buffers
 * and the gap, slots.ts occupiedSpan), the starts held for waitlist offers (§9.3, their spans
 * computed the same way), their blocks (§8.2) and their external busy time (§8.3).
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
import type { ExternalBusy, HeldStart, Interval, ServiceTiming, StaffSchedule } from './types.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const NO_HOLDS: readonly HeldStart[] = Object.freeze([]);

/**
 * How far before `now` blocks and external time are still read: a candidate is never before
 * `now`, but the month view judges the working time of a member date that began up to two days
 * earlier (calendar.ts monthDays), and the gap reaches back one day more.
 */
export const TIME_OFF_LOOKBACK_MS = 3 * DAY;

/**
 * Everything that can refuse a candidate of one member, merged (the header's rule): `bookings`
 * are the occupied spans of their bookings, merged (interval.ts merge); `external` their
 * calendars' busy time; `holds` the starts held for them for waitlist offers (any order). With
 * no blocks, external time or holds, `bookings` is returned as it is.
 */
export function memberBusy(
  staff: StaffSchedule,
  bookings: readonly Interval[],
  external: ExternalBusy | undefined,
  now: number,
  holds: readonly HeldStart[] = NO_HOLDS,
): readonly Interval[] {
  const floor = now - TIME_OFF_LOOKBACK_MS;
  const blocks = blockSpans(staff.blocks, staff.timezone, floor);
  const intervals = external?.intervals ?? [];
  const dates = external?.dates ?? [];
  if (blocks.length === 0 && intervals.length === 0 && dates.length === 0 && holds.length === 0) return bookings;
  const allDay: Interval[] = [];
  if (dates.length > 0) {
    const oldest = new Date(floor - DAY).toISOString().slice(0, 10);
    for (const date of [...dates].sort()) {
      if (date >= oldest) {
        allDay.push({ start: startOfDay(date, staff.timezone), end: startOfDay(addDays(date, 1), staff.timezone) });
      }
    }
  }
  const gap = staff.policy.gapMinutes * MINUTE;
  const lists: (readonly Interval[])[] = [];
  const extend: number[] = [];
  for (const [list, by] of [
    [bookings, 0],
    [holds.length > 0 ? holds.map((h) => h.span) : NONE, 0],
    [intervals, gap],
    [blocks, gap],
    [allDay, gap],
  ] as const) {
    if (list.length > 0) {
      lists.push(list);
      extend.push(by);
    }
  }
  if (lists.length === 1) {
    // One source (a member with a calendar and nothing else): one pass, unless it is not sorted.
    const one = coalesce(lists[0] as readonly Interval[], extend[0] as number, floor);
    if (one) return one;
  }
  return union(lists.map(sortedByStart), extend, floor);
}

function sortedByStart(list: readonly Interval[]): readonly Interval[] {
  for (let i = 1; i < list.length; i++) {
    if ((list[i] as Interval).start < (list[i - 1] as Interval).start)
      return [...list].sort((a, b) => a.start - b.start);
  }
  return list;
}

/**
 * The merged union of lists each sorted by start, every interval of lists[k] extended at its end
 * by extend[k]: one linear pass (a month view with a 500-event feed must cost about what it costs
 * with 500 bookings), reusing an input interval when it stands alone and is not extended. What
 * ends by `floor` is left out.
 */
function union(lists: readonly (readonly Interval[])[], extend: readonly number[], floor: number): Interval[] {
  const at = new Array<number>(lists.length).fill(0);
  const out: Interval[] = [];
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (;;) {
    let pick = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let k = 0; k < lists.length; k++) {
      const next = (lists[k] as readonly Interval[])[at[k] as number];
      if (next !== undefined && next.start < best) {
        best = next.start;
        pick = k;
      }
    }
    if (pick < 0) return out;
    const i = (lists[pick] as readonly Interval[])[(at[pick] as number)++] as Interval;
    const by = extend[pick] as number;
    const end = i.end + by;
    if (end <= i.start || end <= floor) continue;
    if (i.start <= lastEnd) {
      if (end > lastEnd) {
        out[out.length - 1] = { start: (out[out.length - 1] as Interval).start, end };
        lastEnd = end;
      }
    } else {
      out.push(by === 0 ? i : { start: i.start, end });
      lastEnd = end;
    }
  }
}

/**
 * union() of a single list (a member with one source of busy time): each run of overlapping
 * intervals becomes one, allocated only when it is not an input interval as it was. Null when
 * the list turns out not to be sorted by start.
 */
function coalesce(list: readonly Interval[], by: number, floor: number): readonly Interval[] | null {
  if (by === 0) {
    const from = alreadyMerged(list, floor);
    if (from !== -1) return from === 0 ? list : list.slice(from);
  }
  const out: Interval[] = [];
  let first: Interval | null = null;
  let runEnd = Number.NEGATIVE_INFINITY;
  let lastStart = Number.NEGATIVE_INFINITY;
  for (let k = 0; k <= list.length; k++) {
    const i = list[k];
    if (i !== undefined) {
      if (i.start < lastStart) return null;
      lastStart = i.start;
      const end = i.end + by;
      if (end <= i.start || end <= floor) continue;
      if (i.start <= runEnd) {
        if (end > runEnd) runEnd = end;
        continue;
      }
    }
    // A run ends (or the list does): keep it, as the input interval itself when unchanged.
    if (first !== null) out.push(by === 0 && first.end === runEnd ? first : { start: first.start, end: runEnd });
    if (i === undefined) break;
    first = i;
    runEnd = i.end + by;
  }
  return out;
}

/**
 * Where a list that needs no coalescing starts once what ends by `floor` is left out: its
 * intervals are non-empty, sorted, and neither overlap nor touch (a stored calendar's busy time,
 * merged when kept), so coalesce would give back the same intervals. -1 when it needs the pass.
 */
function alreadyMerged(list: readonly Interval[], floor: number): number {
  let from = 0;
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < list.length; k++) {
    const i = list[k] as Interval;
    if (i.end <= i.start || i.start <= lastEnd) return -1;
    if (i.end <= floor) from = k + 1;
    lastEnd = i.end;
  }
  return from;
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
