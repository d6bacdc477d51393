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
 * Who a hold belongs to: its booking, or the seats of its group session (migration 020; one hold
 * per session and resource, whatever its seats). Two branches, each on an index (the primary key,
 * bookings_session), rather than one join condition with OR.
 */
const OWNERS = `JOIN LATERAL (
         SELECT b.status, b.hold_until FROM bookings b WHERE b.id = br.booking_id
         UNION ALL
         SELECT b.status, b.hold_until FROM bookings b
         WHERE br.booking_id IS NULL AND b.staff_id = br.staff_id AND b.session_key = br.session_key) b ON true`;

/**
 * Holds on these resources overlapping `window` of bookings occupying time at `now`, per resource.
 * A session's hold counts while one of its seats occupies time, once.
 */
export async function listResourceHolds(
  sql: Sql,
  resourceIds: readonly string[],
  window: Interval,
  now: number,
): Promise<Map<string, Interval[]>> {
  const out = new Map<string, Interval[]>(resourceIds.map((id) => [id, []]));
  if (resourceIds.length === 0) return out;
  const rows = await sql.query(
    `SELECT br.resource_id, lower(br.held) AS s, upper(br.held) AS e
     FROM booking_resources br
     WHERE br.resource_id = ANY($1::bigint[]) AND br.held && tstzrange($2::timestamptz, $3::timestamptz)
       AND (EXISTS (SELECT 1 FROM bookings b WHERE b.id = br.booking_id AND ${occupies(4)})
         OR (br.booking_id IS NULL AND EXISTS (SELECT 1 FROM bookings b
               WHERE b.staff_id = br.staff_id AND b.session_key = br.session_key AND ${occupies(4)})))
     ORDER BY lower(br.held)`,
    [resourceIds, iso(window.start), iso(window.end), iso(now)],
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

/** The holds of a new booking: one row per resource, all over `held`. A clash throws 23P01. */
export async function insertHolds(
  sql: Sql,
  bookingId: string,
  resourceIds: readonly string[],
  held: Interval,
): Promise<void> {
  await sql.query(
    `INSERT INTO booking_resources (booking_id, resource_id, held)
     SELECT $1, unnest($2::bigint[]), tstzrange($3::timestamptz, $4::timestamptz)`,
    [bookingId, [...new Set(resourceIds)], iso(held.start), iso(held.end)],
  );
}

/**
 * A seat's group session holds these resources over `held` (migration 020): the first seat of the
 * session writes one row per resource, a later seat finds them and writes nothing. The session is
 * the seat's own (its member and session_key, set by migration 014's trigger). Called under the
 * member's lock (the seat's insert took it), which the release trigger of migration 020 also
 * takes, so a session's hold is never dropped while a seat joins it. A clash throws 23P01. Not a
 * seat (a booking of one client per slot): nothing.
 */
export async function joinSessionHolds(
  sql: Sql,
  seatId: string,
  resourceIds: readonly string[],
  held: Interval,
): Promise<void> {
  await sql.query(
    `INSERT INTO booking_resources (staff_id, session_key, resource_id, held)
     SELECT b.staff_id, b.session_key, r.id, tstzrange($3::timestamptz, $4::timestamptz)
     FROM bookings b, unnest($2::bigint[]) AS r(id)
     WHERE b.id = $1 AND b.session_key LIKE 's%'
     ON CONFLICT (staff_id, session_key, resource_id) DO NOTHING`,
    [seatId, [...new Set(resourceIds)], iso(held.start), iso(held.end)],
  );
}

/**
 * Marks expired the holds past hold_until whose holds on these resources overlap `held`, whoever
 * their member, with the lapsed seats of a session whose hold is in the way; the triggers of
 * migrations 012 and 020 free their rows (a session's, once no seat of it is left). Returns how many.
 */
export async function expireLapsedResourceHolds(
  sql: Sql,
  resourceIds: readonly string[],
  held: Interval,
  now: number,
): Promise<number> {
  const rows = await sql.query(
    `WITH way AS (SELECT booking_id, staff_id, session_key FROM booking_resources
                  WHERE resource_id = ANY($1::bigint[]) AND held && tstzrange($2::timestamptz, $3::timestamptz))
     UPDATE bookings SET status = 'expired', updated_at = $4
     WHERE status IN ('pending_verification', 'awaiting_payment') AND hold_until <= $4
       AND (id IN (SELECT booking_id FROM way)
            OR (staff_id, session_key) IN (SELECT staff_id, session_key FROM way WHERE booking_id IS NULL))
     RETURNING id`,
    [resourceIds, iso(held.start), iso(held.end), iso(now)],
  );
  return rows.length;
}
