/**
 * What must hold in the database after any sequence of requests, read with plain SQL (not the
 * store, whose own mistakes these checks are meant to catch). Each check returns the offending
 * rows; an empty list everywhere is a healthy database.
 */
import type { Sql } from '../../src/store/sql.ts';

export interface InvariantOptions {
  /** The app's "now": a hold occupies time until hold_until. */
  readonly now: number;
  /** Ids of the bookings the answers reported created: exactly the rows there must be. */
  readonly created: ReadonlySet<string>;
  /**
   * Whether every booking's occupied span must equal its service's buffers and the gap as they
   * are now (true where nothing could have changed them since the bookings were made).
   */
  readonly exactSpans: boolean;
}

const CHECKS: Record<string, string> = {
  // No two bookings holding time (confirmed, or held and not yet lapsed) of one staff member overlap,
  // buffers and gap included (the occupied span is [start - before, end + after + gap)).
  'active bookings of one staff member overlap': `
    WITH active AS (
      SELECT id, staff_id, service_id, start_at, occupied FROM bookings
      WHERE status = 'confirmed' OR (status IN ('pending_verification', 'awaiting_payment') AND hold_until > $1)
    )
    SELECT a.id AS a, b.id AS b, a.staff_id FROM active a
    JOIN active b ON a.staff_id = b.staff_id AND a.id < b.id AND a.occupied && b.occupied
    -- Seats of one group session share its time (SPEC §9.1): same service, same start, capacity > 1.
    JOIN services s ON s.id = a.service_id
    WHERE NOT (s.capacity > 1 AND a.service_id = b.service_id AND a.start_at = b.start_at)`,
  // SPEC §9.1: no session sells more seats than its service's capacity.
  'a group session sold past its capacity': `
    SELECT b.staff_id, b.service_id, b.start_at FROM bookings b JOIN services s ON s.id = b.service_id
    WHERE b.status = 'confirmed' OR (b.status IN ('pending_verification', 'awaiting_payment') AND b.hold_until > $1)
    GROUP BY b.staff_id, b.service_id, b.start_at, s.capacity HAVING sum(b.seats) > s.capacity`,
  // SPEC §9.2: a series is written whole or not at all, for one member, never beyond its count.
  'a series without occurrences, across members, or past its count': `
    SELECT s.id FROM series s LEFT JOIN bookings b ON b.series_id = s.id
    GROUP BY s.id, s.count HAVING count(b.id) = 0 OR count(DISTINCT b.staff_id) > 1 OR count(b.id) > s.count`,
  'occupied span does not cover the appointment': `
    SELECT id FROM bookings WHERE NOT (occupied @> tstzrange(start_at, end_at, '[)')) OR start_at >= end_at`,
  'a hold without an end': `
    SELECT id FROM bookings WHERE status IN ('pending_verification', 'awaiting_payment') AND hold_until IS NULL`,
  'a cancelled booking without its cancellation time, or still to be reminded': `
    SELECT id FROM bookings WHERE status = 'cancelled' AND (cancelled_at IS NULL OR remind_at IS NOT NULL)`,
  'booking of a missing service, staff member or client': `
    SELECT b.id FROM bookings b
    LEFT JOIN services s ON s.id = b.service_id
    LEFT JOIN staff st ON st.id = b.staff_id
    LEFT JOIN clients c ON c.id = b.client_id
    WHERE s.id IS NULL OR st.id IS NULL OR (b.client_id IS NOT NULL AND c.id IS NULL)`,
  'rows of a missing booking': `
    SELECT 'manage_tokens' AS t, booking_id FROM manage_tokens WHERE booking_id NOT IN (SELECT id FROM bookings)
    UNION ALL SELECT 'verification_codes', booking_id FROM verification_codes WHERE booking_id NOT IN (SELECT id FROM bookings)
    UNION ALL SELECT 'payments', booking_id FROM payments WHERE booking_id NOT IN (SELECT id FROM bookings)
    UNION ALL SELECT 'booking_history', booking_id FROM booking_history WHERE booking_id NOT IN (SELECT id FROM bookings)`,
  'jobs about a missing booking': `
    SELECT id, kind FROM jobs
    WHERE (payload ? 'bookingId' AND (payload->>'bookingId')::bigint NOT IN (SELECT id FROM bookings))
       OR (kind = 'webhook.event' AND (payload->'booking'->>'id')::bigint NOT IN (SELECT id FROM bookings))`,
  // SPEC §11: an erased (or retained) booking keeps nothing of its client, nor any way to be managed.
  'erased booking with personal data or a live link': `
    SELECT b.id FROM bookings b WHERE b.erased_at IS NOT NULL AND (b.client_name <> '' OR b.client_email <> ''
      OR b.client_phone IS NOT NULL OR b.client_address IS NOT NULL OR b.notes <> '' OR b.client_id IS NOT NULL
      OR EXISTS (SELECT 1 FROM manage_tokens t WHERE t.booking_id = b.id) OR length(b.manage_token_hash) = 32)`,
  // Decision 032: a picture goes with the last service or staff member showing it.
  'stored image nothing points at': `
    SELECT i.id FROM images i WHERE NOT EXISTS (SELECT 1 FROM services s WHERE s.image_id = i.id)
      AND NOT EXISTS (SELECT 1 FROM staff st WHERE st.photo_id = i.id)`,
  'history naming a missing staff member': `
    SELECT h.id FROM booking_history h
    WHERE h.from_staff_id NOT IN (SELECT id FROM staff) OR h.to_staff_id NOT IN (SELECT id FROM staff)`,
  'more client reschedules counted than moves recorded': `
    SELECT b.id FROM bookings b
    WHERE b.reschedule_count > (SELECT count(*) FROM booking_history h WHERE h.booking_id = b.id)`,
  'verification code of a booking not waiting for one': `
    SELECT v.booking_id FROM verification_codes v JOIN bookings b ON b.id = v.booking_id
    WHERE b.status NOT IN ('pending_verification', 'cancelled', 'expired')`,
  'paid amount without a matching payment': `
    SELECT b.id FROM bookings b WHERE b.amount_paid_minor > 0 AND NOT EXISTS (
      SELECT 1 FROM payments p
      WHERE p.booking_id = b.id AND p.status = 'paid' AND p.applied AND p.amount_minor = b.amount_paid_minor)`,
  // SPEC §10.4: a booking reflects at most one payment; any other money for it is in the ledger as unapplied.
  'more than one applied payment for a booking': `
    SELECT booking_id FROM payments WHERE status = 'paid' AND applied GROUP BY booking_id HAVING count(*) > 1`,
  'catalogue and account rows of missing owners': `
    SELECT 'staff_services' AS t, staff_id AS id FROM staff_services
      WHERE staff_id NOT IN (SELECT id FROM staff) OR service_id NOT IN (SELECT id FROM services)
    UNION ALL SELECT 'working_hours', staff_id FROM working_hours WHERE staff_id NOT IN (SELECT id FROM staff)
    UNION ALL SELECT 'days_off', staff_id FROM days_off WHERE staff_id NOT IN (SELECT id FROM staff)
    UNION ALL SELECT 'users', staff_id FROM users WHERE staff_id IS NOT NULL AND staff_id NOT IN (SELECT id FROM staff)
    UNION ALL SELECT 'api_keys', staff_id FROM api_keys WHERE staff_id IS NOT NULL AND staff_id NOT IN (SELECT id FROM staff)
    UNION ALL SELECT 'sessions', user_id FROM sessions WHERE user_id NOT IN (SELECT id FROM users)
    UNION ALL SELECT 'password_tokens', user_id FROM password_tokens WHERE user_id NOT IN (SELECT id FROM users)
    UNION ALL SELECT 'webhook_deliveries', webhook_id FROM webhook_deliveries WHERE webhook_id NOT IN (SELECT id FROM webhooks)`,
  // SPEC §8.4: a booking that stopped occupying its time (cancelled, expired) frees its resources in the same statement.
  'resource held by a booking that occupies nothing': `
    SELECT r.booking_id FROM booking_resources r JOIN bookings b ON b.id = r.booking_id
    WHERE b.status NOT IN ('pending_verification', 'awaiting_payment', 'confirmed')`,
  'resource held beyond its booking': `
    SELECT r.booking_id FROM booking_resources r JOIN bookings b ON b.id = r.booking_id
    WHERE NOT (r.held <@ b.occupied) OR lower(r.held) > b.start_at OR upper(r.held) < b.end_at`,
  // SPEC §9.1 (migration 020): a group session's hold lasts while one of its seats has an occupying status.
  'session hold without a seat': `
    SELECT r.session_key FROM booking_resources r
    WHERE r.booking_id IS NULL AND r.offer_id IS NULL AND NOT EXISTS (
      SELECT 1 FROM bookings b WHERE b.staff_id = r.staff_id AND b.session_key = r.session_key
        AND b.status IN ('pending_verification', 'awaiting_payment', 'confirmed'))`,
  // SPEC §9.3 (migration 021): a waitlist offer holds resources only while it is live, over its own span.
  'resource held by an offer that is not live': `
    SELECT r.offer_id FROM booking_resources r JOIN waitlist_offers o ON o.id = r.offer_id
    WHERE o.status <> 'live' OR NOT (r.held <@ o.occupied)`,
  // SPEC §8.3: a calendar's stored copy is its member's, and `events` counts it.
  'calendar copy that is not its calendar’s': `
    SELECT c.id FROM staff_calendars c
    WHERE EXISTS (SELECT 1 FROM calendar_busy x WHERE x.calendar_id = c.id AND x.staff_id <> c.staff_id)
       OR EXISTS (SELECT 1 FROM calendar_dates x WHERE x.calendar_id = c.id AND x.staff_id <> c.staff_id)
       OR c.events <> (SELECT count(*) FROM calendar_busy x WHERE x.calendar_id = c.id)
                    + (SELECT count(*) FROM calendar_dates x WHERE x.calendar_id = c.id)`,
};

/** The occupied span is exactly [start - buffer before, end + buffer after + gap) with today's settings. */
const EXACT_SPAN = `
  SELECT b.id, lower(b.occupied) AS lo, upper(b.occupied) AS hi FROM bookings b
  JOIN services s ON s.id = b.service_id
  JOIN staff st ON st.id = b.staff_id
  CROSS JOIN business biz
  WHERE lower(b.occupied) <> b.start_at - make_interval(mins => s.buffer_before_minutes)
     OR upper(b.occupied) <> b.end_at + make_interval(mins => s.buffer_after_minutes + coalesce(st.gap_minutes, biz.gap_minutes))
     OR lower_inc(b.occupied) = false OR upper_inc(b.occupied) = true`;

/** Every broken invariant, by name, with the rows that break it (empty: all hold). */
export async function brokenInvariants(db: Sql, opts: InvariantOptions): Promise<Record<string, unknown[]>> {
  const broken: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(CHECKS)) {
    const rows = await db.query(sql, sql.includes('$1') ? [new Date(opts.now).toISOString()] : []);
    if (rows.length > 0) broken[name] = rows;
  }
  if (opts.exactSpans) {
    const rows = await db.query(EXACT_SPAN);
    if (rows.length > 0) broken['occupied span is not the buffers and gap'] = rows;
  }
  const ids = (await db.query('SELECT id FROM bookings ORDER BY id')).map((r) => String(r.id));
  const unreported = ids.filter((id) => !opts.created.has(id));
  const missing = [...opts.created].filter((id) => !ids.includes(id));
  if (unreported.length > 0 || missing.length > 0) {
    broken['bookings in the database ≠ bookings reported created'] = [{ unreported, missing }];
  }
  return broken;
}

/** Table sizes, for the summary (how much the fuzzer wrote). */
export async function tableCounts(db: Sql): Promise<Record<string, number>> {
  const [row] = await db.query(`SELECT
    (SELECT count(*) FROM bookings)::int AS bookings,
    (SELECT count(*) FROM bookings WHERE status = 'confirmed')::int AS confirmed,
    (SELECT count(*) FROM bookings WHERE status = 'cancelled')::int AS cancelled,
    (SELECT count(*) FROM booking_history)::int AS moves,
    (SELECT count(*) FROM payments)::int AS payments,
    (SELECT count(*) FROM jobs)::int AS jobs,
    (SELECT count(*) FROM services)::int AS services,
    (SELECT count(*) FROM staff)::int AS staff,
    (SELECT count(*) FROM webhooks)::int AS webhooks`);
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}
