/**
 * The dashboard's writes to staff members, their weekly hours, days off, date-specific hours and
 * blocks (the StaffStore port). `write` runs each in a transaction that drops the cached catalogue.
 */
import type { StaffFields, StaffStore, StoredBlock, StoredDayOff } from '../app/dashboard/staff/staff-store.ts';
import type { StaffMember } from '../app/model.ts';
import { type LocalDate, type WallRange, WEEKDAYS } from '../core/index.ts';
import { columnsOf, conflictOf, deleteOrDeactivate, insertRow, isId, updateRow } from './catalog-writes.ts';
import { BLOCKS_SELECT, DATE_HOURS_SELECT, iso, STAFF_SELECT, toDayOff, toStaff } from './rows.ts';
import type { Row, Sql } from './sql.ts';

const STAFF_COLUMNS: Record<keyof StaffFields, string> = {
  key: 'key',
  name: 'name',
  email: 'email',
  timezone: 'timezone',
  slotStepMinutes: 'slot_step_minutes',
  gapMinutes: 'gap_minutes',
  minNoticeMinutes: 'min_notice_minutes',
  active: 'active',
  bio: 'bio',
};

export async function staffById(sql: Sql, id: string): Promise<StaffMember | null> {
  const [row] = await sql.query(`${STAFF_SELECT} WHERE s.id = $1`, [id]);
  if (!row) return null;
  const [hours, daysOff, links, dateHours, blocks] = await Promise.all([
    sql.query('SELECT * FROM working_hours WHERE staff_id = $1 ORDER BY start_minute', [id]),
    sql.query('SELECT * FROM days_off WHERE staff_id = $1 ORDER BY from_date, id', [id]),
    sql.query('SELECT service_id FROM staff_services WHERE staff_id = $1 ORDER BY service_id', [id]),
    sql.query(DATE_HOURS_SELECT, [[id]]),
    sql.query(BLOCKS_SELECT, [[id]]),
  ]);
  return toStaff(row, {
    hours,
    daysOff,
    serviceIds: links.map((l) => String(l.service_id)),
    dateHours,
    blocks,
  });
}

async function linkServices(sql: Sql, staffId: string, serviceIds: readonly string[]): Promise<void> {
  await sql.query('DELETE FROM staff_services WHERE staff_id = $1', [staffId]);
  await sql.query(
    'INSERT INTO staff_services (staff_id, service_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING',
    [staffId, [...new Set(serviceIds)]],
  );
}

/** Writes one date's own hours (after its old ones were deleted): the date, then its ranges. */
export async function insertDateHours(
  sql: Sql,
  staffId: string,
  date: LocalDate,
  ranges: readonly WallRange[],
): Promise<void> {
  await sql.query('INSERT INTO date_hours (staff_id, date) VALUES ($1, $2)', [staffId, date]);
  if (ranges.length === 0) return;
  await sql.query(
    `INSERT INTO date_hour_ranges (staff_id, date, start_minute, end_minute)
     SELECT $1, $2, unnest($3::int[]), unnest($4::int[])`,
    [staffId, date, ranges.map((r) => r.start), ranges.map((r) => r.end)],
  );
}

const BLOCK_COLUMNS = `id, staff_id, to_char(from_local, 'YYYY-MM-DD"T"HH24:MI') AS from_text,
  to_char(to_local, 'YYYY-MM-DD"T"HH24:MI') AS to_text, note`;

const toStoredBlock = (r: Row): StoredBlock => ({
  id: String(r.id),
  staffId: String(r.staff_id),
  from: String(r.from_text),
  to: String(r.to_text),
  note: r.note === null || r.note === undefined ? null : String(r.note),
});

const toStoredDayOff = (r: Row): StoredDayOff => ({
  id: String(r.id),
  staffId: String(r.staff_id),
  ...toDayOff(r),
  note: r.note === null || r.note === undefined ? null : String(r.note),
});

export function staffWrites(sql: Sql, write: <T>(fn: (tx: Sql) => Promise<T>) => Promise<T>): StaffStore {
  return {
    async createStaff(fields, serviceIds) {
      try {
        return await write(async (tx) => {
          const id = await insertRow(tx, 'staff', columnsOf(fields, STAFF_COLUMNS));
          await linkServices(tx, id, serviceIds);
          return { ok: true as const, value: (await staffById(tx, id)) as StaffMember };
        });
      } catch (error) {
        return conflictOf(error, 'key');
      }
    },
    async updateStaff(id, fields, serviceIds) {
      if (!isId(id)) return null;
      try {
        return await write(async (tx) => {
          if (!(await updateRow(tx, 'staff', id, columnsOf(fields, STAFF_COLUMNS)))) return null;
          if (serviceIds !== undefined) await linkServices(tx, id, serviceIds);
          return { ok: true as const, value: (await staffById(tx, id)) as StaffMember };
        });
      } catch (error) {
        return conflictOf(error, 'key');
      }
    },
    async removeStaff(id, now) {
      if (!isId(id)) return null;
      const member = await staffById(sql, id);
      if (!member) return null;
      // Booking history names members too (a booking moved away from them).
      const unused = `NOT EXISTS (SELECT 1 FROM bookings WHERE staff_id = $1)
        AND NOT EXISTS (SELECT 1 FROM booking_history WHERE from_staff_id = $1 OR to_staff_id = $1)`;
      return write((tx) =>
        deleteOrDeactivate(
          tx,
          'staff',
          id,
          unused,
          () => member,
          async () => {
            // A removed member keeps no way in: sessions end, keys and the calendar feed are revoked.
            const row = await updateRow(tx, 'staff', id, [
              ['active', false],
              ['feed_token_hash', null],
            ]);
            if (!row) return null;
            await tx.query('DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE staff_id = $1)', [id]);
            await tx.query('UPDATE api_keys SET revoked_at = $2 WHERE staff_id = $1 AND revoked_at IS NULL', [
              id,
              iso(now),
            ]);
            return staffById(tx, id);
          },
        ),
      );
    },
    async replaceWorkingHours(staffId, hours) {
      if (!isId(staffId)) return false;
      return write(async (tx) => {
        // The row lock makes two replacements of one week run one after the other.
        const [member] = await tx.query('SELECT id FROM staff WHERE id = $1 FOR UPDATE', [staffId]);
        if (!member) return false;
        await tx.query('DELETE FROM working_hours WHERE staff_id = $1', [staffId]);
        for (const [d, day] of WEEKDAYS.entries()) {
          for (const r of hours[day] ?? []) {
            await tx.query(
              'INSERT INTO working_hours (staff_id, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4)',
              [staffId, d + 1, r.start, r.end],
            );
          }
        }
        return true;
      });
    },

    async listDaysOff(staffId) {
      if (!isId(staffId)) return [];
      const rows = await sql.query('SELECT * FROM days_off WHERE staff_id = $1 ORDER BY from_date, id', [staffId]);
      return rows.map(toStoredDayOff);
    },
    async getDayOff(id) {
      if (!isId(id)) return null;
      const [row] = await sql.query('SELECT * FROM days_off WHERE id = $1', [id]);
      return row ? toStoredDayOff(row) : null;
    },
    async addDayOff(staffId, d) {
      return write(async (tx) => {
        const [row] = await tx.query(
          'INSERT INTO days_off (staff_id, from_date, to_date, note) VALUES ($1, $2, $3, $4) RETURNING *',
          [staffId, d.from, d.to, d.note],
        );
        return toStoredDayOff(row as Row);
      });
    },
    async updateDayOff(id, d) {
      if (!isId(id)) return null;
      return write(async (tx) => {
        const [row] = await tx.query(
          'UPDATE days_off SET from_date = $2, to_date = $3, note = $4 WHERE id = $1 RETURNING *',
          [id, d.from, d.to, d.note],
        );
        return row ? toStoredDayOff(row) : null;
      });
    },
    async removeDayOff(id) {
      if (!isId(id)) return null;
      return write(async (tx) => {
        const [row] = await tx.query('DELETE FROM days_off WHERE id = $1 RETURNING *', [id]);
        return row ? toStoredDayOff(row) : null;
      });
    },

    async replaceDateHours(staffId, dateHours) {
      if (!isId(staffId)) return false;
      return write(async (tx) => {
        // The row lock makes two replacements for one member run one after the other.
        const [member] = await tx.query('SELECT id FROM staff WHERE id = $1 FOR UPDATE', [staffId]);
        if (!member) return false;
        await tx.query('DELETE FROM date_hours WHERE staff_id = $1', [staffId]);
        for (const [date, ranges] of Object.entries(dateHours)) await insertDateHours(tx, staffId, date, ranges);
        return true;
      });
    },
    async setDateHours(staffId, date, ranges) {
      if (!isId(staffId)) return false;
      return write(async (tx) => {
        const [member] = await tx.query('SELECT id FROM staff WHERE id = $1 FOR UPDATE', [staffId]);
        if (!member) return false;
        await tx.query('DELETE FROM date_hours WHERE staff_id = $1 AND date = $2', [staffId, date]);
        if (ranges !== null) await insertDateHours(tx, staffId, date, ranges);
        return true;
      });
    },

    async listBlocks(staffId) {
      if (!isId(staffId)) return [];
      const rows = await sql.query(
        `SELECT ${BLOCK_COLUMNS} FROM time_blocks WHERE staff_id = $1 ORDER BY from_local, id`,
        [staffId],
      );
      return rows.map(toStoredBlock);
    },
    async getBlock(id) {
      if (!isId(id)) return null;
      const [row] = await sql.query(`SELECT ${BLOCK_COLUMNS} FROM time_blocks WHERE id = $1`, [id]);
      return row ? toStoredBlock(row) : null;
    },
    async addBlock(staffId, b) {
      if (!isId(staffId)) return null;
      return write(async (tx) => {
        const [row] = await tx.query(
          `INSERT INTO time_blocks (staff_id, from_local, to_local, note)
           SELECT id, $2::timestamp, $3::timestamp, $4 FROM staff WHERE id = $1 RETURNING ${BLOCK_COLUMNS}`,
          [staffId, b.from, b.to, b.note],
        );
        return row ? toStoredBlock(row) : null;
      });
    },
    async updateBlock(id, b) {
      if (!isId(id)) return null;
      return write(async (tx) => {
        const [row] = await tx.query(
          `UPDATE time_blocks SET from_local = $2::timestamp, to_local = $3::timestamp, note = $4
           WHERE id = $1 RETURNING ${BLOCK_COLUMNS}`,
          [id, b.from, b.to, b.note],
        );
        return row ? toStoredBlock(row) : null;
      });
    },
    async removeBlock(id) {
      if (!isId(id)) return null;
      return write(async (tx) => {
        const [row] = await tx.query(`DELETE FROM time_blocks WHERE id = $1 RETURNING ${BLOCK_COLUMNS}`, [id]);
        return row ? toStoredBlock(row) : null;
      });
    },
  };
}
