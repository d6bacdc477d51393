/**
 * What the server driver adds over plain pg, against a real PostgreSQL: the pool keeps to its
 * size (DATABASE_POOL_SIZE), statements run as named prepared statements, and a prepared statement
 * outdated by another process's migration is prepared afresh instead of failing for good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  POSTGRES_SKIP_REASON,
  startTestPostgres,
  type TestPostgres,
  testPostgresAvailable,
} from '../../test/support/postgres.ts';
import { openDatabase } from './open-database.ts';
import { openPostgres } from './postgres.ts';

if (!testPostgresAvailable()) console.warn(POSTGRES_SKIP_REASON);

describe.skipIf(!testPostgresAvailable())('PostgreSQL driver', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = (await startTestPostgres()) as TestPostgres;
  }, 60_000);
  afterAll(() => server?.stop());

  const connectionsOf = async (url: string, tag: string) => {
    const admin = await openPostgres(url, { max: 1 });
    try {
      const [row] = await admin.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()",
        [tag],
      );
      return Number(row?.n);
    } finally {
      await admin.close();
    }
  };

  it('keeps to the pool size it was opened with (DATABASE_POOL_SIZE reaches it through openDatabase)', async () => {
    const opened = await openDatabase({ kind: 'postgres', url: server.url, poolSize: 2 });
    try {
      // Six transactions that each hold their connection until released: two run, four wait.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const running = Array.from({ length: 6 }, () =>
        opened.db.transaction(async (tx) => {
          await tx.query("SELECT 'pool-size-probe' AS tag");
          await gate;
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await connectionsOf(server.url, 'pool-size-probe')).toBe(2);
      release();
      await Promise.all(running);
    } finally {
      await opened.close();
    }
  });

  it('runs each statement text as one named prepared statement per connection', async () => {
    const db = await openPostgres(server.url, { max: 1 });
    try {
      for (let i = 0; i < 3; i++) await db.query('SELECT $1::int + 1 AS n /* prepared-probe */', [i]);
      const rows = await db.query(
        "SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%' || $1 || '%'",
        ['prepared-probe'],
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('prepares afresh when another process has added a column under a prepared SELECT *', async () => {
    const db = await openPostgres(server.url, { max: 1 });
    const other = await openPostgres(server.url, { max: 1 });
    try {
      await db.exec('CREATE TABLE stale_plan (id int PRIMARY KEY); INSERT INTO stale_plan VALUES (1)');
      const select = 'SELECT * FROM stale_plan WHERE id = $1';
      expect(await db.query(select, [1])).toEqual([{ id: 1 }]);
      await other.exec("ALTER TABLE stale_plan ADD COLUMN note text NOT NULL DEFAULT 'new'");
      // Outside a transaction the statement is simply run again, prepared afresh.
      expect(await db.query(select, [1])).toEqual([{ id: 1, note: 'new' }]);
      await other.exec('ALTER TABLE stale_plan ADD COLUMN more int');
      // Inside one, the transaction fails once; the next one succeeds.
      await expect(db.transaction((tx) => tx.query(select, [1]))).rejects.toThrow(/cached plan/);
      expect(await db.transaction((tx) => tx.query(select, [1]))).toEqual([{ id: 1, note: 'new', more: null }]);
    } finally {
      await other.exec('DROP TABLE IF EXISTS stale_plan');
      await db.close();
      await other.close();
    }
  });
});
