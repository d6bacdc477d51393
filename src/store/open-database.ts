/**
 * Opens the configured database and brings its schema up to date: embedded PGlite in a data
 * directory (locked to this process) or in memory, or a PostgreSQL server (DATABASE_URL), which
 * several processes may share — migrate() takes an advisory lock, so concurrent starters migrate once.
 */
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Database } from './sql.ts';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  /** `from`: a tar of a data directory to start with instead of an empty one (the tests' migrated template). */
  | { kind: 'memory'; from?: Blob }
  | { kind: 'postgres'; url: string; poolSize?: number };

export interface OpenedDatabase {
  readonly db: Database;
  readonly migrationsApplied: string[];
  close(): Promise<void>;
}

function openDriver(target: DatabaseTarget): Promise<Database> {
  switch (target.kind) {
    case 'pglite':
      return openPglite(join(target.dataDir, 'pg'));
    case 'memory':
      return openPglite(undefined, target.from ? { loadDataDir: target.from } : {});
    case 'postgres':
      return openPostgres(target.url, target.poolSize === undefined ? {} : { max: target.poolSize });
    default: {
      const unknown: never = target;
      throw new Error(`unknown database target ${JSON.stringify(unknown)}`);
    }
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  const release = target.kind === 'pglite' ? lockDataDir(target.dataDir) : () => {};
  let db: Database | undefined;
  try {
    db = await openDriver(target);
    const migrationsApplied = await migrate(db);
    const opened = db;
    return {
      db: opened,
      migrationsApplied,
      async close() {
        try {
          await opened.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    // A pool left open would keep the process alive; PGlite's files stay locked until closed.
    await db?.close().catch(() => {});
    release();
    throw error;
  }
}
