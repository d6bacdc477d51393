/**
 * Issue 20 through the HTTP API (SPEC §10.1–10.3): intake answers checked by the one booking
 * schema, the sensitive one sealed and never in an email, a job payload, a log or the manage API
 * (admins and the booking's own staff member read it); the client's cancel applies the policy tier
 * (history, owner's email); an admin's cancel may choose another refund, with a reason; outcomes
 * only from the start on (409 before, 400 on a cancelled booking); the no-show rule at the limit.
 *
 * Studio: now = Fri 2027-03-26 12:00 Paris; with a gateway, an owner, noShowLimit 1; the portrait
 * (120.00, deposit 30.00) asks three questions and has a 48 h / 24 h policy.
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from './support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import type { Body } from './support/lifecycle.ts';
import { HEALTH, PAY_SECRET, RULES_STUDIO } from './support/rules-studio.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb, RULES_STUDIO);
});
afterEach(() => {
  expect(d.errors).toEqual([]);
});

const ANSWERS = { people: 2, health: HEALTH, style: 'bw' };

function book(over: Record<string, unknown> = {}) {
  return d.post('/bookings', {
    service: 'portrait',
    staff: d.staffIds.ana,
    start: '2027-03-29T10:00:00+02:00',
    client: { name: 'Ada Lovelace', email: 'ada@example.com' },
    payment: 'deposit',
    answers: ANSWERS,
    ...over,
  });
}

function pay(reference: string, amount = '30.00') {
  const body = JSON.stringify({ reference, amount, currency: 'EUR', status: 'paid', transactionId: `tx-${reference}` });
  return d.call('/api/v1/payments/callback', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slotwise-signature': `sha256=${createHmac('sha256', PAY_SECRET).update(body).digest('hex')}`,
    },
    body,
  });
}

/** A confirmed portrait, deposit paid; its manage token. */
async function paidBooking(over: Record<string, unknown> = {}): Promise<{ booking: Body; token: string }> {
  const r = await book(over);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const paid = await pay(r.body.booking.reference);
  expect(paid.body, JSON.stringify(paid.body)).toMatchObject({ applied: true });
  return { booking: r.body.booking, token: r.body.token };
}

const bookingRows = async () => (await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bookings'))[0]?.n;

describe('intake answers', () => {
  it('keeps the open answers with the booking and seals the sensitive one: never in emails, jobs, logs or the manage API', async () => {
    const { booking, token } = await paidBooking();
    expect(booking.answers).toEqual({ people: 2, style: 'bw' });
    await d.deliver();
    const mails = d.mail.sent;
    expect(mails.length).toBeGreaterThanOrEqual(3);
    for (const m of mails) expect(JSON.stringify(m)).not.toContain('plaintext-7731');
    // The team's emails carry the open answers, labelled.
    const staffMail = d.mail.to('ana@studio.test').at(-1);
    expect(staffMail?.text).toContain('How many people?');
    expect(staffMail?.text).toContain('Black and white');
    const manage = await d.call(`/manage/${token}`);
    expect(manage.status).toBe(200);
    expect(manage.body.answers).toEqual({ people: 2, style: 'bw' });
    expect(JSON.stringify(manage.body)).not.toContain('plaintext-7731');
    // Nothing the database holds has it in clear: the bookings row, the jobs (emails, webhooks).
    for (const table of ['bookings', 'jobs', 'booking_history']) {
      const rows = await tdb.db.query(`SELECT * FROM ${table}`);
      expect(JSON.stringify(rows), table).not.toContain('plaintext-7731');
    }
    const [row] = await tdb.db.query<{ answers_sealed: string }>('SELECT answers_sealed FROM bookings');
    expect(row?.answers_sealed).toMatch(/^v1\./);
  });

  it('shows the sensitive answer to an admin and to the booking’s staff member only', async () => {
    const { booking } = await paidBooking();
    const admin = await d.as('admin', 'GET', `bookings/${booking.id}`);
    expect(admin.body.sensitiveAnswers).toEqual({ health: HEALTH });
    expect(admin.body.answers).toEqual({ people: 2, style: 'bw' });
    expect((await d.as('ana', 'GET', `bookings/${booking.id}`)).body.sensitiveAnswers).toEqual({ health: HEALTH });
    const ben = await d.as('ben', 'GET', `bookings/${booking.id}`);
    expect(ben.status).toBe(404);
    expect(JSON.stringify(ben.body)).not.toContain('plaintext-7731');
    // The list shows no sensitive answer to anyone.
    const list = await d.as('admin', 'GET', 'bookings?from=2027-03-29&to=2027-03-29');
    expect(JSON.stringify(list.body)).not.toContain('plaintext-7731');
  });

  it('exports the answers to the admin, the sensitive one opened, and erase removes them all', async () => {
    await paidBooking();
    const [client] = (await d.as('admin', 'GET', 'clients?q=ada%40example.com')).body.clients;
    const exported = await d.as('admin', 'GET', `clients/${client.id}/export`);
    expect(exported.status).toBe(200);
    // Every answer, the sensitive one opened: the person's own data, for the admin who exports it.
    expect(exported.body.bookings[0]).toMatchObject({
      answers: { people: 2, style: 'bw', health: HEALTH },
      sensitiveAnswersUnreadable: false,
    });
    expect((await d.as('admin', 'POST', `clients/${client.id}/erase`)).status).toBe(200);
    const rows = await tdb.db.query<{ answers: unknown; answers_sealed: string | null }>(
      'SELECT answers, answers_sealed FROM bookings',
    );
    expect(rows).toEqual([{ answers: {}, answers_sealed: null }]);
  });

  it.each([
    ['an unknown key', { ...ANSWERS, shoeSize: 42 }, 'answers.shoeSize'],
    ['a text for a number', { ...ANSWERS, people: 'two' }, 'answers.people'],
    ['an option not in the list', { ...ANSWERS, style: 'sepia' }, 'answers.style'],
    ['an answer over 2,000 characters', { ...ANSWERS, health: 'x'.repeat(2001) }, 'answers.health'],
    ['a required answer missing', { style: 'bw' }, 'answers.people'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_name, answers, field) => {
    const before = await bookingRows();
    const r = await book({ answers });
    expect([r.status, r.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(Object.keys(r.body.error.details.fields)).toContain(field);
    expect(await bookingRows()).toBe(before);
  });
});

describe('cancellation policy', () => {
  it('tells the rule in force and applies the tier to the client’s cancel: recorded, in the history, the owner told what to refund', async () => {
    const { booking, token } = await paidBooking();
    // Fri 12:00, the start Mon 10:00: more than 48 h ahead.
    expect(booking.policy).toEqual({ untilHoursBefore: 48, refund: 'full' });
    d.clock.set('2027-03-28T09:00:00+02:00'); // 25 h before: the deposit is kept
    expect((await d.call(`/manage/${token}`)).body.policy).toEqual({ untilHoursBefore: 24, refund: 'deposit_kept' });
    await d.deliver();
    const r = await d.post(`/manage/${token}/cancel`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.cancellation).toEqual({
      refund: 'deposit_kept',
      refundDue: '0.00',
      amountKept: '30.00',
      by: 'client',
      overridden: false,
    });
    const history = (await d.call(`/manage/${token}`)).body.history;
    expect(history.at(-1)).toMatchObject({ kind: 'cancelled', refund: 'deposit_kept', amountKept: '30.00' });
    await d.deliver();
    const owner = d.mail.to('owner@studio.test').at(-1);
    expect(owner?.subject).toMatch(/cancelled/i);
    expect(owner?.text).toContain('Deposit kept');
    expect(owner?.text).toContain('To refund');
  });

  it('refuses the client’s cancel inside the last tier (none_online)', async () => {
    const { token } = await paidBooking();
    d.clock.set('2027-03-29T06:00:00+02:00');
    const r = await d.post(`/manage/${token}/cancel`, {});
    expect(r.status).toBe(409);
    expect((await d.call(`/manage/${token}`)).body.status).toBe('confirmed');
  });

  it('lets an admin choose another refund with a reason; staff may not, and no reason is refused', async () => {
    const { booking } = await paidBooking();
    d.clock.set('2027-03-28T09:00:00+02:00');
    const detail = await d.as('admin', 'GET', `bookings/${booking.id}`);
    expect(detail.body.cancelNow).toEqual({ refund: 'deposit_kept', refundDue: '0.00', amountKept: '30.00' });
    const noReason = await d.as('admin', 'POST', `bookings/${booking.id}/cancel`, { refund: 'full' });
    expect([noReason.status, noReason.body.error.details.fields]).toEqual([400, { reason: 'required with refund' }]);
    const staff = await d.as('ana', 'POST', `bookings/${booking.id}/cancel`, { refund: 'full', reason: 'Ill' });
    expect(staff.status).toBe(403);
    const r = await d.as('admin', 'POST', `bookings/${booking.id}/cancel`, { refund: 'full', reason: 'Flu' });
    expect(r.status).toBe(200);
    expect(r.body.cancellation).toEqual({
      refund: 'full',
      refundDue: '30.00',
      amountKept: '0.00',
      by: 'staff',
      overridden: true,
    });
  });
});

describe('the admin API’s service rules', () => {
  it('refuses tiers out of order and a question of an unknown type with 400 naming each field, writing nothing', async () => {
    const id = (await tdb.store.findService('portrait'))?.id as string;
    const r = await d.as('admin', 'PATCH', `services/${id}`, {
      cancellationPolicy: [
        { untilHoursBefore: 24, refund: 'deposit_kept' },
        { untilHoursBefore: 48, refund: 'full' },
      ],
      questions: [{ key: 'pets', type: 'colour', label: 'Pets?' }],
    });
    expect([r.status, r.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(Object.keys(r.body.error.details.fields)).toEqual(
      expect.arrayContaining(['cancellationPolicy[1].untilHoursBefore', 'questions[0].type']),
    );
    const service = await tdb.store.findService('portrait');
    expect(service?.cancellationPolicy[0]).toEqual({ untilHoursBefore: 48, refund: 'full' });
    expect(service?.questions.map((q) => q.key)).toEqual(['people', 'health', 'style']);
  });
});

describe('outcomes and the no-show rule', () => {
  it('refuses a future booking with 409, marks a started one, counts the client’s no-shows, then asks them to pay in full', async () => {
    const { booking } = await paidBooking();
    const early = await d.as('admin', 'PATCH', `bookings/${booking.id}`, { outcome: 'no_show' });
    expect([early.status, early.body.error.code]).toEqual([409, 'OUTCOME_NOT_ALLOWED']);
    d.clock.set('2027-03-29T10:30:00+02:00');
    const marked = await d.as('ana', 'PATCH', `bookings/${booking.id}`, { outcome: 'no_show' });
    expect([marked.status, marked.body.outcome]).toEqual([200, 'no_show']);
    expect((await d.as('admin', 'GET', `bookings/${booking.id}`)).body.client.noShows).toBe(1);
    // At the limit (1): no down payment for this client; the full price is still offered.
    const next = { start: '2027-04-01T10:00:00+02:00', answers: { people: 1 } };
    const deposit = await book({ ...next, payment: 'deposit' });
    expect([deposit.status, deposit.body.error.code]).toEqual([422, 'PAYMENT_OPTION_NOT_ALLOWED']);
    const other = await book({ ...next, payment: 'deposit', client: { name: 'Bo', email: 'bo@example.com' } });
    expect(other.status).toBe(201);
    const full = await book({ ...next, start: '2027-04-01T14:00:00+02:00', payment: 'full' });
    expect(full.status).toBe(201);
  });

  it('refuses an outcome on a cancelled booking with 400 naming outcome', async () => {
    const { booking } = await paidBooking();
    await d.as('admin', 'POST', `bookings/${booking.id}/cancel`, {});
    d.clock.set('2027-03-29T12:00:00+02:00');
    const r = await d.as('admin', 'PATCH', `bookings/${booking.id}`, { outcome: 'completed' });
    expect([r.status, r.body.error.code, Object.keys(r.body.error.details.fields)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['outcome'],
    ]);
    expect((await d.as('admin', 'GET', `bookings/${booking.id}`)).body.outcome).toBeNull();
  });
});

describe('reports', () => {
  it('answers the pinned shape, counts a no-show as a booking, revenue = paid; CSV on Accept; staff see their own', async () => {
    const { booking } = await paidBooking();
    // Other clients (a second booking by the same email asks for its code first).
    await paidBooking({ start: '2027-03-30T10:00:00+02:00', client: { name: 'Bo', email: 'bo@example.com' } });
    const cancelled = await paidBooking({
      start: '2027-03-31T10:00:00+02:00',
      client: { name: 'Cy', email: 'cy@example.com' },
    });
    await d.as('admin', 'POST', `bookings/${cancelled.booking.id}/cancel`, { refund: 'deposit_kept', reason: 'Late' });
    d.clock.set('2027-03-29T12:00:00+02:00');
    await d.as('admin', 'PATCH', `bookings/${booking.id}`, { outcome: 'no_show' });
    const r = await d.as('admin', 'GET', 'reports?from=2027-03-29&to=2027-03-31');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.totals).toMatchObject({ bookings: 2, noShows: 1, cancellations: 1, revenue: '90.00' });
    expect(r.body.totals.utilisation).toBeGreaterThan(0);
    expect(r.body.weeks.map((w: Body) => w.week)).toEqual(['2027-03-29']);
    expect(r.body.staff.map((s: Body) => [s.name, s.bookings])).toEqual([
      ['Ana', 2],
      ['Ben', 0],
    ]);
    const csv = await d.app.request('/api/v1/admin/reports?from=2027-03-29&to=2027-03-31', {
      headers: { authorization: `Bearer ${d.keys.admin}`, accept: 'text/csv' },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\n')[0]).toContain('bookings,noShows,cancellations,revenue');
    const ben = await d.as('ben', 'GET', 'reports?from=2027-03-29&to=2027-03-31');
    expect(ben.body.totals.bookings).toBe(0);
    expect(ben.body.staff.map((s: Body) => s.name)).toEqual(['Ben']);
    expect((await d.as('ben', 'GET', `reports?staff=${d.staffIds.ana}`)).status).toBe(404);
    const bad = await d.as('admin', 'GET', 'reports?from=2027-04-02&to=2027-03-01');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
