/**
 * Applies the numbered .sql files of ./migrations in order, each once, each in a transaction.
 * An advisory lock makes concurrent starters (several server processes) migrate exactly once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SRC } from '../source-root.ts';
import type { Sql } from './sql.ts';

const DIR = fileURLToPath(new URL('store/migrations/', SRC));
const LOCK_KEY = 7_413_205_911; // arbitrary, constant: "slotwise migrations"

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The migrations shipped with this version, in order. */
export function bundledMigrations(): Migration[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(DIR + f, 'utf8') }));
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(db: Sql, migrations: readonly Migration[] = bundledMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    // Under the lock: two first starters racing on CREATE TABLE IF NOT EXISTS can both try to create it.
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.name);
    }
    return applied;
  });
}

/** Whether every bundled migration has been applied (for readiness checks). */
export async function pendingMigrations(
  db: Sql,
  migrations: readonly Migration[] = bundledMigrations(),
): Promise<string[]> {
  const rows = await db
    .query<{ version: number }>('SELECT version FROM schema_migrations')
    .catch(() => [] as { version: number }[]);
  const done = new Set(rows.map((r) => r.version));
  return migrations.filter((m) => !done.has(m.version)).map((m) => m.name);
}
