/**
 * The embedded database's autovacuum (pglite-autovacuum.ts, decision 049): PostgreSQL's rule for
 * which tables are due, read with each table's own storage parameters, and the driver vacuuming
 * them after enough writes, with no fsync of its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fromMemoryTemplate } from '../../test/support/templates.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { createAutovacuum, DUE_TABLES, FLUSH_STATISTICS } from './pglite-autovacuum.ts';
import type { Database } from './sql.ts';

let db: Database | undefined;
/** A PGlite from the migrated template, checking for due tables every `vacuumCheckEvery` writes (0: never). */
const openFromTemplate = (vacuumCheckEvery: number) =>
  openPglite(undefined, { vacuumCheckEvery, ...fromMemoryTemplate() });
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function due(d: Database): Promise<string[]> {
  await d.query(FLUSH_STATISTICS);
  return (await d.query(DUE_TABLES)).map((r) => String(r.name));
}

/**
 * Tables (id, n) of `rows` rows each, with their storage parameters; by exec, which the driver
 * does not count as writes.
 */
async function createTables(d: Database, rows: number, tables: Record<string, string>): Promise<void> {
  for (const [name, options] of Object.entries(tables)) {
    await d.exec(`CREATE TABLE ${name} (id int PRIMARY KEY, n int)${options ? ` WITH (${options})` : ''}`);
    await d.exec(`INSERT INTO ${name} SELECT g, 0 FROM generate_series(1, ${rows}) g`);
  }
}

/** A VACUUM that counts what was written before it, as the driver's does: statistics flushed first. */
async function vacuum(d: Database, tables: string): Promise<void> {
  await d.query(FLUSH_STATISTICS);
  await d.exec(`VACUUM ${tables}`);
}

async function vacuumCount(d: Database, table: string): Promise<number> {
  await d.query(FLUSH_STATISTICS);
  const [row] = await d.query('SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = $1', [table]);
  return Number(row?.vacuum_count);
}

describe('createAutovacuum', () => {
  it.each([
    {
      every: 3,
      texts: ['UPDATE t SET a = 1', 'INSERT INTO t VALUES (1)', 'WITH x AS (DELETE FROM t) SELECT 1'],
      checks: [false, false, true],
    },
    {
      every: 2,
      texts: ['SELECT 1', ' select 2', 'SHOW x', 'BEGIN', 'COMMIT', 'ROLLBACK'],
      checks: [false, false, false, false, false, false],
    },
    {
      every: 2,
      texts: ['DELETE FROM t', 'SELECT 1', 'DELETE FROM t', 'DELETE FROM t', 'DELETE FROM t'],
      checks: [false, false, true, false, true],
    },
    { every: 0, texts: ['DELETE FROM t', 'DELETE FROM t'], checks: [false, false] },
  ])('every $every writes: $texts', ({ every, texts, checks }) => {
    const autovacuum = createAutovacuum(every);
    expect(texts.map((t) => autovacuum.wrote(t))).toEqual(checks);
  });
});

describe('DUE_TABLES', () => {
  it("picks a table by PostgreSQL's rule, with the table's own settings", async () => {
    db = await openFromTemplate(0);
    await createTables(db, 100, {
      queue: 'autovacuum_vacuum_threshold = 10, autovacuum_vacuum_scale_factor = 0',
      plain: '',
      off: 'autovacuum_enabled = false, autovacuum_vacuum_threshold = 0',
    });
    await vacuum(db, 'queue, plain, off');
    expect(await due(db)).toEqual([]);
    // 10 dead rows: at queue's threshold, not above it.
    await db.query('UPDATE queue SET n = 1 WHERE id <= 10');
    await db.query('UPDATE plain SET n = 1 WHERE id <= 60');
    await db.query('UPDATE off SET n = 1');
    expect(await due(db)).toEqual([]);
    await db.query('UPDATE queue SET n = 1 WHERE id = 11');
    expect(await due(db)).toEqual(['public.queue']);
    // plain: PostgreSQL's defaults, 50 + 0.2 × 100 rows = 70 dead rows.
    await db.query('UPDATE plain SET n = 2 WHERE id <= 11');
    expect(await due(db)).toEqual(['public.plain', 'public.queue']);
  });

  it('picks a table that only grew, past the insert threshold', async () => {
    db = await openFromTemplate(0);
    await db.exec('CREATE TABLE log (id int)');
    await vacuum(db, 'log');
    await db.query('INSERT INTO log SELECT generate_series(1, 1000)');
    expect(await due(db)).toEqual([]);
    await db.query('INSERT INTO log VALUES (0)');
    expect(await due(db)).toEqual(['public.log']);
  });

  it('the job queue and the rate-limit counters are due after 200 dead rows, whatever their size', async () => {
    db = await openFromTemplate(0);
    await migrate(db);
    await db.query(
      `INSERT INTO jobs (kind, payload, run_at, created_at) SELECT 'x', '{}', now(), now() FROM generate_series(1, 5000)`,
    );
    await vacuum(db, 'jobs');
    await db.query('UPDATE jobs SET attempts = 1 WHERE id IN (SELECT id FROM jobs ORDER BY id LIMIT 200)');
    expect(await due(db)).not.toContain('public.jobs');
    await db.query('UPDATE jobs SET attempts = 2 WHERE id IN (SELECT id FROM jobs ORDER BY id LIMIT 1)');
    expect(await due(db)).toContain('public.jobs');
    const [row] = await db.query("SELECT reloptions FROM pg_class WHERE relname = 'rate_limits'");
    expect(row?.reloptions).toEqual(['autovacuum_vacuum_threshold=200', 'autovacuum_vacuum_scale_factor=0']);
  });
});

describe('the PGlite driver', () => {
  it('vacuums the due tables after every so many writes, and only those', async () => {
    db = await openFromTemplate(25);
    await createTables(db, 10, {
      queue: 'autovacuum_vacuum_threshold = 5, autovacuum_vacuum_scale_factor = 0',
      calm: '',
    });
    for (let i = 0; i < 24; i++) await db.query('UPDATE queue SET n = n + 1 WHERE id = $1', [1 + (i % 10)]);
    expect(await vacuumCount(db, 'queue')).toBe(0);
    await db.query('UPDATE calm SET n = 1 WHERE id = $1', [1]); // the 25th write
    await db.query('SELECT 1'); // runs after the vacuum queued behind the 25th
    expect(await vacuumCount(db, 'queue')).toBe(1);
    expect(await vacuumCount(db, 'calm')).toBe(0);
    const [dead] = await db.query(`SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'queue'`);
    expect(Number(dead?.n_dead_tup)).toBe(0);
  });

  it('vacuums nothing when the check is off', async () => {
    db = await openFromTemplate(0);
    await createTables(db, 1, { queue: 'autovacuum_vacuum_threshold = 1, autovacuum_vacuum_scale_factor = 0' });
    for (let i = 0; i < 30; i++) await db.query('UPDATE queue SET n = n + 1');
    expect(await vacuumCount(db, 'queue')).toBe(0);
  });
});
