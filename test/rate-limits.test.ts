/**
 * Rate limits through the HTTP surface (API.md "Rate limits", docs/SECURITY.md): per address on
 * every public request and on booking, verification, resend, payment callback, sign-in and
 * reset; per email on booking, sign-in and reset; per manage token on resend. Each answers 429
 * RATE_LIMITED with the exact `Retry-After` (API) or a short page with it (pages), and a refused
 * request changes nothing. Small limits are set here so each can be reached in a few requests;
 * the addresses come from X-Forwarded-For behind one trusted proxy (TRUST_PROXY=1).
 *
 * Studio (test/support/studio.ts): now = Fri 2027-03-26 11:00Z; Ana (staff 1, Paris) Mon-Fri.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimits } from '../src/app/rate-limits.ts';
import { startDashboard } from './support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import { type Body, type Lifecycle, startLifecycle } from './support/lifecycle.ts';
import { browser, EMAILS, makeAccount, PASSWORD, signedIn, valueIn } from './support/sessions.ts';
import { STUDIO, STUDIO_NOW } from './support/studio.ts';

const HOUR = 3_600_000;

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(() => tdb.close());

/** Moves the test clock on by whole seconds. */
const later = (t: Lifecycle, seconds: number) => t.clock.set(new Date(t.clock.now() + seconds * 1000).toISOString());

const start = (limits: RateLimits) => startLifecycle(tdb, STUDIO, STUDIO_NOW, { rateLimits: limits, trustProxy: 1 });

/** A call from one address (the proxy appends it; anything left of it is the client's to forge). */
async function from(t: Lifecycle, address: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('x-forwarded-for', `198.51.100.77, ${address}`);
  const res = await t.app.request(path, { ...init, headers });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json');
  return {
    status: res.status,
    body: (json && text ? JSON.parse(text) : text) as Body,
    retryAfter: res.headers.get('retry-after'),
  };
}

const postJson = (t: Lifecycle, address: string, path: string, body: unknown) =>
  from(t, address, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A booking of a free hour: day 29..31 March or 1..2 April, at `hour` Paris time. */
const booking = (day: number, email: string, hour = 10) => ({
  service: 'portrait',
  staff: '1',
  start: `2027-${day >= 29 ? '03' : '04'}-${String(day).padStart(2, '0')}T${hour}:00:00+02:00`,
  client: { name: 'Client', email },
});

const bookingCount = async () => Number((await tdb.db.query('SELECT count(*)::int AS n FROM bookings'))[0]?.n);

/** A 429 with the API.md error shape and `Retry-After` equal to the seconds in the body. */
function expectLimited(r: { status: number; body: Body; retryAfter: string | null }, seconds: number) {
  expect(r.status).toBe(429);
  expect(r.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: seconds } });
  expect(r.retryAfter).toBe(String(seconds));
}

describe('booking creation', () => {
  it('per address: two bookings an hour, the third waits 30 min; another address is not held back', async () => {
    const t = await start({ 'booking-ip': { max: 2, windowMs: HOUR } });
    const statuses = [
      (await postJson(t, '203.0.113.5', '/api/v1/bookings', booking(29, 'a@x.test'))).status,
      (await postJson(t, '203.0.113.5', '/api/v1/bookings', booking(30, 'b@x.test'))).status,
    ];
    expect(statuses).toEqual([201, 201]);
    // Two hits hold the address until now + 1 h; the next fits after one step (1 h / 2).
    expectLimited(await postJson(t, '203.0.113.5', '/api/v1/bookings', booking(31, 'c@x.test')), 1800);
    expect(await bookingCount()).toBe(2);
    // The forged left-hand entry of X-Forwarded-For changes nothing; the proxy's entry does.
    expect((await postJson(t, '203.0.113.6', '/api/v1/bookings', booking(31, 'c@x.test'))).status).toBe(201);
    later(t, 1800);
    expect((await postJson(t, '203.0.113.5', '/api/v1/bookings', booking(1, 'd@x.test'))).status).toBe(201);
  });

  it('per address, a request the use case never counts (a 400) is counted too, and over the limit it is a 429', async () => {
    // Decision 043: the booking-ip hit is counted by the use case with booking-email, or after the
    // handler when the use case never ran.
    const t = await start({ 'booking-ip': { max: 2, windowMs: HOUR } });
    expect((await postJson(t, '203.0.113.7', '/api/v1/bookings', { service: 'portrait' })).status).toBe(400);
    expect((await postJson(t, '203.0.113.7', '/api/v1/bookings', booking(29, 'a@x.test'))).status).toBe(201);
    expectLimited(await postJson(t, '203.0.113.7', '/api/v1/bookings', { service: 'portrait' }), 1800);
    expectLimited(await postJson(t, '203.0.113.7', '/api/v1/bookings', booking(30, 'b@x.test')), 1800);
    expect(await bookingCount()).toBe(1);
  });

  it('per address and per email: a booking counts both in one statement, each refusal still told', async () => {
    // One statement, so one round trip and, on the embedded database, one commit (decision 043).
    const t = await start({ 'booking-ip': { max: 1, windowMs: HOUR }, 'booking-email': { max: 1, windowMs: HOUR } });
    const statements: string[] = [];
    const query = tdb.db.query.bind(tdb.db);
    tdb.db.query = ((text: string, params?: readonly unknown[]) => {
      if (text.includes('rate_limits')) statements.push(text);
      return query(text, params);
    }) as typeof tdb.db.query;
    try {
      expect((await postJson(t, '203.0.113.8', '/api/v1/bookings', booking(29, 'e@x.test'))).status).toBe(201);
      expect(statements).toHaveLength(1);
      expectLimited(await postJson(t, '203.0.113.8', '/api/v1/bookings', booking(30, 'f@x.test')), 3600);
      expectLimited(await postJson(t, '203.0.113.9', '/api/v1/bookings', booking(30, 'e@x.test')), 3600);
      expect((await postJson(t, '203.0.113.10', '/api/v1/bookings', booking(30, 'g@x.test'))).status).toBe(201);
      expect(statements).toHaveLength(4);
    } finally {
      tdb.db.query = query;
    }
    expect(await bookingCount()).toBe(2);
  });

  it('per address, the booking form answers a 429 page in the visitor’s language', async () => {
    const t = await start({ 'booking-ip': { max: 1, windowMs: HOUR } });
    const form = (day: number) =>
      from(t, '203.0.113.9', '/book/portrait/details?lang=fr', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          staff: '1',
          start: booking(day, 'x@x.test').start,
          name: 'Zoé',
          email: `z${day}@x.test`,
        }).toString(),
      });
    expect((await form(29)).status).not.toBe(429);
    const limited = await form(30);
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe('3600');
    expect(limited.body).toContain('<h1>Trop de demandes</h1>');
  });

  it('per email, whatever its case and whatever the address: the third booking of an hour is refused', async () => {
    const t = await start({ 'booking-email': { max: 2, windowMs: HOUR } });
    expect((await postJson(t, '203.0.113.1', '/api/v1/bookings', booking(29, 'Ada@Example.com'))).status).toBe(201);
    expect((await postJson(t, '203.0.113.2', '/api/v1/bookings', booking(30, 'ada@example.com'))).status).toBe(201);
    expectLimited(await postJson(t, '203.0.113.3', '/api/v1/bookings', booking(31, 'ADA@example.com')), 1800);
    expect(await bookingCount()).toBe(2);
    expect((await postJson(t, '203.0.113.3', '/api/v1/bookings', booking(31, 'bea@example.com'))).status).toBe(201);
  });
});

describe('every public request, per address', () => {
  it('counts API calls and pages, not the dashboard, files or health probes', async () => {
    const t = await start({ ip: { max: 3, windowMs: 60_000 } });
    const a = '203.0.113.20';
    expect([
      (await from(t, a, '/api/v1/services')).status,
      (await from(t, a, '/api/v1/business')).status,
      (await from(t, a, '/')).status,
    ]).toEqual([200, 200, 200]);
    expectLimited(await from(t, a, '/api/v1/services'), 20);
    const page = await from(t, a, '/book/portrait');
    expect([page.status, page.retryAfter]).toEqual([429, '20']);
    expect(page.body).toContain('<h1>Too many requests</h1>');
    const free = [
      (await from(t, a, '/healthz')).status,
      (await from(t, a, '/admin/sign-in')).status,
      (await from(t, a, '/api/v1/admin/me')).status,
    ];
    expect(free).toEqual([200, 200, 401]);
    expect((await from(t, '203.0.113.21', '/api/v1/services')).status).toBe(200);
  });
});

describe('verification codes and manage tokens', () => {
  /** A known client's second booking waits for a code: its manage token. */
  async function pending(t: Lifecycle): Promise<string> {
    await postJson(t, '192.0.2.1', '/api/v1/bookings', booking(29, 'ada@example.com'));
    const r = await postJson(t, '192.0.2.1', '/api/v1/bookings', booking(30, 'ada@example.com'));
    expect(r.body.booking.status).toBe('pending_verification');
    await t.deliver(); // the email job makes the code as it sends it
    return r.body.token;
  }

  it('code tries per address: refused before the code is looked at, so the booking keeps its tries', async () => {
    const t = await start({ 'verify-ip': { max: 2, windowMs: HOUR } });
    const token = await pending(t);
    const tries = [
      await postJson(t, '203.0.113.30', `/api/v1/manage/${token}/verify`, { code: '000000' }),
      await postJson(t, '203.0.113.30', `/api/v1/manage/${token}/verify`, { code: '000001' }),
    ];
    expect(tries.map((r) => r.body.error.code)).toEqual(['CODE_INVALID', 'CODE_INVALID']);
    expectLimited(await postJson(t, '203.0.113.30', `/api/v1/manage/${token}/verify`, { code: '000002' }), 1800);
    const other = await postJson(t, '203.0.113.31', `/api/v1/manage/${token}/verify`, { code: '000003' });
    expect(other.body.error).toMatchObject({ code: 'CODE_INVALID', details: { attemptsLeft: 2 } });
  });

  it('code tries per email, over every booking made in its name: new bookings buy no more guesses', async () => {
    const t = await start({ 'verify-email': { max: 3, windowMs: 24 * HOUR } });
    const first = await pending(t);
    const second = (await postJson(t, '192.0.2.1', '/api/v1/bookings', booking(31, 'ADA@example.com'))).body.token;
    await t.deliver();
    const guess = (token: string) => postJson(t, '203.0.113.35', `/api/v1/manage/${token}/verify`, { code: '000000' });
    const codes = [(await guess(first)).body.error.code, (await guess(first)).body.error.code];
    codes.push((await guess(second)).body.error.code);
    expect(codes).toEqual(['CODE_INVALID', 'CODE_INVALID', 'CODE_INVALID']);
    // Three tries a day: the next fits one step (8 h) after the day the three hold.
    expectLimited(await guess(second), 28_800);
    const page = await from(t, '203.0.113.36', `/manage/${first}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=123456',
    });
    expect([page.status, page.retryAfter]).toEqual([429, '28800']);
    expect(page.body).toContain('Too many attempts; please try again in 8 hours.');
  });

  it('new codes per token: five an hour (besides one a minute), API and page alike', async () => {
    const t = await start({ 'resend-token': { max: 5, windowMs: HOUR } });
    const token = await pending(t);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      later(t, 61);
      statuses.push((await postJson(t, `203.0.113.${40 + i}`, `/api/v1/manage/${token}/resend-code`, {})).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202]);
    later(t, 61);
    // Five hits from 11:01:01 to 11:05:05 hold the token until 12:01:01; the sixth (at 11:06:06) fits
    // one step (12 min) less an hour after that: 415 s from now.
    expectLimited(await postJson(t, '203.0.113.50', `/api/v1/manage/${token}/resend-code`, {}), 415);
    const page = await from(t, '203.0.113.51', `/manage/${token}/resend-code`, { method: 'POST' });
    expect([page.status, page.retryAfter]).toEqual([429, '415']);
    expect(page.body).toContain('Too many attempts; please try again in 7 minutes.');
  });

  it('new codes per address', async () => {
    const t = await start({ 'resend-ip': { max: 1, windowMs: HOUR } });
    const token = await pending(t);
    later(t, 61);
    expect((await postJson(t, '203.0.113.60', `/api/v1/manage/${token}/resend-code`, {})).status).toBe(202);
    later(t, 61);
    expectLimited(await postJson(t, '203.0.113.60', `/api/v1/manage/${token}/resend-code`, {}), 3539);
  });
});

describe('payment callback, per address', () => {
  it('refuses before the signature is checked', async () => {
    const t = await start({ 'payment-ip': { max: 2, windowMs: 60_000 } });
    const body = { reference: 'X', amount: '1.00', currency: 'EUR', status: 'paid', transactionId: 't' };
    const first = await postJson(t, '203.0.113.70', '/api/v1/payments/callback', body);
    const second = await postJson(t, '203.0.113.70', '/api/v1/payments/callback', body);
    expect([first.status, second.status]).toEqual([401, 401]);
    expectLimited(await postJson(t, '203.0.113.70', '/api/v1/payments/callback', body), 30);
  });
});

describe('dashboard sign-in and password reset', () => {
  it('per address: the API and the page share the limit', async () => {
    const d = await startDashboard(tdb, STUDIO, STUDIO_NOW, {
      rateLimits: { 'signin-ip': { max: 2, windowMs: 15 * 60_000 } },
      trustProxy: 1,
    });
    const wrong = { email: 'nobody@studio.test', password: 'not it at all' };
    expect((await postJson(d, '203.0.113.80', '/api/v1/admin/session', wrong)).status).toBe(401);
    expect((await postJson(d, '203.0.113.80', '/api/v1/admin/session', wrong)).status).toBe(401);
    expectLimited(await postJson(d, '203.0.113.80', '/api/v1/admin/session', wrong), 450);
    const page = await from(d, '203.0.113.80', '/admin/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.c&password=x',
    });
    expect([page.status, page.retryAfter]).toEqual([429, '450']);
  });

  it('per email: after the limit even the right password is refused until the window moves on', async () => {
    const d = await startDashboard(tdb, STUDIO, STUDIO_NOW, {
      rateLimits: { 'signin-email': { max: 2, windowMs: 15 * 60_000 } },
      trustProxy: 1,
    });
    await makeAccount(tdb, d, 'admin');
    const attempt = (address: string, password: string) =>
      postJson(d, address, '/api/v1/admin/session', { email: EMAILS.admin, password });
    expect((await attempt('203.0.113.90', 'guess one')).status).toBe(401);
    expect((await attempt('203.0.113.91', 'guess two')).status).toBe(401);
    expectLimited(await attempt('203.0.113.92', PASSWORD), 450);
    const b = browser(d);
    const form = await b.page('/admin/sign-in');
    const page = await b.form('/admin/sign-in', {
      _csrf: valueIn(form.html, '_csrf'),
      email: EMAILS.admin,
      password: PASSWORD,
      next: '/admin',
    });
    expect([page.status, page.headers.get('retry-after')]).toEqual([429, '450']);
    expect(page.html).toContain('Too many attempts; please try again in 8 minutes.');
    expect(await tdb.db.query('SELECT count(*)::int AS n FROM sessions')).toEqual([{ n: 0 }]);
    later(d, 450);
    expect((await attempt('203.0.113.92', PASSWORD)).status).toBe(201);
  });

  it('changing a password, per account: past the limit even the right current password is refused', async () => {
    const d = await startDashboard(tdb, STUDIO, STUDIO_NOW, {
      rateLimits: { 'password-user': { max: 2, windowMs: 15 * 60_000 } },
      trustProxy: 1,
    });
    const b = await signedIn(tdb, d, 'admin');
    const change = (current: string) =>
      b.form('/admin/account/password', { currentPassword: current, newPassword: 'a brand new password 1' });
    expect((await change('guess one')).status).toBe(400);
    expect((await change('guess two')).status).toBe(400);
    const third = await change(PASSWORD);
    expect([third.status, third.headers.get('retry-after')]).toEqual([429, '450']);
    expect(third.html).toContain('Too many attempts; please try again in 8 minutes.');
    // Nothing changed: the old password still signs in, the new one does not.
    expect((await d.post('/api/v1/admin/session', { email: EMAILS.admin, password: PASSWORD })).status).toBe(201);
    later(d, 450);
    expect((await change(PASSWORD)).status).toBe(303);
  });

  it('changing a password, per address: the accounts of one address share the limit', async () => {
    const d = await startDashboard(tdb, STUDIO, STUDIO_NOW, {
      rateLimits: { 'password-ip': { max: 2, windowMs: 15 * 60_000 } },
      trustProxy: 1,
    });
    const admin = await signedIn(tdb, d, 'admin');
    const ana = await signedIn(tdb, d, 'ana');
    const change = (b: typeof admin, address: string) =>
      from(d, address, '/admin/account/password', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
        body: new URLSearchParams({
          _csrf: b.csrf,
          currentPassword: 'a guess',
          newPassword: 'whatever 123456',
        }).toString(),
      });
    expect((await change(admin, '203.0.113.70')).status).toBe(400);
    expect((await change(ana, '203.0.113.70')).status).toBe(400);
    const third = await change(ana, '203.0.113.70');
    expect([third.status, third.retryAfter]).toEqual([429, '450']);
    expect((await change(admin, '203.0.113.71')).status).toBe(400); // another address is not held back
  });

  it('reset links per email: the answer is the same, but no more emails go out', async () => {
    const d = await startDashboard(tdb, STUDIO, STUDIO_NOW, {
      rateLimits: { 'reset-email': { max: 1, windowMs: HOUR } },
      trustProxy: 1,
    });
    await makeAccount(tdb, d, 'ana');
    const b = browser(d);
    const ask = () => b.form('/admin/forgot', { email: EMAILS.ana }, { entry: true });
    const [first, second] = [await ask(), await ask()];
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.html).toBe(first.html);
    expect(first.html).toContain('we have sent it a link');
    await d.deliver();
    expect(d.mail.to(EMAILS.ana).length).toBe(1);
  });
});
