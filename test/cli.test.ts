/** The command line as a user meets it: help, bad arguments, bad environment, set-up files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledMigrations } from '../src/store/migrate.ts';
import { runCli } from './support/cli.ts';
import { STUDIO } from './support/studio.ts';

let dir: string;
const env = () => ({ SLOTWISE_DATA_DIR: join(dir, 'data') });

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test runs the real command in child processes (node, tsx, PGlite, migrations): seconds each,
// more while the rest of the suite shares the two cores.
describe('slotwise command line', { timeout: 120_000 }, () => {
  it('lists its commands with --help', async () => {
    const r = await runCli(['--help'], env());
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'import', 'create-admin']) expect(r.stdout).toContain(`  ${cmd}`);
  });

  it('explains each command with <command> --help', async () => {
    const r = await runCli(['serve', '--help'], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('slotwise serve [--port N] [--demo]');
  });

  it('refuses an unknown command, an unknown option and a bad port with exit code 2 and no stack trace', async () => {
    const unknown = await runCli(['serv'], env());
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      2,
      'slotwise: unknown command "serv". Run "slotwise --help" to see the commands.',
    ]);
    const option = await runCli(['migrate', '--force'], env());
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/Unknown option '--force'/);
    const port = await runCli(['serve', '--port', 'abc'], env());
    expect([port.code, port.stderr.trim()]).toEqual([
      2,
      'slotwise serve: --port must be a whole number from 0 to 65535 (got "abc").',
    ]);
    for (const r of [unknown, option, port]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists every problem of the environment at once', async () => {
    const r = await runCli(['migrate'], {
      ...env(),
      PORT: 'eighty',
      MAIL_URL: 'http://mail',
      SLOTWISE_SECRET: 'short',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PORT must be a whole number from 0 to 65535 (got "eighty")');
    expect(r.stderr).toContain('MAIL_URL must start with smtp:// or smtps://');
    expect(r.stderr).toContain('SLOTWISE_SECRET must be at least 32 characters long');
  });

  it('migrates an empty data directory, then reports it up to date', async () => {
    const first = await runCli(['migrate'], env());
    // Every shipped migration, in order (read from the folder, so a new one needs no edit here).
    const names = bundledMigrations().map((m) => m.name);
    expect(names.slice(0, 2)).toEqual(['001-init.sql', '002-booking-changes.sql']);
    expect([first.code, first.stdout.trim()]).toEqual([0, `Applied ${names.length} migration(s): ${names.join(', ')}`]);
    const second = await runCli(['migrate'], env());
    expect([second.code, second.stdout.trim()]).toEqual([0, 'The database is up to date.']);
  });

  it('refuses a bad set-up file naming each wrong field by its path, and imports nothing', async () => {
    const bad = {
      ...STUDIO,
      services: [{ key: 'portrait', name: 'Portrait', durationMinuts: 60, price: '120.00', deposit: '130.00' }],
    };
    const r = await runCli(['import', file('bad.json', bad)], env());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing was imported');
    expect(r.stderr).toContain('  services[0].durationMinuts: unknown field');
    expect(r.stderr).toContain('  services[0].durationMinutes:');
    const unknownService = await runCli(
      ['import', file('ref.json', { staff: [{ key: 'x', name: 'X', email: 'x@x.test', services: ['nope'] }] })],
      env(),
    );
    expect(unknownService.code).toBe(1);
    expect(unknownService.stderr).toContain('  staff[0].services[0]: no service with key "nope"');
  });

  it('says so when the file is missing or not JSON', async () => {
    const missing = await runCli(['import', join(dir, 'nope.json')], env());
    expect([missing.code, missing.stderr.trim()]).toEqual([
      1,
      `slotwise import: cannot read ${join(dir, 'nope.json')}: no such file`,
    ]);
    const notJson = await runCli(['import', file('broken.json', '{"business": ')], env());
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/is not valid JSON/);
  });

  it('imports a good file, prints the ids by key, and updates by key on a second run', async () => {
    const r = await runCli(['import', file('studio.json', STUDIO)], env());
    expect(r.code).toBe(0);
    const ids = JSON.parse(r.stdout);
    expect(Object.keys(ids.services)).toEqual(['portrait', 'consult']);
    expect(Object.keys(ids.staff)).toEqual(['ana', 'ben']);
    for (const id of [...Object.values(ids.services), ...Object.values(ids.staff)]) expect(id).toMatch(/^\d+$/);
    const again = await runCli(['import', file('studio.json', STUDIO)], env());
    expect(JSON.parse(again.stdout)).toEqual(ids);
  });

  it('creates an admin and prints a generated password once', async () => {
    const r = await runCli(['create-admin', '--email', 'boss@studio.test'], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Admin boss@studio\.test is ready\. Password \(shown once\): [\w-]{20}\n$/);
    const bad = await runCli(['create-admin', '--email', 'not-an-email'], env());
    expect(bad.code).toBe(2);
  });
});
