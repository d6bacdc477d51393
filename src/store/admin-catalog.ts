/** admin-catalog in SQL (the AdminCatalogStore port). */
import type { AdminCatalogStore } from '../app/dashboard/admin-catalog-store.ts';
import type { ReadCache } from './read-cache.ts';
import type { Sql } from './sql.ts';

/** `invalidate` drops cached reads after a write (and again once the transaction has ended). */
export function adminCatalogStore(
  _sql: Sql,
  _cache: ReadCache | undefined,
  _invalidate: (fn: () => void) => void,
): AdminCatalogStore {
  return {};
}
