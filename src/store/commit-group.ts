/**
 * Group commit on the embedded database's one connection (decision 038). Work runs one piece at a
 * time (a transaction from BEGIN to COMMIT, or one statement). When a transaction reaches COMMIT
 * while others wait for the connection, it commits without waiting for the disk
 * (synchronous_commit off) and its caller is not answered yet; the next piece that finds nobody
 * waiting commits synchronously — one fsync, which takes every earlier commit along, as the WAL is
 * one sequence — and then all of them are answered. So a burst of N bookings costs one fsync, not
 * N, and no caller hears "committed" before its commit is on the disk.
 *
 * Only a transaction waiting behind a piece is a reason to defer its commit. A single statement
 * waiting (a job's bookkeeping or an email kept by the dev outbox, which commit without waiting for
 * the disk anyway, a rate-limit hit, a read) would leave the deferred commit to a flush of its own
 * after it: one more statement on the connection than committing synchronously at once (which is
 * what a booking made while the job worker sends the previous one's emails now does).
 *
 * A piece's answer waits for that flush even when it only read: it may have read an earlier
 * piece's rows that are not on the disk yet (an Idempotency-Key replay of a booking just made),
 * and must not report them before they are. A failed piece waits alike.
 *
 * PGlite runs PostgreSQL without a WAL writer, so an asynchronous commit reaches the files only
 * with a later synchronous one (or a checkpoint): the group always ends with one, and a group is
 * closed after MAX_GROUP pieces even if others still wait, so that a steady stream of requests
 * cannot hold the answers back. (No time limit: the pieces run one after the other anyway, and a
 * limit by the clock would make the group's size depend on the machine's load.)
 */

/** Pieces answered together at most; beyond, the next commit is synchronous even with others waiting. */
const MAX_GROUP = 16;

/** How a piece of work that ends a transaction should commit. */
export type CommitMode =
  /** Others wait: commit without waiting for the disk; the group's last commit flushes. */
  | 'deferred'
  /** Nobody waits and no earlier commit is unflushed: an ordinary (synchronous) commit. */
  | 'plain'
  /** Nobody waits, earlier commits are unflushed: this commit must flush the WAL (they ride on it). */
  | 'flush';

interface Unanswered {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface CommitGroup {
  /**
   * Runs `piece` alone on the connection. A transaction calls `commitMode()` right before its
   * COMMIT and commits as told. A single statement (which commits by itself) asks `deferred()`
   * before it runs: true = others wait, so it runs without waiting for the disk and its caller
   * waits for the group. `flushWal` runs after a piece that did not flush (a single statement, a
   * read, a rollback) when earlier commits wait for the disk. `flushes`: the piece flushes the
   * WAL itself (a checkpoint, a shutdown). `transaction`: the piece is a transaction, whose commit
   * the pieces before it may wait for (see above).
   */
  run<T>(
    piece: (commitMode: () => CommitMode, deferred: () => boolean) => Promise<T>,
    opts?: { readonly flushes?: boolean; readonly transaction?: boolean },
  ): Promise<T>;
}

interface Waiting {
  readonly go: () => void;
  readonly transaction: boolean;
}

export function createCommitGroup(flushWal: () => Promise<void>): CommitGroup {
  const queue: Waiting[] = [];
  let held = false;
  const unanswered: Unanswered[] = [];

  const acquire = (transaction: boolean): Promise<void> => {
    if (held) return new Promise<void>((go) => queue.push({ go, transaction }));
    held = true;
    return Promise.resolve();
  };
  const release = () => {
    const next = queue.shift();
    if (next) next.go();
    else held = false;
  };
  /** A transaction waits: its commit can take a deferred one along. */
  const transactionWaits = () => queue.some((w) => w.transaction);
  const answer = (group: readonly Unanswered[]) => {
    for (const u of group) u.resolve();
  };
  const groupFull = () => unanswered.length >= MAX_GROUP - 1;

  async function run<T>(
    piece: (commitMode: () => CommitMode, deferred: () => boolean) => Promise<T>,
    opts: { readonly flushes?: boolean; readonly transaction?: boolean } = {},
  ): Promise<T> {
    await acquire(opts.transaction === true);
    // Set by the piece's commitMode() call, which TypeScript's narrowing does not see.
    let mode = (opts.flushes ? 'flush' : null) as CommitMode | null;
    const commitMode = (): CommitMode => {
      if (transactionWaits() && !groupFull()) mode = 'deferred';
      else mode = unanswered.length === 0 ? 'plain' : 'flush';
      return mode;
    };
    const deferred = (): boolean => {
      if (!transactionWaits() || groupFull()) return false;
      mode = 'deferred';
      return true;
    };
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    let answered: Promise<void> | null = null;
    try {
      try {
        outcome = { ok: true, value: await piece(commitMode, deferred) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      // Answered at once: a piece that committed synchronously with nothing unflushed before it,
      // or did not commit and found nothing unflushed (it read only what is on the disk).
      const flushed = mode === 'flush' && outcome.ok;
      const mustWait = mode === 'deferred' || (!flushed && unanswered.length > 0);
      if (flushed) answer(unanswered.splice(0));
      else if (mustWait && transactionWaits() && !groupFull()) {
        answered = new Promise<void>((resolve, reject) => unanswered.push({ resolve, reject }));
      } else if (mustWait) {
        const group = unanswered.splice(0);
        try {
          await flushWal();
        } catch (error) {
          for (const u of group) u.reject(error);
          throw error;
        }
        answer(group);
      }
    } finally {
      release();
    }
    if (answered) await answered;
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  return { run };
}
