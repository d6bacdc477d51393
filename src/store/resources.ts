/**
 * Shared resources in SQL (SPEC §8.4): the ResourceStore port, and what bookings hold on them
 * (booking_resources, migration 012): the holds availability reads, and the writes of a booking
 * that needs resources. The guarantee is the table's exclusion constraint; the advisory locks
 * taken here only keep two writers from deadlocking on it.
 */
import type { Resource, ResourceStore } from '../app/dashboard/resources/resource-store.ts';
import type { Interval } from '../core/index.ts';
import { columnsOf, conflictOf, insertRow, isId, updateRow } from './catalog-writes.ts';
import type { OccupyingRow } from './read-cache.ts';
import { iso, ms, optMs } from './rows.ts';
import type { Row, Sql } from './sql.ts';

const RESOURCE_COLUMNS = { key: 'key', name: 'name' } as const;

const toResource = (r: Row): Resource => ({ id: String(r.id), key: String(r.key), name: String(r.name) });

/** `write` runs a catalogue write in a transaction that drops the cached catalogue (admin-catalog.ts). */
export function resourceStore(sql: Sql, write: <T>(fn: (tx: Sql) => Promise<T>) => Promise<T>): ResourceStore {
  return {
    async listResources() {
      return (await sql.query('SELECT id, key, name FROM resources ORDER BY name, id')).map(toResource);
    },
    async createResource(fields) {
      try {
        return await write(async (tx) => {
          const id = await insertRow(tx, 'resources', columnsOf(fields, RESOURCE_COLUMNS));
          const [row] = await tx.query('SELECT id, key, name FROM resources WHERE id = $1', [id]);
          return { ok: true as const, value: toResource(row as Row) };
        });
      } catch (error) {
        return conflictOf(error, 'key');
      }
    },
    async updateResource(id, fields) {
      if (!isId(id)) return null;
      try {
        return await write(async (tx) => {
          const row = await updateRow(tx, 'resources', id, columnsOf(fields, RESOURCE_COLUMNS));
          return row ? { ok: true as const, value: toResource(row) } : null;
        });
      } catch (error) {
        return conflictOf(error, 'key');
      }
    },
    async removeResource(id) {
      if (!isId(id)) return null;
      return write(async (tx) => {
        const [row] = await tx.query('DELETE FROM resources WHERE id = $1 RETURNING id, key, name', [id]);
        return row ? toResource(row) : null;
      });
    },
  };
}

/** Replaces the resources a service requires (SPEC §8.4). */
export async function linkResources(sql: Sql, serviceId: string, resourceIds: readonly string[]): Promise<void> {
  await sql.query('DELETE FROM service_resources WHERE service_id = $1', [serviceId]);
  await sql.query(
    'INSERT INTO service_resources (service_id, resource_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING',
    [serviceId, [...new Set(resourceIds)]],
  );
}

/** SQL condition: booking `b` occupies time at $n (bookings.ts occupiesAt, repeated to avoid a cycle). */
const occupies = (n: number) =>
  `(b.status = 'confirmed' OR (b.status IN ('pending_verification', 'awaiting_payment') AND b.hold_until > $${n}))`;

/**
 * Who a hold belongs to: its booking, the seats of its group session (migration 020; one hold
 * per session and resource, whatever its seats), or a live waitlist offer (migration 021), which
 * holds like a booking waiting for its code: until its expires_at. One branch per owner, each on an
 * index (the primary keys, bookings_session), rather than one join condition with OR.
 */
const OWNERS = `JOIN LATERAL (
         SELECT b.status, b.hold_until FROM bookings b WHERE b.id = br.booking_id
         UNION ALL
         SELECT b.status, b.hold_until FROM bookings b
         WHERE br.booking_id IS NULL AND b.staff_id = br.staff_id AND b.session_key = br.session_key
         UNION ALL
         SELECT 'pending_verification', o.expires_at FROM waitlist_offers o
         WHERE o.id = br.offer_id AND o.status = 'live') b ON true`;

/**
 * Holds on these resources overlapping `window` of bookings occupying time at `now`, per resource.
 * A session's hold counts while one of its seats occupies time, once; a waitlist offer's while it
 * is live and unexpired at `now`, except the offer `exceptOffer` (the one being accepted).
 */
export async function listResourceHolds(
  sql: Sql,
  resourceIds: readonly string[],
  window: Interval,
  now: number,
  exceptOffer?: string,
): Promise<Map<string, Interval[]>> {
  const out = new Map<string, Interval[]>(resourceIds.map((id) => [id, []]));
  if (resourceIds.length === 0) return out;
  const rows = await sql.query(
    `SELECT br.resource_id, lower(br.held) AS s, upper(br.held) AS e
     FROM booking_resources br
     WHERE br.resource_id = ANY($1::bigint[]) AND br.held && tstzrange($2::timestamptz, $3::timestamptz)
       AND (EXISTS (SELECT 1 FROM bookings b WHERE b.id = br.booking_id AND ${occupies(4)})
         OR (br.booking_id IS NULL AND EXISTS (SELECT 1 FROM bookings b
               WHERE b.staff_id = br.staff_id AND b.session_key = br.session_key AND ${occupies(4)}))
         OR EXISTS (SELECT 1 FROM waitlist_offers o WHERE o.id = br.offer_id AND o.status = 'live'
               AND o.expires_at > $4 AND o.id IS DISTINCT FROM $5::bigint))
     ORDER BY lower(br.held)`,
    [resourceIds, iso(window.start), iso(window.end), iso(now), exceptOffer ?? null],
  );
  for (const r of rows) out.get(String(r.resource_id))?.push({ start: ms(r.s), end: ms(r.e) });
  return out;
}

/**
 * Every hold on these resources ending after `floor` (holds with their end), sorted, for the read
 * cache. A session's hold lasts while a seat is confirmed (no end), else until its seats' last
 * hold_until; a session with no seat of an occupying status holds nothing.
 */
export async function loadResourceRows(
  sql: Sql,
  resourceIds: readonly string[],
  floor: number,
): Promise<Map<string, OccupyingRow[]>> {
  const out = new Map<string, OccupyingRow[]>(resourceIds.map((id) => [id, []]));
  const rows = await sql.query(
    `SELECT br.resource_id, lower(br.held) AS s, upper(br.held) AS e,
       CASE WHEN bool_or(b.status = 'confirmed') THEN NULL ELSE max(b.hold_until) END AS h
     FROM booking_resources br ${OWNERS}
     WHERE br.resource_id = ANY($1::bigint[]) AND upper(br.held) > $2
       AND b.status IN ('pending_verification', 'awaiting_payment', 'confirmed')
     GROUP BY br.resource_id, br.held
     ORDER BY lower(br.held)`,
    [resourceIds, iso(floor)],
  );
  for (const r of rows) {
    out.get(String(r.resource_id))?.push({ start: ms(r.s), end: ms(r.e), holdUntil: optMs(r.h) });
  }
  return out;
}

/**
 * Serialises the writers of holds on these resources until the transaction (or the savepoint)
 * ends, as lockStaffBookings does for a member: without it two concurrent inserts of overlapping
 * holds can deadlock on the exclusion constraint (each waits for the other's row). Taken in id
 * order, and before the member's lock by every writer, so two writers never wait on each other
 * in a cycle.
 */
export async function lockResources(sql: Sql, resourceIds: readonly string[]): Promise<void> {
  if (resourceIds.length === 0) return;
  const ids = [...new Set(resourceIds)].sort((a, b) => Number(a) - Number(b));
  await sql.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('slotwise:resource-holds:' || id, 0))
     FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n) ORDER BY n`,
    [ids],
  );
}

/**
 * The holds of a new booking: one row per resource, all over `held`. A clash throws 23P01. The
 * booking of an accepted waitlist offer (`offerId`) takes the offer's rows over in the same
 * statement — the owner changes on the row, so the resource is held throughout — and writes the
 * rows the offer did not hold.
 */
export async function insertHolds(
  sql: Sql,
  bookingId: string,
  resourceIds: readonly string[],
  held: Interval,
  offerId?: string,
): Promise<void> {
  const ids = [...new Set(resourceIds)];
  const params = [bookingId, ids, iso(held.start), iso(held.end)];
  if (offerId === undefined) {
    await sql.query(
      `INSERT INTO booking_resources (booking_id, resource_id, held)
       SELECT $1, unnest($2::bigint[]), tstzrange($3::timestamptz, $4::timestamptz)`,
      params,
    );
    return;
  }
  await sql.query(
    `WITH taken AS (
       UPDATE booking_resources SET offer_id = NULL, booking_id = $1, held = tstzrange($3::timestamptz, $4::timestamptz)
       WHERE offer_id = $5 AND resource_id = ANY($2::bigint[]) RETURNING resource_id)
     INSERT INTO booking_resources (booking_id, resource_id, held)
     SELECT $1, r.id, tstzrange($3::timestamptz, $4::timestamptz) FROM unnest($2::bigint[]) AS r(id)
     WHERE r.id NOT IN (SELECT resource_id FROM taken)`,
    [...params, offerId],
  );
}

/**
 * A waitlist offer's holds (migration 021): one row per resource over `held`, the span its booking
 * would hold. For a group session's start, a resource the session already holds is not written
 * again (the session keeps it for the offered seats, which join its hold on accept). Under the
 * resources' locks, taken by the caller before the member's. A clash throws 23P01.
 */
export async function insertOfferHolds(
  sql: Sql,
  offerId: string,
  resourceIds: readonly string[],
  held: Interval,
): Promise<void> {
  await sql.query(
    `INSERT INTO booking_resources (offer_id, resource_id, held)
     SELECT o.id, r.id, tstzrange($3::timestamptz, $4::timestamptz)
     FROM waitlist_offers o, unnest($2::bigint[]) AS r(id)
     WHERE o.id = $1 AND NOT EXISTS (SELECT 1 FROM booking_resources s
       WHERE s.staff_id = o.staff_id AND s.resource_id = r.id
         AND s.session_key = 's' || o.service_id || '@' || (extract(epoch FROM o.start_at) * 1000)::bigint)`,
    [offerId, [...new Set(resourceIds)], iso(held.start), iso(held.end)],
  );
}

/**
 * A seat's group session holds these resources over `held` (migration 020): the first seat of the
 * session writes one row per resource, a later seat finds them and writes nothing. The session is
 * the seat's own (its member and session_key, set by migration 014's trigger). Called under the
 * member's lock (the seat's insert took it), which the release trigger of migration 020 also
 * takes, so a session's hold is never dropped while a seat joins it. A clash throws 23P01. Not a
 * seat (a booking of one client per slot): nothing. `offerId`: the seat's accepted waitlist offer,
 * whose holds become the session's.
 */
export async function joinSessionHolds(
  sql: Sql,
  seatId: string,
  resourceIds: readonly string[],
  held: Interval,
  offerId?: string,
): Promise<void> {
  const ids = [...new Set(resourceIds)];
  if (offerId !== undefined) {
    // The seats of an accepted offer take the offer's rows over as their session's (migration 021).
    await sql.query(
      `UPDATE booking_resources br SET offer_id = NULL, staff_id = b.staff_id, session_key = b.session_key,
         held = tstzrange($3::timestamptz, $4::timestamptz)
       FROM bookings b
       WHERE b.id = $1 AND b.session_key LIKE 's%' AND br.offer_id = $5 AND br.resource_id = ANY($2::bigint[])`,
      [seatId, ids, iso(held.start), iso(held.end), offerId],
    );
  }
  await sql.query(
    `INSERT INTO booking_resources (staff_id, session_key, resource_id, held)
     SELECT b.staff_id, b.session_key, r.id, tstzrange($3::timestamptz, $4::timestamptz)
     FROM bookings b, unnest($2::bigint[]) AS r(id)
     WHERE b.id = $1 AND b.session_key LIKE 's%'
     ON CONFLICT (staff_id, session_key, resource_id) DO NOTHING`,
    [seatId, ids, iso(held.start), iso(held.end)],
  );
}

/**
 * Marks expired the holds past hold_until whose holds on these resources overlap `held`, whoever
 * their member, with the lapsed seats of a session whose hold is in the way; the triggers of
 * migrations 012 and 020 free their rows (a session's, once no seat of it is left). A lapsed
 * waitlist offer's rows in the way are deleted (migration 021); the offer itself stays live until
 * its lapse job closes it and passes the start on. Returns how many holds went.
 */
export async function expireLapsedResourceHolds(
  sql: Sql,
  resourceIds: readonly string[],
  held: Interval,
  now: number,
): Promise<number> {
  const [row] = await sql.query(
    `WITH way AS (SELECT booking_id, staff_id, session_key, offer_id, resource_id FROM booking_resources
                  WHERE resource_id = ANY($1::bigint[]) AND held && tstzrange($2::timestamptz, $3::timestamptz)),
     lapsed AS (
       UPDATE bookings SET status = 'expired', updated_at = $4
       WHERE status IN ('pending_verification', 'awaiting_payment') AND hold_until <= $4
         AND (id IN (SELECT booking_id FROM way)
              OR (staff_id, session_key) IN (SELECT staff_id, session_key FROM way WHERE booking_id IS NULL))
       RETURNING id),
     unheld AS (
       DELETE FROM booking_resources br USING way, waitlist_offers o
       WHERE br.offer_id = way.offer_id AND br.resource_id = way.resource_id AND o.id = br.offer_id
         AND (o.status <> 'live' OR o.expires_at <= $4)
       RETURNING br.offer_id)
     SELECT (SELECT count(*) FROM lapsed) + (SELECT count(*) FROM unheld) AS n`,
    [resourceIds, iso(held.start), iso(held.end), iso(now)],
  );
  return Number(row?.n ?? 0);
}
