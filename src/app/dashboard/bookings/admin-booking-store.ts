/** The store's side of the dashboard's bookings: the searchable, paginated list and notes edits. */
import type { Interval, Outcome } from '../../../core/index.ts';
import type { Booking, BookingStatus } from '../../model.ts';

/** A position in the list, ordered by (start, id): the last booking of the previous page. */
export interface BookingPosition {
  readonly start: number;
  readonly id: string;
}

export interface BookingFilter {
  /** Bookings whose start lies in this half-open window. */
  readonly window: Interval;
  /** One member's bookings; null = everyone's. */
  readonly staffId: string | null;
  /** The status as of `now` (a hold past its hold_until is expired); null = any. */
  readonly status: BookingStatus | null;
  /** Text found, case-insensitively, in the reference, the client's name, email or phone; null = all. */
  readonly query: string | null;
  /** Only bookings after this position; null = from the first. */
  readonly after: BookingPosition | null;
  readonly limit: number;
  readonly now: number;
}

export interface AdminBookingStore {
  /** Bookings matching the filter, ordered by start then id, at most `limit`. */
  listBookings(filter: BookingFilter): Promise<Booking[]>;
  /** Replaces a booking's notes; the booking as it is then, or null for an unknown id. */
  updateNotes(bookingId: string, notes: string, now: number): Promise<Booking | null>;
  /**
   * Marks what became of a confirmed booking that has started (compare-and-set; a mark replaces the
   * last) and records it in the history; null when the booking no longer qualifies.
   */
  markOutcome(bookingId: string, outcome: Outcome, now: number): Promise<Booking | null>;
}
