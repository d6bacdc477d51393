/**
 * The reports aggregate (the ReportStore port): one GROUP BY over the bookings whose start lies
 * in the range, on the bookings_start index. Weeks are the zone's Monday-to-Sunday weeks
 * (date_trunc('week') of the local time is its Monday).
 */
import type { ReportQuery, ReportRow } from '../app/dashboard/reports/report-store.ts';
import { iso } from './rows.ts';
import type { Sql } from './sql.ts';

const REPORT = `SELECT b.staff_id, to_char(date_trunc('week', b.start_at AT TIME ZONE $3), 'YYYY-MM-DD') AS week,
    b.currency,
    count(*) FILTER (WHERE b.status = 'confirmed') AS bookings,
    count(*) FILTER (WHERE b.status = 'confirmed' AND b.outcome = 'no_show') AS no_shows,
    count(*) FILTER (WHERE b.status = 'cancelled') AS cancellations,
    coalesce(sum(b.amount_paid_minor) FILTER (WHERE b.status = 'confirmed'), 0)
      + coalesce(sum(b.amount_kept_minor) FILTER (WHERE b.status = 'cancelled'), 0) AS paid,
    coalesce(sum(greatest(b.price_minor - b.amount_paid_minor, 0))
      FILTER (WHERE b.status = 'confirmed' AND b.outcome IS DISTINCT FROM 'no_show'), 0) AS due,
    coalesce(sum(extract(epoch FROM b.end_at - b.start_at)) FILTER (WHERE b.status = 'confirmed'), 0) / 60 AS minutes
  FROM bookings b
  WHERE b.start_at >= $1 AND b.start_at < $2 AND ($4::bigint IS NULL OR b.staff_id = $4::bigint)
  GROUP BY 1, 2, 3`;

export async function reportRows(sql: Sql, q: ReportQuery): Promise<ReportRow[]> {
  const rows = await sql.query(REPORT, [iso(q.window.start), iso(q.window.end), q.zone, q.staffId]);
  return rows.map((r) => ({
    staffId: String(r.staff_id),
    week: String(r.week),
    currency: String(r.currency).trim(),
    bookings: Number(r.bookings),
    noShows: Number(r.no_shows),
    cancellations: Number(r.cancellations),
    paid: Number(r.paid),
    due: Number(r.due),
    bookedMinutes: Math.round(Number(r.minutes)),
  }));
}
