/** Gateway payments: replay detection by transaction id, and the confirming compare-and-set. */
import type { Booking } from '../app/model.ts';
import type { PaymentRecord } from '../app/ports.ts';
import { BOOKING_SELECT } from './bookings.ts';
import { iso, optIso, toBooking } from './rows.ts';
import type { Sql } from './sql.ts';

export async function findBookingByReference(sql: Sql, reference: string): Promise<Booking | null> {
  const [row] = await sql.query(`${BOOKING_SELECT} WHERE b.reference = $1`, [reference]);
  return row ? toBooking(row) : null;
}

export async function paymentSeen(sql: Sql, transactionId: string): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM payments WHERE transaction_id = $1', [transactionId])).length > 0;
}

/** Records a transaction; false when its id was already recorded (a replay). */
export async function recordPayment(sql: Sql, p: PaymentRecord, now: number): Promise<boolean> {
  const rows = await sql.query(
    `INSERT INTO payments (transaction_id, booking_id, amount_minor, currency, status, received_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (transaction_id) DO NOTHING RETURNING transaction_id`,
    [p.transactionId, p.bookingId, p.amount, p.currency, p.status, iso(now)],
  );
  return rows.length > 0;
}

/** awaiting_payment → confirmed with the amount paid, only while the hold stands; null otherwise. */
export async function confirmPayment(
  sql: Sql,
  bookingId: string,
  amountPaid: number,
  remindAt: number | null,
  now: number,
): Promise<Booking | null> {
  const updated = await sql.query(
    `UPDATE bookings SET status = 'confirmed', amount_paid_minor = $2, hold_until = NULL, updated_at = $3,
       remind_at = $4
     WHERE id = $1 AND status = 'awaiting_payment' AND hold_until > $3 RETURNING id`,
    [bookingId, amountPaid, iso(now), optIso(remindAt)],
  );
  if (updated.length === 0) return null;
  const [row] = await sql.query(`${BOOKING_SELECT} WHERE b.id = $1`, [bookingId]);
  return row ? toBooking(row) : null;
}
