/**
 * Removing a person's details from bookings while keeping the rows for the books (erase and
 * retention share it). A scrubbed booking keeps its times, service, staff, amounts, status and
 * reference; it loses the client's name, email, phone, address, notes, answers, reasons and links, and every
 * copy of them elsewhere: job payloads (queued jobs are cancelled, so no email goes to nobody and no
 * webhook sends what was erased), idempotency replays and dev-outbox messages that mention it.
 */
import { iso } from './rows.ts';
import type { Sql } from './sql.ts';

/** SQL: a text column contains one of the lower-case strings of parameter $p (text[]). */
export const mentions = (column: string, p: number) =>
  `EXISTS (SELECT 1 FROM unnest($${p}::text[]) n WHERE strpos(lower(${column}), n) > 0)`;

const ERASED_JOB = '{"erased": true}';
const CANCELLED = "cancelled: the client's data was erased";

/**
 * Scrubs these bookings; `needles` are further lower-case strings (the person's email) whose
 * presence in a job, replay or outbox message makes it theirs. Returns counts by kind.
 */
export async function scrubBookings(
  sql: Sql,
  ids: readonly string[],
  needles: readonly string[],
  now: number,
): Promise<{ bookings: number; jobs: number; outbox: number; idempotencyKeys: number }> {
  const at = iso(now);
  // The manage hash becomes 0xee and the id's 8 bytes: unique, and never the SHA-256 of a token
  // (9 bytes, not 32), so every link to the booking stops working.
  const scrubbed = ids.length
    ? await sql.query(
        `UPDATE bookings SET client_name = '', client_email = '', client_phone = NULL, client_address = NULL,
           notes = '', cancel_reason = CASE WHEN cancel_reason IS NULL THEN NULL ELSE '' END, client_id = NULL,
           wants_reminder = false, remind_at = NULL, manage_token_hash = '\\xee'::bytea || int8send(id),
           answers = '{}'::jsonb, answers_sealed = NULL,
           erased_at = $2, updated_at = $2
         WHERE id = ANY($1::bigint[]) RETURNING reference`,
        [ids, at],
      )
    : [];
  if (ids.length) {
    await sql.query('DELETE FROM manage_tokens WHERE booking_id = ANY($1::bigint[])', [ids]);
    await sql.query('DELETE FROM verification_codes WHERE booking_id = ANY($1::bigint[])', [ids]);
    await sql.query(`UPDATE booking_history SET reason = '' WHERE booking_id = ANY($1::bigint[]) AND reason <> ''`, [
      ids,
    ]);
  }
  // References are unique and specific ("SW-7K3P9Q"): where one appears, the text is about that booking.
  const all = [...scrubbed.map((r) => String(r.reference).toLowerCase()), ...needles].filter((n) => n.length > 0);
  if (ids.length === 0 && all.length === 0) return { bookings: 0, jobs: 0, outbox: 0, idempotencyKeys: 0 };
  const jobs = await sql.query(
    `UPDATE jobs SET payload = '${ERASED_JOB}'::jsonb,
       last_error = CASE WHEN done_at IS NULL AND failed_at IS NULL THEN '${CANCELLED.replace("'", "''")}' END,
       attempts = CASE WHEN done_at IS NULL AND failed_at IS NULL THEN max_attempts ELSE attempts END,
       failed_at = CASE WHEN done_at IS NULL AND failed_at IS NULL THEN $3::timestamptz ELSE failed_at END
     WHERE payload <> '${ERASED_JOB}'::jsonb
       AND (payload->>'bookingId' = ANY($1::text[]) OR payload->'booking'->>'id' = ANY($1::text[])
         OR ${mentions('payload::text', 2)} OR ${mentions("coalesce(last_error, '')", 2)})
     RETURNING id`,
    [ids, all, at],
  );
  const replays = await sql.query(
    `DELETE FROM idempotency_keys WHERE ${mentions("coalesce(body::text, '')", 1)} RETURNING key`,
    [all],
  );
  const outbox = await sql.query(
    `DELETE FROM dev_mailbox WHERE ${mentions('subject', 1)} OR ${mentions('text_body', 1)}
       OR ${mentions('html_body', 1)} OR EXISTS (SELECT 1 FROM unnest(recipients) r WHERE lower(r) = ANY($1::text[]))
     RETURNING id`,
    [all],
  );
  return { bookings: scrubbed.length, jobs: jobs.length, outbox: outbox.length, idempotencyKeys: replays.length };
}
