/** admin-bookings in SQL (the AdminBookingStore port). */
import type { AdminBookingStore } from '../app/dashboard/admin-booking-store.ts';
import type { ReadCache } from './read-cache.ts';
import type { Sql } from './sql.ts';

/** `invalidate` drops cached reads after a write (and again once the transaction has ended). */
export function adminBookingStore(
  _sql: Sql,
  _cache: ReadCache | undefined,
  _invalidate: (fn: () => void) => void,
): AdminBookingStore {
  return {};
}
