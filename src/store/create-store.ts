/** The Store port over any Sql driver: every method is plain PostgreSQL shared by all drivers. */
import type { Store } from '../app/ports.ts';
import * as bookings from './bookings.ts';
import * as catalog from './catalog.ts';
import * as idempotency from './idempotency.ts';
import { applySetup } from './setup.ts';
import type { Sql } from './sql.ts';

export function createStore(sql: Sql): Store {
  const store: Store = {
    transaction: (fn) => sql.transaction((tx) => fn(createStore(tx))),
    getBusiness: () => catalog.getBusiness(sql),
    listServices: (opts) => catalog.listServices(sql, opts?.activeOnly ?? false),
    findService: (idOrSlug) => catalog.findService(sql, idOrSlug),
    listStaffForService: (serviceId) => catalog.loadStaff(sql, { serviceId, activeOnly: true }),
    listStaff: () => catalog.loadStaff(sql),
    listBusy: (ids, window, now) => bookings.listBusy(sql, ids, window, now),
    countBookings: (ids, window, now) => bookings.countBookings(sql, ids, window, now),
    async findClientId(email) {
      const [row] = await sql.query('SELECT id FROM clients WHERE lower(email) = lower($1)', [email]);
      return row ? String(row.id) : null;
    },
    async upsertClient(c) {
      const [row] = await sql.query(
        `INSERT INTO clients (email, name, phone, address) VALUES ($1, $2, $3, $4)
         ON CONFLICT ((lower(email))) DO UPDATE SET name = EXCLUDED.name,
           phone = COALESCE(EXCLUDED.phone, clients.phone), address = COALESCE(EXCLUDED.address, clients.address),
           updated_at = now()
         RETURNING id`,
        [c.email, c.name, c.phone, c.address],
      );
      return String(row?.id);
    },
    insertBooking: (b, now) => bookings.insertBooking(sql, b, now),
    getBooking: (id) => bookings.getBooking(sql, id),
    claimIdempotencyKey: (key, hash, now) => idempotency.claimIdempotencyKey(sql, key, hash, now),
    saveIdempotentResponse: (key, status, body, sealed) =>
      idempotency.saveIdempotentResponse(sql, key, status, body, sealed),
    releaseIdempotencyKey: (key) => idempotency.releaseIdempotencyKey(sql, key),
    applySetup: (setup, hash) => applySetup(sql, setup, hash),
    async isEmpty() {
      const [row] = await sql.query('SELECT NOT EXISTS (SELECT 1 FROM services) AS empty');
      return Boolean(row?.empty);
    },
  };
  return store;
}
