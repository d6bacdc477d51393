/**
 * The embedded database's fsync, off the event loop for the WAL (decision 039).
 *
 * PGlite runs PostgreSQL on the main thread, so every fsync it asks for blocked every request of
 * the process for the disk's time: under a writer booking 20 a second, 14 % of the main thread
 * was fsync (docs/PERFORMANCE.md), during which no cached view could be answered.
 *
 * What is deferred, and why it stays durable:
 * - Only an fsync of a WAL segment (`pg_wal/`) is deferred: PostgreSQL is told it succeeded and the
 *   file is recorded. The driver then awaits `settle()` — the same fsync, on libuv's thread pool —
 *   before it reads the answer of the statement that caused it, and it does so while holding the
 *   connection (pglite.ts `send`), so no caller hears "committed" before the WAL is on the disk,
 *   and PostgreSQL runs nothing in between. Group commit (commit-group.ts) is unchanged.
 * - Ordering inside one statement is kept: PostgreSQL relies on the WAL being on the disk before
 *   it writes a data page, truncates, renames or removes a file, or syncs anything else. Any such
 *   operation while a WAL sync is pending first does that sync synchronously (as before).
 * - A deferred sync that fails poisons the database: PostgreSQL believed it and would have stopped
 *   (a failed fsync is a PANIC), so every later statement fails with the error.
 */
import * as nodeFs from 'node:fs';

interface Stream {
  nfd?: number;
  node: { mode: number };
}

/** The parts of Emscripten's NODEFS this module patches. */
export interface NodeFsOps {
  readonly realPath: (node: unknown) => string;
  readonly stream_ops: Record<string, ((...args: never[]) => unknown) | undefined>;
  readonly node_ops: Record<string, ((...args: never[]) => unknown) | undefined>;
}

// Emscripten's errno numbers. PostgreSQL ignores EINVAL from a directory's fsync (some systems
// cannot sync directories); any other failure is an I/O error it will not carry on after.
const EIO = 29;
const EINVAL = 28;

/** Operations that change files: a pending WAL sync must reach the disk before any of them. */
const ORDERED_STREAM_OPS = ['write', 'msync', 'close'] as const;
const ORDERED_NODE_OPS = ['setattr', 'rename', 'unlink', 'rmdir', 'mknod', 'symlink'] as const;

export interface WalSync {
  /** Completes the deferred WAL sync, if any, without blocking the event loop. */
  settle(): Promise<void>;
  /** How many WAL syncs were deferred and how many had to be done at once (for tests and the bench). */
  readonly counts: { deferred: number; immediate: number };
}

/** The host's syncs (a parameter so that tests can watch their order). */
export type HostSync = Pick<typeof nodeFs, 'fsync' | 'fsyncSync'>;

export function installWalSync(
  NODEFS: NodeFsOps,
  errno: (code: number) => Error,
  isDir: (mode: number) => boolean,
  host: HostSync = nodeFs,
): WalSync {
  const fsyncSync = (fd: number) => host.fsyncSync(fd);
  let pending: number | null = null;
  let poisoned: unknown = null;
  const counts = { deferred: 0, immediate: 0 };

  const syncNow = (stream: Stream) => {
    if (stream.nfd === undefined) return;
    try {
      fsyncSync(stream.nfd);
    } catch {
      throw errno(isDir(stream.node.mode) ? EINVAL : EIO);
    }
  };
  /** The pending WAL sync, done now (PostgreSQL is about to rely on it). */
  const flushPending = () => {
    if (pending === null) return;
    const fd = pending;
    pending = null;
    counts.immediate++;
    try {
      fsyncSync(fd);
    } catch {
      throw errno(EIO);
    }
  };

  const isWal = (stream: Stream) => /[/\\]pg_wal[/\\][0-9A-F]{24}$/.test(NODEFS.realPath(stream.node));

  NODEFS.stream_ops.fsync = ((stream: Stream) => {
    if (poisoned) throw errno(EIO);
    if (stream.nfd === undefined) return 0;
    if (isWal(stream) && (pending === null || pending === stream.nfd)) {
      if (pending === null) counts.deferred++;
      pending = stream.nfd;
      return 0;
    }
    flushPending();
    syncNow(stream);
    return 0;
  }) as never;
  for (const name of ORDERED_STREAM_OPS) wrap(NODEFS.stream_ops, name, flushPending);
  for (const name of ORDERED_NODE_OPS) wrap(NODEFS.node_ops, name, flushPending);

  return {
    counts,
    async settle() {
      if (poisoned) throw poisoned;
      if (pending === null) return;
      const fd = pending;
      // Still pending while it runs: nothing may touch the files until it is done (the driver
      // holds the connection), and a close meanwhile would sync it again rather than lose it.
      try {
        await new Promise<void>((resolve, reject) => host.fsync(fd, (e) => (e ? reject(e) : resolve())));
      } catch (error) {
        poisoned = new Error('the WAL could not be synced to the disk: the database must be restarted', {
          cause: error,
        });
        throw poisoned;
      }
      if (pending === fd) pending = null;
    },
  };
}

function wrap(ops: NodeFsOps['stream_ops'], name: string, before: () => void): void {
  const original = ops[name];
  if (!original) return;
  ops[name] = ((...args: never[]) => {
    before();
    return original(...args);
  }) as never;
}
