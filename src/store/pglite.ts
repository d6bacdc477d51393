/**
 * The embedded driver: PGlite (PostgreSQL compiled to WebAssembly, in-process), with btree_gist
 * for the exclusion constraints. One process owns a data directory (data-dir-lock.ts).
 *
 * Statements go to PGlite as one wire-protocol message each (Parse once per distinct SQL text as
 * a named prepared statement, described once, then Bind/Execute/Sync), so PostgreSQL plans each query
 * once: about 2.4× faster than PGlite's query(), which re-parses and describes every time (see
 * docs/PERFORMANCE.md). Parameters travel as text with types inferred by the server, as
 * node-postgres sends them, so the same SQL serves both drivers. This driver is the only user of
 * its PGlite instance and serialises everything itself: a transaction holds the connection from
 * BEGIN to COMMIT. Transactions that wait for it meanwhile are committed as a group with one fsync
 * (commit-group.ts, decision 038).
 *
 * Durability (docs/decisions/017-crash-durability.md): a data directory runs with PostgreSQL's
 * fsync on and a NodeFS whose fsync reaches the disk, so a COMMIT that returned survives a power
 * cut, not only a killed process. (PGlite's defaults start PostgreSQL with fsync off, and its
 * NodeFS has no fsync at all; `syncToFs` below is a no-op for NodeFS, which writes through.)
 */
import { PGlite, type PGliteOptions, parse, protocol } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { type CommitMode, createCommitGroup } from './commit-group.ts';
import { CHECK_EVERY_WRITES, createAutovacuum, DUE_TABLES, FLUSH_STATISTICS } from './pglite-autovacuum.ts';
import { type Database, inFlight, NO_DISK_WAIT, type Row, type Sql, withSavepoints } from './sql.ts';
import { installWalSync, type NodeFsOps, type WalSync } from './wal-sync.ts';

const { serialize } = protocol;
/**
 * PostgreSQL's default 128 MB of shared buffers is sized for a server; an embedded booking
 * database is a few MB, and the buffers count fully against the process's memory (PostgreSQL
 * touches them all at start). 16 MB → 8 MB saved about 10 MB resident; 4 MB saved more but was
 * not measured on the heavy set's bookings (docs/PERFORMANCE.md, decision 037).
 */
const SHARED_BUFFERS = '8MB';
/** Distinct statement texts kept prepared; beyond this (never reached by our fixed SQL) statements run unnamed. */
const MAX_PREPARED = 500;

type BackendMessage = Parameters<typeof parse.parseResults>[0][number];

/** A query parameter as PostgreSQL text input. */
export function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (Array.isArray(value)) {
    const items = value.map((v) => {
      const t = toText(v);
      return t === null ? 'NULL' : `"${t.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    });
    return `{${items.join(',')}}`;
  }
  return JSON.stringify(value);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The parts of Emscripten's file system that the fsync below touches. */
interface EmscriptenFs {
  readonly NODEFS?: NodeFsOps;
  readonly FS: { ErrnoError: new (errno: number) => Error; isDir(mode: number): boolean };
}

/**
 * PGlite's NodeFS with a real fsync. Emscripten's NODEFS hands every write() to the host file at
 * once but has no fsync operation, so PostgreSQL's fsync calls succeed without reaching the disk.
 * This one syncs the host file (directories too: NODEFS opens them on the host as well); a WAL
 * segment's sync is finished off the event loop before the statement is answered (wal-sync.ts).
 */
class DurableNodeFS extends NodeFS {
  walSync: WalSync | null = null;

  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, opts);
    const addFsync = (mod: unknown) => {
      const { NODEFS, FS } = mod as EmscriptenFs;
      if (!NODEFS?.stream_ops || !NODEFS.node_ops || !NODEFS.realPath) {
        throw new Error('PGlite no longer exposes NODEFS: cannot make commits durable');
      }
      this.walSync = installWalSync(
        NODEFS,
        (code) => new FS.ErrnoError(code),
        (mode) => FS.isDir(mode),
      );
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), addFsync] } };
  }
}

/**
 * PGlite's WebAssembly as bin/slotwise.js started compiling it while the app's modules loaded
 * (bin/pglite-preload.js); undefined when not started (tests, other entries) or when it failed:
 * PGlite then compiles its own.
 */
async function preloadedWasm(): Promise<{ pgliteWasmModule?: WebAssembly.Module }> {
  const started = (globalThis as Record<symbol, Promise<WebAssembly.Module> | undefined>)[
    Symbol.for('slotwise.pglite-wasm')
  ];
  const compiled = await started?.catch(() => undefined);
  return compiled ? { pgliteWasmModule: compiled } : {};
}

/**
 * Opens (creating if needed) a PGlite database; `dataDir` undefined = in memory. `loadDataDir`
 * fills an empty directory (or the memory one) from a tar of a data directory first: a backup
 * (backup.ts), or the tests' migrated template (test/support/templates.ts), which skips initdb.
 */
export async function openPglite(
  dataDir?: string,
  opts: { loadDataDir?: Blob; vacuumCheckEvery?: number } = {},
): Promise<Database> {
  const options: PGliteOptions = {
    extensions: { btree_gist },
    postgresqlconf: [`shared_buffers = ${SHARED_BUFFERS}`],
  };
  const load = { ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}), ...(await preloadedWasm()) };
  const durable = dataDir === undefined ? null : new DurableNodeFS(dataDir);
  const db =
    durable === null
      ? await PGlite.create('memory://', { ...options, ...load }) // nothing to sync: PGlite's defaults (fsync off)
      : await PGlite.create({
          ...options,
          fs: durable,
          ...load,
          // PGlite starts PostgreSQL with -F (fsync off); without it, a COMMIT waits for its WAL
          // to be synced. fdatasync is a no-op in Emscripten, fsync is the call NodeFS now honours.
          startParams: PGlite.defaultStartParams.filter((param) => param !== '-F'),
          postgresqlconf: [`shared_buffers = ${SHARED_BUFFERS}`, 'wal_sync_method = fsync'],
        });
  await durable?.walSync?.settle(); // start-up's own syncs (recovery, the first checkpoint)
  /** Prepared statements by text: their name, and their rows' description (null: no rows). */
  const prepared = new Map<string, { name: string; columns: BackendMessage | null }>();
  let nextName = 0;

  async function send(message: Uint8Array, inTransaction: boolean) {
    // The WAL sync PostgreSQL asked for runs on the thread pool; still holding the connection and
    // before the answer is read (or the error thrown): nobody hears of a commit before it is on
    // the disk (wal-sync.ts).
    const settle = async () => durable?.walSync?.settle();
    const r = await db.runExclusive(() => db.execProtocol(message, { syncToFs: !inTransaction })).finally(settle);
    return r.messages;
  }

  // Execute and Sync never change: serialized once, not per statement.
  const tail = concat([serialize.execute({}), serialize.sync()]);

  /**
   * One statement: Parse and Describe the first time, then Bind, Execute, Sync in one message.
   * The rows' description (column names and types) is the prepared statement's, so it is kept from
   * the first answer and handed to the parser with the later ones: PGlite's parser copies and
   * decodes every column name of every answer (~1.5 % of a booking's CPU went there). Should the
   * result's shape change (a migration), PostgreSQL refuses to run the statement as prepared, and
   * the failure drops it and its description below.
   */
  async function run(text: string, params: readonly unknown[] | undefined, inTransaction: boolean): Promise<Row[]> {
    if (autovacuum.wrote(text)) {
      // Queued behind the work running now; a failed vacuum is left for the next check.
      group.run(vacuumDue).catch(() => undefined);
    }
    const known = prepared.get(text);
    const parts: Uint8Array[] = [];
    let name = known?.name;
    if (name === undefined) {
      name = prepared.size < MAX_PREPARED ? `sw${nextName++}` : '';
      parts.push(serialize.parse({ name, text }));
    }
    parts.push(serialize.bind({ statement: name, values: (params ?? []).map(toText) }));
    if (!known) parts.push(serialize.describe({ type: 'P' }));
    parts.push(tail);
    try {
      const messages = await send(concat(parts), inTransaction);
      let columns = known?.columns ?? null;
      if (!known) {
        columns = messages.find((m) => m.name === 'rowDescription') ?? null;
        if (name) prepared.set(text, { name, columns });
      }
      const results = parse.parseResults(columns && known ? [columns, ...messages] : messages, db.parsers);
      return (results[0]?.rows ?? []) as Row[];
    } catch (error) {
      // A failed message may or may not have created the statement: the next call parses it
      // again under a fresh name rather than guess.
      prepared.delete(text);
      throw error;
    }
  }

  async function execText(text: string, inTransaction: boolean): Promise<void> {
    await send(concat([serialize.query(text), serialize.sync()]), inTransaction);
  }

  /**
   * A statement that needs no `SET synchronous_commit` around it when deferred: a read commits
   * nothing (a SELECT that did write would only wait for the disk, as when nobody waits), and a
   * statement that sets synchronous_commit for its own transaction (the job queue's, the dev
   * outbox's, the rate limits') does so itself. Two statements fewer on the connection for each.
   */
  const commitsAsItIs = (text: string) => /^\s*SELECT\b/i.test(text) || text.includes(NO_DISK_WAIT);

  // WAL written but not yet flushed (earlier commits of the group, or this one): only then is a
  // flush worth an fsync; a group of reads needs none.
  const UNFLUSHED = 'pg_current_wal_insert_lsn() > pg_current_wal_flush_lsn()';
  /** COMMIT as the group says; 'flush' writes a WAL record so that the synchronous commit has WAL to flush. */
  const COMMIT: Record<CommitMode, string> = {
    deferred: 'SET LOCAL synchronous_commit TO off; COMMIT',
    plain: 'COMMIT',
    flush: `SELECT CASE WHEN ${UNFLUSHED} THEN pg_logical_emit_message(true, 'slotwise', 'group commit') END;
      SET LOCAL synchronous_commit TO on; COMMIT`,
  };
  // After a single statement, earlier commits still unflushed: write and flush the WAL up to here.
  const group = createCommitGroup(() =>
    execText(
      `SELECT CASE WHEN ${UNFLUSHED} THEN pg_logical_emit_message(false, 'slotwise', 'group commit', true) END`,
      false,
    ),
  );

  /** `work` with the session's commits not waiting for the disk, on again after it whatever happens. */
  async function withoutDiskWait<T>(work: () => Promise<T>): Promise<T> {
    await execText('SET synchronous_commit TO off', false);
    try {
      return await work();
    } finally {
      await execText('SET synchronous_commit TO on', false);
    }
  }

  const autovacuum = createAutovacuum(opts.vacuumCheckEvery ?? CHECK_EVERY_WRITES);
  let closed = false;
  /** Vacuums the tables PostgreSQL's autovacuum would (pglite-autovacuum.ts); alone on the connection. */
  async function vacuumDue(): Promise<void> {
    if (closed) return;
    await execText(FLUSH_STATISTICS, false);
    const due = await run(DUE_TABLES, [], false);
    if (due.length === 0) return;
    // Nothing a vacuum writes needs to reach the disk before anyone is answered.
    await withoutDiskWait(() => execText(`VACUUM ${due.map((table) => String(table.name)).join(', ')}`, false));
  }

  return {
    driver: 'pglite',
    query: <T extends Row>(text: string, params?: readonly unknown[]) =>
      group.run(async (_, deferred) => {
        if (!deferred() || commitsAsItIs(text)) return run(text, params, false);
        // Others wait: this statement's own commit need not wait for the disk; the group's last does.
        return withoutDiskWait(() => run(text, params, false));
      }) as Promise<T[]>,
    exec: (text: string) => group.run(() => execText(text, false)),
    transaction: <T>(fn: (tx: Sql) => Promise<T>) =>
      group.run(
        async (commitMode) => {
          await execText('BEGIN', true);
          const statements = inFlight((text, params) => run(text, params, true));
          const tx = withSavepoints(statements.run, (text) => execText(text, true), statements);
          let result: T;
          try {
            result = await fn(tx).finally(statements.end);
            // Statements fn left unawaited are the transaction's too (sql.ts inFlight).
            await statements.settled();
          } catch (error) {
            await execText('ROLLBACK', false);
            throw error;
          }
          await execText(COMMIT[commitMode()], false);
          return result;
        },
        { transaction: true },
      ),
    close: () =>
      group.run(
        async () => {
          closed = true;
          // Commits still unflushed are written first (a shutdown checkpoint would too; this does not rely on it).
          await execText(`SELECT pg_logical_emit_message(false, 'slotwise', 'close', true)`, false);
          await db.close();
          await durable?.walSync?.settle();
        },
        { flushes: true },
      ),
    // Run alone on the connection: after the checkpoint the files hold every commit, and PGlite
    // copies them (pg_wal included) before anything else can write.
    snapshot: () =>
      group.run(
        async () => {
          await execText('CHECKPOINT', false);
          return db.dumpDataDir('gzip');
        },
        { flushes: true },
      ),
  };
}
