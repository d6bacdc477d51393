/**
 * "Email me my bookings" (SPEC §11, API.md): 202 always, after the same work whether or not the
 * address is known; a known address gets a single-use link valid 30 minutes, stored only as its
 * hash; the link's GET shows a button (a mail scanner following it spends nothing), the POST uses
 * it up and lists the bookings, upcoming first, each with a working manage link; limits per email
 * and per address; bad input writes nothing. The form page exists in every language.
 *
 * Studio (test/support/studio.ts): now = Fri 2027-03-26 11:00Z; Ana (staff 1, Paris) Mon-Fri.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import { type Lifecycle, startLifecycle } from './support/lifecycle.ts';
import { STUDIO, STUDIO_NOW } from './support/studio.ts';

const ZOE = { name: 'Zoé Martin', email: 'zoe@example.test' };
let tdb: TestDatabase;
let t: Lifecycle;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  t = await startLifecycle(tdb, STUDIO);
});
afterEach(() => expect(t.errors).toEqual([]));

async function book(start: string, who = ZOE) {
  const r = await t.post('/bookings', { service: 'consult', staff: '1', start, client: who, payment: 'none' });
  expect(r.status).toBe(201);
  return r.body.booking.reference as string;
}
const ask = (email: string, extra: Record<string, unknown> = {}) => t.post('/my-bookings', { email, ...extra });
const jobs = async () =>
  Number((await tdb.db.query("SELECT count(*) AS n FROM jobs WHERE kind = 'email.my-bookings'"))[0]?.n);
/** The link in the one "my bookings" email to `email`, or null. */
const linkTo = (email: string) => {
  const mails = t.mail.to(email).filter((m) => m.text.includes('/my-bookings/'));
  return mails.length ? (/\/my-bookings\/([A-Za-z0-9_-]{43})/.exec(mails.at(-1)?.text ?? '')?.[1] ?? null) : null;
};
async function page(path: string, method = 'GET') {
  const res = await t.app.request(path, {
    method,
    ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' } : {}),
  });
  return { status: res.status, html: await res.text() };
}

describe('asking for the link', () => {
  it('answers 202 {accepted: true} alike for a known and an unknown address, queuing one job each; only the known one gets an email', async () => {
    await book('2027-03-29T10:00:00+02:00');
    await t.deliver();
    const sentBefore = t.mail.sent.length;
    const known = await ask('ZOE@example.test');
    const unknown = await ask('nobody@example.test');
    expect([known.status, known.body]).toEqual([202, { accepted: true }]);
    expect([unknown.status, unknown.body]).toEqual([202, { accepted: true }]);
    expect(await jobs()).toBe(2);
    await t.deliver();
    expect(t.mail.sent.slice(sentBefore).map((m) => [m.to, m.subject])).toEqual([
      [['ZOE@example.test'], 'Your bookings at Test Studio'],
    ]);
  });

  it('writes the email in the asker’s language', async () => {
    await book('2027-03-29T10:00:00+02:00');
    await ask(ZOE.email, { locale: 'fr' });
    await t.deliver();
    expect(t.mail.to(ZOE.email).at(-1)?.subject).toBe('Vos réservations chez Test Studio');
  });

  it.each([
    [{}, 'email'],
    [{ email: 'not an email' }, 'email'],
    [{ email: 'zoe@example.test', locale: 'xx' }, 'locale'],
    [{ email: 'zoe@example.test', extra: 1 }, 'extra'],
  ])('refuses %j with 400 VALIDATION_FAILED naming %s, writing nothing', async (body, field) => {
    const r = await t.post('/my-bookings', body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(r.body.error.details.fields)).toContain(field);
    expect(await jobs()).toBe(0);
  });

  it('refuses a body that is not JSON with 415, writing nothing', async () => {
    const r = await t.call('/api/v1/my-bookings', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect([r.status, r.body.error.code, await jobs()]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE', 0]);
  });
});

describe('the emailed link', () => {
  it('is stored only as its hash; its GET spends nothing; its POST lists the bookings, upcoming first, each with a working manage link; then it is used up', async () => {
    const past = await book('2027-03-26T14:00:00+01:00');
    const later = await book('2027-04-01T10:00:00+02:00');
    const soon = await book('2027-03-29T10:00:00+02:00');
    await book('2027-03-29T11:00:00+02:00', { name: 'Yann', email: 'yann@example.test' });
    // A returning client's bookings wait for her code; she entered it (not what this test is about).
    await tdb.db.query(
      "UPDATE bookings SET status = 'confirmed', hold_until = NULL WHERE status = 'pending_verification'",
    );
    t.clock.set('2027-03-26T16:00:00Z'); // the first booking is now over
    await ask(ZOE.email);
    await t.deliver();
    const token = linkTo(ZOE.email) as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await tdb.db.query('SELECT token_hash FROM my_bookings_links');
    expect(stored.map((r) => Buffer.from(r.token_hash as Uint8Array).toString('hex'))).toEqual([
      createHash('sha256').update(token).digest('hex'),
    ]);
    expect(JSON.stringify(await tdb.db.query('SELECT * FROM jobs'))).not.toContain(token);

    for (let i = 0; i < 2; i++) {
      const shown = await page(`/my-bookings/${token}`);
      expect(shown.status).toBe(200);
      expect(shown.html).toContain('<form method="post">');
      expect(shown.html).not.toContain(soon);
    }
    const listed = await page(`/my-bookings/${token}`, 'POST');
    expect(listed.status).toBe(200);
    const order = [soon, later, past].map((ref) => listed.html.indexOf(ref));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(listed.html).not.toContain('Yann');
    const manage = [...listed.html.matchAll(/href="\/manage\/([A-Za-z0-9_-]{43})"/g)].map((m) => m[1]);
    expect(manage).toHaveLength(3);
    const refs = [];
    for (const m of manage) refs.push((await t.call(`/api/v1/manage/${m}`)).body.reference);
    expect(refs).toEqual([soon, later, past]);

    expect((await page(`/my-bookings/${token}`, 'POST')).status).toBe(404);
    expect((await page(`/my-bookings/${token}`)).status).toBe(404);
  });

  it('works for 30 minutes, not a millisecond more', async () => {
    await book('2027-03-29T10:00:00+02:00');
    await ask(ZOE.email);
    await t.deliver();
    const token = linkTo(ZOE.email) as string;
    t.clock.set(new Date(Date.parse(STUDIO_NOW) + 30 * 60_000 - 1).toISOString());
    expect((await page(`/my-bookings/${token}`)).status).toBe(200);
    t.clock.set(new Date(Date.parse(STUDIO_NOW) + 30 * 60_000).toISOString());
    const gone = await page(`/my-bookings/${token}`, 'POST');
    expect(gone.status).toBe(404);
    expect(gone.html).toContain('href="/my-bookings"');
  });

  it('an unknown or malformed token is the same 404 page', async () => {
    for (const token of ['x'.repeat(43), 'short', '%00']) {
      expect((await page(`/my-bookings/${token}`)).status).toBe(404);
      expect((await page(`/my-bookings/${token}`, 'POST')).status).toBe(404);
    }
  });
});

describe('limits', () => {
  it('per email: over my-bookings-email the answer stays 202 and no more jobs are queued; per address: 429', async () => {
    t = await startLifecycle(tdb, STUDIO, STUDIO_NOW, {
      rateLimits: {
        'my-bookings-email': { max: 2, windowMs: 3_600_000 },
        'my-bookings-ip': { max: 3, windowMs: 3_600_000 },
      },
    });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await ask('Zoe@Example.test ')).status);
    expect(answers).toEqual([202, 202, 202]);
    expect(await jobs()).toBe(2);
    const over = await ask('other@example.test');
    expect([over.status, over.body.error.code, over.headers.get('retry-after')]).toEqual([429, 'RATE_LIMITED', '1200']);
    expect(await jobs()).toBe(2);
  });
});

describe('the pages', () => {
  it.each([
    ['en', 'Email me my bookings'],
    ['fr', 'Recevoir mes réservations par e-mail'],
    ['de', 'Meine Buchungen per E-Mail senden'],
    ['es', 'Enviarme mis reservas por correo'],
  ])('/my-bookings asks for the address in %s', async (lang, button) => {
    const r = await page(`/my-bookings?lang=${lang}`);
    expect(r.status).toBe(200);
    expect(r.html).toContain(`<html lang="${lang}"`);
    expect(r.html).toContain(button);
    expect(r.html).toMatch(/<label for="f-email">/);
  });

  it('the form answers a bad address with 400 and the reason; a good one with the same page whether known or not', async () => {
    const post = (email: string) =>
      t.app.request('/my-bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email }).toString(),
      });
    const bad = await post('nope');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('role="alert"');
    expect(await jobs()).toBe(0);
    await book('2027-03-29T10:00:00+02:00');
    const known = await (await post(ZOE.email)).text();
    const unknown = await (await post('nobody@example.test')).text();
    expect(known.replace(ZOE.email, 'X')).toBe(unknown.replace('nobody@example.test', 'X'));
    expect(await jobs()).toBe(2);
  });

  it('the services page and the manage page link to it', async () => {
    expect((await page('/')).html).toContain('href="/my-bookings"');
    const r = await t.post('/bookings', {
      service: 'consult',
      staff: '1',
      start: '2027-03-29T10:00:00+02:00',
      client: ZOE,
    });
    expect((await page(`/manage/${r.body.token}`)).html).toContain('href="/my-bookings"');
  });

  it('an erased client gets no link', async () => {
    await book('2027-03-29T10:00:00+02:00');
    const [client] = await tdb.store.searchClients(ZOE.email, 1);
    await tdb.store.transaction((tx) => tx.eraseClientData(client?.email ?? '', [], t.clock.now()));
    await ask(ZOE.email);
    await t.deliver();
    expect(linkTo(ZOE.email)).toBeNull();
  });
});
