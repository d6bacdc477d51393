/**
 * The payments ledger (SPEC §10.4): one row per (transactionId, status) a gateway reported, applied
 * or not; the confirming compare-and-set; and the one extension of a hold at the gateway.
 */
import type { Booking, LedgerPayment, UnappliedReason } from '../app/model.ts';
import type { PaymentRecord } from '../app/payment-store.ts';
import { toDecimal } from '../core/index.ts';
import { BOOKING_SELECT } from './bookings.ts';
import { iso, ms, optIso, toBooking } from './rows.ts';
import type { Row, Sql } from './sql.ts';

export async function findBookingByReference(sql: Sql, reference: string): Promise<Booking | null> {
  const [row] = await sql.query(`${BOOKING_SELECT} WHERE b.reference = $1`, [reference]);
  return row ? toBooking(row) : null;
}

const PAYMENT_COLUMNS = `id, transaction_id, booking_id, amount_minor, amount_text, currency, status, applied, reason,
  received_at`;

function toPayment(r: Row): LedgerPayment {
  const currency = String(r.currency).trim();
  return {
    id: String(r.id),
    transactionId: String(r.transaction_id),
    bookingId: String(r.booking_id),
    amount: r.amount_minor === null ? String(r.amount_text) : toDecimal(Number(r.amount_minor), currency),
    currency,
    status: r.status === 'paid' ? 'paid' : 'failed',
    applied: Boolean(r.applied),
    reason: r.reason === null ? null : (String(r.reason) as UnappliedReason),
    receivedAt: ms(r.received_at),
  };
}

/** Writes a callback; its id, or null when (transactionId, status) is already in the ledger. */
export async function recordPayment(sql: Sql, p: PaymentRecord, now: number): Promise<string | null> {
  const [row] = await sql.query(
    `INSERT INTO payments (transaction_id, booking_id, amount_minor, amount_text, currency, status, applied, reason,
       received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (transaction_id, status) DO NOTHING RETURNING id`,
    [
      p.transactionId,
      p.bookingId,
      p.amountMinor,
      p.amountMinor === null ? p.amountText : null,
      p.currency,
      p.status,
      p.reason === null,
      p.reason,
      iso(now),
    ],
  );
  return row ? String(row.id) : null;
}

export async function findPayment(sql: Sql, transactionId: string, status: string): Promise<LedgerPayment | null> {
  const [row] = await sql.query(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE transaction_id = $1 AND status = $2`, [
    transactionId,
    status,
  ]);
  return row ? toPayment(row) : null;
}

export async function getPayment(sql: Sql, id: string): Promise<LedgerPayment | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const [row] = await sql.query(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1`, [id]);
  return row ? toPayment(row) : null;
}

export async function listPayments(sql: Sql, bookingId: string): Promise<LedgerPayment[]> {
  const rows = await sql.query(
    `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE booking_id = $1 ORDER BY received_at, id`,
    [bookingId],
  );
  return rows.map(toPayment);
}

export async function markPaymentUnapplied(sql: Sql, id: string, reason: UnappliedReason): Promise<void> {
  await sql.query('UPDATE payments SET applied = false, reason = $2 WHERE id = $1', [id, reason]);
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

/**
 * The hold's one extension at the gateway: only a standing awaiting_payment hold that was never
 * extended, and only later (never shorter); the staff id when it happened, for the busy cache.
 */
export async function extendGatewayHold(
  sql: Sql,
  bookingId: string,
  until: number,
  now: number,
): Promise<string | null> {
  const [row] = await sql.query(
    `UPDATE bookings SET hold_until = $2, hold_extended_at = $3, updated_at = $3
     WHERE id = $1 AND status = 'awaiting_payment' AND hold_extended_at IS NULL AND hold_until > $3
       AND hold_until < $2
     RETURNING staff_id`,
    [bookingId, iso(until), iso(now)],
  );
  return row ? String(row.staff_id) : null;
}
