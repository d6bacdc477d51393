/**
 * Email verification through the HTTP API (SPEC §3.4, API.md manage endpoints): a known client's
 * booking waits for the emailed code; wrong codes count down, the sixth try or a code older than
 * ten minutes is expired, a new code can be asked for once a minute and replaces the old one, and
 * the right code confirms (or moves on to payment when the client chose to pay).
 *
 * Studio (test/support/studio.ts): now = Fri 2027-03-26 11:00Z; Ana (id 1, Paris) works Mon-Fri.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { type Body, codeIn, type Lifecycle, startLifecycle, tokenIn } from '../../../test/support/lifecycle.ts';
import { STUDIO } from '../../../test/support/studio.ts';

let tdb: TestDatabase;
let t: Lifecycle;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  t = await startLifecycle(tdb, STUDIO);
});
afterEach(() => {
  expect(t.errors).toEqual([]);
});

const ADA = 'Ada@Example.com';

/** Makes Ada a known client (a confirmed booking), then books again: returns the pending booking. */
async function knownClientBooks(payment: 'none' | 'full' = 'none'): Promise<{ token: string; body: Body }> {
  const first = await t.post('/bookings', {
    service: 'consult',
    staff: '1',
    start: '2027-03-30T09:00:00+02:00',
    client: { name: 'Ada', email: 'ada@example.com' },
    payment: 'none',
  });
  expect(first.body.booking.status).toBe('confirmed');
  const r = await t.post('/bookings', {
    service: 'portrait',
    staff: '1',
    start: '2027-03-29T10:00:00+02:00',
    client: { name: 'Ada L.', email: ADA },
    payment,
  });
  expect(r.status).toBe(201);
  return { token: r.body.token, body: r.body };
}

function codesSent(): string[] {
  return t.mail
    .to('ada@example.com')
    .filter((m) => /is your code/.test(m.subject))
    .map((m) => codeIn(m.subject));
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('a known email must be proven with a code', () => {
  it('a new email needs no code: confirmed at once, and no code is sent', async () => {
    const r = await t.post('/bookings', {
      service: 'portrait',
      staff: '1',
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Bea', email: 'bea@example.com' },
      payment: 'none',
    });
    expect(r.body.booking.status).toBe('confirmed');
    expect(r.body.next).toEqual({ action: 'done' });
    await t.deliver();
    expect(t.mail.to('bea@example.com').map((m) => m.subject)).toEqual([
      `Booking confirmed: Portrait session, Mon 29 Mar, 10:00 (${r.body.booking.reference})`,
    ]);
  });

  it('books → code by email → wrong code answers CODE_INVALID with tries left → right code confirms', async () => {
    const { token, body } = await knownClientBooks();
    expect(body.booking.status).toBe('pending_verification');
    expect(body.next).toEqual({ action: 'verify_email' });
    expect(body.booking.holdExpiresAt).toBe('2027-03-26T12:15:00+01:00');
    await t.deliver();
    const [code] = codesSent();
    expect(code).toMatch(/^\d{6}$/);
    const email = t.mail.to(ADA).find((m) => /is your code/.test(m.subject));
    expect(email?.text).toContain('10 minutes');
    // The email's link opens the same booking.
    const linked = await t.call(`/manage/${tokenIn(email?.text ?? '')}`);
    expect(linked.body.reference).toBe(body.booking.reference);

    const bad = await t.post(`/manage/${token}/verify`, { code: wrong(code as string) });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'CODE_INVALID', details: { attemptsLeft: 4 } });

    const good = await t.post(`/manage/${token}/verify`, { code });
    expect(good.status).toBe(200);
    expect(good.body.booking.status).toBe('confirmed');
    expect(good.body.booking.holdExpiresAt).toBeNull();
    expect(good.body.next).toEqual({ action: 'done' });
    // Used up with the confirmation; the booking is no longer pending.
    const again = await t.post(`/manage/${token}/verify`, { code });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('BOOKING_NOT_PENDING');
    // The confirmation emails follow.
    await t.deliver();
    expect(t.mail.to(ADA).map((m) => m.subject)).toContain(
      `Booking confirmed: Portrait session, Mon 29 Mar, 10:00 (${body.booking.reference})`,
    );
    expect(t.mail.to('ana@studio.test').length).toBe(2);
  });

  it('five wrong tries count down 4…0; the sixth try, even with the right code, is CODE_EXPIRED', async () => {
    const { token } = await knownClientBooks();
    await t.deliver();
    const [code] = codesSent() as [string];
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.post(`/manage/${token}/verify`, { code: wrong(code) });
      expect(r.body.error.code).toBe('CODE_INVALID');
      left.push(r.body.error.details.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const sixth = await t.post(`/manage/${token}/verify`, { code });
    expect(sixth.status).toBe(410);
    expect(sixth.body.error.code).toBe('CODE_EXPIRED');
  });

  it('concurrent guesses cannot use more than five tries', async () => {
    const { token } = await knownClientBooks();
    await t.deliver();
    const [code] = codesSent() as [string];
    const guesses = await Promise.all(
      Array.from({ length: 12 }, () => t.post(`/manage/${token}/verify`, { code: wrong(code) })),
    );
    const codes = guesses.map((g) => g.body.error.code).sort();
    expect(codes.filter((c) => c === 'CODE_INVALID')).toHaveLength(5);
    expect(codes.filter((c) => c === 'CODE_EXPIRED')).toHaveLength(7);
  });

  it('a code is good for 10 minutes: at 9:59 it works, at 10:00 it is CODE_EXPIRED', async () => {
    await tdb.store.applySetup({ business: { holdMinutes: 60 } }, async (p) => p); // outlives two codes
    const late = await knownClientBooks();
    await t.deliver();
    const [code] = codesSent() as [string];
    t.clock.advance(10);
    const r = await t.post(`/manage/${late.token}/verify`, { code });
    expect(r.status).toBe(410);
    expect(r.body.error.code).toBe('CODE_EXPIRED');

    // A fresh code, tried one second before its ten minutes are up.
    expect((await t.post(`/manage/${late.token}/resend-code`)).status).toBe(202);
    await t.deliver();
    const fresh = codesSent()[1] as string;
    t.clock.advance(10 - 1 / 60);
    const ok = await t.post(`/manage/${late.token}/verify`, { code: fresh });
    expect(ok.status).toBe(200);
    expect(ok.body.booking.status).toBe('confirmed');
  });

  it('a new code at most once a minute (429 with Retry-After); it replaces the old one', async () => {
    const { token } = await knownClientBooks();
    await t.deliver();
    const [first] = codesSent() as [string];
    t.clock.advance(0.5);
    const soon = await t.post(`/manage/${token}/resend-code`);
    expect(soon.status).toBe(429);
    expect(soon.body.error.code).toBe('RATE_LIMITED');
    expect(soon.headers.get('retry-after')).toBe('30');
    t.clock.advance(0.5);
    const later = await t.post(`/manage/${token}/resend-code`);
    expect(later.status).toBe(202);
    const twice = await t.post(`/manage/${token}/resend-code`);
    expect(twice.status).toBe(429);
    expect(twice.headers.get('retry-after')).toBe('60');
    await t.deliver();
    const codes = codesSent();
    expect(codes).toHaveLength(2);
    const second = codes[1] as string;
    if (second !== first) {
      const old = await t.post(`/manage/${token}/verify`, { code: first });
      expect(old.body.error.code).toBe('CODE_INVALID');
    }
    const r = await t.post(`/manage/${token}/verify`, { code: second });
    expect(r.body.booking.status).toBe('confirmed');
  });

  it('a new code restores the tries', async () => {
    const { token } = await knownClientBooks();
    await t.deliver();
    const [code] = codesSent() as [string];
    for (let i = 0; i < 5; i++) await t.post(`/manage/${token}/verify`, { code: wrong(code) });
    t.clock.advance(1);
    await t.post(`/manage/${token}/resend-code`);
    await t.deliver();
    const fresh = codesSent()[1] as string;
    const r = await t.post(`/manage/${token}/verify`, { code: fresh });
    expect(r.body.booking.status).toBe('confirmed');
  });

  it('a client who chose to pay goes on to payment after the code, with a fresh hold', async () => {
    await tdb.store.applySetup(
      { business: { paymentUrl: 'https://pay.example/checkout', paymentSecret: 'p'.repeat(32) } },
      async (p) => p,
    );
    const { token } = await knownClientBooks('full');
    await t.deliver();
    const [code] = codesSent() as [string];
    t.clock.advance(5);
    const r = await t.post(`/manage/${token}/verify`, { code });
    expect(r.body.booking.status).toBe('awaiting_payment');
    expect(r.body.booking.holdExpiresAt).toBe('2027-03-26T12:20:00+01:00');
    expect(r.body.next.action).toBe('pay');
    const url = new URL(r.body.next.url);
    expect(url.origin + url.pathname).toBe('https://pay.example/checkout');
    expect(url.searchParams.get('amount')).toBe('120.00');
  });

  it('after the hold runs out: verify and resend answer HOLD_EXPIRED, and the slot is free again', async () => {
    const { token } = await knownClientBooks();
    await t.deliver();
    const [code] = codesSent() as [string];
    t.clock.advance(15);
    const v = await t.post(`/manage/${token}/verify`, { code });
    expect(v.status).toBe(410);
    expect(v.body.error.code).toBe('HOLD_EXPIRED');
    const resend = await t.post(`/manage/${token}/resend-code`);
    expect(resend.body.error.code).toBe('HOLD_EXPIRED');
    const other = await t.post('/bookings', {
      service: 'portrait',
      staff: '1',
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Bea', email: 'bea@example.com' },
      payment: 'none',
    });
    expect(other.status).toBe(201);
  });

  it('verify and resend on a confirmed booking answer BOOKING_NOT_PENDING; an unknown token 404', async () => {
    const r = await t.post('/bookings', {
      service: 'portrait',
      staff: '1',
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Bea', email: 'bea@example.com' },
      payment: 'none',
    });
    expect((await t.post(`/manage/${r.body.token}/verify`, { code: '123456' })).body.error.code).toBe(
      'BOOKING_NOT_PENDING',
    );
    expect((await t.post(`/manage/${r.body.token}/resend-code`)).body.error.code).toBe('BOOKING_NOT_PENDING');
    expect((await t.post(`/manage/${'A'.repeat(43)}/verify`, { code: '123456' })).status).toBe(404);
    expect((await t.post(`/manage/${'A'.repeat(43)}/resend-code`)).status).toBe(404);
  });

  it.each([
    { body: {}, why: 'missing code' },
    { body: { code: 123456 }, why: 'a number' },
    { body: { code: '12345' }, why: 'five digits' },
    { body: { code: '１２３４５６' }, why: 'full-width digits' },
    { body: { code: '123456', extra: 1 }, why: 'an unknown field' },
  ])('a malformed code ($why) is 400 VALIDATION_FAILED and uses no try', async ({ body }) => {
    const { token } = await knownClientBooks();
    await t.deliver();
    const r = await t.post(`/manage/${token}/verify`, body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    const [code] = codesSent() as [string];
    const tries = await t.post(`/manage/${token}/verify`, { code: wrong(code) });
    expect(tries.body.error.details.attemptsLeft).toBe(4);
  });

  it('the stored code is a keyed hash, never the digits', async () => {
    await knownClientBooks();
    await t.deliver();
    const [code] = codesSent() as [string];
    const rows = await tdb.db.query('SELECT encode(code_hash, $1) AS h FROM verification_codes', ['hex']);
    expect(rows).toHaveLength(1);
    expect(String(rows[0]?.h)).toMatch(/^[0-9a-f]{64}$/);
    expect(String(rows[0]?.h)).not.toContain(Buffer.from(code).toString('hex'));
    const { createHash } = await import('node:crypto');
    expect(rows[0]?.h).not.toBe(createHash('sha256').update(code).digest('hex'));
  });
});
