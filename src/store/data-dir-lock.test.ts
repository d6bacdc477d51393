/**
 * One process per embedded data directory: the lock file names its owner's pid; a live owner
 * refuses the lock with a message saying what to do, a dead one's lock is stale and taken over.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from './data-dir-lock.ts';

/** The pid of a process that has run and exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start node -e 0');
  await new Promise<void>((resolve, reject) => {
    child.once('exit', () => resolve());
    child.once('error', reject);
  });
  return pid;
}

describe('lockDataDir', () => {
  let root: string;
  let dataDir: string;
  let lockFile: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'slotwise-lock-'));
    dataDir = join(root, 'data');
    lockFile = join(dataDir, 'slotwise.lock');
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the directory and a lock file holding this process pid; release removes the file', () => {
    const release = lockDataDir(dataDir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);
    expect(existsSync(dataDir)).toBe(true);
  });

  it('refuses a directory locked by another live process: DataDirBusyError names the pid and says to stop the server', () => {
    const owner = process.ppid; // alive for as long as this test runs, and not us
    expect(owner).not.toBe(process.pid);
    lockDataDir(dataDir); // the directory exists; now hand the lock to the other process
    writeFileSync(lockFile, String(owner));

    const error = (() => {
      try {
        lockDataDir(dataDir);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DataDirBusyError);
    expect(error).toMatchObject({ dataDir, pid: owner });
    expect((error as Error).message).toBe(
      `The data directory ${dataDir} is in use by another Slotwise process (pid ${owner}). ` +
        'Only one process can open the embedded database: stop the server first, or use the dashboard or admin API.',
    );
    expect(readFileSync(lockFile, 'utf8')).toBe(String(owner));
  });

  it('takes over a stale lock whose process has exited', async () => {
    const pid = await deadPid();
    lockDataDir(dataDir);
    writeFileSync(lockFile, String(pid));

    const release = lockDataDir(dataDir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it.each([
    ['is empty', ''],
    ['holds no pid', 'not a pid'],
    ['holds this very process pid (a restarted container reuses pids)', String(process.pid)],
  ])('takes over a lock file that %s', (_, content) => {
    lockDataDir(dataDir);
    writeFileSync(lockFile, content);
    const release = lockDataDir(dataDir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);
  });
});
