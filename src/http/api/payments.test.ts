/**
 * POST /payments/callback (API.md "Payment") through createApp().request(): HMAC-SHA256 over the
 * raw body with paymentSecret; replays, wrong amounts and bad signatures change nothing.
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
  const payments = await tdb.db.query('SELECT transaction_id, status FROM payments ORDER BY transaction_id');
  const clients = await tdb.db.query('SELECT email FROM clients');
  return { status: b?.status, paid: Number(b?.amount_paid_minor), payments, clients: clients.length };
}

describe('POST /payments/callback', () => {
  it('a correctly signed "paid" confirms the booking and records the amount; the client now exists', async () => {
    const ref = await awaitingDeposit();
    const r = await callback(paid(ref));
    expect(r.status).toBe(200);
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
  });

  it('a replayed transactionId answers 200 and changes nothing', async () => {
    const ref = await awaitingDeposit();
    await callback(paid(ref));
    const before = await state(ref);
    const again = await callback(paid(ref));
    expect([again.status, again.body.booking.status]).toEqual([200, 'confirmed']);
    expect(await state(ref)).toEqual(before);
  });

  it('a bad, missing or malformed signature is 401 UNAUTHORIZED and changes nothing', async () => {
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
  });

  it('an amount or currency that is not the amount due is 422 VALIDATION_FAILED and changes nothing', async () => {
    const ref = await awaitingDeposit();
    const before = await state(ref);
    for (const over of [{ amount: '29.99' }, { amount: '120.00' }, { currency: 'USD' }]) {
      const r = await callback(paid(ref, over));
      expect([r.status, r.body.error.code, Object.keys(r.body.error.details.fields)]).toEqual([
        422,
        'VALIDATION_FAILED',
        ['amount'],
      ]);
    }
    expect(await state(ref)).toEqual(before);
  });

  it('"failed" is recorded and leaves the booking awaiting payment; a later "paid" still confirms', async () => {
    const ref = await awaitingDeposit();
    const failed = await callback(paid(ref, { status: 'failed', transactionId: 'tx-f' }));
    expect([failed.status, failed.body.booking.status]).toEqual([200, 'awaiting_payment']);
    const ok = await callback(paid(ref, { transactionId: 'tx-2' }));
    expect(ok.body.booking.status).toBe('confirmed');
    expect((await state(ref)).payments).toEqual([
      { transaction_id: 'tx-2', status: 'paid' },
      { transaction_id: 'tx-f', status: 'failed' },
    ]);
  });

  it('after the hold has run out, "paid" is 410 HOLD_EXPIRED; on a confirmed booking a new payment is 409 BOOKING_NOT_PENDING', async () => {
    const ref = await awaitingDeposit();
    clock.advance(15);
    const late = await callback(paid(ref));
    expect([late.status, late.body.error.code]).toEqual([410, 'HOLD_EXPIRED']);
    expect((await state(ref)).payments).toEqual([]);

    clock.set(STUDIO_NOW);
    await tdb.db.query("UPDATE bookings SET status = 'awaiting_payment', hold_until = $1", ['2027-03-26T11:15:00Z']);
    const other = await awaitingDepositAt('2027-03-30T10:00:00+02:00');
    await callback(paid(other, { transactionId: 'tx-a' }));
    const twice = await callback(paid(other, { transactionId: 'tx-b' }));
    expect([twice.status, twice.body.error.code]).toEqual([409, 'BOOKING_NOT_PENDING']);
  });

  it('an unknown reference is 404 NOT_FOUND', async () => {
    const r = await callback(paid('SW-ZZZZZZ'));
    expect([r.status, r.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

async function awaitingDepositAt(start: string): Promise<string> {
  const r = await call('/bookings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      service: 'portrait',
      staff: '1',
      start,
      client: { name: 'Bea', email: 'bea@example.com' },
      payment: 'deposit',
    }),
  });
  return r.body.booking.reference;
}
