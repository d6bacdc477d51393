/** Reads of the business, its services and its staff. */
import type { Business, Service, StaffMember } from '../app/model.ts';
import {
  BLOCKS_SELECT,
  DATE_HOURS_SELECT,
  SERVICE_SELECT,
  STAFF_SELECT,
  toBusiness,
  toService,
  toStaff,
} from './rows.ts';
import type { Row, Sql } from './sql.ts';

export async function getBusiness(sql: Sql): Promise<Business> {
  const [row] = await sql.query('SELECT * FROM business WHERE id = 1');
  if (!row) throw new Error('business row missing: migrations not applied');
  return toBusiness(row);
}

export async function listServices(sql: Sql, activeOnly: boolean): Promise<Service[]> {
  const rows = await sql.query(`${SERVICE_SELECT} ${activeOnly ? 'WHERE s.active' : ''} ORDER BY s.name, s.id`);
  return rows.map(toService);
}

/** What the services.slug CHECK allows: other text names no service (and "\0" would fail the query). */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function findService(sql: Sql, idOrSlug: string): Promise<Service | null> {
  // A slug may be all digits ("2027"): an id wins, else the text is still tried as a slug.
  const [byId] = /^\d{1,18}$/.test(idOrSlug) ? await sql.query(`${SERVICE_SELECT} WHERE s.id = $1`, [idOrSlug]) : [];
  if (!byId && !SLUG.test(idOrSlug)) return null;
  const [row] = byId ? [byId] : await sql.query(`${SERVICE_SELECT} WHERE s.slug = $1`, [idOrSlug]);
  return row ? toService(row) : null;
}

/** Staff with their hours, days off, date hours, blocks and services, optionally only those offering a service. */
export async function loadStaff(
  sql: Sql,
  opts: { serviceId?: string; activeOnly?: boolean } = {},
): Promise<StaffMember[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (opts.activeOnly) where.push('s.active');
  if (opts.serviceId !== undefined) {
    params.push(opts.serviceId);
    where.push(
      `EXISTS (SELECT 1 FROM staff_services ss WHERE ss.staff_id = s.id AND ss.service_id = $${params.length})`,
    );
  }
  const staffRows = await sql.query(
    `${STAFF_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.id`,
    params,
  );
  if (staffRows.length === 0) return [];
  const ids = staffRows.map((r) => String(r.id));
  const [hours, daysOff, links, dateHours, blocks] = await Promise.all([
    sql.query('SELECT * FROM working_hours WHERE staff_id = ANY($1::bigint[]) ORDER BY start_minute', [ids]),
    sql.query('SELECT * FROM days_off WHERE staff_id = ANY($1::bigint[]) ORDER BY from_date', [ids]),
    sql.query(
      'SELECT staff_id, service_id FROM staff_services WHERE staff_id = ANY($1::bigint[]) ORDER BY service_id',
      [ids],
    ),
    sql.query(DATE_HOURS_SELECT, [ids]),
    sql.query(BLOCKS_SELECT, [ids]),
  ]);
  const byStaff = (rows: Row[], id: string) => rows.filter((r) => String(r.staff_id) === id);
  return staffRows.map((r) => {
    const id = String(r.id);
    return toStaff(r, {
      hours: byStaff(hours, id),
      daysOff: byStaff(daysOff, id),
      serviceIds: byStaff(links, id).map((l) => String(l.service_id)),
      dateHours: byStaff(dateHours, id),
      blocks: byStaff(blocks, id),
    });
  });
}
