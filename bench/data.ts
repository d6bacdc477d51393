/**
 * Synthetic scheduling data for the core benchmarks: staff working Mon-Sat 08:00-20:00 in
 * Europe/Paris with bookings on the grid, generated from a fixed seed so every run measures the same.
 */
import type { Interval, ServiceTiming, StaffSchedule } from '../src/core/index.ts';
import { merge, occupiedSpan } from '../src/core/index.ts';

export const ZONE = 'Europe/Paris';
export const MONTH = '2027-06';
/** "Now": the last day of the previous month, so every date of MONTH is in the future. */
export const NOW = Date.parse('2027-05-31T10:00:00Z');
export const TIMING: ServiceTiming = { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15 };

const DAY = { start: 8 * 60, end: 20 * 60 };

export function staffMember(id: string): StaffSchedule {
  return {
    id,
    timezone: ZONE,
    hours: { mon: [DAY], tue: [DAY], wed: [DAY], thu: [DAY], fri: [DAY], sat: [DAY] },
    daysOff: [],
    policy: { slotStepMinutes: 30, gapMinutes: 0, minNoticeMinutes: 60, horizonDays: 400 },
  };
}

/** A small deterministic PRNG (mulberry32), so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` one-hour bookings at random grid starts within June 2027 working hours (UTC+2), raw (may overlap). */
export function bookings(n: number, seed: number): Interval[] {
  const next = rng(seed);
  const out: Interval[] = [];
  const june1 = Date.parse('2027-06-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const day = Math.floor(next() * 30);
    const halfHour = Math.floor(next() * 22); // 08:00 .. 18:30 local
    const start = june1 + day * 86_400_000 + (6 * 60 + halfHour * 30) * 60_000; // 08:00 local = 06:00Z
    out.push(occupiedSpan(start, start + 3_600_000, TIMING, 0));
  }
  return out;
}

/** Non-overlapping bookings: `n` distinct grid starts (spaced so 60 min + 15 min buffer never clash). */
export function distinctBookings(n: number, seed: number): Interval[] {
  const next = rng(seed);
  const taken = new Set<number>();
  const june1 = Date.parse('2027-06-01T00:00:00Z');
  const out: Interval[] = [];
  while (out.length < n) {
    const day = Math.floor(next() * 30);
    const slot = Math.floor(next() * 8); // 8 slots of 90 min from 08:00 local
    const key = day * 8 + slot;
    if (taken.has(key)) continue;
    taken.add(key);
    const start = june1 + day * 86_400_000 + (6 * 60 + slot * 90) * 60_000;
    out.push(occupiedSpan(start, start + 3_600_000, TIMING, 0));
  }
  return merge(out);
}
