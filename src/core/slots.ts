/**
 * Slots of one staff member on one of their local dates (SPEC §2 rules 2-5).
 *
 * Occupied span: a booking keeps [start − bufferBefore, end + bufferAfter + gap) of its staff
 * member's time. Two bookings of one member may not have overlapping spans; the database enforces
 * exactly this with an exclusion constraint on the stored span (docs/decisions/004). For a booking
 * without buffers this is SPEC §2.4's rule: the candidate [s, e) is refused when
 * s − before − gap < be and bs < e + after + gap.
 */
import { dayClosure, workingRanges } from './availability.ts';
import { overlapsRange } from './interval.ts';
import { type SpanIndex, sessionResourcesFree, sessionVerdict } from './sessions.ts';
import { type DayClock, dayClock } from './time.ts';
import type { Interval, LocalDate, ServiceTiming, Session, StaffSchedule, WallRange } from './types.ts';

const MINUTE = 60_000;
const always = () => true;

/** The span of the member's time a booking [start, end) occupies (see the header). */
export function occupiedSpan(start: number, end: number, timing: ServiceTiming, gapMinutes: number): Interval {
  return {
    start: start - timing.bufferBeforeMinutes * MINUTE,
    end: end + (timing.bufferAfterMinutes + gapMinutes) * MINUTE,
  };
}

/**
 * Candidate starts of a date (rules 2 and 3), ascending: wall-clock starts a, a+step, … of each
 * working range [a, b) (date-specific hours, else weekly), converted in the member's zone (skipped times dropped, repeated times
 * first), kept when start + duration (real minutes) ≤ b and `keep(start)` holds. Ignores rule 1.
 * Month plans (plans.ts) hold these for every date, once.
 */
export function candidateStarts(
  staff: StaffSchedule,
  date: LocalDate,
  timing: ServiceTiming,
  keep: (start: number) => boolean = always,
  // A month plan has the date's clock and ranges already: it passes them, so the date is parsed once.
  clock: DayClock = dayClock(date, staff.timezone),
  ranges: readonly WallRange[] = workingRanges(staff, date),
): number[] {
  const step = staff.policy.slotStepMinutes;
  const duration = timing.durationMinutes * MINUTE;
  const out: number[] = [];
  let sorted = true;
  for (const range of ranges) {
    const limit = clock.bound(range.end);
    for (let m = range.start; m < range.end; m += step) {
      const start = clock.instant(m);
      if (start === null || start + duration > limit || !keep(start)) continue;
      if (out.length > 0 && start < (out[out.length - 1] as number)) sorted = false;
      out.push(start);
    }
  }
  return sorted ? out : out.sort((a, b) => a - b);
}

/** Candidate bookings of a date (rules 2 and 3) as intervals, sorted; ignores rule 1 (see dayClosure). */
export function candidates(staff: StaffSchedule, date: LocalDate, timing: ServiceTiming): Interval[] {
  const duration = timing.durationMinutes * MINUTE;
  return candidateStarts(staff, date, timing, always).map((start) => ({ start, end: start + duration }));
}

export interface DaySlotsInput {
  readonly staff: StaffSchedule;
  readonly date: LocalDate;
  readonly timing: ServiceTiming;
  /**
   * Everything that refuses a candidate of the member, merged: their bookings' occupied spans,
   * blocks and external time with the gap (busy.ts memberBusy; bookings alone when none).
   */
  readonly busy: readonly Interval[];
  /** Spans held on the resources the service requires, merged (busy.ts resourceHolds); absent = none. */
  readonly held?: readonly Interval[];
  /** The current instant. */
  readonly now: number;
  /**
   * A capacity service (SPEC §9.1): this member's sessions of it, sorted by start (sessions.ts),
   * with `capacity`; their spans are not in `busy`. Absent: one client per start.
   */
  readonly sessions?: readonly Session[];
  readonly capacity?: number;
  /** The resource spans of every member's sessions of the service (sessions.ts sessionResourceIndex). */
  readonly sessionResources?: SpanIndex | null;
}

/**
 * Free slot starts of one member on one of their dates, ascending (rules 1-5). The month view
 * runs this tens of thousands of times, so it builds no objects but the result.
 */
export function freeStarts(input: DaySlotsInput): number[] {
  const { staff, date, timing, busy, now } = input;
  if (dayClosure(staff, date, now) !== null) return [];
  const duration = timing.durationMinutes * MINUTE;
  const before = timing.bufferBeforeMinutes * MINUTE;
  const after = (timing.bufferAfterMinutes + staff.policy.gapMinutes) * MINUTE;
  const earliest = now + staff.policy.minNoticeMinutes * MINUTE;
  const held = input.held ?? [];
  if (input.sessions !== undefined) return freeSessionStarts(input);
  if (held.length === 0) {
    return candidateStarts(
      staff,
      date,
      timing,
      (start) => start >= earliest && !overlapsRange(busy, start - before, start + duration + after),
    );
  }
  // A resource is held for the candidate's [start − before, end + bufferAfter): no gap (busy.ts).
  const holdAfter = timing.bufferAfterMinutes * MINUTE;
  return candidateStarts(
    staff,
    date,
    timing,
    (start) =>
      start >= earliest &&
      !overlapsRange(busy, start - before, start + duration + after) &&
      !overlapsRange(held, start - before, start + duration + holdAfter),
  );
}

/**
 * freeStarts for a capacity service: a candidate must also get past the sessions (sessions.ts
 * header): none in its way but its own with a seat left, and on resources none but its own.
 */
function freeSessionStarts(input: DaySlotsInput): number[] {
  const { staff, date, timing, busy, now } = input;
  const duration = timing.durationMinutes * MINUTE;
  const before = timing.bufferBeforeMinutes * MINUTE;
  const after = (timing.bufferAfterMinutes + staff.policy.gapMinutes) * MINUTE;
  const holdAfter = timing.bufferAfterMinutes * MINUTE;
  const earliest = now + staff.policy.minNoticeMinutes * MINUTE;
  const held = input.held ?? [];
  const sessions = input.sessions ?? [];
  const capacity = input.capacity ?? 1;
  const index = input.sessionResources ?? null;
  return candidateStarts(staff, date, timing, (start) => {
    if (start < earliest) return false;
    const from = start - before;
    const to = start + duration + after;
    if (overlapsRange(busy, from, to)) return false;
    const own = sessionVerdict(sessions, capacity, start, from, to);
    if (own === false) return false;
    const holdTo = start + duration + holdAfter;
    if (held.length > 0 && overlapsRange(held, from, holdTo)) return false;
    return index === null || sessionResourcesFree(index, own, from, holdTo);
  });
}

/** Free slots of one member on one of their dates, sorted by start (rules 1-5). */
export function daySlots(input: DaySlotsInput): Interval[] {
  const duration = input.timing.durationMinutes * MINUTE;
  return freeStarts(input).map((start) => ({ start, end: start + duration }));
}
