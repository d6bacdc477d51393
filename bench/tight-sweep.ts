/**
 * The compute floor (issue 22): the simplest two-pointer sweep there is. Each member's candidate
 * starts are computed beforehand (not timed) into a Float64Array, their busy list into two; the
 * timed part walks candidates and busy time with one pointer each, finds each free start's date
 * with a third, dedupes "any" on a minute bitset and counts. No cache, no plan lookup, no rule
 * but the occupied-span overlap: whatever the core costs above this is its bookkeeping.
 */
import { candidates, datesOfMonth, type Interval, type ServiceTiming, type StaffSchedule } from '../src/core/index.ts';

const MINUTE = 60_000;

export interface TightMember {
  readonly starts: Float64Array;
  readonly busyStart: Float64Array;
  readonly busyEnd: Float64Array;
}

/** Untimed set-up: every candidate of the month (rules 2-3 via the core) and the busy list as arrays. */
export function tightMember(staff: StaffSchedule, timing: ServiceTiming, busy: readonly Interval[], month: string) {
  const starts = (datesOfMonth(month) ?? []).flatMap((d) => candidates(staff, d, timing).map((c) => c.start));
  return {
    starts: Float64Array.from(starts),
    busyStart: Float64Array.from(busy, (b) => b.start),
    busyEnd: Float64Array.from(busy, (b) => b.end),
  };
}

/**
 * Free starts per date of the month (bounds[i] = first instant of date i, bounds[n] its end),
 * counted once per start over the members. `before`/`after`: the occupied span's margins in ms.
 */
export function tightMonth(
  members: readonly TightMember[],
  bounds: Float64Array,
  duration: number,
  before: number,
  after: number,
): Uint16Array {
  const days = bounds.length - 1;
  const counts = new Uint16Array(days);
  const base = bounds[0] as number;
  const bits = members.length > 1 ? new Uint32Array(Math.ceil(((bounds[days] as number) - base) / MINUTE / 32)) : null;
  for (const m of members) {
    let j = 0;
    let day = 0;
    const n = m.busyEnd.length;
    for (let c = 0; c < m.starts.length; c++) {
      const s = m.starts[c] as number;
      while (j < n && (m.busyEnd[j] as number) <= s - before) j++;
      if (j < n && (m.busyStart[j] as number) < s + duration + after) continue;
      if (bits !== null) {
        const minute = (s - base) / MINUTE;
        const bit = 1 << (minute & 31);
        if ((bits[minute >>> 5] as number) & bit) continue;
        bits[minute >>> 5] = (bits[minute >>> 5] as number) | bit;
      }
      while ((bounds[day + 1] as number) <= s) day++;
      counts[day] = (counts[day] as number) + 1;
    }
  }
  return counts;
}
