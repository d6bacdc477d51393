/**
 * Backups of the embedded database (docs/decisions/022): a backup is PGlite's own copy of the
 * PostgreSQL data directory, a gzip-compressed tar made while nothing writes (pglite.ts
 * `snapshot`). Restoring unpacks it into a data directory that holds no database yet; PostgreSQL
 * then starts on it as after a clean shutdown. The data directory's `secret` file is not in a
 * backup: it is the key, kept apart from the data it protects.
 */
import { closeSync, fsyncSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { lockDataDir } from './data-dir-lock.ts';
import { openPglite } from './pglite.ts';

/** What a data directory may hold and still count as empty: the lock, and a secret put there first. */
const ALLOWED_IN_EMPTY = new Set(['slotwise.lock', 'secret']);

export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

/**
 * The names and PG_VERSION of a tar. A minimal reader of ustar headers, enough to tell a backup
 * from another file before PGlite unpacks it (PGlite's own reader fails on garbage with an error
 * it does not hand back).
 */
function tarEntries(tar: Uint8Array): { names: Set<string>; pgVersion: string | null } {
  const text = (from: number, length: number) => {
    const bytes = tar.subarray(from, from + length);
    const end = bytes.indexOf(0);
    return Buffer.from(end === -1 ? bytes : bytes.subarray(0, end)).toString('utf8');
  };
  const names = new Set<string>();
  let pgVersion: string | null = null;
  for (let at = 0; at + 512 <= tar.length; ) {
    if (tar.subarray(at, at + 512).every((b) => b === 0)) break; // the end-of-archive blocks
    const checksum = Number.parseInt(text(at + 148, 8).trim(), 8);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : (tar[at + i] ?? 0);
    if (!Number.isFinite(checksum) || checksum !== sum) throw new RestoreRefusedError('it is not a tar archive');
    const prefix = text(at + 345, 155);
    const name = (prefix ? `${prefix}/${text(at, 100)}` : text(at, 100)).replace(/^\.?\//, '').replace(/\/$/, '');
    const size = Number.parseInt(text(at + 124, 12).trim() || '0', 8);
    names.add(name);
    if (name === 'PG_VERSION') pgVersion = text(at + 512, size).trim();
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return { names, pgVersion };
}

/** The tar inside a backup file; RestoreRefusedError saying what is wrong with it otherwise. */
export function readBackup(file: Uint8Array): Uint8Array {
  let tar: Uint8Array;
  try {
    tar = gunzipSync(file);
  } catch {
    throw new RestoreRefusedError('it is not a Slotwise backup (not gzip-compressed)');
  }
  const { names, pgVersion } = tarEntries(tar);
  if (pgVersion === null || !names.has('global/pg_control') || ![...names].some((n) => n.startsWith('base/'))) {
    throw new RestoreRefusedError('it is not a Slotwise backup (no PostgreSQL data directory inside)');
  }
  return tar;
}

/** Why a data directory cannot be restored into, or null when it holds no database. */
export function notEmpty(dataDir: string): string | null {
  let entries: string[];
  try {
    entries = readdirSync(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const other = entries.filter(
    (e) => !ALLOWED_IN_EMPTY.has(e) && !(e === 'pg' && readdirSync(join(dataDir, e)).length === 0),
  );
  return other.length === 0 ? null : `it already holds ${other.sort().join(', ')}`;
}

/** Syncs every file and directory under `dir` to the disk (the unpacked files were only written). */
function syncTree(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) syncTree(path);
    else {
      const fd = openSync(path, 'r');
      fsyncSync(fd);
      closeSync(fd);
    }
  }
  const fd = openSync(dir, 'r');
  fsyncSync(fd);
  closeSync(fd);
}

/**
 * Restores a backup file's contents into `dataDir`, which must hold no database (RestoreRefusedError
 * otherwise, and for a file that is not a backup). Holds the data directory's lock meanwhile.
 */
export async function restoreDataDir(dataDir: string, file: Uint8Array): Promise<void> {
  const tar = readBackup(file);
  const release = lockDataDir(dataDir);
  const pg = join(dataDir, 'pg');
  try {
    const problem = notEmpty(dataDir);
    if (problem) throw new RestoreRefusedError(`${dataDir} is not empty: ${problem}`);
    try {
      const db = await openPglite(pg, { loadDataDir: new Blob([tar], { type: 'application/x-tar' }) });
      await db.close();
      syncTree(pg);
    } catch (error) {
      rmSync(pg, { recursive: true, force: true }); // leave the directory as empty as it was
      throw error;
    }
  } finally {
    release();
  }
}
