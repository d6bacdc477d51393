/**
 * One process at a time may open an embedded data directory (PGlite is single-process). The lock
 * file `slotwise.lock` names its owner: pid, host name, boot id, start time and a random nonce.
 *
 * - Never half-written: the content is written to a temporary file and fsynced, then link()ed to
 *   the lock's name, which fails if a lock exists. A lock that cannot be read as one (damaged, or
 *   written by something else) is never taken for stale: the start is refused with how to remove it.
 * - Stale means the owner is surely gone: same host, and its pid is not alive (or is this very
 *   process's, as in a restarted container) or the machine has booted since. A lock of another
 *   host (two containers sharing a volume, each its own pid namespace) cannot be checked: refused.
 * - Taking over a stale lock is race-free: a starter must first create that lock's own claim file
 *   (`slotwise.lock.<nonce>.claim`, exclusive), and removes the lock only if it is still that
 *   very lock. Every other starter waits, then finds the winner's live lock.
 *
 * What it cannot see (docs/DEPLOY.md): containers sharing a volume under one host name, and
 * network file systems whose link() or pid space is not what this host's is.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DataDirError } from './data-dir-error.ts';
import { heldHere, type LockOwner, ownerVerdict, parseLock } from './lock-owner.ts';

/** Any reason the data directory cannot be locked now; its message says what to do. */
export class DataDirLockError extends DataDirError {}

export class DataDirBusyError extends DataDirLockError {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Slotwise process (pid ${pid}). ` +
        'Only one process can open the embedded database: stop the server first, or use the dashboard or admin API.',
    );
  }
}

/** Test hooks: called once a stale lock is seen, before it is claimed (a test widens the race with it). */
export interface LockOptions {
  readonly onStale?: () => void;
}

const ATTEMPTS = 100;
const PAUSE_MS = 20;

/** Takes the lock or throws a DataDirLockError; returns the release function. */
export function lockDataDir(dataDir: string, opts: LockOptions = {}): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'slotwise.lock');
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    bootId: bootId(),
    startedAt: new Date().toISOString(),
    nonce: randomBytes(16).toString('hex'),
  };
  const content = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusive(file, content)) {
      heldHere.add(me.nonce as string);
      return () => {
        heldHere.delete(me.nonce as string);
        // Only our own lock: never one another process holds.
        if (readOrNull(file) === content) unlinkSync(file);
      };
    }
    const seen = readOrNull(file);
    if (seen === null) continue; // released meanwhile: try again
    const owner = parseLock(seen);
    if (owner === null) {
      // Old versions wrote the pid after creating the file: give a starting one a moment.
      if (attempt < 5) {
        pause();
        continue;
      }
      throw new DataDirLockError(unreadable(file, dataDir));
    }
    const verdict = ownerVerdict(owner, me);
    if (verdict === 'live') throw new DataDirBusyError(dataDir, owner.pid);
    if (verdict === 'foreign') throw new DataDirLockError(foreign(file, dataDir, owner));
    opts.onStale?.();
    if (!removeIfStill(dataDir, file, seen, owner, me, content)) pause(); // another starter is on it
  }
  throw new DataDirLockError(`Could not lock ${dataDir}: other processes kept taking and releasing ${file}.`);
}

/**
 * Removes the stale lock `seen` under its claim; false when another starter holds the claim.
 * Only a claim holder removes a lock, and the lock's nonce names its claim, so two starters never
 * both remove it — nor the fresh lock the winner links right after.
 */
function removeIfStill(
  dataDir: string,
  file: string,
  seen: string,
  owner: LockOwner,
  me: LockOwner,
  content: string,
): boolean {
  const claim = `${file}.${owner.nonce ?? `pid-${owner.pid}`}.claim`;
  if (!createExclusive(claim, content)) {
    const holder = parseLock(readOrNull(claim) ?? '');
    if (holder !== null && ownerVerdict(holder, me) === 'stale') {
      throw new DataDirLockError(
        `A Slotwise process (pid ${holder.pid}) stopped while taking over the stale lock ${file}. ` +
          `If no Slotwise process is using ${dataDir}, delete ${file} and ${claim}, then start again.`,
      );
    }
    return false;
  }
  try {
    if (readOrNull(file) === seen) unlinkSync(file);
    return true;
  } finally {
    unlinkSync(claim);
  }
}

/** Creates `path` holding `content`, never visible half-written; false if it exists. */
function createExclusive(path: string, content: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') {
      throw new DataDirLockError(
        `The file system of ${path} does not support hard links, which the data-directory lock needs: ` +
          'put SLOTWISE_DATA_DIR on a local file system.',
      );
    }
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** This boot of the machine (Linux), so a lock left before a reboot is known stale; null elsewhere. */
function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function pause(): void {
  Atomics.wait(sleeper, 0, 0, PAUSE_MS);
}

function unreadable(file: string, dataDir: string): string {
  return (
    `The lock file ${file} cannot be read as a Slotwise lock (damaged, or written by something else), ` +
    `so whether a process still uses ${dataDir} is unknown. If you are sure none does, delete ${file} and start again.`
  );
}

function foreign(file: string, dataDir: string, owner: LockOwner): string {
  return (
    `The data directory ${dataDir} is locked by pid ${owner.pid} on host "${owner.host}" (another machine or ` +
    `container sharing it), which this process cannot check. Only one process may open it: stop that one. ` +
    `If you are sure it has stopped, delete ${file} and start again.`
  );
}
