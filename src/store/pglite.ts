/**
 * The embedded driver: PGlite (PostgreSQL compiled to WebAssembly, in-process), with btree_gist
 * for the exclusion constraints. One process owns a data directory (data-dir-lock.ts).
 */
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { type Database, type Row, type Sql, withSavepoints } from './sql.ts';

/** Opens (creating if needed) a PGlite database; `dataDir` undefined = in memory. */
export async function openPglite(dataDir?: string): Promise<Database> {
  const db = await PGlite.create(dataDir ?? 'memory://', {
    extensions: { btree_gist },
    // PostgreSQL's default 128 MB of shared buffers is sized for a server; an embedded booking
    // database is a few MB, and the buffers count fully against the process's memory.
    postgresqlconf: ['shared_buffers = 16MB'],
  });
  const run = async (text: string, params?: readonly unknown[]) =>
    (await db.query<Row>(text, params ? [...params] : undefined)).rows;
  return {
    driver: 'pglite',
    query: async <T extends Row>(text: string, params?: readonly unknown[]) => (await run(text, params)) as T[],
    exec: async (text: string) => {
      await db.exec(text);
    },
    transaction: <T>(fn: (tx: Sql) => Promise<T>) =>
      db.transaction(async (tx) => {
        const inner = withSavepoints(
          async (text, params) => (await tx.query<Row>(text, params ? [...params] : undefined)).rows,
          async (text) => {
            await tx.exec(text);
          },
        );
        return fn(inner);
      }),
    close: () => db.close(),
  };
}
