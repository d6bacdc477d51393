/**
 * External busy calendars in SQL (the CalendarStore port, SPEC §8.3): the subscriptions, the
 * record of each fetch, the last good copy as rows read like bookings, and the poll's sweep.
 * A good copy is replaced whole in one transaction, so a reader sees the old copy or the new one.
 */
import type { CalendarStore, FetchRecord, StaffCalendar } from '../app/dashboard/calendars/calendar-store.ts';
import type { ExternalBusy, Interval, LocalDate } from '../core/index.ts';
import { merge } from '../core/index.ts';
import { isId } from './catalog-writes.ts';
import type { ExternalRows } from './read-cache.ts';
import { iso, ms, optIso, optMs } from './rows.ts';
import type { Row, Sql } from './sql.ts';

const COLUMNS = `id, staff_id, url, label, created_at, next_fetch_at, last_attempt_at, last_success_at,
  last_error, events`;

function toCalendar(r: Row): StaffCalendar {
  return {
    id: String(r.id),
    staffId: String(r.staff_id),
    url: String(r.url),
    label: String(r.label),
    createdAt: ms(r.created_at),
    nextFetchAt: optMs(r.next_fetch_at),
    lastAttemptAt: optMs(r.last_attempt_at),
    lastSuccessAt: optMs(r.last_success_at),
    lastError: r.last_error === null || r.last_error === undefined ? null : String(r.last_error),
    events: Number(r.events),
  };
}

/** `invalidate(staffId)` drops a member's cached calendar busy time after a change (read-cache.ts). */
export function calendarStore(sql: Sql, invalidate: (staffId: string) => void): CalendarStore {
  const one = async (id: string) => {
    const [row] = await sql.query(`SELECT ${COLUMNS} FROM staff_calendars WHERE id = $1`, [id]);
    return row ? toCalendar(row) : null;
  };
  return {
    async listCalendars(staffId) {
      if (!isId(staffId)) return [];
      const rows = await sql.query(`SELECT ${COLUMNS} FROM staff_calendars WHERE staff_id = $1 ORDER BY id`, [staffId]);
      return rows.map(toCalendar);
    },
    getCalendar: (id) => (isId(id) ? one(id) : Promise.resolve(null)),
    async addCalendar(staffId, fields, now, nextFetchAt) {
      if (!isId(staffId)) return null;
      const [row] = await sql.query(
        `INSERT INTO staff_calendars (staff_id, url, label, created_at, next_fetch_at)
         SELECT id, $2, $3, $4, $5 FROM staff WHERE id = $1 RETURNING ${COLUMNS}`,
        [staffId, fields.url, fields.label, iso(now), optIso(nextFetchAt)],
      );
      return row ? toCalendar(row) : null;
    },
    async updateCalendar(id, fields, nextFetchAt) {
      if (!isId(id)) return null;
      return sql.transaction(async (tx) => {
        const [before] = await tx.query('SELECT url, staff_id FROM staff_calendars WHERE id = $1 FOR UPDATE', [id]);
        if (!before) return null;
        const newUrl = fields.url !== undefined && fields.url !== String(before.url);
        if (newUrl) {
          // The copy belongs to the old address: gone with it, and the new one is fetched afresh.
          await tx.query('DELETE FROM calendar_busy WHERE calendar_id = $1', [id]);
          await tx.query('DELETE FROM calendar_dates WHERE calendar_id = $1', [id]);
          invalidate(String(before.staff_id));
        }
        const [row] = await tx.query(
          `UPDATE staff_calendars SET url = COALESCE($2, url), label = COALESCE($3, label),
             next_fetch_at = CASE WHEN $4 THEN $5::timestamptz ELSE next_fetch_at END,
             fetch_started_at = CASE WHEN $4 THEN NULL ELSE fetch_started_at END,
             last_attempt_at = CASE WHEN $4 THEN NULL ELSE last_attempt_at END,
             last_success_at = CASE WHEN $4 THEN NULL ELSE last_success_at END,
             last_error = CASE WHEN $4 THEN NULL ELSE last_error END,
             events = CASE WHEN $4 THEN 0 ELSE events END
           WHERE id = $1 RETURNING ${COLUMNS}`,
          [id, fields.url ?? null, fields.label ?? null, newUrl, optIso(nextFetchAt)],
        );
        return row ? toCalendar(row) : null;
      });
    },
    async removeCalendar(id) {
      if (!isId(id)) return null;
      const [row] = await sql.query(`DELETE FROM staff_calendars WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
      if (!row) return null;
      invalidate(String(row.staff_id));
      return toCalendar(row);
    },
    async recordCalendarFetch(id, record) {
      if (!isId(id)) return null;
      const recorded = await sql.transaction((tx) => writeFetch(tx, id, record));
      if (recorded) invalidate(recorded.staffId);
      return recorded;
    },
  };
}

/** The compare-and-set of one fetch's outcome, then (on success) the copy replaced whole. */
async function writeFetch(tx: Sql, id: string, record: FetchRecord): Promise<StaffCalendar | null> {
  const { outcome } = record;
  const [row] = await tx.query(
    `UPDATE staff_calendars SET fetch_started_at = $3, last_attempt_at = $4,
       last_success_at = CASE WHEN $5 THEN $4::timestamptz ELSE last_success_at END,
       last_error = $6, events = CASE WHEN $5 THEN $7 ELSE events END
     WHERE id = $1 AND url = $2 AND (fetch_started_at IS NULL OR fetch_started_at <= $3)
     RETURNING ${COLUMNS}`,
    [
      id,
      record.url,
      iso(record.startedAt),
      iso(record.endedAt),
      outcome.ok,
      outcome.ok ? null : outcome.error.slice(0, 500),
      outcome.ok ? outcome.busy.length + outcome.dates.length : 0,
    ],
  );
  if (!row) return null;
  if (outcome.ok) {
    await tx.query('DELETE FROM calendar_busy WHERE calendar_id = $1', [id]);
    await tx.query('DELETE FROM calendar_dates WHERE calendar_id = $1', [id]);
    if (outcome.busy.length > 0) {
      await tx.query(
        `INSERT INTO calendar_busy (calendar_id, staff_id, span)
         SELECT $1, $2, tstzrange(s, e) FROM unnest($3::timestamptz[], $4::timestamptz[]) AS t(s, e)`,
        [id, row.staff_id, outcome.busy.map((i) => iso(i.start)), outcome.busy.map((i) => iso(i.end))],
      );
    }
    if (outcome.dates.length > 0) {
      await tx.query(
        `INSERT INTO calendar_dates (calendar_id, staff_id, date)
         SELECT $1, $2, d FROM unnest($3::date[]) AS t(d) ON CONFLICT DO NOTHING`,
        [id, row.staff_id, [...outcome.dates]],
      );
    }
  }
  return toCalendar(row);
}

/** Every stored external interval of these members ending after `floor` (merged), and every date from `fromDate`. */
export async function loadExternal(
  sql: Sql,
  staffIds: readonly string[],
  floor: number,
  fromDate: LocalDate,
  window: Interval | null = null,
  toDate: LocalDate | null = null,
): Promise<Map<string, ExternalRows>> {
  const out = new Map<string, { intervals: Interval[]; dates: LocalDate[] }>(
    staffIds.map((id) => [id, { intervals: [], dates: [] }]),
  );
  if (staffIds.length === 0) return out;
  const [spans, dates] = await Promise.all([
    sql.query(
      `SELECT staff_id, lower(span) AS s, upper(span) AS e FROM calendar_busy
       WHERE staff_id = ANY($1::bigint[]) AND span && tstzrange($2::timestamptz, $3::timestamptz)
       ORDER BY lower(span)`,
      [staffIds, iso(Math.max(floor, window?.start ?? floor)), window ? iso(window.end) : null],
    ),
    sql.query(
      `SELECT DISTINCT staff_id, to_char(date, 'YYYY-MM-DD') AS d FROM calendar_dates
       WHERE staff_id = ANY($1::bigint[]) AND date >= $2::date AND ($3::date IS NULL OR date <= $3::date)
       ORDER BY d`,
      [staffIds, fromDate, toDate],
    ),
  ]);
  for (const r of spans) out.get(String(r.staff_id))?.intervals.push({ start: ms(r.s), end: ms(r.e) });
  for (const r of dates) out.get(String(r.staff_id))?.dates.push(String(r.d));
  // Several calendars may overlap: merged, the list is one sorted, disjoint list (busy.ts reads it so).
  for (const entry of out.values()) entry.intervals = merge(entry.intervals);
  return out;
}

/** listExternalBusy without a cache: exactly the window and the dates asked. */
export async function listExternalBusy(
  sql: Sql,
  staffIds: readonly string[],
  window: Interval,
  dates: { readonly from: LocalDate; readonly to: LocalDate },
): Promise<Map<string, ExternalBusy>> {
  return loadExternal(sql, staffIds, window.start, dates.from, window, dates.to);
}

/**
 * The poll's sweep: calendars due become `calendar.refresh` jobs, in one statement (a compare-and-
 * set with SKIP LOCKED, as the reminders' sweep): with several processes each is queued once.
 */
export async function queueDueCalendars(sql: Sql, now: number, limit: number, everyMs: number | null): Promise<number> {
  const rows = await sql.query(
    `WITH due AS (
       UPDATE staff_calendars SET next_fetch_at = $3
       WHERE id IN (SELECT id FROM staff_calendars WHERE next_fetch_at <= $1 ORDER BY next_fetch_at, id
                    LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id
     )
     INSERT INTO jobs (kind, payload, run_at, created_at, max_attempts)
     SELECT 'calendar.refresh', jsonb_build_object('calendarId', id::text), $1, $1, 3 FROM due ORDER BY id
     RETURNING id`,
    [iso(now), limit, everyMs === null ? null : iso(now + everyMs)],
  );
  return rows.length;
}
