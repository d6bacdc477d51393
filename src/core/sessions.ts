/**
 * Group sessions in the slot engine (SPEC §9.1). A service with capacity > 1 sells seats in a
 * session = (staff member, start). A session keeps its member's time and its resources once,
 * whatever its seats, so its bookings share one occupied span.
 *
 * The rule, for a candidate start s of member M asked for service S:
 * - a session of S of M at s with a seat left does not stand in the way of s (another seat);
 * - every other session — of S at another start, of M or not, full or not — and every booking
 *   of another service is busy time like any booking;
 * - a full session is busy time: it disappears from the day view.
 * So the caller keeps S's sessions out of `busy` and out of `resources` and passes them here
 * (types.ts SessionsInput); splitSessions does that split from a member's occupying bookings.
 *
 * Each check is a binary search on lists built once per question (no allocation per candidate):
 * the member's sessions sorted by start (their spans never overlap: the database's exclusion
 * constraint on a member's time), and the resource spans of every member's sessions of S as two
 * sorted arrays, in which the spans overlapping a range are counted.
 */
import { merge } from './interval.ts';
import type { Interval, Session, SessionsInput } from './types.ts';

/** An occupying booking of one member (seats of a session, or a booking of any service). */
export interface OccupyingBooking {
  readonly serviceId: string;
  readonly start: number;
  /** The member's time it keeps, as stored (slots.ts occupiedSpan). */
  readonly span: Interval;
  /** What it holds on resources (busy.ts heldSpan); null or absent: none. */
  readonly resourceSpan?: Interval | null;
  readonly seats: number;
}

/**
 * One member's occupying bookings split for service `serviceId` (capacity > 1): the others'
 * occupied spans merged (the member's `busy`), and the service's bookings grouped by start into
 * sessions, sorted. Sessions whose spans overlap (which the database forbids) become one full
 * session that no start matches, so a broken row can only hide time, never sell it twice.
 */
export function splitSessions(
  rows: readonly OccupyingBooking[],
  serviceId: string,
): { busy: Interval[]; sessions: Session[] } {
  const others: Interval[] = [];
  const byStart = new Map<number, { span: Interval; resourceSpan: Interval | null; seatsTaken: number }>();
  for (const row of rows) {
    if (row.serviceId !== serviceId) {
      others.push(row.span);
      continue;
    }
    const known = byStart.get(row.start);
    const resourceSpan = row.resourceSpan ?? null;
    if (!known) byStart.set(row.start, { span: row.span, resourceSpan, seatsTaken: row.seats });
    else {
      // Bookings of one session keep the same span unless the service's timing changed between them.
      byStart.set(row.start, {
        span: hull(known.span, row.span),
        resourceSpan: hullOrNull(known.resourceSpan, resourceSpan),
        seatsTaken: known.seatsTaken + row.seats,
      });
    }
  }
  const sorted = [...byStart.entries()].sort((a, b) => a[0] - b[0]);
  const sessions: Session[] = [];
  for (const [start, s] of sorted) {
    const last = sessions[sessions.length - 1];
    if (last && s.span.start < last.span.end) {
      sessions[sessions.length - 1] = {
        start: Number.NaN,
        span: hull(last.span, s.span),
        resourceSpan: hullOrNull(last.resourceSpan ?? null, s.resourceSpan),
        seatsTaken: Number.POSITIVE_INFINITY,
      };
    } else sessions.push({ start, ...s });
  }
  return { busy: merge(others), sessions };
}

function hull(a: Interval, b: Interval): Interval {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function hullOrNull(a: Interval | null, b: Interval | null): Interval | null {
  return a && b ? hull(a, b) : (a ?? b);
}

/** The index of the first session whose span ends after `t` (ends are in order: spans never overlap). */
function firstSessionEndingAfter(sessions: readonly Session[], t: number): number {
  let lo = 0;
  let hi = sessions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sessions[mid] as Session).span.end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The sessions' verdict on a candidate at `start` whose occupied span is [from, to): `false` when
 * a session stands in its way (the header's rule), `null` when it touches none (a new session),
 * else the candidate's own session, which has a seat left.
 */
export function sessionVerdict(
  sessions: readonly Session[],
  capacity: number,
  start: number,
  from: number,
  to: number,
): Session | null | false {
  const i = firstSessionEndingAfter(sessions, from);
  const first = sessions[i];
  if (first === undefined || first.span.start >= to) return null;
  if (first.start !== start || capacity - first.seatsTaken <= 0) return false;
  const next = sessions[i + 1];
  return next === undefined || next.span.start >= to ? first : false;
}

/** Seats one more booking can take at `start`: the session's left, else the whole capacity. */
export function seatsLeftAt(sessions: readonly Session[], capacity: number, start: number): number {
  let lo = 0;
  let hi = sessions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sessions[mid] as Session;
    if (s.start === start) return Math.max(0, capacity - s.seatsTaken);
    if (s.start < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return capacity;
}

/** Spans as two sorted arrays of bounds: how many overlap a range is two binary searches. */
export interface SpanIndex {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

/** The resource spans of every member's sessions; null when none holds a resource. */
export function sessionResourceIndex(sessions: SessionsInput | undefined): SpanIndex | null {
  if (!sessions) return null;
  const spans: Interval[] = [];
  for (const list of sessions.byMember.values()) {
    for (const s of list) if (s.resourceSpan && s.resourceSpan.end > s.resourceSpan.start) spans.push(s.resourceSpan);
  }
  if (spans.length === 0) return null;
  const starts = Float64Array.from(spans, (s) => s.start).sort();
  const ends = Float64Array.from(spans, (s) => s.end).sort();
  return { starts, ends };
}

/**
 * How many indexed spans overlap [from, to): those starting before `to` less those ending by
 * `from` (every span ending by `from` starts before `to`, so the second set is inside the first).
 */
export function countOverlapping(index: SpanIndex, from: number, to: number): number {
  return countBelow(index.starts, to, false) - countBelow(index.ends, from, true);
}

/** How many values of a sorted array are < t (or <= t with `inclusive`). */
function countBelow(sorted: Float64Array, t: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v < t || (inclusive && v === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the sessions' resource spans leave a candidate's resource span [from, to) free: none
 * may overlap it but its own session's (same member, same start), which it shares.
 */
export function sessionResourcesFree(index: SpanIndex, own: Session | null, from: number, to: number): boolean {
  const span = own?.resourceSpan;
  const shared = span && span.start < to && from < span.end && span.end > span.start ? 1 : 0;
  return countOverlapping(index, from, to) === shared;
}
