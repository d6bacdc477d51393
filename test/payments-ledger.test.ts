/**
 * The payments ledger end to end (SPEC §10.4): a payment that cannot be applied is recorded, the
 * owner is emailed (the admins when there is no owner email), and the admin booking — JSON API and
 * dashboard page — shows it with its transactionId and `applied: false`.
 * Studio: test/support/studio.ts (now Friday 2027-03-26 12:00 Paris), a gateway, holds of 15 minutes.
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { paymentsShape } from '../src/http/openapi/admin-shapes.ts';
import { type Dashboard, startDashboard } from './support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import type { Body } from './support/lifecycle.ts';
import { makeAccount, signedIn } from './support/sessions.ts';
import { STUDIO } from './support/studio.ts';

const PAY_SECRET = 'gateway-secret-0123456789';
const GATEWAY = { paymentUrl: 'https://pay.example.test/checkout', paymentSecret: PAY_SECRET };
let tdb: TestDatabase;
let d: Dashboard;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
afterEach(() => expect(d.errors).toEqual([]));

async function start(ownerEmail: string | null) {
  d = await startDashboard(tdb, { ...STUDIO, business: { ...STUDIO.business, ...GATEWAY, ownerEmail } });
}

async function awaitingDeposit(): Promise<Body> {
  const r = await d.post('/bookings', {
    service: 'portrait',
    staff: d.staffIds.ana,
    start: '2027-03-29T10:00:00+02:00',
    client: { name: 'Ada Lovelace', email: 'ada@example.com' },
    payment: 'deposit',
  });
  expect([r.status, r.body.booking.status]).toEqual([201, 'awaiting_payment']);
  return r.body.booking;
}

function callback(payload: Record<string, string>) {
  const body = JSON.stringify(payload);
  return d.call('/api/v1/payments/callback', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slotwise-signature': `sha256=${createHmac('sha256', PAY_SECRET).update(body).digest('hex')}`,
    },
    body,
  });
}

const latePayment = (reference: string, transactionId = 'tx-late') =>
  callback({ reference, amount: '30.00', currency: 'EUR', status: 'paid', transactionId });

describe('a payment that cannot be applied', () => {
  beforeEach(() => start('owner@studio.test'));

  it('is emailed to the owner with the amount, the transaction, why, and a link to the booking', async () => {
    const booking = await awaitingDeposit();
    d.clock.advance(20);
    expect((await latePayment(booking.reference)).body.reason).toBe('hold_expired');
    await d.deliver();
    const [mail, ...more] = d.mail.to('owner@studio.test').filter((m) => m.subject.startsWith('Payment not applied'));
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`Payment not applied: 30.00 EUR for ${booking.reference}`);
    expect(mail?.text).toContain('It arrived after the time held for the booking had run out.');
    expect(mail?.text).toContain('tx-late');
    expect(mail?.text).toContain('Ada Lovelace');
    expect(mail?.text).toContain(`http://127.0.0.1:3000/admin/bookings/${booking.id}`);
    // Not the client: they are told by the return page, and the studio decides about the money.
    expect(d.mail.to('ada@example.com').filter((m) => m.subject.startsWith('Payment'))).toEqual([]);
  });

  it('shows in the admin booking (API and page) with its transactionId and applied: false', async () => {
    const booking = await awaitingDeposit();
    d.clock.advance(20);
    await latePayment(booking.reference);
    const r = await d.as('admin', 'GET', `bookings/${booking.id}`);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('expired');
    expect(paymentsShape.parse(r.body.payments)).toEqual([
      {
        transactionId: 'tx-late',
        amount: '30.00',
        currency: 'EUR',
        status: 'paid',
        applied: false,
        reason: 'hold_expired',
        receivedAt: '2027-03-26T12:20:00+01:00',
      },
    ]);
    // Ana's own booking: she sees its payments too; Ben gets the usual 404.
    expect((await d.as('ana', 'GET', `bookings/${booking.id}`)).body.payments).toHaveLength(1);
    expect((await d.as('ben', 'GET', `bookings/${booking.id}`)).status).toBe(404);

    const page = await (await signedIn(tdb, d, 'admin')).page(`/admin/bookings/${booking.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h2 id="payments">Payments</h2>');
    expect(page.html).toContain('<code>tx-late</code>');
    expect(page.html).toContain('not applied: arrived after the hold ran out');
  });

  it('an applied payment shows as applied, and a booking never paid has an empty list', async () => {
    const paid = await awaitingDeposit();
    await latePayment(paid.reference, 'tx-ok');
    expect((await d.as('admin', 'GET', `bookings/${paid.id}`)).body.payments).toMatchObject([
      { transactionId: 'tx-ok', applied: true, reason: null },
    ]);
    const free = await d.post('/bookings', {
      service: 'consult',
      staff: d.staffIds.ana,
      start: '2027-03-29T14:00:00+02:00',
      client: { name: 'Bob', email: 'bob@example.com' },
    });
    expect((await d.as('admin', 'GET', `bookings/${free.body.booking.id}`)).body.payments).toEqual([]);
  });
});

describe('with no owner email', () => {
  beforeEach(() => start(null));

  it('the admins are emailed instead, so someone always hears of money to give back', async () => {
    await makeAccount(tdb, d, 'admin');
    const booking = await awaitingDeposit();
    await tdb.db.query("UPDATE bookings SET status = 'cancelled', cancelled_at = now(), hold_until = NULL");
    expect((await latePayment(booking.reference)).body.reason).toBe('booking_cancelled');
    await d.deliver();
    const [mail] = d.mail.sent.filter((m) => m.subject.startsWith('Payment not applied'));
    expect(mail?.to).toEqual(['admin@studio.test']);
    expect(mail?.text).toContain('The booking had been cancelled.');
  });
});
