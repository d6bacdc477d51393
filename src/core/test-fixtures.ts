/**
 * Builders shared by the core's tests: wall times as 'HH:MM', staff schedules with sensible
 * defaults, and instants as ISO strings so expected values read as times. Test-only: no core
 * module imports it.
 */
import { merge } from './interval.ts';
import { DEFAULT_POLICY } from './settings.ts';
import { occupiedSpan } from './slots.ts';
import type { Interval, Policy, ServiceTiming, StaffSchedule, WallRange, Weekday, WeeklyHours } from './types.ts';
import { WEEKDAYS } from './types.ts';

export const MON_FRI: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const EVERY_DAY: readonly Weekday[] = WEEKDAYS;

/** Minutes since local midnight of 'HH:MM' ('09:30' → 570, '24:00' → 1440). */
export function hm(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`not HH:MM: ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** A wall-clock range written 'HH:MM-HH:MM'. */
export function wall(text: string): WallRange {
  const [from, to] = text.split('-');
  return { start: hm(from ?? ''), end: hm(to ?? '') };
}

/** Weekly hours: the same ranges ('09:00-12:00', ...) on each listed weekday. */
export function weekly(days: readonly Weekday[], ...ranges: string[]): WeeklyHours {
  const hours: Partial<Record<Weekday, WallRange[]>> = {};
  for (const d of days) hours[d] = ranges.map(wall);
  return hours;
}

export interface StaffOptions {
  readonly id?: string;
  readonly timezone?: string;
  readonly hours?: WeeklyHours;
  readonly daysOff?: StaffSchedule['daysOff'];
  readonly policy?: Partial<Policy>;
  /** Date-specific hours written like weekly ones: {'2027-06-14': ['10:00-14:00']}. */
  readonly dateHours?: Readonly<Record<string, readonly string[]>>;
  readonly blocks?: StaffSchedule['blocks'];
}

/**
 * A staff member: defaults to id 'm1', UTC, every day 09:00-17:00, no days off, DEFAULT_POLICY,
 * no date-specific hours, no blocks.
 */
export function staff(options: StaffOptions = {}): StaffSchedule {
  return {
    id: options.id ?? 'm1',
    timezone: options.timezone ?? 'UTC',
    hours: options.hours ?? weekly(EVERY_DAY, '09:00-17:00'),
    daysOff: options.daysOff ?? [],
    policy: { ...DEFAULT_POLICY, ...options.policy },
    ...(options.dateHours
      ? { dateHours: Object.fromEntries(Object.entries(options.dateHours).map(([d, r]) => [d, r.map(wall)])) }
      : {}),
    ...(options.blocks ? { blocks: options.blocks } : {}),
  };
}

/** A service timing in minutes. */
export function timing(durationMinutes: number, bufferBeforeMinutes = 0, bufferAfterMinutes = 0): ServiceTiming {
  return { durationMinutes, bufferBeforeMinutes, bufferAfterMinutes };
}

/** Epoch ms of an ISO instant with an offset or Z (parsed by the platform, not by time.ts). */
export function at(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${text}`);
  return ms;
}

/** The UTC ISO form of an instant, without zero milliseconds: '2027-03-29T07:00:00Z'. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** An interval from ISO 8601 interval notation: '2027-03-29T09:00:00Z/2027-03-29T10:00:00Z'. */
export function span(text: string): Interval {
  const [from, to] = text.split('/');
  return { start: at(from ?? ''), end: at(to ?? '') };
}

/** An interval in ISO 8601 interval notation (the inverse of span). */
export function isoSpan(i: Interval): string {
  return `${iso(i.start)}/${iso(i.end)}`;
}

/** The starts of intervals or slots as UTC ISO strings. */
export function starts(list: readonly { readonly start: number }[]): string[] {
  return list.map((i) => iso(i.start));
}

/** Merged occupied spans (the `busy` input) of bookings written as ISO intervals, all of one timing. */
export function busyOf(bookings: readonly string[], t: ServiceTiming = timing(60), gapMinutes = 0): Interval[] {
  return merge(
    bookings.map((b) => {
      const i = span(b);
      return occupiedSpan(i.start, i.end, t, gapMinutes);
    }),
  );
}
