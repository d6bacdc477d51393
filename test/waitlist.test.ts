/**
 * The waitlist end to end (SPEC §9.3) through the app, the job worker and a hand-set clock: a full
 * day → join → a cancellation frees the start → the offer email in the outbox → the held start is
 * hidden and refused to others → decline → the next entry is offered → accept → a booking; and an
 * offer that lapses by the clock passes to the next entry.
 *
 * Studio: now = Fri 2027-03-26 11:00Z; Ana (id 1) works Mon 29 Mar only 09:00–10:00 Paris (date
 * hours), so the 30-minute consultation has two slots that day.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import { type Lifecycle, startLifecycle } from './support/lifecycle.ts';
import { testOutbound } from './support/outbound.ts';
import { STUDIO, STUDIO_NOW, WITH_WORKSHOP } from './support/studio.ts';

const DAY = '2027-03-29';
const NINE = '2027-03-29T09:00:00+02:00';
const HALF_PAST = '2027-03-29T09:30:00+02:00';
const SHORT_DAY = {
  ...STUDIO,
  staff: (STUDIO.staff ?? []).map((m) => (m.key === 'ana' ? { ...m, dateHours: { [DAY]: [['09:00', '10:00']] } } : m)),
} as typeof STUDIO;

let tdb: TestDatabase;
let t: Lifecycle;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  t = await startLifecycle(tdb, SHORT_DAY);
});
afterEach(() => {
  expect(t.errors).toEqual([]);
});

async function book(start: string, email: string) {
  const r = await t.post('/bookings', {
    service: 'consult',
    staff: '1',
    start,
    client: { name: email.split('@')[0], email },
    payment: 'none',
  });
  return r;
}

const join = (name: string) =>
  t.post('/waitlist', {
    service: 'consult',
    staff: 'any',
    date: DAY,
    client: { name, email: `${name.toLowerCase()}@example.test` },
  });

const daySlots = async () =>
  (await t.call(`/availability/day?service=consult&staff=1&date=${DAY}`)).body.slots.map(
    (s: { start: string }) => s.start,
  );

/** The token of the offer link in the last offer email to `email`. */
function offerToken(email: string): string {
  const offers = t.mail.to(email).filter((m) => m.subject.startsWith('A time is free for you'));
  const last = offers.at(-1);
  expect(last, `no offer email to ${email}`).toBeDefined();
  const m = /\/waitlist\/offer\/([A-Za-z0-9_-]{43})/.exec(last?.text ?? '');
  expect(m).not.toBeNull();
  return (m as RegExpExecArray)[1] as string;
}

/** A full day: both slots booked; the manage token of the 09:00 one. */
async function fullDay(): Promise<{ nine: string; half: string }> {
  const nine = await book(NINE, 'first@example.test');
  const half = await book(HALF_PAST, 'second@example.test');
  expect([nine.status, half.status]).toEqual([201, 201]);
  expect(await daySlots()).toEqual([]);
  await t.deliver();
  return { nine: nine.body.token, half: half.body.token };
}

describe('the waitlist end to end (SPEC §9.3)', () => {
  it('full day → join → cancel frees 09:00 → offer → hidden and refused → decline → next offered → accept', async () => {
    const { nine } = await fullDay();
    const wanda = await join('Wanda');
    const xavier = await join('Xavier');
    expect([wanda.status, xavier.status]).toEqual([201, 201]);
    expect([wanda.body.position, xavier.body.position]).toEqual([1, 2]);
    await t.deliver();
    const joined = t.mail.to('wanda@example.test');
    expect(joined.map((m) => m.subject)).toEqual(['You are on the waitlist at Test Studio']);
    expect(joined[0]?.text).toMatch(/\/waitlist\/leave\/[A-Za-z0-9_-]{43}/);

    expect((await t.post(`/manage/${nine}/cancel`, {})).status).toBe(200);
    await t.deliver();
    const wandaOffer = offerToken('wanda@example.test');
    expect(t.mail.to('xavier@example.test').filter((m) => m.subject.startsWith('A time'))).toEqual([]);
    // Held: hidden from the day view and refused to anyone else.
    expect(await daySlots()).toEqual([]);
    const other = await book(NINE, 'sneaky@example.test');
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('SLOT_UNAVAILABLE');

    expect((await t.post(`/waitlist/offers/${wandaOffer}/decline`)).status).toBe(204);
    expect((await t.post(`/waitlist/offers/${wandaOffer}/decline`)).body.error.code).toBe('OFFER_EXPIRED');
    await t.deliver();
    const xavierOffer = offerToken('xavier@example.test');
    expect(await daySlots()).toEqual([]);

    const accepted = await t.post(`/waitlist/offers/${xavierOffer}/accept`);
    expect(accepted.status).toBe(201);
    expect(accepted.body.booking).toMatchObject({ status: 'confirmed', start: NINE });
    expect(accepted.body.booking.client).toMatchObject({ email: 'xavier@example.test' });
    expect(accepted.body.next).toEqual({ action: 'done' });
    // Answered once: a second accept, or Wanda's old link, is 410.
    const again = await t.post(`/waitlist/offers/${xavierOffer}/accept`);
    expect([again.status, again.body.error.code]).toEqual([410, 'OFFER_EXPIRED']);
    expect((await t.post(`/waitlist/offers/${wandaOffer}/accept`)).status).toBe(410);
    await t.deliver();
    expect(t.mail.to('xavier@example.test').some((m) => m.subject.startsWith('Booking confirmed'))).toBe(true);
  });

  it('an offer left unanswered lapses by the clock and passes to the next entry', async () => {
    const { half } = await fullDay();
    await join('Wanda');
    await join('Xavier');
    await t.deliver();
    expect((await t.post(`/manage/${half}/cancel`, {})).status).toBe(200);
    await t.deliver();
    const wandaOffer = offerToken('wanda@example.test');
    t.clock.advance(29);
    await t.deliver();
    expect(t.mail.to('xavier@example.test').filter((m) => m.subject.startsWith('A time'))).toEqual([]);
    t.clock.advance(1); // 30 minutes: the hold ends
    await t.deliver();
    offerToken('xavier@example.test');
    const late = await t.post(`/waitlist/offers/${wandaOffer}/accept`);
    expect([late.status, late.body.error.code]).toEqual([410, 'OFFER_EXPIRED']);
  });

  it('leaving by the email’s token closes the entry: a freed start goes to the next one', async () => {
    const { nine } = await fullDay();
    await join('Wanda');
    await join('Xavier');
    await t.deliver();
    const leave = /\/waitlist\/leave\/([A-Za-z0-9_-]{43})/.exec(t.mail.to('wanda@example.test')[0]?.text ?? '');
    const token = (leave as RegExpExecArray)[1];
    expect((await t.call(`/api/v1/waitlist/${token}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.post(`/manage/${nine}/cancel`, {})).status).toBe(200);
    await t.deliver();
    expect(t.mail.to('wanda@example.test').filter((m) => m.subject.startsWith('A time'))).toEqual([]);
    offerToken('xavier@example.test');
  });

  it.each([
    ['after the join (the new hold queues it)', true],
    ['before the join (the join queues it)', false],
  ])('a hold that runs out by the clock is offered: made %s', async (_label, joinFirst) => {
    expect((await book(NINE, 'first@example.test')).status).toBe(201);
    if (joinFirst) await join('Wanda');
    // The same email again: a known client proves it first, so this one is a 15-minute hold.
    const held = await book(HALF_PAST, 'first@example.test');
    expect(held.body.booking.status).toBe('pending_verification');
    if (!joinFirst) await join('Wanda');
    await t.deliver();
    expect(t.mail.to('wanda@example.test').filter((m) => m.subject.startsWith('A time'))).toEqual([]);
    t.clock.advance(15);
    await t.deliver();
    offerToken('wanda@example.test');
    expect(await daySlots()).toEqual([]);
  });

  it('a removed block frees its span: its first free start is offered to the waitlist', async () => {
    const block = await tdb.store.addBlock('1', { from: `${DAY}T09:00`, to: `${DAY}T10:00`, note: 'Dentist' });
    expect(await daySlots()).toEqual([]);
    await join('Wanda');
    await t.deliver();
    expect(t.mail.to('wanda@example.test').filter((m) => m.subject.startsWith('A time'))).toEqual([]);
    await tdb.store.removeBlock(block?.id as string);
    await t.deliver();
    offerToken('wanda@example.test');
    const [offer] = await tdb.db.query(`SELECT start_at FROM waitlist_offers WHERE status = 'live'`);
    expect(new Date(offer?.start_at as string).toISOString()).toBe('2027-03-29T07:00:00.000Z');
  });

  it('a subscribed webhook receives waitlist.offered with the offer and the client', async () => {
    const received: { type: string; data: Record<string, Record<string, unknown>> }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      // The receiver is on 127.0.0.1: this delivery opts in to private addresses.
      t = await startLifecycle(tdb, SHORT_DAY, STUDIO_NOW, { outbound: testOutbound({ allowPrivate: true }) });
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      await tdb.store.createWebhook(
        { url, secret: 'k'.repeat(32), events: ['waitlist.offered'], active: true, description: '' },
        t.clock.now(),
      );
      const { nine } = await fullDay();
      await join('Wanda');
      expect((await t.post(`/manage/${nine}/cancel`, {})).status).toBe(200);
      await t.deliver();
      await t.deliver();
      expect(received.map((r) => r.type)).toEqual(['waitlist.offered']);
      expect(received[0]?.data.offer).toMatchObject({ start: NINE, seats: 1 });
      expect(received[0]?.data.client).toEqual({ name: 'Wanda', email: 'wanda@example.test' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('joins are limited per email as bookings are (each sends an email): 429 past the limit, nothing written', async () => {
    t = await startLifecycle(tdb, SHORT_DAY, STUDIO_NOW, {
      rateLimits: { 'booking-email': { max: 2, windowMs: 3_600_000 } },
    });
    expect((await join('Wanda')).status).toBe(201);
    expect((await join('Wanda')).status).toBe(201);
    const third = await join('Wanda');
    expect([third.status, third.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect((await join('Xavier')).status).toBe(201);
    const [row] = await tdb.db.query('SELECT count(*)::int AS n FROM waitlist_entries');
    expect(row?.n).toBe(3);
  });

  it('a freed seat goes to the oldest entry that wants no more seats than it frees; accepted with its seats', async () => {
    t = await startLifecycle(tdb, WITH_WORKSHOP);
    const seat = (seats: number, email: string) =>
      t.post('/bookings', {
        service: 'workshop',
        staff: '1',
        start: NINE,
        seats,
        payment: 'none',
        client: { name: email, email },
      });
    const made = [await seat(3, 'a@example.test'), await seat(3, 'b@example.test'), await seat(3, 'c@example.test')];
    const one = await seat(1, 'd@example.test');
    expect([...made, one].map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const wait = (name: string, seats: number) =>
      t.post('/waitlist', {
        service: 'workshop',
        staff: '1',
        date: DAY,
        seats,
        client: { name, email: `${name.toLowerCase()}@example.test` },
      });
    expect((await wait('Wanda', 2)).status).toBe(201);
    expect((await wait('Xavier', 1)).status).toBe(201);
    expect((await t.post(`/manage/${one.body.token}/cancel`, {})).status).toBe(200);
    await t.deliver();
    // One seat is free: Wanda (2 seats) is passed over, Xavier (1) is offered it.
    expect(t.mail.to('wanda@example.test').filter((m) => m.subject.startsWith('A time'))).toEqual([]);
    const accepted = await t.post(`/waitlist/offers/${offerToken('xavier@example.test')}/accept`);
    expect(accepted.status).toBe(201);
    expect(accepted.body.booking).toMatchObject({ seats: 1, start: NINE, status: 'confirmed' });
  });

  it('bad input is 400 naming the field, and writes nothing', async () => {
    const base = { service: 'consult', staff: 'any', date: DAY, client: { name: 'W', email: 'w@example.test' } };
    const cases: [Record<string, unknown>, string][] = [
      [{ date: '2029-01-01' }, 'date'],
      [{ date: '2027-03-25' }, 'date'],
      [{ seats: 2 }, 'seats'],
      [{ seats: 0 }, 'seats'],
      [{ service: 'nope' }, 'service'],
      [{ staff: '999' }, 'staff'],
      [{ from: '10:00', to: '09:00' }, 'to'],
      [{ from: '25:00' }, 'from'],
    ];
    for (const [change, field] of cases) {
      const r = await t.post('/waitlist', { ...base, ...change });
      expect([r.status, r.body.error.code], JSON.stringify(change)).toEqual([400, 'VALIDATION_FAILED']);
      expect(Object.keys(r.body.error.details.fields), JSON.stringify(change)).toContain(field);
    }
    const [row] = await tdb.db.query('SELECT count(*)::int AS n FROM waitlist_entries');
    expect(row?.n).toBe(0);
    expect((await t.post(`/waitlist/offers/${'a'.repeat(43)}/accept`)).status).toBe(404);
    expect((await t.call(`/api/v1/waitlist/${'a'.repeat(43)}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('the join form in the visitor’s language', () => {
  const post = (fields: Record<string, string>, lang: string) =>
    t.app.request(`/book/consult/waitlist?lang=${lang}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': lang },
      body: new URLSearchParams({ staff: '1', date: DAY, tz: 'Europe/Paris', ...fields }).toString(),
    });

  it('words each refused field in Portuguese and German, labelled, and writes nothing', async () => {
    const pt = await post({ name: 'Wanda', email: 'not-an-email', from: '11:00', to: '10:00' }, 'pt');
    expect(pt.status).toBe(400);
    const html = await pt.text();
    expect(html).toContain('E-mail: Introduza um endereço de e-mail como nome@exemplo.pt.');
    const de = await post({ name: 'Wanda', email: 'wanda@example.test', from: '11:00', to: '10:00' }, 'de');
    expect(de.status).toBe(400);
    expect(await de.text()).toContain('Bitte wählen Sie Uhrzeiten innerhalb des Tages');
    const [row] = await tdb.db.query('SELECT count(*)::int AS n FROM waitlist_entries');
    expect(row?.n).toBe(0);
  });
});
