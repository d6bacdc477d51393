/**
 * Waitlist matching (SPEC §9.3), pure: which waiting entry a freed start is offered to, until
 * when, and what a join may ask for. The store makes "exactly one live offer per freed start"
 * true under concurrency; this decides who gets it.
 *
 * An entry wants (service, staff member or any, date, optional earliest and latest time, seats).
 * Its date and times are wall-clock in the entry's zone (the zone the client chose the date in).
 * `from` is the earliest start and `to` the latest end: the appointment lies within [from, to],
 * as a candidate lies within a working range (decision 027). The oldest matching entry is
 * offered first: by the time it joined, then by id (staff-assignment.ts compareIds).
 */
import { addDays, isDate, parseWallTime } from './date.ts';
import type { FieldProblem } from './problems.ts';
import { type SeatSettings, seatsProblems } from './seats.ts';
import { compareIds } from './staff-assignment.ts';
import { instantToWall } from './time.ts';
import type { LocalDate, WallMinutes } from './types.ts';

export interface WaitlistEntry {
  readonly id: string;
  readonly serviceId: string;
  /** A member's id, or null for any member offering the service. */
  readonly staffId: string | null;
  readonly date: LocalDate;
  /** The zone `date`, `from` and `to` are read in. */
  readonly timezone: string;
  /** The earliest start, in minutes since local midnight; null = from the start of the date. */
  readonly from: WallMinutes | null;
  /** The latest end (1440 = midnight); null = until the end of the date. */
  readonly to: WallMinutes | null;
  readonly seats: number;
  /** When it joined (epoch ms). */
  readonly createdAt: number;
}

/** A start that has just become free (a cancel, a reschedule, a lapsed hold, a shortened block). */
export interface FreedStart {
  readonly serviceId: string;
  readonly staffId: string;
  readonly start: number;
  readonly end: number;
  /** Seats one booking can take there now (1 for a service without capacity). */
  readonly seatsFree: number;
}

/** Whether an entry wants a freed start: same service, its member (or any), date, times and seats. */
export function waitlistMatches(entry: WaitlistEntry, freed: FreedStart): boolean {
  if (entry.serviceId !== freed.serviceId) return false;
  if (entry.staffId !== null && entry.staffId !== freed.staffId) return false;
  if (entry.seats > freed.seatsFree) return false;
  const start = instantToWall(freed.start, entry.timezone);
  if (start.date !== entry.date) return false;
  if (entry.from !== null && start.minutes < entry.from) return false;
  if (entry.to === null) return true;
  const end = instantToWall(freed.end, entry.timezone);
  // An end on a later date reads past midnight (1440 + …), so it is after any `to`, 24:00 included.
  const endMinutes =
    end.date === entry.date
      ? end.minutes
      : end.date === addDays(entry.date, 1)
        ? 1440 + end.minutes
        : Number.POSITIVE_INFINITY;
  return endMinutes <= entry.to;
}

/** Join order: the older first, then by id. */
export function compareEntries(a: WaitlistEntry, b: WaitlistEntry): number {
  return a.createdAt - b.createdAt || compareIds(a.id, b.id);
}

/**
 * The entry a freed start is offered to: the oldest matching one, leaving out `passed` (entries
 * that already declined or let lapse an offer of this start); null when none wants it.
 */
export function nextWaitlistOffer<E extends WaitlistEntry>(
  entries: readonly E[],
  freed: FreedStart,
  passed: ReadonlySet<string> = new Set(),
): E | null {
  let best: E | null = null;
  for (const e of entries) {
    if (passed.has(e.id) || !waitlistMatches(e, freed)) continue;
    if (best === null || compareEntries(e, best) < 0) best = e;
  }
  return best;
}

/**
 * When an offer made at `now` lapses: `waitlistOfferMinutes` later, but no later than the last
 * moment the start can still be booked (its start less the member's minimum notice, SPEC §2.5).
 * Null when that moment has passed: the start is not offered at all.
 */
export function offerExpiresAt(f: {
  readonly now: number;
  readonly offerMinutes: number;
  readonly start: number;
  readonly minNoticeMinutes: number;
}): number | null {
  const expires = Math.min(f.now + f.offerMinutes * 60_000, f.start - f.minNoticeMinutes * 60_000);
  return expires > f.now ? expires : null;
}

/** Whether an offer can still be accepted at `now` (else 410 OFFER_EXPIRED). */
export function offerLive(expiresAt: number, now: number): boolean {
  return now < expiresAt;
}

/**
 * An entry's place in the queue, counted from 1 (API.md pinned): among the waiting entries of
 * the same service and date, how many joined before it, plus one.
 */
export function waitlistPosition(waiting: readonly WaitlistEntry[], entry: WaitlistEntry): number {
  let ahead = 0;
  for (const e of waiting) {
    if (e.id !== entry.id && e.serviceId === entry.serviceId && e.date === entry.date && compareEntries(e, entry) < 0) {
      ahead++;
    }
  }
  return ahead + 1;
}

/** A join request's fields as they arrive: `from`/`to` as "HH:MM". */
export interface WaitlistJoin {
  readonly date: string;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly seats?: unknown;
}

/**
 * Problems with a join (issue 19 bad input): a real date from `today` (in the entry's zone) to
 * today + `horizonDays`, times "HH:MM" with `from` before `to`, seats as for a booking.
 */
export function waitlistJoinProblems(
  join: WaitlistJoin,
  context: { readonly today: LocalDate; readonly horizonDays: number; readonly service: SeatSettings },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isDate(join.date)) problems.push({ path: ['date'], message: 'a real date YYYY-MM-DD' });
  else if (join.date < context.today) problems.push({ path: ['date'], message: 'a date from today on' });
  else if (join.date > addDays(context.today, context.horizonDays)) {
    problems.push({ path: ['date'], message: `at most ${context.horizonDays} days ahead` });
  }
  const from = join.from == null ? null : parseWallTime(join.from);
  const to = join.to == null ? null : parseWallTime(join.to);
  if (join.from != null && (from === null || from >= 1440)) problems.push({ path: ['from'], message: 'a time HH:MM' });
  if (join.to != null && (to === null || to === 0))
    problems.push({ path: ['to'], message: 'a time HH:MM after 00:00' });
  else if (from !== null && to !== null && to <= from) problems.push({ path: ['to'], message: 'after `from`' });
  return [...problems, ...seatsProblems(join.seats, context.service)];
}
