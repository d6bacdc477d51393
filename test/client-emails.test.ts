/**
 * The emails of a booking's life through the HTTP API (SPEC §4): confirmed, rescheduled and
 * cancelled go to the client, the staff member and the owner, each with a calendar file that
 * keeps one UID and raises SEQUENCE; the client's links open, reschedule and cancel the booking;
 * a failed send is retried and still delivered once.
 *
 * Studio: now = Fri 2027-03-26 11:00Z; Ana (id 1) works Mon-Fri in Paris (UTC+2 from the 28th).
 */
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MailMessage } from '../src/app/ports.ts';
import { sealToken } from '../src/app/tokens.ts';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import { type Lifecycle, startLifecycle, tokenIn } from './support/lifecycle.ts';
import { STUDIO } from './support/studio.ts';

let tdb: TestDatabase;
let t: Lifecycle;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  t = await startLifecycle(tdb, {
    ...STUDIO,
    business: { ...STUDIO.business, ownerEmail: 'owner@studio.test', reminderHours: 24 },
    services: STUDIO.services?.map((s) => (s.key === 'portrait' ? { ...s, rescheduleLimit: 2 } : s)),
  });
});
afterEach(() => {
  expect(t.errors).toEqual([]);
});

async function book(start = '2027-03-29T10:00:00+02:00'): Promise<{ token: string; reference: string }> {
  const r = await t.post('/bookings', {
    service: 'portrait',
    staff: '1',
    start,
    client: { name: 'Ada <b>Lovelace</b>', email: 'ada@example.com' },
    notes: 'Window light',
    payment: 'none',
  });
  expect(r.status).toBe(201);
  return { token: r.body.token, reference: r.body.booking.reference };
}

/** The one event of an email's calendar attachment, parsed by ical.js. */
function calendarOf(m: MailMessage) {
  expect(m.attachments).toHaveLength(1);
  const file = m.attachments[0] as MailMessage['attachments'][number];
  expect(file.contentType).toMatch(/^text\/calendar; method=(REQUEST|CANCEL); charset=utf-8$/);
  const cal = new ICAL.Component(ICAL.parse(file.content));
  const event = new ICAL.Event(cal.getFirstSubcomponent('vevent') as ICAL.Component);
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: (cal.getFirstSubcomponent('vevent') as ICAL.Component).getFirstPropertyValue('status'),
    filename: file.filename,
  };
}

const subjects = (email: string) => t.mail.to(email).map((m) => m.subject);

describe('booking emails', () => {
  it('confirmed: client, staff member and owner each get one, with a calendar file that parses', async () => {
    const { reference } = await book();
    expect(t.mail.sent).toEqual([]); // queued, not sent inside the request
    expect(await t.deliver()).toBe(3); // three emails (no webhook here, so no webhook event job)
    expect(subjects('ada@example.com')).toEqual([
      `Booking confirmed: Portrait session, Mon 29 Mar, 10:00 (${reference})`,
    ]);
    expect(subjects('ana@studio.test')).toEqual([
      `New booking: Ada <b>Lovelace</b>, Portrait session, Mon 29 Mar, 10:00 (${reference})`,
    ]);
    expect(subjects('owner@studio.test')).toEqual(subjects('ana@studio.test'));
    const client = t.mail.to('ada@example.com')[0] as MailMessage;
    expect(calendarOf(client)).toEqual({
      method: 'REQUEST',
      uid: `${reference.toLowerCase()}@slotwise`,
      sequence: 0,
      start: '2027-03-29T08:00:00.000Z',
      end: '2027-03-29T09:00:00.000Z',
      status: 'CONFIRMED',
      filename: `${reference}.ics`,
    });
    expect(client.html).toContain('Ada &lt;b&gt;Lovelace&lt;/b&gt;');
    expect(client.html).not.toContain('<b>Lovelace</b>');
    expect(client.text).toContain('Reschedule (2 changes left)');
    // Staff and owner never get the client's link.
    for (const m of [...t.mail.to('ana@studio.test'), ...t.mail.to('owner@studio.test')]) {
      expect(m.text).not.toMatch(/\/manage\//);
      expect(m.html).not.toMatch(/\/manage\//);
      expect(calendarOf(m).uid).toBe(`${reference.toLowerCase()}@slotwise`);
    }
  });

  it('no owner email set: only the client and the staff member are written to', async () => {
    await tdb.store.applySetup({ business: { ownerEmail: null } }, async (p) => p);
    await book();
    expect(await t.deliver()).toBe(2); // two emails
    expect(t.mail.sent.map((m) => m.to[0])).toEqual(['ada@example.com', 'ana@studio.test']);
  });

  it("the client's link opens the booking, reschedules it (same UID, SEQUENCE 1) and cancels it (METHOD:CANCEL)", async () => {
    const { reference, token } = await book();
    await t.deliver();
    const link = tokenIn((t.mail.to('ada@example.com')[0] as MailMessage).text);
    // The confirmation links with the token the API returned (decision 048); later emails get fresh ones.
    expect(link).toBe(token);

    const page = await t.app.request(`/manage/${link}`);
    expect(page.status).toBe(200);
    const read = await t.call(`/manage/${link}`);
    expect(read.body).toMatchObject({ reference, status: 'confirmed' });

    const moved = await t.post(`/manage/${link}/reschedule`, { start: '2027-03-30T14:00:00+02:00', reason: 'later' });
    expect(moved.status).toBe(200);
    await t.deliver();
    const changed = t.mail.to('ada@example.com')[1] as MailMessage;
    expect(changed.subject).toBe(`Booking changed: Portrait session, now Tue 30 Mar, 14:00 (${reference})`);
    expect(changed.text).toContain('Reschedule (1 change left)');
    expect(calendarOf(changed)).toMatchObject({
      method: 'REQUEST',
      uid: `${reference.toLowerCase()}@slotwise`,
      sequence: 1,
      start: '2027-03-30T12:00:00.000Z',
    });
    expect(subjects('ana@studio.test')[1]).toBe(
      `Booking changed: Ada <b>Lovelace</b>, Portrait session, now Tue 30 Mar, 14:00 (${reference})`,
    );
    expect(subjects('owner@studio.test')).toHaveLength(2);

    const link2 = tokenIn(changed.text);
    expect(link2).not.toBe(link);
    const cancelled = await t.post(`/manage/${link2}/cancel`, { reason: 'ill' });
    expect(cancelled.body.status).toBe('cancelled');
    await t.deliver();
    const gone = t.mail.to('ada@example.com')[2] as MailMessage;
    expect(gone.subject).toBe(`Booking cancelled: Portrait session, Tue 30 Mar, 14:00 (${reference})`);
    expect(gone.text).not.toMatch(/\/manage\//); // nothing left to do there
    expect(calendarOf(gone)).toMatchObject({ method: 'CANCEL', sequence: 2, status: 'CANCELLED' });
    expect(subjects('ana@studio.test')).toHaveLength(3);
    expect(subjects('owner@studio.test')).toHaveLength(3);
    // Every link sent still reaches the same booking.
    expect((await t.call(`/manage/${link}`)).body.status).toBe('cancelled');
  });

  it('only hashes of the links are stored', async () => {
    const { createHash } = await import('node:crypto');
    const hex = (token: string) => createHash('sha256').update(token).digest('hex');
    const booked = await book();
    const payloads = async () => (await tdb.db.query('SELECT payload::text AS p FROM jobs')).map((r) => String(r.p));
    // The confirmation links with the token the booking request returned (decision 048): the job
    // carries it sealed, never in clear, and drops it once sent; its hash is on the booking's row.
    expect((await payloads()).filter((p) => p.includes('tokenSealed'))).toHaveLength(1);
    expect((await payloads()).filter((p) => p.includes(booked.token))).toEqual([]);
    await t.deliver();
    const link = tokenIn((t.mail.to('ada@example.com')[0] as MailMessage).text);
    expect(link).toBe(booked.token);
    expect((await payloads()).filter((p) => p.includes('tokenSealed'))).toEqual([]);
    const [own] = await tdb.db.query('SELECT encode(manage_token_hash, $1) AS h FROM bookings', ['hex']);
    expect(own?.h).toBe(hex(link));
    expect(await tdb.db.query('SELECT token_hash FROM manage_tokens')).toEqual([]);
    // A later email gets a fresh link, of which only the hash is stored.
    await t.post(`/manage/${link}/reschedule`, { start: '2027-03-30T14:00:00+02:00', reason: 'later' });
    await t.deliver();
    const later = tokenIn((t.mail.to('ada@example.com')[1] as MailMessage).text);
    expect(later).not.toBe(link);
    const rows = await tdb.db.query('SELECT encode(token_hash, $1) AS h FROM manage_tokens', ['hex']);
    expect(rows.map((r) => r.h)).toEqual([hex(later)]);
  });

  it('a sealed token that does not open (SLOTWISE_SECRET changed) gives the email a fresh link, stored as a hash', async () => {
    const { createHash } = await import('node:crypto');
    const { reference, token } = await book();
    await t.deliver();
    const [row] = await tdb.db.query('SELECT id FROM bookings');
    const payload = {
      bookingId: String(row?.id),
      event: 'confirmed' as const,
      audience: 'client' as const,
      previous: null,
      cancelReason: '',
      tokenSealed: sealToken(token, 'a secret this server does not have, 32+ chars'),
    };
    await tdb.store.enqueueJobs([{ kind: 'email.booking', payload }], t.clock.now());
    await t.deliver();
    const link = tokenIn((t.mail.to('ada@example.com')[1] as MailMessage).text);
    expect(link).not.toBe(token);
    const rows = await tdb.db.query('SELECT encode(token_hash, $1) AS h FROM manage_tokens', ['hex']);
    expect(rows.map((r) => r.h)).toEqual([createHash('sha256').update(link).digest('hex')]);
    expect((await t.call(`/manage/${link}`)).body).toMatchObject({ reference, status: 'confirmed' });
  });

  it('a send that fails is retried after 30 s and delivered once', async () => {
    await book();
    t.mail.failNext(1);
    const logged = t.errors.length;
    expect(await t.deliver()).toBe(3); // three emails
    expect(t.mail.sent).toHaveLength(2);
    expect(t.errors.length - logged).toBe(1);
    t.errors.length = logged; // the failure was logged, as it should be
    t.clock.advance(0.49);
    expect(await t.deliver()).toBe(0);
    t.clock.advance(0.01);
    expect(await t.deliver()).toBe(1);
    expect(t.mail.sent).toHaveLength(3);
    expect(new Set(t.mail.sent.map((m) => m.to[0]))).toEqual(
      new Set(['ada@example.com', 'ana@studio.test', 'owner@studio.test']),
    );
    expect(await t.deliver()).toBe(0);
  });

  it('a booking paid through the gateway: no email while awaiting payment, the confirmations once paid', async () => {
    const secret = 'p'.repeat(32);
    await tdb.store.applySetup(
      { business: { paymentUrl: 'https://pay.example/checkout', paymentSecret: secret } },
      async (p) => p,
    );
    const r = await t.post('/bookings', {
      service: 'portrait',
      staff: '1',
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Bea', email: 'bea@example.com' },
      payment: 'full',
    });
    expect(r.body.booking.status).toBe('awaiting_payment');
    expect(await t.deliver()).toBe(0);
    const { createHmac } = await import('node:crypto');
    const body = JSON.stringify({
      reference: r.body.booking.reference,
      amount: '120.00',
      currency: 'EUR',
      status: 'paid',
      transactionId: 'tx-1',
    });
    const paid = await t.call('/payments/callback', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slotwise-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      },
      body,
    });
    expect(paid.status).toBe(200);
    expect(await t.deliver()).toBe(3); // three emails
    const client = t.mail.to('bea@example.com')[0] as MailMessage;
    expect(client.subject).toBe(`Booking confirmed: Portrait session, Mon 29 Mar, 10:00 (${r.body.booking.reference})`);
    expect(client.text).toContain('€120.00');
    expect(tokenIn(client.text)).toHaveLength(43);
    // A replayed callback changes nothing and sends nothing.
    const replay = await t.call('/payments/callback', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slotwise-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      },
      body,
    });
    expect(replay.status).toBe(200);
    expect(await t.deliver()).toBe(0);
  });

  it('a refused booking queues nothing', async () => {
    await book();
    const r = await t.post('/bookings', {
      service: 'portrait',
      staff: '1',
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Bea', email: 'bea@example.com' },
      payment: 'none',
    });
    expect(r.status).toBe(409);
    expect(await t.deliver()).toBe(3); // three emails
    expect(t.mail.to('bea@example.com')).toEqual([]);
  });

  it('the dev mailbox API lists what the outbox kept, newest first, filtered by recipient', async () => {
    const { createDevMailbox } = await import('../src/store/dev-mailbox.ts');
    const box = createDevMailbox(tdb.db);
    await box.save({ to: ['Ada@Example.com'], subject: 'one', text: 't1', html: '<p>1</p>', attachments: [] }, 1_000);
    await box.save(
      {
        to: ['bea@example.com'],
        subject: 'two',
        text: 't2',
        html: '<p>2</p>',
        attachments: [{ filename: 'a.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }],
      },
      2_000,
    );
    const all = await t.call('/dev/mailbox');
    expect(all.body.messages.map((m: { subject: string }) => m.subject)).toEqual(['two', 'one']);
    const ada = await t.call('/dev/mailbox?to=ada@EXAMPLE.com');
    expect(ada.body.messages).toEqual([
      {
        id: expect.any(String),
        to: ['Ada@Example.com'],
        subject: 'one',
        text: 't1',
        html: '<p>1</p>',
        attachments: [],
        sentAt: '1970-01-01T00:00:01.000Z',
      },
    ]);
    const page = await t.app.request('/dev/mailbox?to=bea@example.com');
    const html = await page.text();
    expect(html).toContain('two');
    expect(html).toContain('a.ics');
    expect(html).not.toContain('>one<');
  });
});
