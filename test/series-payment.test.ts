/**
 * A paid series (SPEC §9.2 "the deposit of every occurrence"): the first occurrence carries what
 * the whole series owes, the gateway is paid once, and its callback confirms every occurrence.
 * Studio: test/support/studio.ts with a gateway; the portrait allows repeats (deposit 30.00).
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from './support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import type { Body } from './support/lifecycle.ts';
import { WITH_REPEAT } from './support/studio.ts';

const PAY_SECRET = 'gateway-secret-0123456789';
let tdb: TestDatabase;
let d: Dashboard;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb, {
    ...WITH_REPEAT,
    business: { ...WITH_REPEAT.business, paymentUrl: 'https://pay.example.test/checkout', paymentSecret: PAY_SECRET },
  });
});
afterEach(() => expect(d.errors).toEqual([]));

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

describe('a paid series', () => {
  it('owes the deposit of every occurrence on the first; one payment confirms them all', async () => {
    const r = await d.post('/bookings', {
      service: 'portrait',
      staff: d.staffIds.ana,
      start: '2027-04-12T10:00:00+02:00',
      client: { name: 'Ada Lovelace', email: 'ada@example.com' },
      payment: 'deposit',
      repeat: { frequency: 'weekly', count: 3 },
    });
    expect(r.status).toBe(201);
    const bookings = r.body.series.bookings as Body[];
    expect(bookings.map((b) => [b.status, b.payment.amountDue])).toEqual([
      ['awaiting_payment', '90.00'],
      ['awaiting_payment', '0.00'],
      ['awaiting_payment', '0.00'],
    ]);
    expect(r.body.next.action).toBe('pay');
    const paid = await callback({
      reference: bookings[0].reference,
      amount: '90.00',
      currency: 'EUR',
      status: 'paid',
      transactionId: 'tx-series',
    });
    expect(paid.status).toBe(200);
    const after = (await d.call(`/api/v1/manage/${r.body.token}`)).body;
    expect(after.series.bookings.map((b: Body) => b.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    await d.deliver();
    expect(d.mail.to('ada@example.com').filter((m) => m.subject.startsWith('Booking confirmed'))).toHaveLength(1);
  });
});
