/**
 * A real database for tests: one in-memory PGlite per test file, started from the run's migrated
 * template (templates.ts: ~0.4 s instead of ~2 s of initdb and migrations), or a PostgreSQL
 * server's database (test/support/postgres.ts), emptied between tests with `reset()` so every
 * test starts from a fresh schema state.
 */
import type { Store } from '../../src/app/ports.ts';
import { createStore } from '../../src/store/create-store.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { ReadCache } from '../../src/store/read-cache.ts';
import type { Database, Sql } from '../../src/store/sql.ts';
import { memoryTemplate } from './templates.ts';

export interface TestDatabase {
  readonly db: Database;
  readonly store: Store;
  /** Empties every table and restores the default business row. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const TABLES = [
  'booking_resources',
  'service_resources',
  'resources',
  'calendar_busy',
  'calendar_dates',
  'staff_calendars',
  'time_blocks',
  'date_hour_ranges',
  'date_hours',
  'scheduled_tasks',
  'my_bookings_links',
  'rate_limits',
  'webhook_deliveries',
  'webhooks',
  'sessions',
  'password_tokens',
  'api_keys',
  'jobs',
  'dev_mailbox',
  'verification_codes',
  'manage_tokens',
  'idempotency_keys',
  'booking_history',
  'payments',
  'waitlist_offers',
  'waitlist_entries',
  'bookings',
  'series',
  'clients',
  'days_off',
  'working_hours',
  'staff_services',
  'users',
  'staff',
  'services',
  'business',
  'images',
];

/**
 * `cache: true` gives the store the read cache production uses. Tests also write with raw SQL
 * (bypassing the store, which the cache relies on), so then every raw statement that is not a
 * plain SELECT clears the cache, as an operator's manual change would require a restart.
 */
export async function openTestDatabase(opts: { cache?: boolean } = {}): Promise<TestDatabase> {
  const opened = await openDatabase({ kind: 'memory', from: memoryTemplate() });
  const cache = opts.cache ? new ReadCache() : undefined;
  const db = cache ? clearingOnWrite(opened.db, cache) : opened.db;
  const empty = await emptyingStatement(opened.db);
  return { db, store: createStore(opened.db, cache), reset: () => db.exec(empty), close: () => opened.close() };
}

/** The same over a PostgreSQL server's database (migrated on open), without the read cache, as in server mode. */
export async function openPostgresTestDatabase(url: string): Promise<TestDatabase> {
  const opened = await openDatabase({ kind: 'postgres', url });
  return {
    db: opened.db,
    store: createStore(opened.db),
    reset: () => resetTables(opened.db),
    close: () => opened.close(),
  };
}

/**
 * The embedded database's reset, as one statement: DELETE from every table with triggers and
 * foreign keys off for the transaction (`session_replication_role = replica`), then the tables'
 * own sequences back to their start, as TRUNCATE … RESTART IDENTITY does. TRUNCATE gives every
 * table and index a new file: 30–45 ms a reset on PGlite, 87 s of the suite's test time over its
 * ~1,900 resets, where deleting a test's few rows takes a few ms. The dead rows left behind are
 * the driver's autovacuum's to clear, as in production.
 */
async function emptyingStatement(db: Sql): Promise<string> {
  const sequences = await db.query(
    `SELECT s.seqrelid::regclass::text AS name, s.seqstart AS start
     FROM pg_sequence s
     JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid AND d.deptype IN ('a', 'i')
     JOIN pg_class t ON t.oid = d.refobjid
     WHERE t.relname = ANY($1::text[])`,
    [TABLES],
  );
  const restart = sequences.map((q) => `setval('${String(q.name)}', ${Number(q.start)}, false)`);
  return `SET LOCAL session_replication_role = replica;
    ${TABLES.map((table) => `DELETE FROM ${table};`).join(' ')}
    SELECT ${restart.join(', ')};
    INSERT INTO business (id) VALUES (1);`;
}

/** A PostgreSQL server's reset: TRUNCATE, which needs no superuser (TEST_DATABASE_URL may not be one). */
async function resetTables(db: Sql): Promise<void> {
  await db.exec(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE; INSERT INTO business (id) VALUES (1);`);
}

function clearingOnWrite(db: Database, cache: ReadCache): Database {
  const wrap = (sql: Sql): Sql => ({
    async query(text, params) {
      try {
        return await sql.query(text, params);
      } finally {
        if (!/^\s*SELECT\b/i.test(text)) cache.clear();
      }
    },
    async exec(text) {
      try {
        await sql.exec(text);
      } finally {
        cache.clear();
      }
    },
    transaction: (fn) => sql.transaction((tx) => fn(wrap(tx))),
  });
  return {
    ...wrap(db),
    driver: db.driver,
    close: () => db.close(),
    ...(db.snapshot ? { snapshot: db.snapshot } : {}),
  };
}
