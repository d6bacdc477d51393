/**
 * Test-only helpers for availability from every source (SPEC §8): a case (one member, its
 * sources), its listed starts on a date, and the starts the booking check accepts (no vitest here:
 * test/architecture.test.ts keeps core's non-test files free of it).
 */
import { checkSlot } from './booking-rules.ts';
import { type AvailabilityInput, dayWindow, slotsBetween } from './calendar.ts';
import { at, EVERY_DAY, type StaffOptions, staff, starts, timing, weekly } from './test-fixtures.ts';
import type { ExternalBusy, Interval, ServiceTiming, StaffSchedule } from './types.ts';

export interface Case {
  readonly member: StaffSchedule;
  readonly timing?: ServiceTiming;
  readonly bookings?: readonly Interval[];
  readonly external?: ExternalBusy;
  readonly resources?: ReadonlyMap<string, readonly Interval[]>;
  readonly now?: number;
}

/** `now` defaults to two days before the date looked at, so rule 1 (today, horizon) keeps it open. */
export const before = (date: string) => at(`${date}T00:00:00Z`) - 2 * 86_400_000;

export function input(c: Case, now: number): AvailabilityInput {
  return {
    staff: [c.member],
    timing: c.timing ?? timing(60),
    busy: new Map([[c.member.id, c.bookings ?? []]]),
    ...(c.external ? { external: new Map([[c.member.id, c.external]]) } : {}),
    ...(c.resources ? { resources: c.resources } : {}),
    now: c.now ?? now,
  };
}

/** The member's free starts on one of their dates, as UTC ISO strings. */
export function startsOn(c: Case, date: string): string[] {
  const w = dayWindow(date, c.member.timezone);
  return starts(slotsBetween(input(c, before(date)), w.start, w.end));
}

/** Every start of a date (5-minute grid) the booking check accepts, as UTC ISO strings. */
export function acceptedStarts(c: Case, date: string): string[] {
  const w = dayWindow(date, c.member.timezone);
  const accepted: string[] = [];
  for (let t = w.start; t < w.end; t += 5 * 60_000) {
    const check = checkSlot({
      staff: c.member,
      timing: c.timing ?? timing(60),
      busy: c.bookings ?? [],
      ...(c.external ? { external: c.external } : {}),
      ...(c.resources ? { resources: c.resources } : {}),
      now: c.now ?? before(date),
      start: t,
    });
    if (check.ok) accepted.push(new Date(t).toISOString().replace('.000Z', 'Z'));
  }
  return accepted;
}

export const paris = (o: StaffOptions = {}) =>
  staff({ timezone: 'Europe/Paris', hours: weekly(EVERY_DAY, '09:00-17:00'), ...o });
