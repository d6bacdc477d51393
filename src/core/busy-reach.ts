/**
 * How far from a slot busy time can matter: one rule for every reader of busy time — the views
 * and booking checks (app/scheduling.ts loadBusy) and the store's read cache, whose floor must
 * cover every read it answers (store/read-cache.ts).
 *
 * A candidate [s, s + duration) occupies [s − bufferBefore, s + duration + bufferAfter + gap)
 * (slots.ts occupiedSpan) and is refused only by busy time overlapping that span; a booking's
 * stored span already holds its own buffers and gap. Each of those settings is at most a day
 * (MAX_SPAN_SETTING_MINUTES), so busy time matters to s only within
 * [s − REACH_BACK_MS, s + REACH_AHEAD_MS).
 *
 * And no start before `now` is ever listed or booked (rule 1: checkSlot refuses the past, the
 * minimum notice is never negative, admins may skip it but not book the past). So no question,
 * whatever date, month or zone it is about, needs busy time ending at or before
 * `now − REACH_BACK_MS` (busyFloor). Zone offsets play no part: windows and spans are instants.
 */
import type { Interval } from './types.ts';

const MINUTE = 60_000;

/**
 * The largest duration, buffer or gap in minutes: the CHECKs of migration 001 (duration_minutes,
 * buffer_*_minutes, gap_minutes BETWEEN … AND 1440) and the set-up schema's limits.
 */
export const MAX_SPAN_SETTING_MINUTES = 1440;

/** How far before its start a candidate's occupied span can begin: the largest buffer before. */
export const REACH_BACK_MS = MAX_SPAN_SETTING_MINUTES * MINUTE;

/** How far after its start it can end: the largest duration + buffer after + gap. */
export const REACH_AHEAD_MS = 3 * MAX_SPAN_SETTING_MINUTES * MINUTE;

/** The earliest instant of busy time any availability or booking question asked at `now` needs. */
export function busyFloor(now: number): number {
  return now - REACH_BACK_MS;
}

/**
 * The busy time needed to judge candidates starting in `window` at `now`; null when none can be
 * judged (a window wholly before `now`): then nothing need be read.
 */
export function busyWindowFor(window: Interval, now: number): Interval | null {
  if (window.end <= now) return null;
  return { start: Math.max(window.start - REACH_BACK_MS, busyFloor(now)), end: window.end + REACH_AHEAD_MS };
}

/**
 * The window of raw external busy intervals (SPEC §8.3, stored without the gap) to read for
 * candidates starting in `window`: busyWindowFor's, reaching back one largest gap more, since
 * the core extends each interval's end by the member's gap (busy.ts memberBusy). Null as above.
 * All-day dates: read those from the UTC date of `start` minus one to that of `end` plus one.
 */
export function externalWindowFor(window: Interval, now: number): Interval | null {
  const needed = busyWindowFor(window, now);
  return needed && { start: needed.start - MAX_SPAN_SETTING_MINUTES * MINUTE, end: needed.end };
}
