/**
 * Backups that restore (docs/decisions/022): a studio with bookings is backed up by `slotwise
 * backup` (server stopped) and downloaded from GET /api/v1/admin/backup (server running); each
 * file is restored by `slotwise restore` into an empty data directory, a real `slotwise serve`
 * starts on it and every booking is there. Restores refuse a data directory that holds a database,
 * a file that is not a backup and server mode, clearly and without writing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharpProcessor } from '../src/images/sharp-processor.ts';
import { createStore } from '../src/store/create-store.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { type RunningServer, runCli, startCli } from './support/cli.ts';
import { png } from './support/images.ts';
import { startLifecycle } from './support/lifecycle.ts';
import { STUDIO } from './support/studio.ts';
import { seedDataDir } from './support/templates.ts';

let root: string;
const servers: RunningServer[] = [];
/** The manage token and reference of each booking of the original studio. */
const bookings: { token: string; reference: string }[] = [];
/** The SHA-256 (and name) of the picture the original studio shows. */
let picture = '';
const dir = (name: string) => join(root, name);
const env = (data: string, more: Record<string, string> = {}) => ({
  SLOTWISE_DATA_DIR: data,
  HOST: '127.0.0.1',
  ...more,
});

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'slotwise-backup-'));
  const opened = await openDatabase({ kind: 'pglite', dataDir: seedDataDir(dir('original')) });
  try {
    const store = createStore(opened.db);
    const t = await startLifecycle({ db: opened.db, store, reset: async () => {}, close: async () => {} }, STUDIO);
    for (const [i, start] of [
      '2027-03-29T09:00:00+02:00',
      '2027-03-29T10:00:00+02:00',
      '2027-03-30T09:00:00+02:00',
    ].entries()) {
      const r = await t.post('/bookings', {
        service: 'portrait',
        staff: '1',
        start,
        client: { name: `Client ${i}`, email: `client${i}@example.test` },
        payment: 'none',
      });
      expect(r.status).toBe(201);
      bookings.push({ token: r.body.token, reference: r.body.booking.reference });
    }
    // A picture (decision 032): stored in the database, so the backup must carry it.
    const image = await sharpProcessor().process(await png(120, 90));
    const portrait = await store.findService('portrait');
    if (!image || !portrait) throw new Error('no image or no portrait service');
    await store.setServiceImage(portrait.id, image);
    picture = image.id;
  } finally {
    await opened.close();
  }
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.filter((s) => s.child.exitCode === null).map((s) => s.stop()));
  rmSync(root, { recursive: true, force: true });
});

async function serve(data: string): Promise<RunningServer> {
  const s = await startCli(['serve', '--port', '0'], env(data));
  servers.push(s);
  return s;
}

/** Serves `data` and finds every booking of the original studio through its manage link. */
async function everyBookingIn(data: string): Promise<string[]> {
  const s = await serve(data);
  try {
    const found: string[] = [];
    for (const b of bookings) {
      const r = await fetch(`${s.url}/api/v1/manage/${b.token}`);
      found.push(r.status === 200 ? ((await r.json()) as { reference: string }).reference : `HTTP ${r.status}`);
    }
    const image = await fetch(`${s.url}/images/${picture}.webp`);
    const bytes = Buffer.from(await image.arrayBuffer());
    found.push(
      createHash('sha256').update(bytes).digest('hex') === picture ? 'the picture' : `image HTTP ${image.status}`,
    );
    return found;
  } finally {
    expect(await s.stop()).toBe(0);
  }
}

describe('backups that restore', { timeout: 180_000 }, () => {
  it('slotwise backup writes a file (mode 600) that slotwise restore turns into a data directory serving every booking', async () => {
    const file = dir('studio.tar.gz');
    const made = await runCli(['backup', file], env(dir('original')));
    expect([made.code, made.stderr]).toEqual([0, '']);
    expect(made.stdout).toContain(`Backed up ${dir('original')} to ${file}`);
    expect(made.stdout).toContain('does not hold the secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The key stays apart from the data: neither the secret file nor its value is in the backup.
    const secret = readFileSync(join(dir('original'), 'secret'), 'utf8').trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const tar = gunzipSync(readFileSync(file));
    expect(tar.includes(Buffer.from(secret))).toBe(false);
    expect(tar.includes(Buffer.from('Client 0'))).toBe(true);
    expect(existsSync(`${file}.partial`)).toBe(false);

    const restored = await runCli(['restore', file], env(dir('restored')));
    expect([restored.code, restored.stderr]).toEqual([0, '']);
    expect(restored.stdout).toContain(`Restored ${file} into ${dir('restored')}.`);
    expect(restored.stdout).toContain('No secret is there yet');
    expect(await everyBookingIn(dir('restored'))).toEqual([...bookings.map((b) => b.reference), 'the picture']);
  });

  it('while the server runs, admins download the same kind of file from GET /api/v1/admin/backup, and it restores too', async () => {
    const key = /swk_[A-Za-z0-9_-]{43}/.exec(
      (await runCli(['create-api-key', '--role', 'admin'], env(dir('original')))).stdout,
    )?.[0];
    const s = await serve(dir('original'));
    try {
      const busy = await runCli(['backup', dir('busy.tar.gz')], env(dir('original')));
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain('download the same backup from it with GET /api/v1/admin/backup');
      expect(existsSync(dir('busy.tar.gz'))).toBe(false);

      expect((await fetch(`${s.url}/api/v1/admin/backup`)).status).toBe(401);
      const r = await fetch(`${s.url}/api/v1/admin/backup`, { headers: { authorization: `Bearer ${key}` } });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/gzip');
      expect(r.headers.get('content-disposition')).toMatch(
        /^attachment; filename="slotwise-backup-\d{4}-\d{2}-\d{2}\.tar\.gz"$/,
      );
      writeFileSync(dir('download.tar.gz'), new Uint8Array(await r.arrayBuffer()));
      // The server went on serving while the copy was made.
      expect((await fetch(`${s.url}/api/v1/manage/${bookings[0]?.token}`)).status).toBe(200);
    } finally {
      expect(await s.stop()).toBe(0);
    }
    const restored = await runCli(['restore', dir('download.tar.gz')], env(dir('from-download')));
    expect([restored.code, restored.stderr]).toEqual([0, '']);
    expect(await everyBookingIn(dir('from-download'))).toEqual([...bookings.map((b) => b.reference), 'the picture']);
  });

  it('restore refuses a data directory holding a database, naming what it holds, and changes nothing', async () => {
    const before = readdirSync(join(dir('original'), 'pg')).length;
    const r = await runCli(['restore', dir('studio.tar.gz')], env(dir('original')));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^slotwise restore: nothing was restored: .*original is not empty: it already holds pg/);
    expect(readdirSync(join(dir('original'), 'pg')).length).toBe(before);
  });

  it.each([
    ['a text file', 'hello', 'not gzip-compressed'],
    ['a gzip of something else', gzipSync(Buffer.from('x'.repeat(2000))), 'it is not a tar archive'],
  ])('restore refuses %s and leaves the directory empty', async (_what, content, reason) => {
    const file = dir(`bad-${reason.length}.tar.gz`);
    writeFileSync(file, content);
    const target = dir(`empty-${reason.length}`);
    const r = await runCli(['restore', file], env(target));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(reason);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(target, 'pg'))).toBe(false);
  });

  it('both commands refuse server mode, pointing at pg_dump, and a missing file', async () => {
    const server = { DATABASE_URL: 'postgres://127.0.0.1:1/none', SLOTWISE_SECRET: 's'.repeat(40) };
    for (const command of ['backup', 'restore']) {
      const r = await runCli([command, dir('studio.tar.gz')], env(dir('unused'), server));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('back it up with pg_dump and restore with pg_restore');
    }
    const missing = await runCli(['restore', dir('nope.tar.gz')], env(dir('unused')));
    expect([missing.code, missing.stderr.trim()]).toEqual([
      1,
      `slotwise restore: cannot read ${dir('nope.tar.gz')}: no such file`,
    ]);
    const none = await runCli(['backup'], env(dir('unused')));
    expect(none.code).toBe(2);
  });
});
