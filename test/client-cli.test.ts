/**
 * `slotwise client export|erase --email E` (API.md "Command line", SPEC §11) as a user meets it:
 * the export prints every stored fact as JSON; erase asks on a terminal, refuses without one
 * unless --yes, and then removes the person while the bookings stay; bad arguments exit 2. The
 * terminal's question is answered in-process (a child process has no terminal here).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.ts';
import { createStore } from '../src/store/create-store.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { runCli } from './support/cli.ts';
import { startLifecycle } from './support/lifecycle.ts';
import { STUDIO } from './support/studio.ts';
import { seedDataDir } from './support/templates.ts';

const ZOE = { name: 'Zoé Martin', email: 'zoe@example.test', phone: '+33 6 12 34 56 78' };
let root: string;
const data = () => join(root, 'data');
const env = () => ({ SLOTWISE_DATA_DIR: data() });
const exported = async (email = ZOE.email) => {
  const r = await runCli(['client', 'export', '--email', email], env());
  expect([r.code, r.stderr]).toEqual([0, '']);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'slotwise-client-cli-'));
  const opened = await openDatabase({ kind: 'pglite', dataDir: seedDataDir(data()) });
  try {
    const t = await startLifecycle(
      { db: opened.db, store: createStore(opened.db), reset: async () => {}, close: async () => {} },
      STUDIO,
    );
    for (const start of ['2027-03-29T09:00:00+02:00', '2027-03-30T09:00:00+02:00']) {
      const r = await t.post('/bookings', {
        service: 'portrait',
        staff: '1',
        start,
        client: ZOE,
        notes: 'Window light',
        payment: 'none',
      });
      expect(r.status).toBe(201);
    }
  } finally {
    await opened.close();
  }
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('slotwise client', { timeout: 120_000 }, () => {
  it('export prints every stored fact as JSON: the client, each booking with its details, the queued emails', async () => {
    const d = await exported('ZOE@example.test');
    expect(d.client).toMatchObject({ name: ZOE.name, email: ZOE.email, phone: ZOE.phone, bookings: 2 });
    expect(
      d.bookings.map((b: { status: string; notes: string; client: { phone: string } }) => [
        b.status,
        b.notes,
        b.client.phone,
      ]),
    ).toEqual([
      ['confirmed', 'Window light', ZOE.phone],
      ['pending_verification', 'Window light', ZOE.phone],
    ]);
    expect(d.bookings[0].start).toBe('2027-03-29T09:00:00+02:00');
    expect(d.jobs.map((j: { kind: string }) => j.kind)).toContain('email.verification');
  });

  it('erase without --yes and without a terminal refuses, saying how, and erases nothing', async () => {
    const r = await runCli(['client', 'erase', '--email', ZOE.email], env());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('There is no terminal to confirm on: run it again with --yes.');
    expect((await exported()).client).not.toBeNull();
  });

  it('on a terminal, erase asks and does nothing unless "erase" is typed', async () => {
    process.env.SLOTWISE_DATA_DIR = data();
    try {
      const lines: string[] = [];
      const questions: string[] = [];
      const io = (answer: string) => ({
        out: (l: string) => lines.push(l),
        err: (l: string) => lines.push(l),
        ask: async (q: string) => {
          questions.push(q);
          return answer;
        },
      });
      expect(await run(['client', 'erase', '--email', ZOE.email], io('no'))).toBe(1);
      expect(questions[0]).toContain(`Erase ${ZOE.email} for good?`);
      expect(lines.at(-1)).toBe('slotwise client erase: not confirmed; nothing was erased.');
      expect((await exported()).client).not.toBeNull();
    } finally {
      delete process.env.SLOTWISE_DATA_DIR;
    }
  });

  it('erase --yes removes the person; the bookings stay, anonymous; a second erase finds nothing', async () => {
    const r = await runCli(['client', 'erase', '--email', ZOE.email, '--yes'], env());
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(
      /^Erased zoe@example\.test: client record removed, 2 booking\(s\) anonymised and kept for the books/,
    );
    const after = await exported();
    expect([after.client, after.bookings, after.jobs]).toEqual([null, [], []]);
    const again = await runCli(['client', 'erase', '--email', ZOE.email, '--yes'], env());
    expect([again.code, again.stdout.trim()]).toEqual([0, 'Nothing is stored about zoe@example.test.']);
  });

  it.each([
    [['client'], 'say export or erase'],
    [['client', 'delete', '--email', 'a@b.test'], 'say export or erase'],
    [['client', 'export'], "give the person's email with --email"],
    [['client', 'export', '--email', 'nope'], "give the person's email with --email"],
    [['client', 'export', '--email', 'a@b.test', '--yes'], '--yes is for erase only'],
  ])('%j exits 2: %s', async (args, message) => {
    const r = await runCli(args, env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
