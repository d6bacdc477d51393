/**
 * The store's side of the reports page (SPEC §12 "Reports"): the bookings of a range summed in SQL
 * by staff member, week and currency — one aggregate, never the bookings themselves, so a year of
 * ten thousand bookings costs one indexed scan (docs/PERFORMANCE.md).
 */
import type { Interval } from '../../../core/index.ts';

export interface ReportQuery {
  /** Bookings whose start lies in this half-open window. */
  readonly window: Interval;
  /** The zone whose Monday-to-Sunday weeks the figures are grouped by (the business's). */
  readonly zone: string;
  /** One member's figures; null = everyone's. */
  readonly staffId: string | null;
}

/** The figures of one member, one week (its Monday, YYYY-MM-DD in the zone) and one currency. */
export interface ReportRow {
  readonly staffId: string;
  readonly week: string;
  readonly currency: string;
  /** Confirmed bookings, no-shows and completed ones included. */
  readonly bookings: number;
  readonly noShows: number;
  readonly cancellations: number;
  /** Minor units: paid on confirmed bookings, plus what cancels kept. */
  readonly paid: number;
  /** Minor units: what confirmed bookings not marked no-show still owe. */
  readonly due: number;
  /** Minutes of confirmed bookings (start to end). */
  readonly bookedMinutes: number;
}

export interface ReportStore {
  reportRows(query: ReportQuery): Promise<ReportRow[]>;
}
