/**
 * Opens the configured database and brings its schema up to date. Embedded PGlite in a data
 * directory (locked to this process) or in memory; PostgreSQL server mode arrives later.
 */
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import type { Database } from './sql.ts';

export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'memory' };

export interface OpenedDatabase {
  readonly db: Database;
  readonly migrationsApplied: string[];
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  const release = target.kind === 'pglite' ? lockDataDir(target.dataDir) : () => {};
  try {
    const db = await openPglite(target.kind === 'pglite' ? join(target.dataDir, 'pg') : undefined);
    const migrationsApplied = await migrate(db);
    return {
      db,
      migrationsApplied,
      async close() {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
