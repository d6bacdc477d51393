/**
 * Start-up loads only what serving needs (docs/PERFORMANCE.md, "Start-up and memory"): the
 * PostgreSQL client, the outbound HTTP client, the SMTP client, the password hasher and the image
 * library load on first use. The start-up bundle serves an existing data directory (no demo: the
 * demo's load hashes passwords and draws pictures) with every package it loads recorded, answers
 * a page and an availability request, and is stopped.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from './support/cli.ts';

const LAZY = ['pg', 'undici', 'nodemailer', '@node-rs/argon2', 'sharp'];

const built = existsSync(new URL('../src/slotwise.bundle.mjs', import.meta.url));
if (!built) console.warn('test/lazy-imports.test.ts: src/slotwise.bundle.mjs is not built (`npm run build`); skipped.');

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe.skipIf(!built)('lazy imports', () => {
  it('serving a page and the API loads none of pg, undici, nodemailer, argon2, sharp', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-lazy-'));
    temps.push(dir);
    const record = join(dir, 'packages.json');
    const entry = fileURLToPath(new URL('support/record-packages.mjs', import.meta.url));
    const server = await startCli(
      ['serve', '--port', '0'],
      { SLOTWISE_DATA_DIR: dir, RECORD_PACKAGES_TO: record },
      120_000,
      entry,
    );
    try {
      expect((await fetch(`${server.url}/`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/v1/services`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const loaded = JSON.parse(readFileSync(record, 'utf8')) as string[];
    expect(loaded).toContain('@electric-sql/pglite'); // the recorder sees packages
    expect(loaded.filter((p) => LAZY.includes(p))).toEqual([]);
  }, 240_000);
});
