/**
 * Back from the gateway (SPEC §10.4): the return URL is `/return/{reference}`, which holds no
 * credential. The page shows how the payment went and nothing about the person (a reference is
 * guessable), emails the client their manage link through the job table — at most
 * `return-reference` times per booking, so reloading cannot fill the inbox — and exists in every
 * language. Going to the gateway again from the manage page extends the hold once.
 * Studio: test/support/studio.ts (now Friday 2027-03-26 12:00 Paris), holds of 15 minutes.
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/app/rate-limits.ts';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import { type Body, type Lifecycle, PUBLIC_URL, startLifecycle } from './support/lifecycle.ts';
import { STUDIO } from './support/studio.ts';

const PAY_SECRET = 'gateway-secret-0123456789';
const PAY_URL = 'https://pay.example.test/checkout';
const CLIENT = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' };
let tdb: TestDatabase;
let life: Lifecycle;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  life = await startLifecycle(
    tdb,
    { ...STUDIO, business: { ...STUDIO.business, paymentUrl: PAY_URL, paymentSecret: PAY_SECRET } },
    undefined,
    { rateLimits: { 'return-reference': DEFAULT_LIMITS['return-reference'] } },
  );
});
afterEach(() => expect(life.errors).toEqual([]));

async function awaitingDeposit(): Promise<{ booking: Body; token: string; next: { url: string } }> {
  const r = await life.post('/bookings', {
    service: 'portrait',
    staff: 'any',
    start: '2027-03-29T10:00:00+02:00',
    client: CLIENT,
    notes: 'Window light please',
    payment: 'deposit',
  });
  expect([r.status, r.body.booking.status]).toEqual([201, 'awaiting_payment']);
  return r.body;
}

function callback(reference: string, status: 'paid' | 'failed', transactionId = 'tx-1') {
  const body = JSON.stringify({ reference, amount: '30.00', currency: 'EUR', status, transactionId });
  return life.call('/api/v1/payments/callback', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slotwise-signature': `sha256=${createHmac('sha256', PAY_SECRET).update(body).digest('hex')}`,
    },
    body,
  });
}

async function page(path: string, init?: RequestInit) {
  const res = await life.app.request(path, init);
  return { status: res.status, html: await res.text(), headers: res.headers };
}

/** The links the client has been emailed about this booking, newest last. */
const linkEmails = () => life.mail.to(CLIENT.email).filter((m) => m.subject.startsWith('Your booking SW-'));

/** Nothing about the person, the service or the time: only the reference and the outcome. */
function expectNoPersonalData(html: string) {
  for (const fact of [
    'Ada',
    'Lovelace',
    'ada@example.com',
    '7946',
    'Window light',
    'Portrait',
    'Ana',
    '10:00',
    'March',
    'Monday',
  ]) {
    expect(html, fact).not.toContain(fact);
  }
  expect(html).not.toMatch(/\/manage\//);
}

describe('the return URL', () => {
  it('is the booking’s return page, with no manage token in it', async () => {
    const { booking, token, next } = await awaitingDeposit();
    const returnUrl = new URL(next.url).searchParams.get('returnUrl');
    expect(returnUrl).toBe(`${PUBLIC_URL}/return/${booking.reference}`);
    expect(next.url).not.toContain(token);
  });
});

describe('the return page', () => {
  it('paid: says the booking is confirmed, shows no personal data, and sends no second email with a link', async () => {
    const { booking } = await awaitingDeposit();
    await callback(booking.reference, 'paid');
    const r = await page(`/return/${booking.reference}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.html).toContain('Thank you: your booking is confirmed.');
    expect(r.html).toContain(booking.reference);
    expectNoPersonalData(r.html);
    await life.deliver();
    // The confirmation carries the manage link; the return page adds nothing.
    expect(life.mail.to(CLIENT.email).map((m) => m.subject)).toEqual([expect.stringMatching(/^Booking confirmed/)]);
  });

  it('still waiting: says so, offers to check again, and emails a manage link that works', async () => {
    const { booking } = await awaitingDeposit();
    const r = await page(`/return/${booking.reference}`);
    expect(r.status).toBe(200);
    expect(r.html).toContain('We are waiting for the payment provider to confirm your payment.');
    expect(r.html).toContain(`href="/return/${booking.reference}"`);
    expect(r.html).toContain('We have emailed you a link to your booking');
    expectNoPersonalData(r.html);
    await life.deliver();
    const [mail, ...more] = linkEmails();
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`Your booking ${booking.reference} at Test Studio`);
    const token = /\/manage\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
    const managed = await life.call(`/api/v1/manage/${token}`);
    expect([managed.status, managed.body.reference, managed.body.status]).toEqual([
      200,
      booking.reference,
      'awaiting_payment',
    ]);
    // Once paid, the same link shows the confirmed booking.
    await callback(booking.reference, 'paid');
    expect((await life.call(`/api/v1/manage/${token}`)).body.status).toBe('confirmed');
  });

  it('failed: says the payment did not go through, and the client gets the link to try again', async () => {
    const { booking } = await awaitingDeposit();
    await callback(booking.reference, 'failed');
    const r = await page(`/return/${booking.reference}`);
    expect(r.html).toContain('Your payment did not go through.');
    expectNoPersonalData(r.html);
    await life.deliver();
    expect(linkEmails()).toHaveLength(1);
  });

  it('paid after the hold lapsed: says the payment could not be applied and that the business will refund', async () => {
    const { booking } = await awaitingDeposit();
    life.clock.advance(20);
    expect((await callback(booking.reference, 'paid')).body.reason).toBe('hold_expired');
    const r = await page(`/return/${booking.reference}`);
    expect(r.html).toContain('Your payment arrived, but it could not be applied to this booking.');
    expect(r.html).toContain('Test Studio has been told and will refund you or contact you.');
    expectNoPersonalData(r.html);
  });

  it('the hold lapsed with no payment: says the booking was not made and offers to book again', async () => {
    const { booking } = await awaitingDeposit();
    life.clock.advance(20);
    const r = await page(`/return/${booking.reference}`);
    expect(r.html).toContain('The time held for you ran out before the payment was confirmed');
    expect(r.html).toContain('>Book again</a>');
  });

  it('reloading sends at most three emails an hour per booking; the page keeps answering', async () => {
    const { booking } = await awaitingDeposit();
    for (let i = 0; i < 6; i++) expect((await page(`/return/${booking.reference}`)).status).toBe(200);
    await life.deliver();
    expect(linkEmails()).toHaveLength(3);
    life.clock.advance(61);
    await page(`/return/${booking.reference}`);
    await life.deliver();
    expect(linkEmails()).toHaveLength(4);
  });

  it.each([
    ['fr', 'Nous attendons que le prestataire de paiement confirme votre paiement.'],
    ['de', 'Wir warten darauf, dass der Zahlungsanbieter Ihre Zahlung bestätigt.'],
    ['es', 'Estamos esperando a que el proveedor de pagos confirme su pago.'],
  ])('is written in %s', async (lang, waiting) => {
    const { booking } = await awaitingDeposit();
    const r = await page(`/return/${booking.reference}?lang=${lang}`);
    expect(r.html).toContain(`<html lang="${lang}"`);
    expect(r.html).toContain(waiting);
  });

  it.each(['SW-ZZZZZZ', 'sw-%00', 'SW-ABC%2F..', 'x'.repeat(41)])(
    'an unknown or malformed reference (%s) is a 404 page, and nothing is queued',
    async (reference) => {
      await awaitingDeposit();
      const before = await tdb.db.query('SELECT count(*)::int AS n FROM jobs');
      const r = await page(`/return/${reference}`);
      expect(r.status).toBe(404);
      expect(r.html).toContain('No booking has this reference.');
      expect(await tdb.db.query('SELECT count(*)::int AS n FROM jobs')).toEqual(before);
    },
  );
});

describe('paying again from the manage page', () => {
  const holdOf = async (reference: string) => {
    const [row] = await tdb.db.query('SELECT hold_until FROM bookings WHERE reference = $1', [reference]);
    return new Date(row?.hold_until as string).toISOString();
  };

  it('goes to the gateway through this server, extending the hold once by holdMinutes', async () => {
    const { booking, token } = await awaitingDeposit();
    expect(await holdOf(booking.reference)).toBe('2027-03-26T11:15:00.000Z');
    const manage = await page(`/manage/${token}`);
    expect(manage.html).toContain(`<form method="post" action="/manage/${token}/pay">`);
    life.clock.advance(10);
    const first = await life.app.request(`/manage/${token}/pay`, { method: 'POST' });
    expect(first.status).toBe(303);
    const to = new URL(first.headers.get('location') as string);
    expect(`${to.origin}${to.pathname}`).toBe(PAY_URL);
    expect(to.searchParams.get('returnUrl')).toBe(`${PUBLIC_URL}/return/${booking.reference}`);
    expect(await holdOf(booking.reference)).toBe('2027-03-26T11:25:00.000Z');
    // Once per booking: following the link again does not hold the time any longer.
    life.clock.advance(10);
    expect((await life.app.request(`/manage/${token}/pay`, { method: 'POST' })).status).toBe(303);
    expect(await holdOf(booking.reference)).toBe('2027-03-26T11:25:00.000Z');
  });

  it('a booking no longer awaiting payment is not sent to the gateway', async () => {
    const { booking, token } = await awaitingDeposit();
    await callback(booking.reference, 'paid');
    const r = await page(`/manage/${token}/pay`, { method: 'POST' });
    expect(r.status).toBe(409);
    expect(r.html).toContain('is not waiting for a payment');
    const unknown = await page(`/manage/${'x'.repeat(43)}/pay`, { method: 'POST' });
    expect(unknown.status).toBe(404);
  });
});
