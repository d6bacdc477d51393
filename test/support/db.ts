/**
 * A real embedded database for tests: one in-memory PGlite per test file (starting one costs
 * seconds), emptied between tests with `reset()` so every test starts from a fresh schema state.
 */
import type { Store } from '../../src/app/ports.ts';
import { createStore } from '../../src/store/create-store.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import type { Database } from '../../src/store/sql.ts';

export interface TestDatabase {
  readonly db: Database;
  readonly store: Store;
  /** Empties every table and restores the default business row. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const TABLES = [
  'idempotency_keys',
  'bookings',
  'clients',
  'days_off',
  'working_hours',
  'staff_services',
  'users',
  'staff',
  'services',
  'business',
];

export async function openTestDatabase(): Promise<TestDatabase> {
  const opened = await openDatabase({ kind: 'memory' });
  const db = opened.db;
  return {
    db,
    store: createStore(db),
    async reset() {
      await db.exec(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE; INSERT INTO business (id) VALUES (1);`);
    },
    close: () => opened.close(),
  };
}
