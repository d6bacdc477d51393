/**
 * `slotwise reencrypt --from-secret-file FILE` (decision 029): a sensitive answer sealed under the
 * old secret opens under the new one afterwards, and no longer under the old; a second run finds
 * nothing to move; bad arguments exit 2 and the old secret is never taken on the command line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnswers } from '../src/app/sensitive-answers.ts';
import { createStore } from '../src/store/create-store.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { runCli } from './support/cli.ts';
import { SECRET as OLD_SECRET, startLifecycle } from './support/lifecycle.ts';
import { HEALTH, RULES_STUDIO } from './support/rules-studio.ts';

const NEW_SECRET = 'n'.repeat(40);
let root: string;
const data = () => join(root, 'data');
const env = () => ({ SLOTWISE_DATA_DIR: data(), SLOTWISE_SECRET: NEW_SECRET });

async function sealedRow(): Promise<{ reference: string; answers_sealed: string }> {
  const opened = await openDatabase({ kind: 'pglite', dataDir: data() });
  try {
    const [row] = await opened.db.query<{ reference: string; answers_sealed: string }>(
      'SELECT reference, answers_sealed FROM bookings',
    );
    return row as { reference: string; answers_sealed: string };
  } finally {
    await opened.close();
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'slotwise-reencrypt-'));
  const opened = await openDatabase({ kind: 'pglite', dataDir: data() });
  try {
    // The lifecycle's app seals under test/support's SECRET: the "old" one here.
    const t = await startLifecycle(
      { db: opened.db, store: createStore(opened.db), reset: async () => {}, close: async () => {} },
      RULES_STUDIO,
    );
    const r = await t.post('/bookings', {
      service: 'portrait',
      staff: '1',
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Ada Lovelace', email: 'ada@example.com' },
      payment: 'deposit',
      answers: { people: 1, health: HEALTH },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  } finally {
    await opened.close();
  }
  writeFileSync(join(root, 'old-secret'), `${OLD_SECRET}\n`, { mode: 0o600 });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('slotwise reencrypt', { timeout: 120_000 }, () => {
  it('refuses without the old secret’s file, or with an unreadable one', async () => {
    const none = await runCli(['reencrypt'], env());
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('--from-secret-file FILE')]);
    const missing = await runCli(['reencrypt', '--from-secret-file', join(root, 'nope')], env());
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('ENOENT')]);
  });

  it('seals the answers again under the current secret; a second run has nothing to move', async () => {
    const before = await sealedRow();
    expect(openAnswers(before.answers_sealed, NEW_SECRET, before.reference)).toBeNull();
    const r = await runCli(['reencrypt', '--from-secret-file', join(root, 'old-secret')], env());
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Sealed again under the current secret: 1; already under it: 0');
    const after = await sealedRow();
    expect(openAnswers(after.answers_sealed, NEW_SECRET, after.reference)).toEqual({ health: HEALTH });
    expect(openAnswers(after.answers_sealed, OLD_SECRET, after.reference)).toBeNull();
    const again = await runCli(['reencrypt', '--from-secret-file', join(root, 'old-secret')], env());
    expect([again.code, again.stdout]).toEqual([0, expect.stringContaining(': 0; already under it: 1')]);
  });
});
