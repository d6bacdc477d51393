/**
 * API.md pins it: "Erase leaves no trace of the person in the data directory's tables and indexes
 * (dead rows vacuumed); the write-ahead log may keep old segments until they are recycled." An
 * embedded data directory gets a client's whole life — bookings, a code, a cancellation with a
 * reason, emails to her and about her (the dev outbox), a webhook delivery, an idempotent retry, a
 * "my bookings" link — then she is erased through the admin API, the database checkpoints, and no
 * file of the directory but the WAL's holds her email, name or phone. Another client's do remain.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/store/create-store.ts';
import { createDevMailbox } from '../src/store/dev-mailbox.ts';
import { type OpenedDatabase, openDatabase } from '../src/store/open-database.ts';
import { type Dashboard, startDashboard } from './support/dashboard.ts';
import type { TestDatabase } from './support/db.ts';
import { STUDIO } from './support/studio.ts';
import { seedDataDir } from './support/templates.ts';

const ZOE = { name: 'Zoéline Quartermaine', email: 'zoeline.q@example.test', phone: '+33 6 98 76 54 32' };
const YANN = { name: 'Yannick Borrowdale', email: 'yannick.b@example.test', phone: '+33 7 11 22 33 44' };

let dir: string;
let opened: OpenedDatabase;
let d: Dashboard;
let tdb: TestDatabase;

/** Every file of the data directory but the WAL's, and which of `needles` (UTF-8 bytes) each holds. */
function filesHolding(needles: readonly string[]): string[] {
  const hits: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) {
        if (entry !== 'pg_wal') walk(full);
        continue;
      }
      const bytes = readFileSync(full);
      for (const n of needles) if (bytes.includes(Buffer.from(n, 'utf8'))) hits.push(`${full.slice(dir.length)}: ${n}`);
    }
  };
  walk(dir);
  return hits;
}

beforeAll(async () => {
  dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-erase-')));
  opened = await openDatabase({ kind: 'pglite', dataDir: dir });
  const store = createStore(opened.db);
  tdb = { db: opened.db, store, reset: async () => {}, close: () => opened.close() };
  d = await startDashboard(tdb, { ...STUDIO, business: { ...STUDIO.business, ownerEmail: 'owner@studio.test' } });
});
afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('erasing a client on the embedded database', () => {
  it('leaves none of her email, name or phone in any file of the data directory but the WAL', async () => {
    const book = (who: typeof ZOE, start: string, extra: Record<string, unknown> = {}, headers = {}) =>
      d.call('/api/v1/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          service: 'portrait',
          staff: '1',
          start,
          client: { ...who, address: '12 impasse des Glycines' },
          notes: `${who.name} prefers window light`,
          wantsReminder: true,
          ...extra,
        }),
      });
    await tdb.store.createWebhook(
      {
        url: 'http://127.0.0.1:9/hook',
        secret: 'whsec_x',
        events: ['booking.confirmed', 'booking.cancelled'],
        active: true,
        description: '',
      },
      d.clock.now(),
    );
    const first = await book(ZOE, '2027-03-29T10:00:00+02:00', {}, { 'idempotency-key': 'zoe-first' });
    expect(first.status).toBe(201);
    expect((await book(YANN, '2027-03-29T14:00:00+02:00')).status).toBe(201);
    // Known now: her second booking waits for a code.
    expect((await book(ZOE, '2027-03-30T10:00:00+02:00')).body.next).toEqual({ action: 'verify_email' });
    const cancel = await d.call(`/api/v1/manage/${first.body.token}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: `${ZOE.name} cannot come` }),
    });
    expect(cancel.status).toBe(200);
    expect(
      (
        await d.call('/api/v1/my-bookings', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: ZOE.email }),
        })
      ).status,
    ).toBe(202);
    await d.deliver();
    // What a demo keeps: every email sent, in the dev outbox.
    const outbox = createDevMailbox(opened.db);
    for (const m of d.mail.sent) await outbox.save(m, d.clock.now());
    expect(d.mail.sent.filter((m) => m.to.includes(ZOE.email)).length).toBeGreaterThanOrEqual(4);
    await opened.db.exec('CHECKPOINT');
    const hers = [ZOE.email, ZOE.name, ZOE.phone];
    expect(filesHolding(hers).length).toBeGreaterThan(3);

    const [client] = (await d.as('admin', 'GET', `clients?q=${encodeURIComponent(ZOE.email)}`)).body.clients;
    const erased = await d.as('admin', 'POST', `clients/${client.id}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toMatchObject({ client: true, bookings: 2 });
    await opened.db.exec('CHECKPOINT');

    expect(filesHolding(hers)).toEqual([]);
    // The check itself still sees data: Yann's is there.
    expect(filesHolding([YANN.email, YANN.name, YANN.phone]).length).toBeGreaterThan(0);
    // And her bookings are still there for the books, anonymous.
    const rows = await opened.db.query('SELECT status, client_email, amount_due_minor FROM bookings ORDER BY id');
    expect(rows.map((r) => [r.status, r.client_email])).toEqual([
      ['cancelled', ''],
      ['confirmed', YANN.email],
      ['pending_verification', ''],
    ]);
  }, 120_000);
});
