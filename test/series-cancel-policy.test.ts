/**
 * A series' cancels apply the cancellation policy (SPEC §9.2, §10.2, decision 035): each cancelled
 * occurrence records what a single booking's cancel records — the tier in force for its own start,
 * on its share of what the series paid — and its email tells what to refund. An occurrence inside
 * "no online cancellation" gets the single booking's refusal for "one"; "rest" cancels the others
 * and answers it in `refused`, still booked.
 * Ben (New York) gives the portrait (120.00, deposit 30.00) as a series; now is Friday 2027-03-26
 * 07:00 in New York.
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
    services: (WITH_REPEAT.services ?? []).map((s) =>
      s.key === 'portrait'
        ? {
            ...s,
            cancellationPolicy: [
              { untilHoursBefore: 72, refund: 'full' },
              { untilHoursBefore: 24, refund: 'deposit_kept' },
              { untilHoursBefore: 0, refund: 'none_online' },
            ],
          }
        : s,
    ),
  });
});
afterEach(() => expect(d.errors).toEqual([]));

/** A weekly series with Ben from `start`, paid in full (120.00 an occurrence) through the gateway. */
async function paidSeries(start: string, count: number): Promise<{ token: string; ids: string[] }> {
  const r = await d.post('/bookings', {
    service: 'portrait',
    staff: d.staffIds.ben,
    start,
    client: { name: 'Ada Lovelace', email: 'ada@example.com' },
    payment: 'full',
    repeat: { frequency: 'weekly', count },
  });
  expect(r.status).toBe(201);
  const bookings = r.body.series.bookings as Body[];
  const body = JSON.stringify({
    reference: bookings[0].reference,
    amount: (120 * count).toFixed(2),
    currency: 'EUR',
    status: 'paid',
    transactionId: `tx-${start}`,
  });
  const paid = await d.call('/api/v1/payments/callback', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slotwise-signature': `sha256=${createHmac('sha256', PAY_SECRET).update(body).digest('hex')}`,
    },
    body,
  });
  expect(paid.status).toBe(200);
  return { token: r.body.token, ids: bookings.map((b) => b.id) };
}

/** Each occurrence: status, refund kind, refund due and amount kept (minor units), in start order. */
const outcomes = async (ids: string[]) =>
  (
    await tdb.db.query(
      `SELECT status, cancel_refund, refund_due_minor, amount_kept_minor FROM bookings
       WHERE id = ANY($1::bigint[]) ORDER BY start_at`,
      [ids],
    )
  ).map((r) => [
    r.status,
    r.cancel_refund,
    r.refund_due_minor === null ? null : Number(r.refund_due_minor),
    r.amount_kept_minor === null ? null : Number(r.amount_kept_minor),
  ]);

describe('series cancels under the cancellation policy (SPEC §9.2, §10.2)', () => {
  it('"rest" from inside "no online cancellation": the others cancelled with a full refund of their share, the first kept and named', async () => {
    // Today 14:00 New York (7 h away: no online cancellation), then 2 and 9 April (full refund).
    const { token, ids } = await paidSeries('2027-03-26T14:00:00-04:00', 3);
    const one = await d.post(`/manage/${token}/cancel`, { scope: 'one', bookingId: ids[0] });
    expect([one.status, one.body.error.code, one.body.error.details.reason]).toEqual([
      409,
      'CANCEL_NOT_ALLOWED',
      'no_online_cancel',
    ]);
    // The same refusal as a single booking's cancel through the same link.
    const single = await d.post(`/manage/${token}/cancel`, {});
    expect([single.status, single.body.error.details]).toEqual([409, one.body.error.details]);
    const rest = await d.post(`/manage/${token}/cancel`, { scope: 'rest', bookingId: ids[0] });
    expect(rest.status).toBe(200);
    expect(rest.body.refused).toEqual([{ bookingId: ids[0], reason: 'no_online_cancel' }]);
    expect(await outcomes(ids)).toEqual([
      ['confirmed', null, null, null],
      ['cancelled', 'full', 12000, 0],
      ['cancelled', 'full', 12000, 0],
    ]);
    // Each cancelled occurrence's email tells the owner what to refund.
    await d.deliver();
    const toBen = d.mail.to('ben@studio.test').filter((m) => /cancel/i.test(m.subject));
    expect(toBen).toHaveLength(2);
    for (const m of toBen) expect(m.text).toMatch(/To refund\s*:?\s*€?120\.00/);
  });

  it('"one" in the deposit-kept window keeps the deposit of that occurrence only; "rest" records each tier', async () => {
    // Tomorrow 10:00 New York (27 h away: deposit kept), then 3 April (full refund).
    const { token, ids } = await paidSeries('2027-03-27T10:00:00-04:00', 2);
    const one = await d.post(`/manage/${token}/cancel`, { scope: 'one', bookingId: ids[0] });
    expect([one.status, one.body.refused]).toEqual([200, []]);
    expect(await outcomes(ids)).toEqual([
      ['cancelled', 'deposit_kept', 9000, 3000],
      ['confirmed', null, null, null],
    ]);
    const rest = await d.post(`/manage/${token}/cancel`, { scope: 'rest', bookingId: ids[1] });
    expect(rest.status).toBe(200);
    expect(await outcomes(ids)).toEqual([
      ['cancelled', 'deposit_kept', 9000, 3000],
      ['cancelled', 'full', 12000, 0],
    ]);
  });

  it('the manage page\'s "rest" form cancels what it may and says how many dates stay booked', async () => {
    const { token, ids } = await paidSeries('2027-03-26T14:00:00-04:00', 2);
    const form = await d.app.request(`/manage/${token}/series-cancel`, {
      method: 'POST',
      body: new URLSearchParams({ scope: 'rest', bookingId: ids[0] as string }),
    });
    expect([form.status, form.headers.get('location')]).toEqual([303, `/manage/${token}?cancelled=1&kept=1`]);
    const page = await (await d.app.request(`/manage/${token}?cancelled=1&kept=1`)).text();
    expect(page).toContain('One date is too close to cancel online and stays booked: please contact us.');
    expect((await outcomes(ids)).map((o) => o[0])).toEqual(['confirmed', 'cancelled']);
  });
});
