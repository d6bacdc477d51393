/**
 * POST /payments/callback (API.md "Payment", SPEC §10.4) through createApp().request(): HMAC-SHA256
 * over the raw body with paymentSecret; a bad signature records nothing; every signed callback is
 * in the ledger, one that cannot be applied as unapplied with its reason (and announced when money
 * moved); a replayed (transactionId, status) changes nothing.
 * Fixture: the studio with a gateway; portrait 120.00 EUR, deposit 30.00; now = 2027-03-26 11:00Z.
 */
import { createHmac } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestClock, testClock } from '../../../test/support/clock.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { testOutbound } from '../../../test/support/outbound.ts';
import { STUDIO, STUDIO_NOW } from '../../../test/support/studio.ts';
import { createApp } from '../app.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions, not by types
type Body = any;

const PAYMENT_SECRET = 'gateway-secret-0123456789';
let tdb: TestDatabase;
let clock: TestClock;
let app: Hono;
let errors: unknown[];

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  await tdb.reset();
  await tdb.store.applySetup(
    {
      ...STUDIO,
      business: { ...STUDIO.business, paymentUrl: 'https://pay.test/checkout', paymentSecret: PAYMENT_SECRET },
    },
    async (p) => p,
  );
  clock = testClock(STUDIO_NOW);
  // Subscribed to the one event these tests look for; nothing is delivered (no worker runs here).
  await tdb.store.createWebhook(
    {
      url: 'https://hooks.example.test/slotwise',
      secret: 'whsec_test',
      events: ['payment.unapplied'],
      active: true,
      description: '',
    },
    clock.now(),
  );
  errors = [];
  app = createApp({
    outbound: testOutbound(),
    store: tdb.store,
    clock,
    secret: 'x'.repeat(40),
    publicUrl: 'http://127.0.0.1:3000',
    logError: (e) => errors.push(e),
  });
});
afterEach(() => {
  expect(errors).toEqual([]);
});

async function call(path: string, init: RequestInit): Promise<{ status: number; body: Body }> {
  const res = await app.request(`/api/v1${path}`, init);
  return { status: res.status, body: await res.json() };
}

/** A deposit booking awaiting payment: its reference. */
async function awaitingDeposit(): Promise<string> {
  const r = await call('/bookings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      service: 'portrait',
      staff: '1',
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Ada', email: 'ada@example.com' },
      payment: 'deposit',
    }),
  });
  expect([r.status, r.body.booking.status]).toEqual([201, 'awaiting_payment']);
  return r.body.booking.reference;
}

function callback(payload: Record<string, unknown>, signature?: string | null) {
  const raw = JSON.stringify(payload);
  const sig =
    signature === undefined ? `sha256=${createHmac('sha256', PAYMENT_SECRET).update(raw).digest('hex')}` : signature;
  return call('/payments/callback', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(sig === null ? {} : { 'x-slotwise-signature': sig }) },
    body: raw,
  });
}

const paid = (reference: string, over: Record<string, unknown> = {}) => ({
  reference,
  amount: '30.00',
  currency: 'EUR',
  status: 'paid',
  transactionId: 'tx-1',
  ...over,
});

async function state(reference: string) {
  const [b] = await tdb.db.query('SELECT status, amount_paid_minor FROM bookings WHERE reference = $1', [reference]);
  const payments = await tdb.db.query('SELECT transaction_id, status FROM payments ORDER BY transaction_id, status');
  const clients = await tdb.db.query('SELECT email FROM clients');
  return { status: b?.status, paid: Number(b?.amount_paid_minor), payments, clients: clients.length };
}

/** The ledger as `transactionId status amount currency applied|reason`, in the order received. */
async function ledger(): Promise<string[]> {
  const rows = await tdb.db.query(
    `SELECT transaction_id, status, coalesce(amount_minor::text, amount_text) AS amount, currency, applied, reason
     FROM payments ORDER BY id`,
  );
  return rows.map(
    (r) => `${r.transaction_id} ${r.status} ${r.amount} ${r.currency} ${r.applied ? 'applied' : String(r.reason)}`,
  );
}

/** The jobs queued, as `kind` or `kind type` for webhook events. */
async function queued(): Promise<string[]> {
  // The booking emails of a confirmation are not what these tests are about.
  const rows = await tdb.db.query(
    `SELECT kind, payload->>'type' AS type FROM jobs WHERE kind <> 'email.booking' ORDER BY id`,
  );
  return rows.map((r) => (r.type ? `${r.kind} ${r.type}` : String(r.kind)));
}

describe('POST /payments/callback', () => {
  it('a correctly signed "paid" confirms the booking and records the amount; the client now exists', async () => {
    const ref = await awaitingDeposit();
    const r = await callback(paid(ref));
    expect(r.status).toBe(200);
    expect([r.body.applied, r.body.reason]).toEqual([true, null]);
    expect(r.body.booking).toMatchObject({
      reference: ref,
      status: 'confirmed',
      payment: { option: 'deposit', amountDue: '30.00', amountPaid: '30.00', currency: 'EUR' },
      holdExpiresAt: null,
    });
    expect(await state(ref)).toEqual({
      status: 'confirmed',
      paid: 3000,
      payments: [{ transaction_id: 'tx-1', status: 'paid' }],
      clients: 1,
    });
    expect(await ledger()).toEqual(['tx-1 paid 3000 EUR applied']);
  });

  it('a replayed (transactionId, status) answers 200 as the first time and changes nothing', async () => {
    const ref = await awaitingDeposit();
    await callback(paid(ref));
    const before = { state: await state(ref), jobs: await queued() };
    const again = await callback(paid(ref));
    expect([again.status, again.body.applied, again.body.booking.status]).toEqual([200, true, 'confirmed']);
    expect({ state: await state(ref), jobs: await queued() }).toEqual(before);
  });

  it('a bad, missing or malformed signature is 401 UNAUTHORIZED and records nothing', async () => {
    const ref = await awaitingDeposit();
    const before = await state(ref);
    const wrongKey = `sha256=${createHmac('sha256', 'another-secret')
      .update(JSON.stringify(paid(ref)))
      .digest('hex')}`;
    for (const sig of [wrongKey, null, 'sha256=zz', `sha1=${'0'.repeat(40)}`]) {
      const r = await callback(paid(ref), sig);
      expect([r.status, r.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    }
    expect(await state(ref)).toEqual(before);
    expect(before.status).toBe('awaiting_payment');
    expect(await ledger()).toEqual([]);
  });

  it('an amount or currency that is not the amount due is 422 VALIDATION_FAILED, changes the booking not, and is recorded as unapplied', async () => {
    const ref = await awaitingDeposit();
    const before = await state(ref);
    const wrong = [
      { amount: '29.99', transactionId: 'tx-a' },
      { amount: '120.00', transactionId: 'tx-b' },
      { currency: 'USD', transactionId: 'tx-c' },
      { amount: '29.999', transactionId: 'tx-d' }, // not even a EUR amount: kept as the gateway wrote it
    ];
    for (const over of wrong) {
      const r = await callback(paid(ref, over));
      expect([r.status, r.body.error.code, Object.keys(r.body.error.details.fields)]).toEqual([
        422,
        'VALIDATION_FAILED',
        ['amount'],
      ]);
    }
    expect((await state(ref)).status).toBe(before.status);
    expect((await state(ref)).paid).toBe(0);
    expect(await ledger()).toEqual([
      'tx-a paid 2999 EUR amount_mismatch',
      'tx-b paid 12000 EUR amount_mismatch',
      'tx-c paid 3000 USD amount_mismatch',
      'tx-d paid 29.999 EUR amount_mismatch',
    ]);
    // Money moved that the booking does not reflect: the owner's email and the webhook event, each time.
    expect(await queued()).toEqual(Array(4).fill(['email.payment', 'webhook.event payment.unapplied']).flat());
    // The gateway retrying gets the same answer, and nothing is recorded or announced twice.
    const retry = await callback(paid(ref, wrong[0]));
    expect([retry.status, retry.body.error.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect((await ledger()).length).toBe(4);
    expect((await queued()).length).toBe(8);
  });

  it('"failed" is recorded and leaves the booking awaiting payment; a later "paid" still confirms', async () => {
    const ref = await awaitingDeposit();
    const failed = await callback(paid(ref, { status: 'failed', transactionId: 'tx-f' }));
    expect([failed.status, failed.body.applied, failed.body.booking.status]).toEqual([200, true, 'awaiting_payment']);
    expect(await queued()).toEqual([]); // no money moved: nobody to tell
    const ok = await callback(paid(ref, { transactionId: 'tx-2' }));
    expect(ok.body.booking.status).toBe('confirmed');
    expect((await state(ref)).payments).toEqual([
      { transaction_id: 'tx-2', status: 'paid' },
      { transaction_id: 'tx-f', status: 'failed' },
    ]);
  });

  it('"failed" then "paid" under the same transactionId records both and confirms (the client tried again)', async () => {
    const ref = await awaitingDeposit();
    await callback(paid(ref, { status: 'failed' }));
    const ok = await callback(paid(ref));
    expect([ok.status, ok.body.applied, ok.body.booking.status]).toEqual([200, true, 'confirmed']);
    expect(await ledger()).toEqual(['tx-1 failed 3000 EUR applied', 'tx-1 paid 3000 EUR applied']);
    expect((await state(ref)).paid).toBe(3000);
  });

  it('a payment after the hold has lapsed is recorded as unapplied (hold_expired), announced, and never takes the slot back', async () => {
    const ref = await awaitingDeposit();
    clock.advance(15);
    // Someone else books the released time meanwhile.
    const other = await awaitingDepositAt('2027-03-29T10:00:00+02:00', 'cid@example.com');
    const late = await callback(paid(ref));
    expect([late.status, late.body.applied, late.body.reason]).toEqual([200, false, 'hold_expired']);
    expect(late.body.booking).toMatchObject({ reference: ref, status: 'expired' });
    expect(await ledger()).toEqual(['tx-1 paid 3000 EUR hold_expired']);
    expect(await queued()).toEqual(['email.payment', 'webhook.event payment.unapplied']);
    expect((await state(ref)).paid).toBe(0);
    expect((await state(other)).status).toBe('awaiting_payment');
  });

  it('a payment for a cancelled booking is recorded as unapplied (booking_cancelled)', async () => {
    const ref = await awaitingDeposit();
    await tdb.db.query("UPDATE bookings SET status = 'cancelled', cancelled_at = now(), hold_until = NULL");
    const r = await callback(paid(ref));
    expect([r.status, r.body.applied, r.body.reason, r.body.booking.status]).toEqual([
      200,
      false,
      'booking_cancelled',
      'cancelled',
    ]);
    expect(await ledger()).toEqual(['tx-1 paid 3000 EUR booking_cancelled']);
  });

  it('a second payment for a paid booking is recorded as unapplied (already_paid) and leaves the amount paid', async () => {
    const ref = await awaitingDeposit();
    await callback(paid(ref, { transactionId: 'tx-a' }));
    const twice = await callback(paid(ref, { transactionId: 'tx-b' }));
    expect([twice.status, twice.body.applied, twice.body.reason]).toEqual([200, false, 'already_paid']);
    expect(twice.body.booking.payment.amountPaid).toBe('30.00');
    expect(await ledger()).toEqual(['tx-a paid 3000 EUR applied', 'tx-b paid 3000 EUR already_paid']);
    expect((await queued()).slice(-2)).toEqual(['email.payment', 'webhook.event payment.unapplied']);
  });

  it('an unknown reference is 404 NOT_FOUND', async () => {
    const r = await callback(paid('SW-ZZZZZZ'));
    expect([r.status, r.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

async function awaitingDepositAt(start: string, email = 'bea@example.com'): Promise<string> {
  const r = await call('/bookings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      service: 'portrait',
      staff: '1',
      start,
      client: { name: 'Bea', email },
      payment: 'deposit',
    }),
  });
  expect(r.status).toBe(201);
  return r.body.booking.reference;
}
