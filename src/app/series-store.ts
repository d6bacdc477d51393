/** The store's side of recurring series (SPEC §9.2): the series row and its occurrences. */
import type { Repeat } from '../core/index.ts';
import type { Booking } from './model.ts';

export interface SeriesStore {
  /** Records a series as asked for; its id, which each occurrence's row then carries (`seriesId`). */
  createSeries(repeat: Repeat, now: number): Promise<string>;
  /** The occurrences of a series, every status, by start. */
  listSeriesBookings(seriesId: string): Promise<Booking[]>;
}
