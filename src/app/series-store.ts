/** The store's side of recurring series (SPEC §9.2): the series row and its occurrences. */
import type { Repeat } from '../core/index.ts';
import type { Booking, NewBooking } from './model.ts';

/** The occurrences written, or why none was: `taken` lists the rows (indexes) busy time now overlaps. */
export type SeriesInsert =
  | { ok: true; bookings: Booking[] }
  | { ok: false; code: 'SLOT_UNAVAILABLE'; taken: number[] }
  | { ok: false; code: 'DUPLICATE_REFERENCE' };

export interface SeriesStore {
  /** Records a series as asked for; its id, which each occurrence's row then carries (`seriesId`). */
  createSeries(repeat: Repeat, now: number): Promise<string>;
  /**
   * Writes the occurrences of a series, all of one member, at once: every row, or none when the
   * database refuses any (SLOT_UNAVAILABLE; a clash of random references: DUPLICATE_REFERENCE).
   * Not for seats of a session nor a service with resources (insertBooking row by row).
   */
  insertSeriesBookings(rows: readonly NewBooking[], now: number): Promise<SeriesInsert>;
  /** Ids for `count` new bookings, taken before their insert (insertSeriesBookingsWithIds). */
  nextBookingIds(count: number): Promise<string[]>;
  /**
   * As insertSeriesBookings, each row under its id taken before, nothing read back: true when
   * every row was written, false when the database refused one (then none stays, and the
   * transaction goes on: insertSeriesBookings tells which are taken).
   */
  insertSeriesBookingsWithIds(rows: readonly NewBooking[], ids: readonly string[], now: number): Promise<boolean>;
  /**
   * The other bookings of `b`'s group session (SPEC §9.1: same member, service and start) that
   * occupy time at `now`, oldest first: the attendees the dashboard lists beside a seat.
   */
  listSessionAttendees(b: Booking, now: number): Promise<Booking[]>;
  /** The occurrences of a series, every status, by start. */
  listSeriesBookings(seriesId: string): Promise<Booking[]>;
}
