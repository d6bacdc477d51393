/**
 * The public pages through createApp().request(), without a browser: what each step renders and
 * where each form leads — booking with each payment rule, the code step, a time taken meanwhile,
 * form mistakes, the manage page's change and cancel, languages, and hostile text escaped.
 * (test/browser drives the same pages in Chromium.)
 *
 * Studio: now = Fri 2027-03-26 11:00Z; Ana (id 1, Paris) Mon-Fri 09-12, 13-17; Ben (id 2, New
 * York) Mon-Sat; portrait 60 min, 120.00 (deposit 30.00); consult 30 min, free.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { codeIn, type Lifecycle, startLifecycle } from '../../../test/support/lifecycle.ts';
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

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  return { status: res.status, html: await res.text(), headers: res.headers };
};
const post = async (path: string, form: Record<string, string>) => {
  const res = await t.app.request(path, { method: 'POST', body: new URLSearchParams(form) });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};

const DETAILS = {
  start: '2027-03-29T10:00:00+02:00',
  staff: '1',
  tz: 'Europe/Paris',
  key: 'k'.repeat(24),
  name: 'Ada',
  email: 'ada@example.com',
};

describe('service list and booking page', () => {
  it('lists the bookable services with duration and price, each linking to its calendar', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.html).toContain('<html lang="en"');
    expect(r.html).toContain('href="/book/portrait"');
    expect(r.html).toContain('60 min');
    expect(r.html).toContain('€120.00');
    expect(r.html).toContain('href="/book/consult"');
    expect(r.html).toContain('Free');
  });

  it('shows the recap, the staff list under staffLabel, the month with announced days, and the free times', async () => {
    const r = await get('/book/portrait?date=2027-03-29&tz=Europe/Paris');
    expect(r.status).toBe(200);
    expect(r.html).toContain('Choose photographer');
    expect(r.html).toMatch(/<input type="radio" name="staff" value="any" checked=""/);
    expect(r.html).toContain('Monday, 29 March 2027'); // the recap's chosen date
    expect(r.html).toContain('aria-label="Monday, 29 March 2027, 26 free times"');
    // Past, closed days: not links, aria-disabled, said so.
    expect(r.html).toMatch(
      /<span class="day day-past[^"]*" aria-label="Thursday, 25 March 2027, past" aria-disabled="true"/,
    );
    expect(r.html).toMatch(/aria-label="Sunday, 28 March 2027, closed"/);
    expect(r.html).toContain('value="2027-03-29T09:00:00+02:00"');
    expect(r.html).toContain('Times are shown in <span data-zone="true">Europe/Paris</span>.');
  });

  it('preselects the only member who offers a service, and has no "Any" choice then', async () => {
    await tdb.store.applySetup(
      { staff: [{ key: 'ben', name: 'Ben', email: 'ben@studio.test', services: ['consult'] }] },
      async (p) => p,
    );
    const r = await get('/book/portrait?date=2027-03-29');
    expect(r.html).not.toContain('value="any"');
    expect(r.html).toMatch(/Choose photographer: <strong>Ana<\/strong>/);
  });

  it('an unknown service is a 404 page, not an error', async () => {
    const r = await get('/book/nope');
    expect(r.status).toBe(404);
    expect(r.html).toContain('This service does not exist or cannot be booked online.');
  });
});

describe('details and booking', () => {
  it('the buttons follow the rule: Finish only without a gateway; Pay and Down payment with one', async () => {
    const free = await get(`/book/portrait/details?start=${encodeURIComponent(DETAILS.start)}&staff=1`);
    expect(free.html.match(/name="payment" value="(\w+)"/g)).toEqual(['name="payment" value="none"']);
    await tdb.store.applySetup(
      { business: { paymentUrl: 'https://pay.example/go', paymentSecret: 'p'.repeat(32) } },
      async (p) => p,
    );
    const paid = await get(`/book/portrait/details?start=${encodeURIComponent(DETAILS.start)}&staff=1`);
    expect(paid.html.match(/name="payment" value="(\w+)"/g)).toEqual([
      'name="payment" value="full"',
      'name="payment" value="deposit"',
    ]);
    expect(paid.html).toContain('Pay €120.00');
    expect(paid.html).toContain('Down payment €30.00');
    const consult = await get(`/book/consult/details?start=${encodeURIComponent(DETAILS.start)}&staff=1`);
    expect(consult.html).toContain('>Finish<');
  });

  it('Finish books and leads to the confirmation; a double submit books once', async () => {
    const r = await post('/book/portrait/details', { ...DETAILS, payment: 'none' });
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/^\/manage\/[A-Za-z0-9_-]{43}\?done=1$/);
    const again = await post('/book/portrait/details', { ...DETAILS, payment: 'none' });
    expect(again.location).toBe(r.location);
    const page = await get(r.location as string);
    expect(page.html).toContain('Your booking is confirmed.');
    expect(page.html).toContain('A confirmation is on its way to ada@example.com.');
    expect(page.html).toContain('Change date or time');
    const rows = await tdb.db.query('SELECT count(*)::int AS n FROM bookings');
    expect(rows[0]?.n).toBe(1);
  });

  it('Pay leads to the signed gateway URL', async () => {
    await tdb.store.applySetup(
      { business: { paymentUrl: 'https://pay.example/go', paymentSecret: 'p'.repeat(32) } },
      async (p) => p,
    );
    const r = await post('/book/portrait/details', { ...DETAILS, payment: 'deposit' });
    expect(r.status).toBe(303);
    const url = new URL(r.location as string);
    expect(url.origin + url.pathname).toBe('https://pay.example/go');
    expect(url.searchParams.get('amount')).toBe('30.00');
    expect(url.searchParams.get('returnUrl')).toMatch(/^http:\/\/127\.0\.0\.1:3000\/return\/SW-[A-Z0-9]{6}$/);
  });

  it('the form is checked with the API’s booking schema: what the API refuses, the page refuses (400), nothing booked', async () => {
    // A one-letter top-level domain passed the page's own hand-written check; the API never took it.
    const r = await post('/book/portrait/details', { ...DETAILS, email: 'ada@example.c', payment: 'none' });
    expect(r.status).toBe(400);
    expect(r.html).toContain('Please enter an email address like name@example.com.');
    const long = await post('/book/portrait/details', { ...DETAILS, address: 'a'.repeat(501), payment: 'none' });
    expect(long.status).toBe(400);
    expect(long.html).toContain('This is too long.');
    expect((await tdb.db.query('SELECT count(*)::int AS n FROM bookings'))[0]?.n).toBe(0);
  });

  it('mistakes come back in an alert summary and beside each field (400), nothing booked', async () => {
    const r = await post('/book/portrait/details', { ...DETAILS, name: '', email: 'not-an-email', payment: 'none' });
    expect(r.status).toBe(400);
    expect(r.html).toContain('role="alert"');
    expect(r.html).toContain('Please fill this in.');
    expect(r.html).toContain('Please enter an email address like name@example.com.');
    expect(r.html).toMatch(/id="f-email"[^>]*aria-invalid="true"/);
    expect(r.html).toContain('value="not-an-email"'); // what was typed is kept
    expect((await tdb.db.query('SELECT count(*)::int AS n FROM bookings'))[0]?.n).toBe(0);
  });

  it('a time taken meanwhile: back to the calendar of that day with a plain message (409), never an error page', async () => {
    await post('/book/portrait/details', {
      ...DETAILS,
      key: 'a'.repeat(24),
      email: 'bea@example.com',
      payment: 'none',
    });
    const r = await post('/book/portrait/details', { ...DETAILS, payment: 'none' });
    expect(r.status).toBe(409);
    expect(r.html).toContain('role="alert"');
    expect(r.html).toContain('Sorry, that time was booked by someone else a moment ago.');
    expect(r.html).toContain('data-calendar');
    expect(r.html).not.toContain('value="2027-03-29T10:00:00+02:00"'); // gone from the list
    expect(r.html).toContain('value="2027-03-29T11:00:00+02:00"');
  });

  it('a known email: the code page; wrong code → tries left; right code → confirmed', async () => {
    await post('/book/consult/details', { ...DETAILS, key: 'b'.repeat(24), payment: 'none' });
    const r = await post('/book/portrait/details', { ...DETAILS, start: '2027-03-30T10:00:00+02:00', payment: 'none' });
    const manage = r.location as string;
    expect(manage).toMatch(/^\/manage\/[A-Za-z0-9_-]{43}$/);
    const page = await get(manage);
    expect(page.html).toContain('we have sent a 6-digit code to ada@example.com');
    await t.deliver();
    const code = codeIn(t.mail.to('ada@example.com').find((m) => /is your code/.test(m.subject))?.subject ?? '');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const bad = await post(`${manage}/verify`, { code: wrong });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('That code is not right. 4 tries left.');
    const good = await post(`${manage}/verify`, { code });
    expect(good.status).toBe(303);
    expect((await get(good.location as string)).html).toContain('Your booking is confirmed.');
  });
});

describe('manage pages', () => {
  async function booked(): Promise<string> {
    const r = await post('/book/portrait/details', { ...DETAILS, payment: 'none' });
    return (r.location as string).replace('?done=1', '');
  }

  it('changes the booking on the same calendar, saying how many changes are left', async () => {
    const manage = await booked();
    const form = await get(`${manage}/reschedule?date=2027-03-30&tz=Europe/Paris`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('3 changes left');
    expect(form.html).toContain('Move my booking here');
    // Its own time does not stand in its way: 10:30 overlaps the booking at 10:00 and is offered.
    const sameDay = await get(`${manage}/reschedule?date=2027-03-29&tz=Europe/Paris`);
    expect(sameDay.html).toContain('value="2027-03-29T10:30:00+02:00"');
    expect(sameDay.html).not.toContain('value="any"');
    const r = await post(`${manage}/reschedule`, {
      start: '2027-03-30T14:00:00+02:00',
      staff: '1',
      tz: 'Europe/Paris',
    });
    expect(r.status).toBe(303);
    const after = await get(r.location as string);
    expect(after.html).toContain('Your booking has been moved.');
    expect(after.html).toContain('2 changes left');
  });

  it('cancels after a question, and then offers to book again', async () => {
    const manage = await booked();
    const question = await get(`${manage}/cancel`);
    expect(question.html).toContain('Cancel your booking?');
    const r = await post(`${manage}/cancel`, { reason: 'ill' });
    expect(r.status).toBe(303);
    const after = await get(r.location as string);
    expect(after.html).toContain('Your booking is cancelled. The time is free for others again.');
    expect(after.html).toContain('Book again');
    const again = await post(`${manage}/cancel`, {});
    expect(again.status).toBe(409);
  });

  it('an unknown link is a 404 page', async () => {
    expect((await get(`/manage/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await get('/manage/short')).status).toBe(404);
  });
});

describe('languages and escaping', () => {
  it.each([
    { how: '?lang=de', path: '/?lang=de', headers: {} as Record<string, string>, expected: 'de' },
    { how: 'cookie', path: '/', headers: { cookie: 'lang=es' } as Record<string, string>, expected: 'es' },
    {
      how: 'Accept-Language',
      path: '/',
      headers: { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.5' } as Record<string, string>,
      expected: 'fr',
    },
    { how: 'nothing: the business default', path: '/', headers: {} as Record<string, string>, expected: 'en' },
  ])('by $how → $expected', async ({ path, headers, expected }) => {
    const r = await get(path, headers);
    expect(r.html).toContain(`<html lang="${expected}"`);
  });

  it('?lang= is remembered in a cookie', async () => {
    const r = await get('/?lang=fr');
    expect(r.headers.get('set-cookie')).toBe('lang=fr; Max-Age=31536000; Path=/; HttpOnly; SameSite=Lax');
  });

  it('dates are written by Intl in the chosen language', async () => {
    const r = await get('/book/portrait?date=2027-03-29&lang=fr');
    expect(r.html).toContain('lundi 29 mars 2027');
  });

  it('Portuguese (pt-PT) pages, also for a Brazilian browser: words, dates and money by Intl', async () => {
    const r = await get('/book/portrait?date=2027-03-29', { 'accept-language': 'pt-BR,pt;q=0.9' });
    expect(r.html).toContain('<html lang="pt"');
    expect(r.html).toContain('Horários livres em segunda-feira, 29 de março de 2027');
    expect(r.html).toContain('120,00\u00a0€');
    expect(r.html).toContain('<span aria-current="true" lang="pt">Português</span>');
  });

  it('hostile names and notes are escaped on every page', async () => {
    const evil = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
    await tdb.store.applySetup(
      { business: { name: evil }, services: [{ key: 'portrait', name: evil, durationMinutes: 60, price: '120.00' }] },
      async (p) => p,
    );
    const r = await post('/book/portrait/details', { ...DETAILS, name: evil, notes: evil, payment: 'none' });
    const pages = [await get('/'), await get('/book/portrait?date=2027-03-29'), await get(r.location as string)];
    for (const p of pages) {
      expect(p.html).not.toContain('<script>alert(1)</script>');
      expect(p.html).not.toContain('<img src=x');
      expect(p.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });
});
