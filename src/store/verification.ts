/**
 * Verification codes, extra manage links and the verified transition. Every change is one
 * compare-and-set statement, so concurrent guesses cannot use more tries than allowed.
 */
import type { Booking } from '../app/model.ts';
import type { VerificationState, VerifiedChange } from '../app/ports.ts';
import { BOOKING_SELECT } from './bookings.ts';
import { iso, ms, optIso, optMs, toBooking } from './rows.ts';
import type { Sql } from './sql.ts';

export async function addManageToken(sql: Sql, bookingId: string, hash: Uint8Array, now: number): Promise<void> {
  await sql.query('INSERT INTO manage_tokens (token_hash, booking_id, created_at) VALUES ($1, $2, $3)', [
    hash,
    bookingId,
    iso(now),
  ]);
}

export async function startVerification(sql: Sql, bookingId: string, now: number): Promise<void> {
  await sql.query(
    `INSERT INTO verification_codes (booking_id, requested_at) VALUES ($1, $2)
     ON CONFLICT (booking_id) DO UPDATE SET requested_at = EXCLUDED.requested_at`,
    [bookingId, iso(now)],
  );
}

export async function getVerification(sql: Sql, bookingId: string): Promise<VerificationState | null> {
  const [r] = await sql.query('SELECT * FROM verification_codes WHERE booking_id = $1', [bookingId]);
  if (!r) return null;
  return {
    codeHash: r.code_hash === null ? null : (r.code_hash as Uint8Array),
    issuedAt: optMs(r.issued_at),
    attempts: Number(r.attempts),
    requestedAt: ms(r.requested_at),
  };
}

export async function markCodeRequested(sql: Sql, bookingId: string, notAfter: number, now: number): Promise<boolean> {
  const rows = await sql.query(
    'UPDATE verification_codes SET requested_at = $3 WHERE booking_id = $1 AND requested_at <= $2 RETURNING 1',
    [bookingId, iso(notAfter), iso(now)],
  );
  return rows.length > 0;
}

export async function storeCode(sql: Sql, bookingId: string, hash: Uint8Array, now: number): Promise<void> {
  await sql.query('UPDATE verification_codes SET code_hash = $2, issued_at = $3, attempts = 0 WHERE booking_id = $1', [
    bookingId,
    hash,
    iso(now),
  ]);
}

export async function useCodeAttempt(
  sql: Sql,
  bookingId: string,
  issuedAfter: number,
  maxAttempts: number,
): Promise<{ codeHash: Uint8Array; attempts: number } | null> {
  const [r] = await sql.query(
    `UPDATE verification_codes SET attempts = attempts + 1
     WHERE booking_id = $1 AND code_hash IS NOT NULL AND issued_at > $2 AND attempts < $3
     RETURNING code_hash, attempts`,
    [bookingId, iso(issuedAfter), maxAttempts],
  );
  return r ? { codeHash: r.code_hash as Uint8Array, attempts: Number(r.attempts) } : null;
}

/** pending_verification → change.status while the hold stands; the code is used up with it. */
export async function confirmVerified(
  sql: Sql,
  bookingId: string,
  change: VerifiedChange,
  now: number,
): Promise<Booking | null> {
  const updated = await sql.query(
    `UPDATE bookings SET status = $2, hold_until = $3, remind_at = $4, updated_at = $5
     WHERE id = $1 AND status = 'pending_verification' AND hold_until > $5 RETURNING id`,
    [bookingId, change.status, optIso(change.holdUntil), optIso(change.remindAt), iso(now)],
  );
  if (updated.length === 0) return null;
  await sql.query('DELETE FROM verification_codes WHERE booking_id = $1', [bookingId]);
  const [row] = await sql.query(`${BOOKING_SELECT} WHERE b.id = $1`, [bookingId]);
  return row ? toBooking(row) : null;
}
