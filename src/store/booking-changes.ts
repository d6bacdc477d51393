/**
 * Changes to existing bookings: reads by manage token, the reschedule history, cancel and move.
 * Both writes are compare-and-set on the row (STYLE 13), so a change decided on a stale read is
 * refused rather than applied; a move is still guarded by the exclusion constraint.
 */
import type { Booking, BookingMove, CancelTerms, HistoryEntry } from '../app/model.ts';
import type { MoveResult } from '../app/ports.ts';
import type { Outcome, RefundKind } from '../core/index.ts';
import { BOOKING_SELECT, expireLapsedHolds, lockStaffBookings } from './bookings.ts';
import { expireLapsedResourceHolds, joinSessionHolds, lockResources } from './resources.ts';
import { iso, ms, optIso, toBooking } from './rows.ts';
import { CHECK_VIOLATION, constraintOf, EXCLUSION_VIOLATION, type Sql, sqlState } from './sql.ts';

export async function findBookingByToken(sql: Sql, tokenHash: Uint8Array): Promise<Booking | null> {
  // The token returned at creation is on the row; those sent in later emails are in manage_tokens.
  const [row] = await sql.query(
    `${BOOKING_SELECT} WHERE b.id = COALESCE(
       (SELECT id FROM bookings WHERE manage_token_hash = $1),
       (SELECT booking_id FROM manage_tokens WHERE token_hash = $1))`,
    [tokenHash],
  );
  return row ? toBooking(row) : null;
}

export async function listHistory(sql: Sql, bookingId: string): Promise<HistoryEntry[]> {
  const rows = await sql.query(
    `SELECT h.*, fs.name AS from_name, ts.name AS to_name FROM booking_history h
     JOIN staff fs ON fs.id = h.from_staff_id JOIN staff ts ON ts.id = h.to_staff_id
     WHERE h.booking_id = $1 ORDER BY h.id`,
    [bookingId],
  );
  return rows.map((r) => ({
    kind: String(r.kind ?? 'moved') as HistoryEntry['kind'],
    refund:
      r.refund === null || r.refund === undefined
        ? null
        : {
            kind: String(r.refund) as RefundKind,
            refundDue: Number(r.refund_due_minor ?? 0),
            amountKept: Number(r.amount_kept_minor ?? 0),
          },
    outcome: r.outcome === null || r.outcome === undefined ? null : (String(r.outcome) as Outcome),
    fromStart: ms(r.from_start),
    toStart: ms(r.to_start),
    fromStaff: { id: String(r.from_staff_id), name: String(r.from_name) },
    toStaff: { id: String(r.to_staff_id), name: String(r.to_name) },
    reason: String(r.reason),
    at: ms(r.at),
  }));
}

/**
 * Cancels an active booking (compare-and-set on its status). With `terms`, what the cancel decided
 * (SPEC §10.2) is recorded on the row and as a history entry; the caller's transaction holds both.
 */
export async function cancelBooking(
  sql: Sql,
  bookingId: string,
  reason: string,
  now: number,
  terms: CancelTerms | null = null,
): Promise<Booking | null> {
  const [updated] = await sql.query(
    `UPDATE bookings SET status = 'cancelled', cancelled_at = $2, cancel_reason = $3, remind_at = NULL, updated_at = $2,
       cancel_refund = $4, refund_due_minor = $5, amount_kept_minor = $6, cancelled_by = $7, refund_overridden = $8
     WHERE id = $1 AND status IN ('pending_verification', 'awaiting_payment', 'confirmed')
     RETURNING id, start_at, staff_id`,
    [
      bookingId,
      iso(now),
      reason,
      terms?.refund ?? null,
      terms?.refundDue ?? null,
      terms?.amountKept ?? null,
      terms?.by ?? null,
      terms?.overridden ?? false,
    ],
  );
  if (!updated) return null;
  if (terms !== null) {
    await sql.query(
      `INSERT INTO booking_history (booking_id, from_start, to_start, from_staff_id, to_staff_id, reason, at, kind,
         refund, refund_due_minor, amount_kept_minor)
       VALUES ($1, $2, $2, $3, $3, $4, $5, 'cancelled', $6, $7, $8)`,
      [
        bookingId,
        updated.start_at,
        updated.staff_id,
        reason,
        iso(now),
        terms.refund,
        terms.refundDue,
        terms.amountKept,
      ],
    );
  }
  const [row] = await sql.query(`${BOOKING_SELECT} WHERE b.id = $1`, [bookingId]);
  return row ? toBooking(row) : null;
}

/**
 * Marks what became of a booking (SPEC §10.3), compare-and-set: only a confirmed booking whose
 * start is at or before `now`; a mark replaces the last one. The mark is recorded in the history.
 * Null when the row no longer qualifies (the use case judged it on a read a moment before).
 */
export async function markOutcome(sql: Sql, bookingId: string, outcome: Outcome, now: number): Promise<Booking | null> {
  const [updated] = await sql.query(
    `UPDATE bookings SET outcome = $2, outcome_at = $3, updated_at = $3
     WHERE id = $1 AND status = 'confirmed' AND start_at <= $3
     RETURNING id, start_at, staff_id`,
    [bookingId, outcome, iso(now)],
  );
  if (!updated) return null;
  await sql.query(
    `INSERT INTO booking_history (booking_id, from_start, to_start, from_staff_id, to_staff_id, reason, at, kind, outcome)
     VALUES ($1, $2, $2, $3, $3, '', $4, 'outcome', $5)`,
    [bookingId, updated.start_at, updated.staff_id, iso(now), outcome],
  );
  const [row] = await sql.query(`${BOOKING_SELECT} WHERE b.id = $1`, [bookingId]);
  return row ? toBooking(row) : null;
}

/** The client's bookings marked no-show, by email (case-insensitive; SPEC §10.3). */
export async function countNoShows(sql: Sql, email: string): Promise<number> {
  if (email === '') return 0;
  const [row] = await sql.query(
    `SELECT count(*) AS n FROM bookings WHERE lower(client_email) = lower($1) AND outcome = 'no_show'`,
    [email],
  );
  return Number(row?.n ?? 0);
}

export async function moveBooking(sql: Sql, m: BookingMove, now: number): Promise<MoveResult> {
  // As for a new booking: a lapsed hold in the way is expired only when the constraint refuses.
  const first = await tryMove(sql, m, now, false);
  if (first.ok || first.code !== 'SLOT_UNAVAILABLE') return first;
  return tryMove(sql, m, now, true);
}

/** The resources a booking holds: its own holds, or its group session's (migration 020). */
const HELD_BY = `SELECT resource_id FROM booking_resources WHERE booking_id = $1
  OR (booking_id IS NULL AND (staff_id, session_key) = (SELECT staff_id, session_key FROM bookings WHERE id = $1))`;

async function tryMove(sql: Sql, m: BookingMove, now: number, expireFirst: boolean): Promise<MoveResult> {
  try {
    return await sql.transaction(async (tx) => {
      // What the booking holds on resources (SPEC §8.4) moves with it, under the same locks as an insert.
      const held = m.held;
      const resources = held ? (await tx.query(HELD_BY, [m.bookingId])).map((r) => String(r.resource_id)) : [];
      await lockResources(tx, resources);
      await lockStaffBookings(tx, m.toStaffId);
      if (expireFirst) {
        let expired = await expireLapsedHolds(tx, { staffId: m.toStaffId, occupied: m.occupied }, now);
        if (held && resources.length > 0) expired += await expireLapsedResourceHolds(tx, resources, held, now);
        if (expired === 0) return { ok: false, code: 'SLOT_UNAVAILABLE' } as const;
      }
      const moved = await tx.query(
        `UPDATE bookings SET start_at = $2, end_at = $3, occupied = tstzrange($4::timestamptz, $5::timestamptz),
           staff_id = $6, timezone = $7, reschedule_count = reschedule_count + $12, updated_at = $8,
           remind_at = $11
         WHERE id = $1 AND status = 'confirmed' AND start_at = $9 AND staff_id = $10
         RETURNING id`,
        [
          m.bookingId,
          iso(m.start),
          iso(m.end),
          iso(m.occupied.start),
          iso(m.occupied.end),
          m.toStaffId,
          m.timezone,
          iso(now),
          iso(m.fromStart),
          m.fromStaffId,
          optIso(m.remindAt),
          m.countsAsReschedule === false ? 0 : 1,
        ],
      );
      if (moved.length === 0) return { ok: false, code: 'NOT_MOVABLE' } as const;
      if (held && resources.length > 0) {
        await tx.query(
          'UPDATE booking_resources SET held = tstzrange($2::timestamptz, $3::timestamptz) WHERE booking_id = $1',
          [m.bookingId, iso(held.start), iso(held.end)],
        );
        // A seat left its session (whose hold the trigger of migration 020 dropped if it was the
        // last) for a new one, which it holds as a first seat does.
        await joinSessionHolds(tx, m.bookingId, resources, held);
      }
      await tx.query(
        `INSERT INTO booking_history (booking_id, from_start, to_start, from_staff_id, to_staff_id, reason, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [m.bookingId, iso(m.fromStart), iso(m.start), m.fromStaffId, m.toStaffId, m.reason, iso(now)],
      );
      const [row] = await tx.query(`${BOOKING_SELECT} WHERE b.id = $1`, [m.bookingId]);
      if (!row) throw new Error('moved booking not found');
      return { ok: true, booking: toBooking(row) } as const;
    });
  } catch (error) {
    if (sqlState(error) === EXCLUSION_VIOLATION) return { ok: false, code: 'SLOT_UNAVAILABLE' };
    // A seat moved into a session that filled meanwhile (migration 014's seat trigger).
    if (sqlState(error) === CHECK_VIOLATION && constraintOf(error) === 'bookings_session_seats') {
      return { ok: false, code: 'SLOT_UNAVAILABLE' };
    }
    throw error;
  }
}
