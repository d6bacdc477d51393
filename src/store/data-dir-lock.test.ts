/**
 * One process per embedded data directory: the lock file names its owner (pid, host, boot, start
 * time, nonce) and is never seen half-written; a live owner, another host's lock or a lock that
 * cannot be read refuses the start with what to do; a dead owner's lock is stale and taken over
 * by exactly one of several starters racing for it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, DataDirLockError, lockDataDir } from './data-dir-lock.ts';

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

const BOOT = (() => {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
})();

const lockOf = (pid: number, extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ pid, host: hostname(), bootId: BOOT, startedAt: '2027-03-26T11:00:00.000Z', nonce: Math.random().toString(16).slice(2).padEnd(12, '0'), ...extra })}\n`;

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
    return null;
  } catch (e) {
    return e;
  }
};

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

  it('creates the directory and a lock naming this process (pid, host, boot, start, nonce); release removes it', () => {
    const release = lockDataDir(dataDir);
    const owner = JSON.parse(readFileSync(lockFile, 'utf8'));
    expect(owner).toEqual({
      pid: process.pid,
      host: hostname(),
      bootId: BOOT,
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      nonce: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(readdirSync(dataDir)).toEqual(['slotwise.lock']); // no temporary file left
    release();
    expect(existsSync(lockFile)).toBe(false);
    expect(existsSync(dataDir)).toBe(true);
  });

  it('refuses a directory locked by another live process: DataDirBusyError names the pid and says to stop the server', () => {
    const owner = process.ppid; // alive for as long as this test runs, and not us
    expect(owner).not.toBe(process.pid);
    lockDataDir(dataDir); // the directory exists; now hand the lock to the other process
    for (const content of [lockOf(owner), String(owner)]) {
      writeFileSync(lockFile, content);
      const error = thrown(() => lockDataDir(dataDir));
      expect(error).toBeInstanceOf(DataDirBusyError);
      expect(error).toMatchObject({ dataDir, pid: owner });
      expect((error as Error).message).toBe(
        `The data directory ${dataDir} is in use by another Slotwise process (pid ${owner}). ` +
          'Only one process can open the embedded database: stop the server first, or use the dashboard or admin API.',
      );
      expect(readFileSync(lockFile, 'utf8')).toBe(content);
    }
  });

  it('a second open in this very process is refused while the first holds the lock', () => {
    const release = lockDataDir(dataDir);
    expect(thrown(() => lockDataDir(dataDir))).toBeInstanceOf(DataDirBusyError);
    release();
    lockDataDir(dataDir)();
  });

  it.each([
    ['a dead process (new format)', async () => lockOf(await deadPid())],
    ['a dead process (a lock of an older version: the pid alone)', async () => String(await deadPid())],
    ['this very process pid (a restarted container reuses pids)', async () => lockOf(process.pid)],
    ['a process of an earlier boot of this machine', async () => lockOf(process.ppid, { bootId: 'an-earlier-boot' })],
  ])('takes over a stale lock held by %s', async (_, content) => {
    if (BOOT === null && _.includes('earlier boot')) return; // no boot id on this system
    lockDataDir(dataDir)(); // makes the directory
    writeFileSync(lockFile, await content());
    const release = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
    expect(readdirSync(dataDir)).toEqual(['slotwise.lock']); // the claim file is gone too
    release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it.each([
    ['is empty (half-written by an older version)', ''],
    ['is cut off mid-write', '{"pid":123,"host":"'],
    ['holds no pid', 'not a pid'],
    ['is JSON without a nonce', JSON.stringify({ pid: 1, host: 'h' })],
  ])('never takes a lock file that %s for stale: refuses with how to remove it, and leaves it', (_, content) => {
    lockDataDir(dataDir);
    writeFileSync(lockFile, content);
    const error = thrown(() => lockDataDir(dataDir));
    expect(error).toBeInstanceOf(DataDirLockError);
    expect((error as Error).message).toBe(
      `The lock file ${lockFile} cannot be read as a Slotwise lock (damaged, or written by something else), ` +
        `so whether a process still uses ${dataDir} is unknown. If you are sure none does, delete ${lockFile} and start again.`,
    );
    expect(readFileSync(lockFile, 'utf8')).toBe(content);
  });

  it("refuses another host's lock (a container sharing the volume): its pid cannot be checked from here", async () => {
    lockDataDir(dataDir);
    const content = lockOf(await deadPid(), { host: 'another-container' });
    writeFileSync(lockFile, content);
    const error = thrown(() => lockDataDir(dataDir));
    expect(error).toBeInstanceOf(DataDirLockError);
    expect((error as Error).message).toMatch(/locked by pid \d+ on host "another-container".*delete .*slotwise\.lock/);
    expect(readFileSync(lockFile, 'utf8')).toBe(content);
  });

  it('the lock is never seen half-written: a reader polling it meanwhile always finds a whole lock', async () => {
    lockDataDir(dataDir)();
    // The reader stops after 2,000 reads of an existing lock (or 40 s: on a loaded machine it once
    // got only 1,500 in 15 s); the locking goes on until then.
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); const end = Date.now() + 40000; let reads = 0, bad = 0;
         while (reads < 2000 && Date.now() < end) {
           let c; try { c = fs.readFileSync(process.argv[1], 'utf8'); } catch { continue; }
           reads++; try { JSON.parse(c); } catch { bad++; } }
         process.stdout.write(JSON.stringify({ reads, bad }));`,
        lockFile,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    reader.stdout.on('data', (d) => {
      out += d;
    });
    let exited = false;
    const done = new Promise((resolve) =>
      reader.once('exit', () => {
        exited = true;
        resolve(null);
      }),
    );
    let cycles = 0;
    while (!exited) {
      lockDataDir(dataDir)();
      cycles++;
      if (cycles % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    await done;
    const { reads, bad } = JSON.parse(out) as { reads: number; bad: number };
    expect(cycles).toBeGreaterThan(20);
    expect(reads).toBe(2000);
    expect(bad).toBe(0);
  }, 60_000);

  describe('two processes racing for one data directory', () => {
    const RACER = fileURLToPath(new URL('../../test/support/lock-racer.ts', import.meta.url));
    let racers: { child: ChildProcess; lines: Interface; answers: string[]; waiting: (() => void)[] }[] = [];

    afterEach(() => {
      for (const r of racers) r.child.kill();
      racers = [];
    });

    const start = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', RACER], { stdio: ['pipe', 'pipe', 'inherit'] });
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      const racer = { child, lines, answers: [] as string[], waiting: [] as (() => void)[] };
      lines.on('line', (line) => {
        racer.answers.push(line);
        racer.waiting.shift()?.();
      });
      return racer;
    };
    const answer = (r: (typeof racers)[number]) =>
      r.answers.length > 0
        ? Promise.resolve(r.answers.shift() as string)
        : new Promise<string>((resolve) => r.waiting.push(() => resolve(r.answers.shift() as string)));

    it('exactly one wins every round, over a stale lock and over none, 60 rounds', async () => {
      racers = [start(), start()];
      const dead = await deadPid();
      // Both racers are up (tsx loaded) before the first round.
      for (const r of racers) r.child.stdin?.write(`go ${join(root, 'warm-up', String(r.child.pid))}\n`);
      expect(await Promise.all(racers.map(answer))).toEqual(['won', 'won']);
      for (let round = 0; round < 60; round++) {
        const dir = join(root, `round-${round}`);
        const stale = round % 3 !== 0;
        if (stale) {
          lockDataDir(dir)(); // makes the directory
          writeFileSync(join(dir, 'slotwise.lock'), round % 2 === 0 ? String(dead) : lockOf(dead));
        }
        for (const r of racers) r.child.stdin?.write(`go ${dir}\n`);
        const answers = await Promise.all(racers.map(answer));
        expect({ round, stale, answers: [...answers].sort() }).toEqual({
          round,
          stale,
          answers: ['refused DataDirBusyError', 'won'],
        });
        const winner = racers[answers.indexOf('won')]?.child.pid;
        expect(JSON.parse(readFileSync(join(dir, 'slotwise.lock'), 'utf8')).pid).toBe(winner);
        expect(readdirSync(dir)).toEqual(['slotwise.lock']);
      }
    }, 120_000);
  });
});
