/**
 * What the dashboard's catalogue writes share: fields mapped to columns through fixed maps (no
 * text from a request reaches the SQL), single-row inserts and updates, the conflicts the database
 * reports, and delete-or-deactivate for rows that bookings may refer to.
 */
import type { CatalogWrite } from '../app/dashboard/catalogue/service-store.ts';
import { constraintOf, type Row, type Sql, sqlState, UNIQUE_VIOLATION } from './sql.ts';

const CHECK_VIOLATION = '23514';
const FOREIGN_KEY_VIOLATION = '23503';

/** Ids are bigint: anything else names no row (and must not reach a bigint parameter). */
export const isId = (id: string) => /^\d{1,18}$/.test(id);

/** The given fields as [column, value] pairs; only mapped keys, so no text reaches the SQL unchecked. */
export function columnsOf<T extends object>(fields: Partial<T>, map: Record<keyof T, string>): [string, unknown][] {
  return (Object.entries(fields) as [keyof T, unknown][])
    .filter(([k, v]) => v !== undefined && Object.hasOwn(map, k))
    .map(([k, v]) => [map[k], v]);
}

/** `UPDATE table SET … WHERE id = $1 RETURNING *` of the given columns (updated_at always). */
export async function updateRow(
  sql: Sql,
  table: string,
  id: string,
  cols: [string, unknown][],
): Promise<Row | undefined> {
  const sets = cols.map(([c], i) => `${c} = $${i + 2}`);
  const [row] = await sql.query(
    `UPDATE ${table} SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *`,
    [id, ...cols.map(([, v]) => v)],
  );
  return row;
}

export async function insertRow(sql: Sql, table: string, cols: [string, unknown][]): Promise<string> {
  const [row] = await sql.query(
    `INSERT INTO ${table} (${cols.map(([c]) => c).join(', ')})
     VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    cols.map(([, v]) => v),
  );
  return String(row?.id);
}

/** Turns the refusals a catalogue write can meet into a conflict; anything else is a bug. */
export function conflictOf(error: unknown, field: 'slug' | 'key'): CatalogWrite<never> {
  if (sqlState(error) === UNIQUE_VIOLATION) return { ok: false, conflict: field };
  if (sqlState(error) === CHECK_VIOLATION && constraintOf(error) === 'services_check') {
    return { ok: false, conflict: 'deposit' };
  }
  throw error;
}

/**
 * Deletes the row when nothing refers to it (`unused` is the SQL condition on $1), else runs
 * `deactivate`. A booking made between the check and the delete fails the delete on its foreign
 * key: the savepoint rolls back and the row is deactivated instead.
 */
export async function deleteOrDeactivate<T>(
  sql: Sql,
  table: string,
  id: string,
  unused: string,
  map: (r: Row) => T,
  deactivate: () => Promise<T | null>,
): Promise<{ outcome: 'deleted' | 'deactivated'; value: T } | null> {
  try {
    const [row] = await sql.transaction((tx) =>
      tx.query(`DELETE FROM ${table} WHERE id = $1 AND ${unused} RETURNING *`, [id]),
    );
    if (row) return { outcome: 'deleted', value: map(row) };
  } catch (error) {
    if (sqlState(error) !== FOREIGN_KEY_VIOLATION) throw error;
  }
  const value = await deactivate();
  return value === null ? null : { outcome: 'deactivated', value };
}
