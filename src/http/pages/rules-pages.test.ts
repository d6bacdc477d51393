/**
 * Issue 20 on the public pages (SPEC §10.1–10.3), without a browser: the details page asks the
 * service's questions in the reader's language, with the cancellation rules; mistakes in answers
 * come back beside each question in that language, nothing booked; the manage page shows the rule
 * in force and never the sensitive answer; at the no-show limit the page refuses a
 * down payment with its own message.
 *
 * Studio: test/support/rules-studio.ts (gateway, noShowLimit 1; the portrait asks people, health
 * (sensitive) and style; 48 h / 24 h policy). Now = Fri 2027-03-26 12:00 Paris.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { type Lifecycle, startLifecycle } from '../../../test/support/lifecycle.ts';
import { HEALTH, RULES_STUDIO } from '../../../test/support/rules-studio.ts';

let tdb: TestDatabase;
let t: Lifecycle;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  t = await startLifecycle(tdb, RULES_STUDIO);
});
afterEach(() => expect(t.errors).toEqual([]));

const START = '2027-03-29T10:00:00+02:00';
const DETAILS = {
  start: START,
  staff: '1',
  tz: 'Europe/Paris',
  key: 'k'.repeat(24),
  name: 'Ada',
  email: 'ada@example.com',
};
const get = async (path: string) => {
  const res = await t.app.request(path);
  return { status: res.status, html: await res.text() };
};
const post = async (path: string, form: Record<string, string>) => {
  const res = await t.app.request(path, { method: 'POST', body: new URLSearchParams(form) });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const bookings = async () => (await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bookings'))[0]?.n;

describe('questions and the policy on the details page', () => {
  it('asks the questions in the reader’s language and tells the cancellation rules', async () => {
    const page = await get(`/book/portrait/details?start=${encodeURIComponent(START)}&staff=1&lang=fr`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<label for="f-q-people">Combien \?/);
    expect(page.html).toContain('name="q-health"');
    expect(page.html).toContain('name="q-style" value="bw"');
    expect(page.html).toContain('annulation gratuite');
    expect(page.html).toContain('l’acompte (30,00');
  });

  it('refuses a text for a number and an answer over 2,000 characters, in German, beside each question; nothing booked', async () => {
    const r = await post('/book/portrait/details?lang=de', {
      ...DETAILS,
      payment: 'deposit',
      'q-people': 'zwei',
      'q-health': 'x'.repeat(2001),
      'q-style': 'bw',
    });
    expect(r.status).toBe(400);
    expect(r.html).toContain('role="alert"');
    expect(r.html).toContain('Bitte geben Sie eine Zahl ein, z. B. 2 oder 2.5.');
    expect(r.html).toContain('Diese Antwort ist zu lang (höchstens 2.000 Zeichen).');
    expect(r.html).toMatch(/id="f-q-people"[^>]*aria-invalid="true"/);
    expect(r.html).toContain('value="zwei"');
    const option = await post('/book/portrait/details', {
      ...DETAILS,
      payment: 'deposit',
      'q-people': '2',
      'q-style': 'sepia',
    });
    expect(option.status).toBe(400);
    expect(option.html).toContain('Please choose one of the options.');
    expect(await bookings()).toBe(0);
  });
});

describe('the manage page and the no-show rule', () => {
  it('shows the rule in force, never the sensitive answer', async () => {
    const r = await t.post('/bookings', {
      service: 'portrait',
      staff: '1',
      start: START,
      client: { name: 'Ada', email: 'ada@example.com' },
      payment: 'deposit',
      answers: { people: 3, health: HEALTH, style: 'colour' },
    });
    expect(r.status).toBe(201);
    const page = await get(`/manage/${r.body.token}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('plaintext-7731');
    expect(page.html).not.toContain('Anything we should know');
    expect(page.html).toContain('free cancellation');
  });

  it('asks a client at the no-show limit to pay in full: a down payment is refused on the page', async () => {
    const first = await post('/book/portrait/details', { ...DETAILS, payment: 'full', 'q-people': '1' });
    expect(first.status).toBe(303);
    await tdb.db.query("UPDATE bookings SET status = 'confirmed', outcome = 'no_show'");
    const r = await post('/book/portrait/details', {
      ...DETAILS,
      start: '2027-04-01T10:00:00+02:00',
      key: 'n'.repeat(24),
      payment: 'deposit',
      'q-people': '1',
    });
    expect(r.status).toBe(422);
    expect(r.html).toContain('Because of missed appointments, this booking must be paid in full online.');
    expect(r.html.match(/name="payment" value="(\w+)"/g)).toEqual(['name="payment" value="full"']);
    expect(await bookings()).toBe(1);
  });
});
