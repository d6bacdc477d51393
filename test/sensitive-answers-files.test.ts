/**
 * SPEC §10.1: a sensitive answer is encrypted at rest. On an embedded data directory a client
 * books with a sensitive answer, pays, gets her emails (kept in the dev outbox, as a demo does),
 * cancels, staff read the booking; after a CHECKPOINT no file of the directory — the write-ahead
 * log included, since the text is sealed before any row is written — holds the answer's text,
 * while the open answer given beside it is found (the check sees data).
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/store/create-store.ts';
import { createDevMailbox } from '../src/store/dev-mailbox.ts';
import { type OpenedDatabase, openDatabase } from '../src/store/open-database.ts';
import { type Dashboard, startDashboard } from './support/dashboard.ts';
import type { TestDatabase } from './support/db.ts';
import { PAY_SECRET, RULES_STUDIO } from './support/rules-studio.ts';

const SECRET_TEXT = 'Hip replacement, needs the lift, Zq8-sealed';
const OPEN_TEXT = 'Open-answer-Kw4 visible';

let dir: string;
let opened: OpenedDatabase;
let d: Dashboard;

/** The files of the data directory holding `needle` (UTF-8 bytes), the WAL's included. */
function filesHolding(needle: string): string[] {
  const hits: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (readFileSync(full).includes(Buffer.from(needle, 'utf8'))) hits.push(full.slice(dir.length));
    }
  };
  walk(dir);
  return hits;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-sealed-'));
  opened = await openDatabase({ kind: 'pglite', dataDir: dir });
  const tdb: TestDatabase = {
    db: opened.db,
    store: createStore(opened.db),
    reset: async () => {},
    close: async () => {},
  };
  // The open answer is a text question here, so that it can be searched for like the sensitive one.
  const setup = {
    ...RULES_STUDIO,
    services: RULES_STUDIO.services?.map((s) =>
      s.key === 'portrait'
        ? {
            ...s,
            questions: [
              ...(s.questions ?? []),
              { key: 'note', type: 'text' as const, label: 'A word', required: false, sensitive: false },
            ],
          }
        : s,
    ),
  };
  d = await startDashboard(tdb, setup);
});
afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a sensitive answer on the embedded database', () => {
  it('is in no file of the data directory after a checkpoint; the open answer is', async () => {
    const r = await d.post('/bookings', {
      service: 'portrait',
      staff: d.staffIds.ana,
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Ada Lovelace', email: 'ada@example.com' },
      payment: 'deposit',
      answers: { people: 1, health: SECRET_TEXT, note: OPEN_TEXT },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const body = JSON.stringify({
      reference: r.body.booking.reference,
      amount: '30.00',
      currency: 'EUR',
      status: 'paid',
      transactionId: 'tx-1',
    });
    const paid = await d.call('/api/v1/payments/callback', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slotwise-signature': `sha256=${createHmac('sha256', PAY_SECRET).update(body).digest('hex')}`,
      },
      body,
    });
    expect(paid.body.applied).toBe(true);
    // Staff read it (opened in memory, never written back), then the client cancels.
    const seen = await d.as('admin', 'GET', `bookings/${r.body.booking.id}`);
    expect(seen.body.sensitiveAnswers).toEqual({ health: SECRET_TEXT });
    await d.deliver();
    const outbox = createDevMailbox(opened.db);
    for (const m of d.mail.sent) await outbox.save(m, d.clock.now());
    expect((await d.post(`/manage/${r.body.token}/cancel`, {})).status).toBe(200);
    await d.deliver();
    await opened.db.exec('CHECKPOINT');

    expect(filesHolding(SECRET_TEXT)).toEqual([]);
    expect(filesHolding(OPEN_TEXT).length).toBeGreaterThan(0);
  }, 120_000);
});
