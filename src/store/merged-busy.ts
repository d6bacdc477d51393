/**
 * A member's cached booking rows as one merged, sorted list of busy spans (decision 044), kept
 * beside the rows in the read cache: a view of "any" of 50 members then takes each member's
 * ready list (a slice of it) instead of copying every row in its window into new objects and
 * merging them again, per request.
 *
 * Which rows occupy time depends on `now` only through the holds' ends (a hold occupies while
 * hold_until > now), so a list merged at `now` stays right for every instant from the last hold
 * end at or before `now` to the next one after it: no other change of `now` alters it.
 */
import type { Interval } from '../core/index.ts';

/** A member's time-occupying booking row as the read cache keeps it. */
export interface OccupyingRow {
  readonly start: number;
  readonly end: number;
  /** null for confirmed bookings; the hold's end otherwise. */
  readonly holdUntil: number | null;
}

export interface MergedRows {
  /** The instants [from, until) at which `spans` is the rows' merged busy time. */
  readonly from: number;
  readonly until: number;
  readonly spans: readonly Interval[];
  /**
   * The spans' starts and ends side by side: a window's binary searches read these contiguous
   * numbers, not an object per step (each a likely cache miss: measured as most of a heavy
   * "any" view's cache time when the searches read the objects).
   */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

/**
 * The rows (sorted by start) occupying time at `now`, merged; `holdEnds` sorted. Overlapping and
 * touching spans are joined (seats of one session share a span), as interval.ts merge does.
 */
export function mergeRows(rows: readonly OccupyingRow[], holdEnds: readonly number[], now: number): MergedRows {
  let from = Number.NEGATIVE_INFINITY;
  let until = Number.POSITIVE_INFINITY;
  for (const end of holdEnds) {
    if (end > now) {
      until = end;
      break;
    }
    from = end;
  }
  const spans: Interval[] = [];
  let start = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    if ((r.holdUntil !== null && r.holdUntil <= now) || r.end <= r.start) continue;
    if (r.start <= end) {
      if (r.end > end) end = r.end;
      continue;
    }
    if (end > Number.NEGATIVE_INFINITY) spans.push({ start, end });
    start = r.start;
    end = r.end;
  }
  if (end > Number.NEGATIVE_INFINITY) spans.push({ start, end });
  const { starts, ends } = sides(spans);
  return { from, until, spans, starts, ends };
}

/**
 * The spans' starts and ends side by side, filled by a loop: `Float64Array.from` with a map
 * function goes through the iterator protocol, ~8× slower (220 spans: 30 µs against 4), and a
 * member's list is merged again after each of their bookings.
 */
function sides(spans: readonly Interval[]): { starts: Float64Array; ends: Float64Array } {
  const starts = new Float64Array(spans.length);
  const ends = new Float64Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i] as Interval;
    starts[i] = s.start;
    ends[i] = s.end;
  }
  return { starts, ends };
}

/**
 * The spans of a merged list overlapping `window` (whole: a span may reach beyond it), sharing
 * the list's objects; the list itself when every span overlaps.
 */
export function spansWithin(m: MergedRows, window: Interval): readonly Interval[] {
  const { starts, ends, spans } = m;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] as number) <= window.start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) < window.end) lo = mid + 1;
    else hi = mid;
  }
  return first === 0 && lo === spans.length ? spans : spans.slice(first, lo);
}

/**
 * The merged list with committed new rows added: for every instant in the returned [from, until),
 * the same spans as `mergeRows` over all the rows. The read cache keeps a member's list across
 * their bookings with it, where it merged all their rows again at the next question: reading a
 * couple of hundred row objects scattered in the heap cost a booking ~40 µs in the server, where
 * this copies two contiguous arrays. A new row's span joins every span it overlaps or touches; a
 * hold ending inside the list's instants narrows them to before its end (after it the row no
 * longer occupies: the next question past it merges afresh); a hold ended by `from` occupies
 * nothing there. The list is new, sharing the untouched span objects: readers may hold the old one.
 */
export function withRows(m: MergedRows, added: readonly OccupyingRow[]): MergedRows {
  let out = m;
  for (const r of added) {
    if (r.end <= r.start || (r.holdUntil !== null && r.holdUntil <= out.from)) continue;
    const until = r.holdUntil !== null && r.holdUntil < out.until ? r.holdUntil : out.until;
    out = withSpan(out, r.start, r.end, until);
  }
  return out;
}

function withSpan(m: MergedRows, start: number, end: number, until: number): MergedRows {
  const { spans, starts, ends } = m;
  // The first span not wholly before it (a span ending at `start` touches it: joined, as
  // mergeRows joins a row starting where the last ended), and one past the last it reaches.
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] as number) < start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= end) lo = mid + 1;
    else hi = mid;
  }
  const last = lo;
  const joined =
    first === last
      ? { start, end }
      : { start: Math.min(start, starts[first] as number), end: Math.max(end, ends[last - 1] as number) };
  const length = spans.length - (last - first) + 1;
  // Builtins, not a loop: one call per booking runs too rarely for V8 to optimise a loop.
  const nextSpans = spans.slice(0, first).concat([joined], spans.slice(last));
  const nextStarts = new Float64Array(length);
  const nextEnds = new Float64Array(length);
  nextStarts.set(starts.subarray(0, first));
  nextEnds.set(ends.subarray(0, first));
  nextStarts[first] = joined.start;
  nextEnds[first] = joined.end;
  nextStarts.set(starts.subarray(last), first + 1);
  nextEnds.set(ends.subarray(last), first + 1);
  return { from: m.from, until, spans: nextSpans, starts: nextStarts, ends: nextEnds };
}
