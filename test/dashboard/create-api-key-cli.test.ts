/** `slotwise create-api-key` as a user meets it: keys printed once and stored hashed, clear refusals. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.ts';
import { runCli } from '../support/cli.ts';
import { STUDIO } from '../support/studio.ts';
import { seedDataDir } from '../support/templates.ts';

let dir: string;
const env = () => ({ SLOTWISE_DATA_DIR: join(dir, 'data') });
const KEY = /swk_[A-Za-z0-9_-]{43}/;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-keys-'));
  seedDataDir(join(dir, 'data'));
  writeFileSync(join(dir, 'studio.json'), JSON.stringify(STUDIO));
  expect((await runCli(['import', join(dir, 'studio.json')], env())).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('slotwise create-api-key', { timeout: 120_000 }, () => {
  it('is listed and explained by --help', async () => {
    const all = await runCli(['--help'], env());
    expect(all.stdout).toContain('  create-api-key  create an API key for the admin API and print it once');
    const one = await runCli(['create-api-key', '--help'], env());
    expect(one.stdout).toContain('Usage: slotwise create-api-key --role admin|staff [--staff KEY] [--label L]');
  });

  it("prints an admin key and a staff member's key once, and stores only their SHA-256", async () => {
    const admin = await runCli(['create-api-key', '--role', 'admin', '--label', 'backup script'], env());
    expect([admin.code, admin.stderr]).toEqual([0, '']);
    expect(admin.stdout).toMatch(/^Admin API key \(shown once\): swk_[A-Za-z0-9_-]{43}\n$/);
    const staff = await runCli(['create-api-key', '--role', 'staff', '--staff', 'ben'], env());
    expect(staff.code).toBe(0);
    expect(staff.stdout).toMatch(/^Staff API key for Ben \(shown once\): swk_[A-Za-z0-9_-]{43}\n$/);

    const opened = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
    try {
      const rows = await opened.db.query(
        `SELECT encode(k.key_hash, 'hex') AS hash, k.role, k.label, s.key AS staff
         FROM api_keys k LEFT JOIN staff s ON s.id = k.staff_id ORDER BY k.id`,
      );
      const sha = (out: string) =>
        createHash('sha256')
          .update(KEY.exec(out)?.[0] as string)
          .digest('hex');
      expect(rows).toEqual([
        { hash: sha(admin.stdout), role: 'admin', label: 'backup script', staff: null },
        { hash: sha(staff.stdout), role: 'staff', label: 'command line', staff: 'ben' },
      ]);
    } finally {
      await opened.close();
    }
  });

  it.each([
    [['--role', 'owner'], 'give --role admin or --role staff'],
    [[], 'give --role admin or --role staff'],
    [['--role', 'staff'], 'a staff key needs --staff KEY'],
    [['--role', 'admin', '--staff', 'ana'], '--staff is only for --role staff'],
  ])('refuses %j with exit code 2 and a clear message', async (args, message) => {
    const r = await runCli(['create-api-key', ...args], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`slotwise create-api-key: ${message}`);
    expect(r.stdout).toBe('');
  });

  it('names the staff keys there are when --staff matches none', async () => {
    const r = await runCli(['create-api-key', '--role', 'staff', '--staff', 'anna'], env());
    expect([r.code, r.stderr.trim()]).toEqual([
      1,
      'slotwise create-api-key: no staff member with key "anna" (keys: ana, ben).',
    ]);
    expect(r.stdout).toBe('');
  });
});
