/**
 * Seats of group sessions (SPEC §9.1): how many a session has taken, what one booking may ask for
 * (API.md pinned: `seats` of 0 or above `maxSeatsPerBooking` → 400 VALIDATION_FAILED), and the
 * service's settings. The database keeps the real count; these decide what to ask it for.
 */
import { type FieldProblem, isIntIn } from './problems.ts';

/** The most seats a session may sell (a sanity bound on `capacity`, not a business rule). */
export const MAX_CAPACITY = 1000;

/** A booking of a session, as seat counting reads it. */
export interface SeatBooking {
  readonly seats: number;
  readonly status: string;
  /** When a pending or awaiting booking's hold lapses; null for none. */
  readonly holdUntil: number | null;
}

/**
 * Whether a booking keeps its time and seats at `now` (SPEC §1): confirmed, or waiting for
 * verification or payment while its hold has not lapsed. Cancelled and expired ones free them.
 */
export function occupiesAt(booking: Pick<SeatBooking, 'status' | 'holdUntil'>, now: number): boolean {
  if (booking.status === 'confirmed') return true;
  if (booking.status !== 'pending_verification' && booking.status !== 'awaiting_payment') return false;
  return booking.holdUntil === null || booking.holdUntil > now;
}

/** Seats the occupying bookings of one session take at `now`. */
export function seatsTaken(bookings: readonly SeatBooking[], now: number): number {
  let taken = 0;
  for (const b of bookings) if (occupiesAt(b, now)) taken += b.seats;
  return taken;
}

/** Seats a session still sells at `now` (never negative: a lowered capacity leaves it full). */
export function seatsLeft(capacity: number, bookings: readonly SeatBooking[], now: number): number {
  return Math.max(0, capacity - seatsTaken(bookings, now));
}

/** The seat settings of a service (SPEC §9.1; defaults 1 and 1). */
export interface SeatSettings {
  readonly capacity: number;
  readonly maxSeatsPerBooking: number;
}

/**
 * Problems with a booking's `seats` (absent = 1): a whole number from 1 to the service's
 * `maxSeatsPerBooking`; on a service of capacity 1 only 1 (the default, so saying it is harmless).
 */
export function seatsProblems(seats: unknown, service: SeatSettings): FieldProblem[] {
  if (seats === undefined) return [];
  if (typeof seats !== 'number' || !Number.isInteger(seats)) return [{ path: ['seats'], message: 'a whole number' }];
  if (seats < 1) return [{ path: ['seats'], message: 'at least 1' }];
  if (service.capacity <= 1 && seats !== 1) {
    return [{ path: ['seats'], message: 'this service is booked one place at a time' }];
  }
  if (seats > service.maxSeatsPerBooking) {
    return [{ path: ['seats'], message: `at most ${service.maxSeatsPerBooking} per booking` }];
  }
  return [];
}

/** Problems with a service's seat settings: capacity 1..MAX_CAPACITY, maxSeatsPerBooking 1..capacity. */
export function seatSettingsProblems(settings: { capacity?: unknown; maxSeatsPerBooking?: unknown }): FieldProblem[] {
  const capacity = settings.capacity ?? 1;
  const max = settings.maxSeatsPerBooking ?? 1;
  const problems: FieldProblem[] = [];
  if (!isIntIn(capacity, 1, MAX_CAPACITY)) {
    problems.push({ path: ['capacity'], message: `a whole number from 1 to ${MAX_CAPACITY}` });
  }
  const top = isIntIn(capacity, 1, MAX_CAPACITY) ? capacity : MAX_CAPACITY;
  if (!isIntIn(max, 1, top)) {
    problems.push({ path: ['maxSeatsPerBooking'], message: `a whole number from 1 to the capacity (${top})` });
  }
  return problems;
}

export type SeatsCheck = { ok: true } | { ok: false; code: 'SEATS_UNAVAILABLE'; seatsLeft: number };

/**
 * Whether `requested` seats fit at a start the slot check accepted with `seatsLeft`
 * (booking-rules.ts checkSlot): else 409 SEATS_UNAVAILABLE with `details.seatsLeft`.
 */
export function checkSeats(requested: number, seatsLeft: number): SeatsCheck {
  return requested <= seatsLeft ? { ok: true } : { ok: false, code: 'SEATS_UNAVAILABLE', seatsLeft };
}
