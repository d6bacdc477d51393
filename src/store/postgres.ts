/**
 * The server driver: node-postgres (`pg`) with a connection pool, for PostgreSQL server mode
 * (DATABASE_URL), where several processes may share one database.
 *
 * Rows come back as the store expects them from PGlite: timestamptz as Date, bytea as Buffer (a
 * Uint8Array), jsonb parsed, arrays as arrays, int8 and numeric as strings (rows.ts wraps them
 * with Number()/String()). One exception to pg's defaults: `date` stays the plain 'YYYY-MM-DD'
 * text, since pg would build a Date at local midnight and a server in a zone west of UTC would
 * shift every day off by one. That parser is set on this pool's own type registry, never on pg's
 * global one, so no other pg user in the process is affected. Errors are pg's DatabaseError, which
 * carries the SQLSTATE on `.code` and the constraint on `.constraint` (sqlState(), constraintOf()).
 */
import type pg from 'pg';
import { type Database, inFlight, type Row, type Sql, sqlState, withSavepoints } from './sql.ts';

/** Connections kept by one process unless told (DATABASE_POOL_SIZE); PostgreSQL's default max_connections (100) fits several processes. */
const DEFAULT_MAX = 10;
/** Distinct statement texts run as named prepared statements; beyond this (never reached by our fixed SQL) unnamed. */
const MAX_PREPARED = 500;

/** Opens a pool on a postgres:// URL; nothing connects until the first statement. */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database> {
  // Loaded here, not at start-up: embedded mode never needs the driver (docs/PERFORMANCE.md, lazy imports).
  const { default: pg } = await import('pg');
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.DATE, (text: string) => text);
  // Pipeline mode (pg ≥ 8.21): a statement is written as soon as it is asked for, without waiting
  // for the answers before it, which still come back in order. Statements issued together
  // (Promise.all) thus share one round trip, and a transaction's BEGIN rides with its first.
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? DEFAULT_MAX, types, pipeline: true });
  // An idle connection that dies (server restart, network) is dropped by the pool, which then
  // reports it here; without a listener that report would crash the process. The next statement
  // opens a fresh connection, and a statement on a broken one fails on its own.
  pool.on('error', () => {});

  // Each distinct statement text gets a name, so every connection parses and plans it once and
  // afterwards only binds and executes it (pg keeps the prepared statements per connection).
  const names = new Map<string, string>();
  let nextName = 0;
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED) {
      name = `sw${nextName++}`;
      names.set(text, name);
    }
    return name;
  };
  const runNamed = async (client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) =>
    (await client.query<Row>({ name: nameOf(text), text, values: params ? [...params] : [] })).rows;
  /**
   * A prepared `SELECT *` fails once its table has gained a column (another process migrated the
   * database during a rolling upgrade): the names are dropped so every text is prepared afresh
   * under a new one, and a statement outside a transaction is run again. Inside one, the
   * transaction has failed and its caller sees the error; the next try prepares afresh.
   */
  const run = async (client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[], retry = false) => {
    try {
      return await runNamed(client, text, params);
    } catch (error) {
      if (!isStalePlan(error)) throw error;
      names.clear();
      if (!retry) throw error;
      return await runNamed(client, text, params);
    }
  };

  return {
    driver: 'postgres',
    query: async <T extends Row>(text: string, params?: readonly unknown[]) =>
      (await run(pool, text, params, true)) as T[],
    // Without parameters pg uses the simple query protocol, which accepts several statements.
    exec: async (text: string) => {
      await pool.query(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A connection whose ROLLBACK failed is in an unknown state: the pool must close it.
      let broken: Error | undefined;
      // Pipeline mode: BEGIN is written now but not waited for, so it travels with the first
      // statement and costs no round trip of its own (decision 040). Each statement waits for it
      // too, so a failed BEGIN fails the transaction.
      const begun = client.query('BEGIN');
      begun.catch(() => {});
      const execText = async (text: string) => {
        await Promise.all([begun, client.query(text)]);
      };
      try {
        const statements = inFlight(async (text, params) => {
          const [, rows] = await Promise.all([begun, run(client, text, params)]);
          return rows;
        });
        const tx = withSavepoints(statements.run, execText, statements);
        let result: T;
        try {
          result = await fn(tx).finally(statements.end);
        } catch (error) {
          await execText('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          });
          throw error;
        }
        // COMMIT goes out behind statements still unanswered. When one of them fails, the server
        // has aborted the transaction and answers this COMMIT with a ROLLBACK: nothing is kept,
        // and the failure is thrown.
        const commit = client.query('COMMIT');
        commit.catch(() => {});
        await statements.settled().catch(async (error: unknown) => {
          await commit.catch((commitError: unknown) => {
            broken = commitError instanceof Error ? commitError : new Error(String(commitError));
          });
          throw error;
        });
        const [, answer] = await Promise.all([begun, commit]);
        if (answer.command !== 'COMMIT') throw new Error(`transaction ended by ${answer.command}, not COMMIT`);
        return result;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** PostgreSQL's refusal to run a prepared statement whose result columns changed under it. */
function isStalePlan(error: unknown): boolean {
  return (
    sqlState(error) === '0A000' &&
    error instanceof Error &&
    /cached plan must not change result type/.test(error.message)
  );
}
