/**
 * The embedded mode's generated secret (src/main.ts resolveSecret): written whole or not at all
 * (temp file, fsync, rename, fsync of the directory), owner-only, and a kept one that is empty or
 * short stops every command with a message saying what to do — nothing is opened or written.
 */

import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { resolveSecret } from '../src/main.ts';
import { DataDirError } from '../src/store/data-dir-error.ts';
import type { WriteFs } from '../src/store/durable-write.ts';
import { runCli } from './support/cli.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-secret-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const configFor = (dataDir: string) => {
  const r = loadConfig({ SLOTWISE_DATA_DIR: dataDir });
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.config;
};

describe('the generated secret file', () => {
  it('is made once, whole, readable by its owner only, with no temporary file left; then kept', () => {
    const data = join(dir, 'data');
    const secret = resolveSecret(configFor(data));
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(join(data, 'secret'), 'utf8')).toBe(`${secret}\n`);
    expect(statSync(join(data, 'secret')).mode & 0o777).toBe(0o600);
    expect(readdirSync(data)).toEqual(['secret']);
    expect(resolveSecret(configFor(data))).toBe(secret);
  });

  it('is written to a temp file, synced, renamed into place, then the directory synced', () => {
    const calls: string[] = [];
    const rel = (p: unknown) =>
      String(p)
        .replace(dir, '')
        .replace(/\.\d+\.[0-9a-f]{12}\.tmp$/, '.tmp');
    const spy: WriteFs = {
      openSync: ((p: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
        const fd = fs.openSync(p, flags, mode);
        calls.push(`open ${rel(p)} ${flags}`);
        return fd;
      }) as WriteFs['openSync'],
      writeSync: ((fd: number, data: string) => {
        calls.push('write');
        return fs.writeSync(fd, data);
      }) as WriteFs['writeSync'],
      fsyncSync: (fd) => {
        calls.push('fsync');
        fs.fsyncSync(fd);
      },
      closeSync: (fd) => {
        calls.push('close');
        fs.closeSync(fd);
      },
      renameSync: (a, b) => {
        calls.push(`rename ${rel(a)} → ${rel(b)}`);
        fs.renameSync(a, b);
      },
      rmSync: fs.rmSync,
    };
    const secret = resolveSecret(configFor(dir), spy);
    expect(calls).toEqual([
      'open /secret.tmp wx',
      'write',
      'fsync',
      'close',
      'rename /secret.tmp → /secret',
      'open  r',
      'fsync',
      'close',
    ]);
    expect(readFileSync(join(dir, 'secret'), 'utf8')).toBe(`${secret}\n`);
  });

  it.each([
    ['empty', '', 'empty'],
    ['only a newline', '\n', 'empty'],
    ['short', 'abc123\n', 'too short (6 characters)'],
  ])('refuses a kept secret file that is %s, saying what to do, and leaves it', (_, content, what) => {
    const data = join(dir, 'data');
    fs.mkdirSync(data);
    writeFileSync(join(data, 'secret'), content);
    let error: unknown = null;
    try {
      resolveSecret(configFor(data));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirError);
    expect((error as Error).message).toBe(
      `The secret file ${join(data, 'secret')} is ${what}: it must hold at least 32 characters. Restore it from a ` +
        'backup, or delete it to make a new one (links already sent in emails and open dashboard sessions then stop ' +
        'working), or set SLOTWISE_SECRET.',
    );
    expect(readFileSync(join(data, 'secret'), 'utf8')).toBe(content);
  });

  it('a command meeting an empty secret file exits 1 with that message, no stack trace, and frees the lock', async () => {
    const data = join(dir, 'data');
    fs.mkdirSync(data);
    writeFileSync(join(data, 'secret'), '');
    const r = await runCli(['migrate'], { SLOTWISE_DATA_DIR: data });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`slotwise migrate: The secret file ${join(data, 'secret')} is empty`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(join(data, 'slotwise.lock'))).toBe(false);
  }, 60_000);
});
