/**
 * The dashboard's bookings in SQL (the AdminBookingStore port): the list with keyset pagination on
 * (start_at, id) — stable while rows are added and, over the bookings_start index, as cheap on
 * the last page as on the first — and notes edits. Neither touches occupied time, so neither
 * invalidates the read cache.
 */
import type { AdminBookingStore, BookingFilter } from '../app/dashboard/bookings/admin-booking-store.ts';
import { markOutcome } from './booking-changes.ts';
import { BOOKING_SELECT } from './bookings.ts';
import type { ReadCache } from './read-cache.ts';
import { iso, toBooking } from './rows.ts';
import type { Sql } from './sql.ts';

/** The status as of $now: a hold past its hold_until reads as expired (as app/allowances.ts statusAt). */
const statusAt = (now: string) =>
  `(CASE WHEN b.status IN ('pending_verification', 'awaiting_payment') AND b.hold_until <= ${now}
     THEN 'expired' ELSE b.status END)`;

/** `text` as a LIKE pattern matching it anywhere, its own % _ and \ taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A query that looks like a phone number, as its digits without a leading trunk 0, so "06 12 34"
 * also finds "+33 6 12 34 56 78" (it only ever widens the text match).
 */
function phoneDigits(query: string): string | null {
  if (!/^[+\d\s().-]+$/.test(query)) return null;
  const digits = query.replace(/\D/g, '').replace(/^0/, '');
  return digits.length >= 3 ? digits : null;
}

function whereOf(f: BookingFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [iso(f.window.start), iso(f.window.end)];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = ['b.start_at >= $1', 'b.start_at < $2'];
  if (f.staffId !== null) conditions.push(`b.staff_id = ${add(f.staffId)}`);
  if (f.status !== null) {
    conditions.push(`${statusAt(add(iso(f.now)))} = ${add(f.status)}`);
  }
  if (f.query !== null) {
    const p = add(containsPattern(f.query));
    const fields = ['b.reference', 'b.client_name', 'b.client_email', 'b.client_phone'];
    const matches = fields.map((col) => `${col} ILIKE ${p} ESCAPE '\\'`);
    const digits = phoneDigits(f.query);
    if (digits !== null) matches.push(`regexp_replace(b.client_phone, '\\D', '', 'g') LIKE ${add(`%${digits}%`)}`);
    conditions.push(`(${matches.join(' OR ')})`);
  }
  if (f.after !== null)
    conditions.push(`(b.start_at, b.id) > (${add(iso(f.after.start))}::timestamptz, ${add(f.after.id)}::bigint)`);
  return { where: conditions.join(' AND '), params };
}

/** `invalidate` drops cached reads after a write (and again once the transaction has ended). */
export function adminBookingStore(
  sql: Sql,
  _cache: ReadCache | undefined,
  _invalidate: (fn: () => void) => void,
): AdminBookingStore {
  return {
    async listBookings(filter) {
      const { where, params } = whereOf(filter);
      params.push(filter.limit);
      const rows = await sql.query(
        `${BOOKING_SELECT} WHERE ${where} ORDER BY b.start_at, b.id LIMIT $${params.length}`,
        params,
      );
      return rows.map(toBooking);
    },
    async updateNotes(bookingId, notes, now) {
      if (!/^\d{1,18}$/.test(bookingId)) return null;
      const updated = await sql.query('UPDATE bookings SET notes = $2, updated_at = $3 WHERE id = $1 RETURNING id', [
        bookingId,
        notes,
        iso(now),
      ]);
      if (updated.length === 0) return null;
      const [row] = await sql.query(`${BOOKING_SELECT} WHERE b.id = $1`, [bookingId]);
      return row ? toBooking(row) : null;
    },
    markOutcome: (bookingId, outcome, now) =>
      /^\d{1,18}$/.test(bookingId) ? markOutcome(sql, bookingId, outcome, now) : Promise.resolve(null),
  };
}
