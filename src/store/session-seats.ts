/**
 * A group service's seats as the read cache keeps them (decision 044): every seat of the service
 * per member from the busy floor on, with its hold's end, so that a view of a class reads no
 * database. Which seats occupy time at `now` and overlap the window is decided at read time, as
 * bookings.ts listSessionSeats decides it in SQL.
 */
import type { SeatRow } from '../app/ports.ts';
import type { Interval } from '../core/index.ts';
import { iso, ms, optMs } from './rows.ts';
import type { Row, Sql } from './sql.ts';

/**
 * A group service's seats with their session's room hold, and each seat's hold end (`h`, null once
 * confirmed): the select list and joins both seat readers share (bookings.ts listSessionSeats in
 * SQL, loadSeats for the read cache); the caller adds WHERE and ORDER BY.
 */
export const SEATS_FROM = `SELECT b.staff_id, b.start_at, lower(b.occupied) AS s, upper(b.occupied) AS e, b.seats,
       CASE WHEN b.status = 'confirmed' THEN NULL ELSE b.hold_until END AS h,
       hr.ids AS held_ids, hr.s AS held_s, hr.e AS held_e
     FROM bookings b
     LEFT JOIN LATERAL (SELECT array_agg(br.resource_id ORDER BY br.resource_id) AS ids, min(lower(br.held)) AS s,
         max(upper(br.held)) AS e
       FROM booking_resources br WHERE br.staff_id = b.staff_id AND br.session_key = b.session_key) hr ON true`;

/** One row of SEATS_FROM as a seat. */
export function seatOf(r: Row): SeatRow {
  const ids = Array.isArray(r.held_ids) ? r.held_ids.map(String) : [];
  return {
    start: ms(r.start_at),
    span: { start: ms(r.s), end: ms(r.e) },
    seats: Number(r.seats),
    ...(ids.length > 0 ? { held: { span: { start: ms(r.held_s), end: ms(r.held_e) }, resourceIds: ids } } : {}),
  };
}

/** A seat as cached: listSessionSeats's row and the end of its hold (null once confirmed). */
export interface CachedSeat extends SeatRow {
  readonly holdUntil: number | null;
}

/** Every seat of the service per member ending after `floor`, sorted by start (SQL as listSessionSeats's). */
export async function loadSeats(
  sql: Sql,
  serviceId: string,
  staffIds: readonly string[],
  floor: number,
): Promise<Map<string, CachedSeat[]>> {
  const out = new Map<string, CachedSeat[]>(staffIds.map((id) => [id, []]));
  if (staffIds.length === 0) return out;
  const rows = await sql.query(
    `${SEATS_FROM}
     WHERE b.service_id = $1 AND b.staff_id = ANY($2::bigint[]) AND upper(b.occupied) > $3
       AND b.status IN ('pending_verification', 'awaiting_payment', 'confirmed')
     ORDER BY b.start_at`,
    [serviceId, staffIds, iso(floor)],
  );
  for (const r of rows) out.get(String(r.staff_id))?.push({ ...seatOf(r), holdUntil: optMs(r.h) });
  return out;
}

/**
 * The seats overlapping `window` that occupy time at `now`. Seats of one member never overlap
 * but within one session (the exclusion constraint), whose seats share one span: sorted by start,
 * their ends are in order too, so the first is found by binary search.
 */
export function seatsWithin(seats: readonly CachedSeat[], window: Interval, now: number): SeatRow[] {
  let lo = 0;
  let hi = seats.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((seats[mid] as CachedSeat).span.end <= window.start) lo = mid + 1;
    else hi = mid;
  }
  const out: SeatRow[] = [];
  for (let i = lo; i < seats.length; i++) {
    const s = seats[i] as CachedSeat;
    if (s.span.start >= window.end) break;
    if (s.holdUntil === null || s.holdUntil > now) out.push(s);
  }
  return out;
}
