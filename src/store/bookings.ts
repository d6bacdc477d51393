/**
 * Booking rows: busy time, counts, the guarded insert, reads.
 *
 * A row occupies time while confirmed, or while a hold (pending_verification, awaiting_payment)
 * has not passed hold_until. The exclusion constraint cannot see the clock, so insertBooking first
 * expires, in the same transaction, the lapsed holds overlapping the new span; the constraint then
 * compares the new row only with rows that really occupy time.
 */

import type { Booking, NewBooking } from '../app/model.ts';
import type { InsertResult, SeatRow } from '../app/ports.ts';
import type { SeriesInsert } from '../app/series-store.ts';
import type { Interval } from '../core/index.ts';
import type { OccupyingRow } from './merged-busy.ts';
import { expireLapsedResourceHolds, insertHolds, joinSessionHolds, lockResources } from './resources.ts';
import { iso, ms, optIso, optMs, toBooking } from './rows.ts';
import { SEATS_FROM, seatOf } from './session-seats.ts';
import { CHECK_VIOLATION, constraintOf, EXCLUSION_VIOLATION, type Sql, sqlState, UNIQUE_VIOLATION } from './sql.ts';

/** SQL condition: the row occupies time at $now (the parameter number given). */
export const occupiesAt = (nowParam: number) =>
  `(b.status = 'confirmed' OR (b.status IN ('pending_verification', 'awaiting_payment') AND b.hold_until > $${nowParam}))`;

export const BOOKING_SELECT = `SELECT b.*, sv.name AS service_name, sv.name_wordings AS service_name_wordings, st.name AS staff_name
  FROM bookings b JOIN services sv ON sv.id = b.service_id JOIN staff st ON st.id = b.staff_id`;

export async function listBusy(
  sql: Sql,
  staffIds: readonly string[],
  window: Interval,
  now: number,
): Promise<Map<string, Interval[]>> {
  const out = new Map<string, Interval[]>(staffIds.map((id) => [id, []]));
  if (staffIds.length === 0) return out;
  const rows = await sql.query(
    `SELECT b.staff_id, lower(b.occupied) AS s, upper(b.occupied) AS e FROM bookings b
     WHERE b.staff_id = ANY($1::bigint[]) AND b.occupied && tstzrange($2::timestamptz, $3::timestamptz)
       AND ${occupiesAt(4)}
     ORDER BY lower(b.occupied)`,
    [staffIds, iso(window.start), iso(window.end), iso(now)],
  );
  for (const r of rows) {
    out.get(String(r.staff_id))?.push({ start: ms(r.s), end: ms(r.e) });
  }
  return out;
}

/** The occupying bookings of one service per member overlapping `window` (ports.ts listSessionSeats). */
export async function listSessionSeats(
  sql: Sql,
  serviceId: string,
  staffIds: readonly string[],
  window: Interval,
  now: number,
): Promise<Map<string, SeatRow[]>> {
  const out = new Map<string, SeatRow[]>(staffIds.map((id) => [id, []]));
  if (staffIds.length === 0) return out;
  const rows = await sql.query(
    `${SEATS_FROM}
     WHERE b.service_id = $1 AND b.staff_id = ANY($2::bigint[])
       AND b.occupied && tstzrange($3::timestamptz, $4::timestamptz) AND ${occupiesAt(5)}
     ORDER BY b.start_at`,
    [serviceId, staffIds, iso(window.start), iso(window.end), iso(now)],
  );
  for (const r of rows) out.get(String(r.staff_id))?.push(seatOf(r));
  return out;
}

/** Every time-occupying row (holds with their end) of these members ending after `floor`, sorted by start. */
export async function loadOccupying(
  sql: Sql,
  staffIds: readonly string[],
  floor: number,
): Promise<Map<string, OccupyingRow[]>> {
  const out = new Map<string, OccupyingRow[]>(staffIds.map((id) => [id, []]));
  const rows = await sql.query(
    `SELECT staff_id, lower(occupied) AS s, upper(occupied) AS e,
       CASE WHEN status = 'confirmed' THEN NULL ELSE hold_until END AS h
     FROM bookings
     WHERE staff_id = ANY($1::bigint[]) AND upper(occupied) > $2
       AND status IN ('pending_verification', 'awaiting_payment', 'confirmed')
     ORDER BY lower(occupied)`,
    [staffIds, iso(floor)],
  );
  for (const r of rows) {
    out.get(String(r.staff_id))?.push({
      start: ms(r.s),
      end: ms(r.e),
      holdUntil: optMs(r.h),
    });
  }
  return out;
}

/** One statement whatever the members, each counted in its own window (its own day, in its own zone). */
export async function countBookings(
  sql: Sql,
  staffIds: readonly string[],
  window: Interval | ReadonlyMap<string, Interval>,
  now: number,
): Promise<Map<string, number>> {
  const out = new Map<string, number>(staffIds.map((id) => [id, 0]));
  if (staffIds.length === 0) return out;
  const windowOf = (id: string): Interval => {
    const w = window instanceof Map ? window.get(id) : (window as Interval);
    if (!w) throw new Error(`countBookings: no window for staff ${id}`);
    return w;
  };
  const rows = await sql.query(
    `SELECT b.staff_id, count(*) AS n
     FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[]) AS w(staff_id, s, e)
     JOIN bookings b ON b.staff_id = w.staff_id AND b.start_at >= w.s AND b.start_at < w.e
     WHERE ${occupiesAt(4)}
     GROUP BY b.staff_id`,
    [staffIds, staffIds.map((id) => iso(windowOf(id).start)), staffIds.map((id) => iso(windowOf(id).end)), iso(now)],
  );
  for (const r of rows) out.set(String(r.staff_id), Number(r.n));
  return out;
}

export async function insertBooking(sql: Sql, b: NewBooking, now: number): Promise<InsertResult> {
  if (b.session) return insertSeat(sql, b, now);
  try {
    const ids = b.resources?.ids ?? [];
    if (b.resources && ids.length > 0) return await insertWithHolds(sql, b, ids, b.resources.held, now);
    // Most inserts meet no conflict, so they cost one statement and no savepoint. Only when a
    // constraint turns the row away do we expire the lapsed holds in the way and try again in a
    // savepoint, where the plain insert either succeeds or says which constraint it was.
    let inserted: Booking | null;
    try {
      inserted = await insertRowUnlessConflict(sql, b, now);
    } catch (error) {
      // Only the hold trigger raises here (decision 034), and it ended the transaction.
      if (constraintOf(error) === 'waitlist_offers_held') return { ok: false, code: 'SLOT_UNAVAILABLE', aborted: true };
      throw error;
    }
    if (inserted) return { ok: true, booking: inserted };
    return await sql.transaction(async (tx) => {
      await expireLapsedHolds(tx, b, now);
      return { ok: true, booking: await insertRow(tx, b, now) } as const;
    });
  } catch (error) {
    if (sqlState(error) === EXCLUSION_VIOLATION) return { ok: false, code: 'SLOT_UNAVAILABLE' };
    if (sqlState(error) === UNIQUE_VIOLATION && constraintOf(error) === 'bookings_reference_key') {
      return { ok: false, code: 'DUPLICATE_REFERENCE' };
    }
    throw error;
  }
}

/**
 * A booking whose service requires resources (SPEC §8.4): the row and its holds in one savepoint,
 * under the resources' locks then the member's. When a constraint refuses either (the member's
 * bookings_no_overlap or booking_resources_no_overlap), the lapsed holds in the way — the
 * member's, and anyone's on those resources — are expired and the insert is tried once more;
 * a refusal then throws 23P01 (SLOT_UNAVAILABLE to the caller). The booking of an accepted
 * waitlist offer takes the offer's holds over (migration 021).
 */
async function insertWithHolds(
  sql: Sql,
  b: NewBooking,
  ids: readonly string[],
  held: Interval,
  now: number,
): Promise<InsertResult> {
  const write = async (tx: Sql) => {
    const booking = await insertRow(tx, b, now);
    await insertHolds(tx, booking.id, ids, held, b.waitlistOfferId);
    return { ok: true, booking } as const;
  };
  try {
    return await sql.transaction(async (tx) => {
      await lockResources(tx, ids);
      return write(tx);
    });
  } catch (error) {
    if (sqlState(error) !== EXCLUSION_VIOLATION) throw error;
  }
  return sql.transaction(async (tx) => {
    await lockResources(tx, ids);
    await lockStaffBookings(tx, b.staffId);
    await expireLapsedHolds(tx, b, now);
    await expireLapsedResourceHolds(tx, ids, held, now);
    return write(tx);
  });
}

/**
 * A seat of a group session, always in a savepoint: the seat trigger (migration 014) refuses a row
 * that would oversell the session with an error, which would otherwise end the transaction. When
 * its service requires resources, the seat joins its session's hold (the first seat writes it,
 * migration 020), under the resources' locks then the member's, as insertWithHolds; a hold in the
 * way is retried once after expiring the lapsed holds on those resources.
 */
async function insertSeat(sql: Sql, b: NewBooking, now: number): Promise<InsertResult> {
  const ids = b.resources?.ids ?? [];
  const held = ids.length > 0 ? b.resources?.held : undefined;
  const write = async (tx: Sql, again: boolean) => {
    await lockResources(tx, ids);
    await expireLapsedHolds(tx, b, now);
    if (again && held) await expireLapsedResourceHolds(tx, ids, held, now);
    const booking = await insertRow(tx, b, now);
    if (held) await joinSessionHolds(tx, booking.id, ids, held, b.waitlistOfferId);
    return { ok: true, booking } as const;
  };
  try {
    try {
      return await sql.transaction((tx) => write(tx, false));
    } catch (error) {
      if (!held || sqlState(error) !== EXCLUSION_VIOLATION) throw error;
    }
    return await sql.transaction((tx) => write(tx, true));
  } catch (error) {
    if (sqlState(error) === CHECK_VIOLATION && constraintOf(error) === SEATS_CONSTRAINT) {
      return { ok: false, code: 'SEATS_UNAVAILABLE', seatsLeft: await sessionSeatsLeft(sql, b, now) };
    }
    if (sqlState(error) === EXCLUSION_VIOLATION) return { ok: false, code: 'SLOT_UNAVAILABLE' };
    if (sqlState(error) === UNIQUE_VIOLATION && constraintOf(error) === 'bookings_reference_key') {
      return { ok: false, code: 'DUPLICATE_REFERENCE' };
    }
    throw error;
  }
}

/** The trigger's name for its refusal of an oversold session. */
const SEATS_CONSTRAINT = 'bookings_session_seats';

/** Seats the session of `b` (its member, service and start) has left at `now`, as the trigger counts. */
async function sessionSeatsLeft(sql: Sql, b: NewBooking, now: number): Promise<number> {
  const [row] = await sql.query(
    `SELECT sv.capacity - coalesce((SELECT sum(b.seats) FROM bookings b
       WHERE b.staff_id = $1 AND b.service_id = $2 AND b.start_at = $3 AND ${occupiesAt(4)}), 0) AS left
     FROM services sv WHERE sv.id = $2`,
    [b.staffId, b.serviceId, iso(b.start), iso(now)],
  );
  return Math.max(0, Number(row?.left ?? 0));
}

/** Marks expired the holds of the member past hold_until that overlap the booking's span; returns how many. */
export async function expireLapsedHolds(
  sql: Sql,
  b: { readonly staffId: string; readonly occupied: Interval },
  now: number,
): Promise<number> {
  const rows = await sql.query(
    `UPDATE bookings SET status = 'expired', updated_at = $4
     WHERE staff_id = $1 AND status IN ('pending_verification', 'awaiting_payment') AND hold_until <= $4
       AND occupied && tstzrange($2::timestamptz, $3::timestamptz)
     RETURNING id`,
    [b.staffId, iso(b.occupied.start), iso(b.occupied.end), iso(now)],
  );
  return rows.length;
}

/**
 * Serialises the writers of one staff member's bookings until the transaction (or the savepoint,
 * if it is rolled back) ends. Without it, PostgreSQL can deadlock two concurrent inserts of
 * overlapping rows: an exclusion constraint is checked after each row is in the index, so each
 * waits for the other (SQLSTATE 40P01, seen with the server; PGlite runs one statement at a time).
 * With it, the second writer waits for the first to commit and then meets the constraint: 23P01.
 */
export async function lockStaffBookings(sql: Sql, staffId: string): Promise<void> {
  await sql.query(`SELECT ${staffLock(1)}`, [staffId]);
}

/** The lock of lockStaffBookings as an SQL expression, the member's id being parameter $n. */
const staffLock = (n: number) => `pg_advisory_xact_lock(hashtextextended('slotwise:staff-bookings:' || $${n}, 0))`;

/**
 * One statement: takes the member's lock (lockStaffBookings), inserts the row and reads it back
 * with its service and staff names. The lock is taken in the row source, so before the insert;
 * the parameters carry their types there, as a SELECT list does not take them from the target
 * columns. With `onConflict`, a row a constraint turns away (ON CONFLICT DO NOTHING covers the
 * exclusion constraint too) comes back as no row; without it, the refusal throws and says which.
 */
const BOOKING_COLUMNS = `reference, service_id, staff_id, client_id, client_name, client_email, client_phone,
         client_address, notes, wants_reminder, locale, timezone, status, start_at, end_at, occupied, hold_until,
         payment_option, amount_due_minor, currency, price_minor, manage_token_hash, created_at, updated_at, remind_at,
         seats, answers, answers_sealed, series_id, waitlist_offer_id`;
/** One row's values from rowParams' 30 parameters. */
const ROW_VALUES = `$1::text, $2::bigint, $3::bigint, $4::bigint, $5::text, $6::text, $7::text, $8::text, $9::text,
         $10::boolean, $11::text, $12::text, $13::text, $14::timestamptz, $15::timestamptz,
         tstzrange($16::timestamptz, $17::timestamptz), $18::timestamptz, $19::text, $20::bigint, $21::text,
         $22::bigint, $23::bytea, $24::timestamptz, $24::timestamptz, $25::timestamptz, $26::integer,
         $27::jsonb, $28::text, $29::bigint, $30::bigint`;

/**
 * SQL condition: no live, unexpired waitlist offer holds the row's span (migration 018). The fast
 * statements (ON CONFLICT DO NOTHING, outside a savepoint) skip such a row instead of meeting the
 * hold trigger's error, which would end the caller's transaction; the retry in a savepoint then
 * meets the trigger and says SLOT_UNAVAILABLE. The trigger stays the guarantee.
 */
const notHeld = (staff: string, occupied: string, now: string, offer: string) =>
  `NOT EXISTS (SELECT 1 FROM waitlist_offers o WHERE o.staff_id = ${staff} AND o.status = 'live'
     AND o.expires_at > ${now} AND o.occupied && ${occupied} AND o.id IS DISTINCT FROM ${offer})`;

const insertStatement = (onConflict: string) => `WITH ins AS (
       INSERT INTO bookings (${BOOKING_COLUMNS})
       SELECT ${ROW_VALUES}
       FROM (SELECT ${staffLock(3)}) AS staff_lock
       ${onConflict ? `WHERE ${notHeld('$3::bigint', 'tstzrange($16::timestamptz, $17::timestamptz)', '$24::timestamptz', '$30::bigint')}` : ''}
       ${onConflict}
       RETURNING *)
     SELECT ins.*, sv.name AS service_name, sv.name_wordings AS service_name_wordings, st.name AS staff_name
     FROM ins JOIN services sv ON sv.id = ins.service_id JOIN staff st ON st.id = ins.staff_id`;

/**
 * The row under an id taken before (nextBookingId): nothing read back, since the caller knows the
 * row already and sends what names it behind this statement, unanswered (decision 043). A
 * conflict throws: the transaction fails, and the caller redoes it with insertBooking.
 */
const INSERT_WITH_ID = `INSERT INTO bookings (id, ${BOOKING_COLUMNS}) OVERRIDING SYSTEM VALUE
     SELECT $31::bigint, ${ROW_VALUES}
     FROM (SELECT ${staffLock(3)}) AS staff_lock`;

export async function nextBookingId(sql: Sql): Promise<string> {
  const [row] = await sql.query(`SELECT nextval('bookings_id_seq') AS id`);
  return String(row?.id);
}

/** ports.ts insertBookingWithId: true when written, false when a constraint refused the row. */
export async function insertBookingWithId(sql: Sql, b: NewBooking, id: string, now: number): Promise<boolean> {
  if (b.session || (b.resources?.ids.length ?? 0) > 0)
    throw new Error('insertBookingWithId: seats and resources go by insertBooking');
  try {
    await sql.query(INSERT_WITH_ID, [...rowParams(b, now), id]);
    return true;
  } catch (error) {
    if (refusedRow(error)) return false;
    throw error;
  }
}

/**
 * A refusal the writers under ids taken before answer with false: the slot, a lapsed hold still in
 * the index, a waitlist hold (its trigger says 23P01 too), or a clash of references.
 */
function refusedRow(error: unknown): boolean {
  if (sqlState(error) === EXCLUSION_VIOLATION) return true;
  return sqlState(error) === UNIQUE_VIOLATION && constraintOf(error) === 'bookings_reference_key';
}

const INSERT_UNLESS_CONFLICT = insertStatement('ON CONFLICT DO NOTHING');
const INSERT = insertStatement('');

/** The common case: the row, or null when a constraint turned it away. */
async function insertRowUnlessConflict(sql: Sql, b: NewBooking, now: number): Promise<Booking | null> {
  const [row] = await sql.query(INSERT_UNLESS_CONFLICT, rowParams(b, now));
  return row ? toBooking(row) : null;
}

/** The row; a constraint's refusal throws (23P01 for the slot, 23505 for the reference). */
async function insertRow(sql: Sql, b: NewBooking, now: number): Promise<Booking> {
  const [row] = await sql.query(INSERT, rowParams(b, now));
  if (!row) throw new Error('inserted booking not returned');
  return toBooking(row);
}

/** The 30 parameters of both inserts, in column order ($24 is created_at and updated_at). */
function rowParams(b: NewBooking, now: number): unknown[] {
  return [
    b.reference,
    b.serviceId,
    b.staffId,
    b.clientId,
    b.client.name,
    b.client.email,
    b.client.phone,
    b.client.address,
    b.notes,
    b.wantsReminder,
    b.locale,
    b.timezone,
    b.status,
    iso(b.start),
    iso(b.end),
    iso(b.occupied.start),
    iso(b.occupied.end),
    optIso(b.holdUntil),
    b.paymentOption,
    b.amountDue,
    b.currency,
    b.price,
    b.manageTokenHash,
    iso(now),
    optIso(b.remindAt),
    b.seats ?? 1,
    JSON.stringify(b.answers),
    b.sealedAnswers,
    b.seriesId ?? null,
    b.waitlistOfferId ?? null,
  ];
}

export async function getBooking(sql: Sql, id: string): Promise<Booking | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const [row] = await sql.query(`${BOOKING_SELECT} WHERE b.id = $1`, [id]);
  return row ? toBooking(row) : null;
}

/**
 * A series' rows as one array per column (rowParams' order), unnested in the statement: its text
 * is the same whatever the number of rows, so the database parses and plans it as cheaply as a
 * single insert, where a VALUES list of n × 29 parameters was a new, long statement each time
 * (most of a series' cost, decision 035). The token hashes go as hex (an array of bytea is not
 * passed alike by both drivers); $30 is the member, for the lock.
 */
const SERIES_TYPES = [
  'text',
  'bigint',
  'bigint',
  'bigint',
  'text',
  'text',
  'text',
  'text',
  'text',
  'boolean',
  'text',
  'text',
  'text',
  'timestamptz',
  'timestamptz',
  'timestamptz',
  'timestamptz',
  'timestamptz',
  'text',
  'bigint',
  'text',
  'bigint',
  'text',
  'timestamptz',
  'timestamptz',
  'integer',
  'text',
  'text',
  'bigint',
  'bigint',
] as const;
const SERIES_NAMES = SERIES_TYPES.map((_, i) => `c${i + 1}`).join(', ');
const SERIES_COLUMNS = `unnest(${SERIES_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
/** The row from the unnested columns, as ROW_VALUES builds it from one row's parameters. */
const SERIES_ROW = `r.c1, r.c2, r.c3, r.c4, r.c5, r.c6, r.c7, r.c8, r.c9, r.c10, r.c11, r.c12, r.c13, r.c14, r.c15,
         tstzrange(r.c16, r.c17), r.c18, r.c19, r.c20, r.c21, r.c22, decode(r.c23, 'hex'), r.c24, r.c24, r.c25,
         r.c26, r.c27::jsonb, r.c28, r.c29, r.c30`;

function seriesParams(rows: readonly NewBooking[], now: number): unknown[] {
  const columns: unknown[][] = SERIES_TYPES.map(() => []);
  for (const b of rows) {
    const values = rowParams(b, now);
    values[22] = Buffer.from(b.manageTokenHash).toString('hex');
    for (const [i, v] of values.entries()) columns[i]?.push(v);
  }
  return [...columns, rows[0]?.staffId];
}

/**
 * The occurrences of a series under ids taken before (nextBookingIds), as insertBookingWithId does
 * for one booking: no row read back, so the use case builds the bookings it already knows (asStored).
 */
const SERIES_WITH_IDS = `INSERT INTO bookings (id, ${BOOKING_COLUMNS}) OVERRIDING SYSTEM VALUE
     SELECT r.id, ${SERIES_ROW}
     FROM (SELECT ${staffLock(31)}) AS staff_lock,
       unnest(${SERIES_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}, $32::bigint[]) AS r(${SERIES_NAMES}, id)`;

export async function nextBookingIds(sql: Sql, count: number): Promise<string[]> {
  const rows = await sql.query(`SELECT nextval('bookings_id_seq') AS id FROM generate_series(1, $1)`, [count]);
  return rows.map((r) => String(r.id));
}

/**
 * series-store.ts insertSeriesBookingsWithIds: every row under its id in one statement, in a
 * savepoint, or none: false when a constraint refused one (the caller then goes the way that
 * expires lapsed holds and finds the taken rows).
 */
export async function insertSeriesRowsWithIds(
  sql: Sql,
  rows: readonly NewBooking[],
  ids: readonly string[],
  now: number,
): Promise<boolean> {
  if (rows.length === 0) return true;
  if (ids.length !== rows.length) throw new Error('insertSeriesRowsWithIds: one id per row');
  try {
    await sql.transaction((tx) => tx.query(SERIES_WITH_IDS, [...seriesParams(rows, now), ids]));
    return true;
  } catch (error) {
    if (refusedRow(error)) return false;
    throw error;
  }
}

/**
 * The occurrences of a series (SPEC §9.2), all of one member, in ONE statement under the member's
 * lock (a series of 12 costs about one insert, not twelve). A constraint's refusal of any row throws
 * in a savepoint, so no row stays; the lapsed holds in the way are then expired and it is tried
 * once more; a second refusal reads back which rows are taken. Not for seats (their trigger) nor
 * resources (their holds): those go row by row.
 */
export async function insertSeriesRows(sql: Sql, rows: readonly NewBooking[], now: number): Promise<SeriesInsert> {
  const first = rows[0];
  if (!first) return { ok: true, bookings: [] };
  const statement = `WITH ins AS (
       INSERT INTO bookings (${BOOKING_COLUMNS})
       SELECT ${SERIES_ROW}
       FROM (SELECT ${staffLock(31)}) AS staff_lock, ${SERIES_COLUMNS} AS r(${SERIES_NAMES})
       RETURNING *)
     SELECT ins.*, sv.name AS service_name, sv.name_wordings AS service_name_wordings, st.name AS staff_name
     FROM ins JOIN services sv ON sv.id = ins.service_id JOIN staff st ON st.id = ins.staff_id
     ORDER BY ins.start_at`;
  const params = seriesParams(rows, now);
  // A plain insert in a savepoint: ON CONFLICT DO NOTHING would probe every arbiter index (keys,
  // token hashes, the exclusion constraint) before each row, which cost a series of 12 more than
  // the savepoint's two statements. A refusal rolls the savepoint back (no row stays); the lapsed
  // holds in the way are then expired and every row is tried once more.
  const attempt = (expireFirst: boolean) =>
    sql.transaction(async (tx) => {
      if (expireFirst) for (const b of rows) await expireLapsedHolds(tx, b, now);
      return (await tx.query(statement, params)).map(toBooking);
    });
  for (const expireFirst of [false, true]) {
    try {
      return { ok: true, bookings: await attempt(expireFirst) };
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION && constraintOf(error) === 'bookings_reference_key') {
        return { ok: false, code: 'DUPLICATE_REFERENCE' };
      }
      if (sqlState(error) !== EXCLUSION_VIOLATION) throw error;
    }
  }
  return { ok: false, code: 'SLOT_UNAVAILABLE', taken: await takenRows(sql, rows, now) };
}

/** Which of the rows (indexes) an occupying booking of their member overlaps now. */
async function takenRows(sql: Sql, rows: readonly NewBooking[], now: number): Promise<number[]> {
  const found = await sql.query(
    `SELECT DISTINCT r.i FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS r(s, e, i)
     JOIN bookings b ON b.staff_id = $1 AND b.occupied && tstzrange(r.s, r.e) AND ${occupiesAt(4)}
     ORDER BY r.i`,
    [rows[0]?.staffId, rows.map((b) => iso(b.occupied.start)), rows.map((b) => iso(b.occupied.end)), iso(now)],
  );
  return found.map((r) => Number(r.i) - 1);
}
