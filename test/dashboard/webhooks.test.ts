/**
 * Webhooks end to end: an admin registers an endpoint (a real HTTP server on 127.0.0.1 here),
 * bookings change through the public API, the job worker delivers each subscribed event once,
 * signed, in order, retried with back-off after a failure, and every attempt shows in the log.
 *
 * Studio: now = Fri 2027-03-26 11:00Z; Ana works Mon-Fri in Paris (UTC+2 from the 28th).
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../src/app/ports.ts';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { type Body, codeIn } from '../support/lifecycle.ts';
import { testOutbound } from '../support/outbound.ts';
import { STUDIO } from '../support/studio.ts';

interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  // biome-ignore lint/suspicious/noExplicitAny: checked by assertions
  readonly body: any;
}

const PAY_SECRET = 'p'.repeat(32);
let tdb: TestDatabase;
let d: Dashboard;
let server: Server;
let base: string;
let received: Received[];
/** Statuses to answer, in turn; 200 once used up. */
let answers: number[];

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ path: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw) });
      const status = answers.shift() ?? 200;
      res.writeHead(status, status === 302 ? { location: `${base}/elsewhere` } : {}).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await tdb.close();
});
beforeEach(async () => {
  received = [];
  answers = [];
  // The receiver is on 127.0.0.1: these deliveries opt in to private addresses.
  d = await startDashboard(tdb, STUDIO, undefined, { outbound: testOutbound({ allowPrivate: true }) });
});
afterEach(() => {
  expect(d.errors).toEqual([]);
});

async function addWebhook(events: string[], extra: Record<string, unknown> = {}, path = '/hook') {
  const r = await d.as('admin', 'POST', 'webhooks', { url: `${base}${path}`, events, ...extra });
  expect(r.status).toBe(201);
  return r.body as { id: string; secret: string };
}

async function book(client = { name: 'Ada Lovelace', email: 'ada@example.com' }, payment = 'none') {
  const r = await d.post('/bookings', {
    service: 'portrait',
    staff: d.staffIds.ana,
    start: '2027-03-29T10:00:00+02:00',
    client,
    notes: 'Window light',
    payment,
  });
  expect(r.status).toBe(201);
  return r.body as { booking: Body; token: string };
}

/** Checks the signature as a receiver would, with nothing but node:crypto and the secret. */
function verify(r: Received, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(`${r.headers['x-slotwise-timestamp']}.${r.raw}`).digest('hex');
  return r.headers['x-slotwise-signature'] === `sha256=${expected}`;
}

const summary = (r: Received) => [r.path, r.body.type, r.body.data.booking?.status];

describe('webhook deliveries', () => {
  it('carries the open answers, never a sensitive one (SPEC §10.1)', async () => {
    const service = (await d.as('admin', 'GET', 'services')).body.services.find((s: Body) => s.slug === 'portrait');
    const questions = [
      { key: 'people', type: 'number', label: 'How many?', required: false, sensitive: false },
      { key: 'health', type: 'longText', label: 'Health', required: false, sensitive: true },
    ];
    expect((await d.as('admin', 'PATCH', `services/${service.id}`, { questions })).status).toBe(200);
    await addWebhook(['booking.confirmed']);
    const r = await d.post('/bookings', {
      service: 'portrait',
      staff: d.staffIds.ana,
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Ada Lovelace', email: 'ada@example.com' },
      payment: 'none',
      answers: { people: 3, health: 'Asthma, hook-secret-5512' },
    });
    expect(r.status).toBe(201);
    await d.deliver();
    expect(received.map(summary)).toEqual([['/hook', 'booking.confirmed', 'confirmed']]);
    expect(received[0]?.body.data.booking.answers).toEqual({ people: 3 });
    expect(received[0]?.raw).not.toContain('hook-secret-5512');
  });

  it('delivers the subscribed events of a booking in order, signed, each with the booking as it was then', async () => {
    const hook = await addWebhook(['booking.confirmed', 'booking.cancelled']);
    const first = await book();
    // Moved before the worker ran: the confirmed event still shows the first time.
    const moved = await d.post(`/manage/${first.token}/reschedule`, { start: '2027-03-30T14:00:00+02:00' });
    expect(moved.status).toBe(200);
    expect(received).toEqual([]); // queued with the change, sent by the worker
    await d.deliver();
    expect(received.map(summary)).toEqual([['/hook', 'booking.confirmed', 'confirmed']]);
    const [confirmed] = received as [Received];
    expect(confirmed.body.data.booking).toEqual(first.booking);
    expect(confirmed.body.data.booking.start).toBe('2027-03-29T10:00:00+02:00');
    expect(confirmed.body).toEqual({
      id: confirmed.body.id,
      type: 'booking.confirmed',
      createdAt: '2027-03-26T12:00:00+01:00',
      data: { booking: first.booking },
    });
    expect(confirmed.body.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(confirmed.headers).toMatchObject({
      'content-type': 'application/json',
      'x-slotwise-event': 'booking.confirmed',
      'x-slotwise-delivery': confirmed.body.id,
      'x-slotwise-timestamp': String(Date.parse('2027-03-26T11:00:00Z') / 1000),
    });
    expect(verify(confirmed, hook.secret)).toBe(true);
    expect(verify(confirmed, `${hook.secret}x`)).toBe(false);

    // A returning client's booking is confirmed by the emailed code: announced then, not before.
    const second = await d.post('/bookings', {
      service: 'consult',
      staff: d.staffIds.ana,
      start: '2027-03-29T15:00:00+02:00',
      client: { name: 'Ada Lovelace', email: 'ada@example.com' },
      payment: 'none',
    });
    expect(second.body.booking.status).toBe('pending_verification');
    await d.deliver();
    expect(received).toHaveLength(1);
    const code = codeIn((d.mail.to('ada@example.com').at(-1) as MailMessage).text);
    const verified = await d.post(`/manage/${second.body.token}/verify`, { code });
    expect(verified.status).toBe(200);
    const cancelled = await d.post(`/manage/${first.token}/cancel`, { reason: 'ill' });
    expect(cancelled.status).toBe(200);
    await d.deliver();
    expect(received.map(summary)).toEqual([
      ['/hook', 'booking.confirmed', 'confirmed'],
      ['/hook', 'booking.confirmed', 'confirmed'],
      ['/hook', 'booking.cancelled', 'cancelled'],
    ]);
    expect(received[1]?.body.data.booking).toEqual(verified.body.booking);
    expect(received[2]?.body.data.booking).toEqual(cancelled.body);
    expect(received.every((r) => verify(r, hook.secret))).toBe(true);
    expect(new Set(received.map((r) => r.body.id)).size).toBe(3);
  });

  it('sends an event only to active webhooks subscribed to it, each its own copy', async () => {
    await addWebhook(['booking.rescheduled'], {}, '/moves');
    await addWebhook(['booking.confirmed', 'booking.rescheduled'], { active: false }, '/off');
    const all = await addWebhook(['booking.confirmed', 'booking.rescheduled', 'booking.cancelled'], {}, '/all');
    const { token } = await book();
    await d.post(`/manage/${token}/reschedule`, { start: '2027-03-30T14:00:00+02:00' });
    await d.deliver();
    expect(received.map(summary)).toEqual([
      ['/all', 'booking.confirmed', 'confirmed'],
      ['/moves', 'booking.rescheduled', 'confirmed'],
      ['/all', 'booking.rescheduled', 'confirmed'],
    ]);
    expect(received[1]?.body.data.booking.start).toBe('2027-03-30T14:00:00+02:00');
    expect(received[1]?.body.id).toBe(received[2]?.body.id); // one event, two deliveries
    // Switched off later: nothing more reaches it.
    expect((await d.as('admin', 'PATCH', `webhooks/${all.id}`, { active: false })).status).toBe(200);
    await d.post(`/manage/${token}/cancel`, {});
    await d.deliver();
    expect(received).toHaveLength(3);
  });

  it('a paid deposit sends booking.paid, then booking.confirmed, with the amount paid', async () => {
    await tdb.store.applySetup(
      { business: { paymentUrl: 'https://pay.example/checkout', paymentSecret: PAY_SECRET } },
      async (p) => p,
    );
    const hook = await addWebhook(['booking.paid', 'booking.confirmed']);
    const { booking } = await book({ name: 'Bea', email: 'bea@example.com' }, 'deposit');
    expect(booking.status).toBe('awaiting_payment');
    await d.deliver();
    expect(received).toEqual([]);
    const body = JSON.stringify({
      reference: booking.reference,
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
    expect(paid.status).toBe(200);
    await d.deliver();
    expect(received.map(summary)).toEqual([
      ['/hook', 'booking.paid', 'confirmed'],
      ['/hook', 'booking.confirmed', 'confirmed'],
    ]);
    expect(received.map((r) => r.body.data.booking.payment)).toEqual([
      { option: 'deposit', amountDue: '30.00', amountPaid: '30.00', currency: 'EUR' },
      { option: 'deposit', amountDue: '30.00', amountPaid: '30.00', currency: 'EUR' },
    ]);
    expect(received.every((r) => verify(r, hook.secret))).toBe(true);
  });

  it('a payment that cannot be applied sends payment.unapplied with the booking and the ledger entry', async () => {
    await tdb.store.applySetup(
      { business: { paymentUrl: 'https://pay.example/checkout', paymentSecret: PAY_SECRET } },
      async (p) => p,
    );
    const hook = await addWebhook(['payment.unapplied']);
    const { booking } = await book({ name: 'Bea', email: 'bea@example.com' }, 'deposit');
    d.clock.advance(16); // the hold (15 minutes) lapses before the gateway calls back
    const body = JSON.stringify({
      reference: booking.reference,
      amount: '30.00',
      currency: 'EUR',
      status: 'paid',
      transactionId: 'tx-late',
    });
    const late = await d.call('/api/v1/payments/callback', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slotwise-signature': `sha256=${createHmac('sha256', PAY_SECRET).update(body).digest('hex')}`,
      },
      body,
    });
    expect([late.status, late.body.applied, late.body.reason]).toEqual([200, false, 'hold_expired']);
    await d.deliver();
    expect(received.map(summary)).toEqual([['/hook', 'payment.unapplied', 'expired']]);
    expect(received[0]?.headers['x-slotwise-event']).toBe('payment.unapplied');
    expect(received[0]?.body.data.payment).toEqual({
      transactionId: 'tx-late',
      amount: '30.00',
      currency: 'EUR',
      status: 'paid',
      applied: false,
      reason: 'hold_expired',
      receivedAt: '2027-03-26T12:16:00+01:00',
    });
    expect(verify(received[0] as Received, hook.secret)).toBe(true);
  });

  it('a failed delivery is retried after the back-off (30 s), and both attempts are in the log', async () => {
    const hook = await addWebhook(['booking.confirmed']);
    answers = [500];
    await book();
    await d.deliver();
    expect(received.map((r) => r.body.type)).toEqual(['booking.confirmed']);
    expect(d.errors).toHaveLength(1); // the worker logged the failed try
    d.errors.length = 0;
    d.clock.advance(0.49);
    await d.deliver();
    expect(received).toHaveLength(1);
    d.clock.advance(0.01);
    await d.deliver();
    expect(received).toHaveLength(2);
    expect(received[1]?.raw).toBe(received[0]?.raw); // the same event, byte for byte
    expect(received[1]?.headers['x-slotwise-timestamp']).toBe(String(Date.parse('2027-03-26T11:00:30Z') / 1000));
    expect(verify(received[1] as Received, hook.secret)).toBe(true);
    await d.deliver();
    expect(received).toHaveLength(2);

    const log = await d.as('admin', 'GET', `webhooks/${hook.id}/deliveries`);
    expect(log.status).toBe(200);
    const eventId = received[0]?.body.id;
    const row = (attempt: number, statusCode: number, error: string | null, at: string) => ({
      id: expect.any(String),
      event: 'booking.confirmed',
      eventId,
      attempt,
      ok: error === null,
      statusCode,
      error,
      durationMs: expect.any(Number),
      deliveredAt: at,
    });
    expect(log.body).toEqual({
      deliveries: [
        row(2, 200, null, '2027-03-26T12:00:30+01:00'),
        row(1, 500, 'HTTP 500', '2027-03-26T12:00:00+01:00'),
      ],
      nextCursor: null,
    });
    const page = await d.as('admin', 'GET', `webhooks/${hook.id}/deliveries?limit=1`);
    expect(page.body.deliveries.map((r: Body) => r.attempt)).toEqual([2]);
    const next = await d.as('admin', 'GET', `webhooks/${hook.id}/deliveries?limit=1&cursor=${page.body.nextCursor}`);
    expect(next.body).toEqual({ deliveries: [log.body.deliveries[1]], nextCursor: null });
  });

  it('a redirect is a failure and is not followed; an unreachable endpoint is logged without a status', async () => {
    const hook = await addWebhook(['booking.confirmed']);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    await new Promise((resolve) => closed.close(resolve));
    const dead = await d.as('admin', 'POST', 'webhooks', { url: deadUrl, events: ['booking.confirmed'] });
    answers = [302];
    await book();
    await d.deliver();
    expect(received.map((r) => r.path)).toEqual(['/hook']); // not /elsewhere
    expect(d.errors).toHaveLength(2);
    d.errors.length = 0;
    const [redirected] = (await d.as('admin', 'GET', `webhooks/${hook.id}/deliveries`)).body.deliveries;
    expect(redirected).toMatchObject({ ok: false, statusCode: 302, error: 'HTTP 302 (redirects are not followed)' });
    const [refused] = (await d.as('admin', 'GET', `webhooks/${dead.body.id}/deliveries`)).body.deliveries;
    expect(refused).toMatchObject({ ok: false, statusCode: null, attempt: 1 });
    expect(refused.error).toMatch(/ECONNREFUSED/);
  });
});

describe('the outbound URL rule (ALLOW_PRIVATE_URLS unset)', () => {
  it('refuses the receiver on 127.0.0.1 when saved, and a delivery to one saved before never reaches it', async () => {
    d = await startDashboard(tdb); // the default rule: private addresses refused
    const r = await d.as('admin', 'POST', 'webhooks', { url: `${base}/hook`, events: ['booking.confirmed'] });
    expect([r.status, r.body.error.code]).toEqual([400, 'URL_NOT_ALLOWED']);
    expect(r.body.error.details.fields.url).toBe('a public internet address (127.0.0.1 is a loopback address)');
    // One written before the rule existed (straight into the store): its delivery fails before connecting.
    const old = await tdb.store.createWebhook(
      { url: `${base}/hook`, secret: 'whsec_old', events: ['booking.confirmed'], active: true, description: '' },
      d.clock.now(),
    );
    await book();
    await d.deliver();
    expect(received).toEqual([]);
    expect(d.errors).toHaveLength(1); // the worker logged the failed attempt (retried later)
    d.errors.length = 0;
    const [attempt] = (await d.as('admin', 'GET', `webhooks/${old.id}/deliveries`)).body.deliveries;
    expect(attempt).toMatchObject({ ok: false, statusCode: null });
    expect(attempt.error).toMatch(/127\.0\.0\.1 is a loopback address: not a public internet address, nothing sent/);
  });
});

describe('managing webhooks', () => {
  it('creates with a generated secret shown to admins, lists without it, changes and deletes', async () => {
    const made = await d.as('admin', 'POST', 'webhooks', {
      url: `${base}/hook`,
      events: ['booking.paid', 'booking.paid', 'booking.cancelled'],
      description: 'Accounting',
    });
    expect(made.status).toBe(201);
    expect(made.body).toEqual({
      id: made.body.id,
      url: `${base}/hook`,
      events: ['booking.paid', 'booking.cancelled'],
      description: 'Accounting',
      active: true,
      createdAt: '2027-03-26T12:00:00+01:00',
      updatedAt: '2027-03-26T12:00:00+01:00',
      secret: made.body.secret,
    });
    expect(made.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const list = await d.as('admin', 'GET', 'webhooks');
    const { secret: _, ...listed } = made.body;
    expect(list.body).toEqual({ webhooks: [listed] });
    expect((await d.as('admin', 'GET', `webhooks/${made.body.id}`)).body).toEqual(made.body);

    d.clock.advance(1);
    const changed = await d.as('admin', 'PATCH', `webhooks/${made.body.id}`, {
      url: 'https://example.com/new',
      events: ['booking.rescheduled'],
    });
    expect(changed.body).toEqual({
      ...made.body,
      url: 'https://example.com/new',
      events: ['booking.rescheduled'],
      updatedAt: '2027-03-26T12:01:00+01:00',
    });
    expect((await d.as('admin', 'DELETE', `webhooks/${made.body.id}`)).status).toBe(204);
    expect((await d.as('admin', 'GET', `webhooks/${made.body.id}`)).status).toBe(404);
    expect((await d.as('admin', 'DELETE', `webhooks/${made.body.id}`)).status).toBe(404);
    expect((await d.as('admin', 'PATCH', 'webhooks/999', { active: true })).status).toBe(404);
  });

  it.each([
    [{ url: 'ftp://example.com/h', events: ['booking.paid'] }, { url: expect.stringMatching(/http or https/) }],
    [{ url: 'javascript:alert(1)', events: ['booking.paid'] }, { url: expect.stringMatching(/http or https/) }],
    [{ url: 'https://user:pw@example.com/h', events: ['booking.paid'] }, { url: expect.any(String) }],
    [{ url: 'not a url', events: ['booking.paid'] }, { url: expect.any(String) }],
    [{ url: 'https://example.com/h', events: [] }, { events: 'at least one event' }],
    [{ url: 'https://example.com/h', events: ['booking.created'] }, { 'events[0]': expect.any(String) }],
    [{ url: 'https://example.com/h' }, { events: expect.any(String) }],
    [{ url: 'https://example.com/h', events: ['booking.paid'], secret: 'mine' }, { secret: 'unknown field' }],
  ])('refuses %j naming the fields', async (body, fields) => {
    const r = await d.as('admin', 'POST', 'webhooks', body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details.fields).toEqual(fields);
    expect((await d.as('admin', 'GET', 'webhooks')).body.webhooks).toEqual([]);
  });

  it('rotating the secret signs the next delivery with the new one only', async () => {
    const hook = await addWebhook(['booking.cancelled'], { active: false });
    const rotated = await d.as('admin', 'POST', `webhooks/${hook.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(rotated.body.secret).not.toBe(hook.secret);
    // A test event goes out even to an inactive webhook: the admin asked for it.
    const ping = await d.as('admin', 'POST', `webhooks/${hook.id}/test`);
    expect(ping.status).toBe(202);
    await d.deliver();
    expect(received).toHaveLength(1);
    const [r] = received as [Received];
    expect(r.body).toEqual({
      id: ping.body.eventId,
      type: 'ping',
      createdAt: '2027-03-26T12:00:00+01:00',
      data: { webhook: { id: hook.id, url: `${base}/hook` } },
    });
    expect(r.headers['x-slotwise-event']).toBe('ping');
    expect(verify(r, rotated.body.secret)).toBe(true);
    expect(verify(r, hook.secret)).toBe(false);
    const log = await d.as('admin', 'GET', `webhooks/${hook.id}/deliveries`);
    expect(log.body.deliveries).toMatchObject([{ event: 'ping', eventId: ping.body.eventId, ok: true }]);
  });

  it('a delivery queued for a webhook deleted or switched off meanwhile is dropped', async () => {
    const deleted = await addWebhook(['booking.confirmed'], {}, '/deleted');
    const off = await addWebhook(['booking.confirmed'], {}, '/off');
    await book();
    await d.worker.runOnce(); // the event's round: one delivery job queued per webhook
    const queued = await tdb.db.query("SELECT count(*)::int AS n FROM jobs WHERE kind = 'webhook.deliver'");
    expect(queued).toEqual([{ n: 2 }]);
    await d.as('admin', 'POST', `webhooks/${deleted.id}/test`);
    await d.as('admin', 'DELETE', `webhooks/${deleted.id}`);
    await d.as('admin', 'PATCH', `webhooks/${off.id}`, { active: false });
    await d.deliver();
    expect(received).toEqual([]);
    expect(await tdb.db.query('SELECT count(*)::int AS n FROM webhook_deliveries')).toEqual([{ n: 0 }]);
  });
});
