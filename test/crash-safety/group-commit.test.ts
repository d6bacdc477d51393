/**
 * Group commit keeps its promise across a crash (decision 038): a process makes many transactions
 * wait for the embedded database's one connection (commit-group.ts commits them as groups, all but
 * the last without waiting for the disk) and is SIGKILLed by itself the moment ten have been
 * answered (test/support/group-commit-crash.ts). Every answered transaction is on the disk when the
 * data directory is opened again: none was answered before the fsync that made it durable.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { openPglite } from '../../src/store/pglite.ts';

const CHILD = fileURLToPath(new URL('../support/group-commit-crash.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'slotwise-group-commit-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runChild(dataDir: string): Promise<{ ids: number[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.once('error', reject);
    child.once('close', (_code, signal) =>
      resolve({ ids: out.split('\n').filter(Boolean).map(Number), signal, stderr }),
    );
  });
}

it('every transaction answered before a SIGKILL is there after a restart, and the kill cut others off', async () => {
  const dataDir = join(dir, 'pg');
  const run = await runChild(dataDir);
  expect(run.signal, run.stderr).toBe('SIGKILL');
  expect(run.ids.length).toBeGreaterThanOrEqual(10);
  const db = await openPglite(dataDir);
  try {
    const rows = await db.query<{ id: number }>('SELECT id FROM answered ORDER BY id');
    const found = new Set(rows.map((r) => r.id));
    expect(run.ids.filter((id) => !found.has(id))).toEqual([]);
    // Not every transaction got through: the kill cut the burst short.
    expect(found.size).toBeLessThan(120);
  } finally {
    await db.close();
  }
}, 120_000);
