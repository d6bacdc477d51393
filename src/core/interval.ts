/**
 * Half-open interval algebra on epoch milliseconds: [start, end) contains start, not end.
 * Inputs are never mutated; outputs are new arrays sorted by start.
 */
import type { Interval } from './types.ts';

/** Whether two intervals share at least one instant. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sorts and merges overlapping or touching intervals; empty intervals are dropped. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      if (i.end > last.end) out[out.length - 1] = { start: last.start, end: i.end };
    } else {
      out.push({ start: i.start, end: i.end });
    }
  }
  return out;
}

/**
 * Whether `probe` overlaps any interval of `merged` (sorted, non-overlapping, as merge returns).
 * Binary search: O(log n).
 */
export function overlapsAny(merged: readonly Interval[], probe: Interval): boolean {
  return overlapsRange(merged, probe.start, probe.end);
}

/** overlapsAny for the range [from, to), without building an Interval (hot loops). */
export function overlapsRange(merged: readonly Interval[], from: number, to: number): boolean {
  const first = merged[firstEndingAfter(merged, from)];
  return first !== undefined && first.start < to;
}

/**
 * The index of the first interval whose end is after `t`, in intervals sorted with their ends in
 * order too (merged or non-overlapping); `length` when none. Binary search.
 */
export function firstEndingAfter(sorted: readonly { readonly end: number }[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as { end: number }).end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The parts of `a` not covered by any interval of `cut` (cut need not be merged). */
export function subtract(a: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const holes = merge(cut);
  const out: Interval[] = [];
  for (const i of merge(a)) {
    let from = i.start;
    for (const h of holes) {
      if (h.end <= from || h.start >= i.end) continue;
      if (h.start > from) out.push({ start: from, end: h.start });
      from = Math.max(from, h.end);
      if (from >= i.end) break;
    }
    if (from < i.end) out.push({ start: from, end: i.end });
  }
  return out;
}

/** The intersection of two interval sets. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const ma = merge(a);
  const mb = merge(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < ma.length && j < mb.length) {
    const x = ma[i] as Interval;
    const y = mb[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}
