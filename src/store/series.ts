/** Recurring series (SPEC §9.2, migration 015): the series row and the bookings that carry its id. */
import type { SeriesStore } from '../app/series-store.ts';
import { BOOKING_SELECT, occupiesAt } from './bookings.ts';
import { iso, toBooking } from './rows.ts';
import type { Sql } from './sql.ts';

/** The series' own reads and writes (the occurrences' insert is create-store.ts', beside insertBooking's cache upkeep). */
export function seriesStore(
  sql: Sql,
): Omit<SeriesStore, 'insertSeriesBookings' | 'nextBookingIds' | 'insertSeriesBookingsWithIds'> {
  return {
    async createSeries(repeat, now) {
      const [row] = await sql.query(
        'INSERT INTO series (frequency, count, created_at) VALUES ($1, $2, $3) RETURNING id',
        [repeat.frequency, repeat.count, iso(now)],
      );
      return String(row?.id);
    },
    async listSessionAttendees(b, now) {
      const rows = await sql.query(
        `${BOOKING_SELECT} WHERE b.staff_id = $1 AND b.service_id = $2 AND b.start_at = $3 AND b.id <> $4
           AND ${occupiesAt(5)} ORDER BY b.created_at, b.id`,
        [b.staffId, b.serviceId, iso(b.start), b.id, iso(now)],
      );
      return rows.map(toBooking);
    },
    async listSeriesBookings(seriesId) {
      if (!/^\d{1,18}$/.test(seriesId)) return [];
      const rows = await sql.query(`${BOOKING_SELECT} WHERE b.series_id = $1 ORDER BY b.start_at, b.id`, [seriesId]);
      return rows.map(toBooking);
    },
  };
}
