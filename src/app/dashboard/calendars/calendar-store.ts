/**
 * The store's side of external busy calendars (SPEC §8.3): the iCalendar URLs a staff member
 * subscribes, each with the state of its last fetch and its last good copy, expanded into busy
 * intervals and all-day dates (read for availability through Store.listExternalBusy).
 */
import type { Interval, LocalDate } from '../../../core/index.ts';

export interface StaffCalendar {
  readonly id: string;
  readonly staffId: string;
  /** The secret address, as given: fetched, never shown (calendar-url.ts maskCalendarUrl). */
  readonly url: string;
  readonly label: string;
  readonly createdAt: number;
  /** When the poll fetches it next; null = not polled. */
  readonly nextFetchAt: number | null;
  /** When the last fetch whose outcome is recorded ended; null = never fetched. */
  readonly lastAttemptAt: number | null;
  /** When the last good copy was fetched; null = never. */
  readonly lastSuccessAt: number | null;
  /** Why the last fetch failed; null when it succeeded (or none ended yet). */
  readonly lastError: string | null;
  /** Busy intervals and all-day dates in the last good copy. */
  readonly events: number;
}

export interface CalendarFields {
  readonly url: string;
  readonly label: string;
}

/** What one fetch of a feed came to: its busy time, or why it failed. */
export type FetchOutcome =
  | { readonly ok: true; readonly busy: readonly Interval[]; readonly dates: readonly LocalDate[] }
  | { readonly ok: false; readonly error: string };

export interface FetchRecord {
  /** The URL that was fetched: a calendar whose URL changed meanwhile keeps its state. */
  readonly url: string;
  /** When the fetch began: a fetch older than the recorded one changes nothing. */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly outcome: FetchOutcome;
}

export interface CalendarStore {
  /** A member's calendars, oldest first. */
  listCalendars(staffId: string): Promise<StaffCalendar[]>;
  getCalendar(id: string): Promise<StaffCalendar | null>;
  /** Null when there is no such member. */
  addCalendar(
    staffId: string,
    fields: CalendarFields,
    now: number,
    nextFetchAt: number | null,
  ): Promise<StaffCalendar | null>;
  /**
   * Changes the label and/or the URL; a new URL drops the copy of the old one (its busy time, when
   * and how it was last fetched) and is due at `nextFetchAt`.
   */
  updateCalendar(
    id: string,
    fields: Partial<CalendarFields>,
    nextFetchAt: number | null,
  ): Promise<StaffCalendar | null>;
  /** Deletes the calendar with its busy time. */
  removeCalendar(id: string): Promise<StaffCalendar | null>;
  /**
   * Records a fetch: a good copy replaces the stored busy time whole; a failure records the error
   * and keeps the last good copy. Null (nothing changed) when the calendar is gone, its URL is no
   * longer the one fetched, or a fetch that began later is already recorded.
   */
  recordCalendarFetch(id: string, record: FetchRecord): Promise<StaffCalendar | null>;
}
