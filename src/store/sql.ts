/**
 * The one SQL interface every driver implements (PGlite embedded, node-postgres later), so all
 * store code is written once in plain PostgreSQL. Rows come back untyped; the store maps them.
 */

export type Row = Record<string, unknown>;

export interface Sql {
  /** One statement with $1-style parameters. */
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `fn` in a transaction; inside one, nests as a savepoint. Rolls back when `fn` throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

export interface Database extends Sql {
  readonly driver: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * The embedded database only: a consistent copy of its whole data directory, as PGlite's
   * gzip-compressed tar (backup.ts). A PostgreSQL server is backed up with pg_dump instead.
   */
  snapshot?(): Promise<Blob>;
}

/** PostgreSQL's SQLSTATE of a driver error, if any. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** The constraint a driver error names, if any. */
export function constraintOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'constraint' in error) {
    const c = (error as { constraint: unknown }).constraint;
    return typeof c === 'string' ? c : undefined;
  }
  return undefined;
}

/**
 * The first CTE of a statement whose own transaction commits without waiting for the disk:
 * synchronous_commit is set for it alone and read at its commit (decisions 017, 038). The
 * statement must refer to `durability` so that the CTE runs. The embedded driver recognises it
 * (pglite.ts commitsAsItIs).
 */
export const NO_DISK_WAIT = `durability AS (SELECT set_config('synchronous_commit', 'off', true) AS value)`;

/** exclusion_violation: the no-overlap constraint refused a row. */
export const EXCLUSION_VIOLATION = '23P01';
export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';

/** What a savepoint's rollback tells the transaction's statements (inFlight): the failures since its start are undone. */
export interface Forgiving {
  mark(): number;
  forgive(mark: number): void;
}

/** Wraps a transaction-scoped client so nested transaction() calls become savepoints. */
export function withSavepoints(
  run: (text: string, params?: readonly unknown[]) => Promise<Row[]>,
  execText: (text: string) => Promise<void>,
  failures?: Forgiving,
): Sql {
  let depth = 0;
  const sql: Sql = {
    query: async <T extends Row>(text: string, params?: readonly unknown[]) => (await run(text, params)) as T[],
    exec: execText,
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const name = `sp_${++depth}`;
      const mark = failures?.mark() ?? 0;
      await execText(`SAVEPOINT ${name}`);
      try {
        const result = await fn(sql);
        await execText(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await execText(`ROLLBACK TO SAVEPOINT ${name}`);
        failures?.forgive(mark);
        throw error;
      } finally {
        depth--;
      }
    },
  };
  return sql;
}

/**
 * The statements a transaction issued and has not seen answered. A use case may leave its last
 * writes unawaited (app/book-once.ts): they are still the transaction's, so the driver waits for
 * them — the server driver sends COMMIT behind them without waiting first, in the same round trip
 * (decision 040) — and a failure among them fails the transaction and rolls it back.
 *
 * A failure already answered counts too, even when its caller caught it (a store method that
 * turns a refused row into `false`, decision 043): PostgreSQL has aborted the transaction, whose
 * COMMIT would only roll back. Only a savepoint's rollback (withSavepoints) undoes the failures
 * since its start. A statement must be issued before fn returns; one issued later is refused.
 */
export function inFlight(run: (text: string, params?: readonly unknown[]) => Promise<Row[]>) {
  const pending = new Set<Promise<Row[]>>();
  let failures: { readonly at: number; readonly error: unknown }[] = [];
  let issued = 0;
  let ended = false;
  return {
    run(text: string, params?: readonly unknown[]): Promise<Row[]> {
      // A statement issued once fn has returned (a chain of unawaited writes, a transaction object
      // kept past its end) would run after COMMIT, outside the transaction, or on a connection
      // handed back to the pool: it is refused instead, loudly.
      if (ended) return Promise.reject(new Error('a statement was issued after its transaction ended'));
      const at = issued++;
      const p = run(text, params);
      pending.add(p);
      p.then(
        () => pending.delete(p),
        (error: unknown) => {
          pending.delete(p);
          failures.push({ at, error });
        },
      );
      return p;
    },
    mark: () => issued,
    /** fn has returned (or thrown): what it issued is all the transaction holds. */
    end() {
      ended = true;
    },
    forgive(mark: number) {
      failures = failures.filter((f) => f.at < mark);
    },
    /** Resolves when every statement issued so far was answered; rejects with the first failure. */
    async settled(): Promise<void> {
      await Promise.all([...pending]);
      const first = failures[0];
      if (first) throw first.error;
    },
  };
}
