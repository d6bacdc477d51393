/**
 * "Email me my bookings" in SQL: the person's bookings by email, and the single-use links
 * (migration 011) — only a token's SHA-256 is stored; using one is a compare-and-set on used_at.
 */
import type { Booking } from '../app/model.ts';
import { BOOKING_SELECT } from './bookings.ts';
import { iso, toBooking } from './rows.ts';
import type { Sql } from './sql.ts';

/** Bookings still holding the person's data (erased ones have an empty email and never match). */
const BY_EMAIL = "lower(b.client_email) = lower($1) AND b.client_email <> ''";

export async function hasBookings(sql: Sql, email: string): Promise<boolean> {
  const [r] = await sql.query(`SELECT EXISTS (SELECT 1 FROM bookings b WHERE ${BY_EMAIL}) AS found`, [email]);
  return Boolean(r?.found);
}

export async function listBookingsByEmail(sql: Sql, email: string): Promise<Booking[]> {
  return (await sql.query(`${BOOKING_SELECT} WHERE ${BY_EMAIL} ORDER BY b.start_at, b.id`, [email])).map(toBooking);
}

export async function createMyBookingsLink(
  sql: Sql,
  link: { tokenHash: Uint8Array; email: string; now: number; expiresAt: number },
): Promise<void> {
  await sql.query('INSERT INTO my_bookings_links (token_hash, email, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    link.tokenHash,
    link.email,
    iso(link.now),
    iso(link.expiresAt),
  ]);
}

export async function peekMyBookingsLink(sql: Sql, tokenHash: Uint8Array, now: number): Promise<string | null> {
  const [r] = await sql.query(
    'SELECT email FROM my_bookings_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2',
    [tokenHash, iso(now)],
  );
  return r ? String(r.email) : null;
}

export async function useMyBookingsLink(sql: Sql, tokenHash: Uint8Array, now: number): Promise<string | null> {
  const [r] = await sql.query(
    `UPDATE my_bookings_links SET used_at = $2
     WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING email`,
    [tokenHash, iso(now)],
  );
  return r ? String(r.email) : null;
}
