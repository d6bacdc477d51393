/**
 * The booking pages as a signed-in person meets them (server-rendered, no browser): the list with
 * its search and pages, one booking with its notes, move and cancel forms, and a booking taken on
 * the phone. The same use cases as the JSON API decide, so a staff member gets a 404 page for
 * another member's booking. Studio: test/support/studio.ts (now Friday 2027-03-26 12:00 Paris).
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import type { Body } from '../support/lifecycle.ts';
import { browser, signedIn } from '../support/sessions.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb);
});
afterEach(() => expect(d.errors).toEqual([]));

const phoneBooking = (over: Record<string, unknown> = {}) => ({
  service: 'portrait',
  staff: d.staffIds.ana,
  start: '2027-03-29T10:00:00+02:00',
  client: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' },
  notes: 'Called in',
  ...over,
});

/** A booking made through the admin API (the same use case the pages call). */
async function book(over: Record<string, unknown> = {}): Promise<Body> {
  const r = await d.as('admin', 'POST', 'bookings', phoneBooking(over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const benBooking = () =>
  book({
    staff: d.staffIds.ben,
    start: '2027-03-29T10:00:00-04:00',
    client: { name: 'Bob Brown', email: 'bob@example.com' },
  });

const get = async (id: string) => (await d.as('admin', 'GET', `bookings/${id}`)).body;
const subjects = (email: string) => d.mail.to(email).map((m) => m.subject);

/** The text of the page's alert summary (tags removed), or null. */
function alertOf(html: string): string | null {
  const m = /<div class="alert" role="alert"[^>]*>(.*?)<\/div>/s.exec(html);
  return m
    ? (m[1] as string)
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : null;
}

/** The rows of the bookings table: the reference of each. */
const listed = (html: string) => [...html.matchAll(/<td><code>([^<]+)<\/code><\/td>/g)].map((m) => m[1]);

let seq = 0;
/** Many rows at once, written through the store without the slot rules (the list shows whatever exists). */
async function seed(staff: 'ana' | 'ben', start: number): Promise<string> {
  seq += 1;
  const service = await tdb.store.findService('consult');
  const r = await tdb.store.insertBooking(
    {
      reference: `SW-P${String(seq).padStart(5, '0')}`,
      serviceId: service?.id ?? '',
      staffId: d.staffIds[staff],
      client: { name: `Client ${seq}`, email: `c${seq}@example.com`, phone: null, address: null },
      clientId: null,
      notes: '',
      wantsReminder: false,
      locale: 'en',
      timezone: 'Europe/Paris',
      status: 'confirmed',
      start,
      end: start + 30 * 60_000,
      occupied: { start, end: start + 30 * 60_000 },
      holdUntil: null,
      paymentOption: 'none',
      amountDue: 0,
      currency: 'EUR',
      price: 0,
      manageTokenHash: createHash('sha256').update(`page-seed-${seq}`).digest(),
      remindAt: null,
      answers: {},
      sealedAnswers: null,
    },
    d.clock.now(),
  );
  if (!r.ok) throw new Error(`seed refused: ${r.code}`);
  return r.booking.reference;
}

describe('who may open the booking pages', () => {
  type Who = 'anonymous' | 'admin' | 'ana';
  const cases: [string, Who, string, number][] = [
    ['GET', 'anonymous', '/admin/bookings', 303],
    ['GET', 'ana', '/admin/bookings', 200],
    ['GET', 'admin', '/admin/bookings', 200],
    ['GET', 'anonymous', '/admin/bookings/new', 303],
    ['GET', 'ana', '/admin/bookings/new', 200],
    ['GET', 'admin', '/admin/bookings/new', 200],
    ['GET', 'anonymous', '/admin/bookings/{ana}', 303],
    ['GET', 'ana', '/admin/bookings/{ana}', 200],
    ['GET', 'ana', '/admin/bookings/{ben}', 404],
    ['GET', 'admin', '/admin/bookings/{ben}', 200],
    ['GET', 'admin', '/admin/bookings/999999', 404],
    ['POST', 'anonymous', '/admin/bookings/{ana}/notes', 303],
    ['POST', 'ana', '/admin/bookings/{ana}/notes', 303],
    ['POST', 'ana', '/admin/bookings/{ben}/notes', 404],
    ['POST', 'admin', '/admin/bookings/{ben}/notes', 303],
    ['POST', 'anonymous', '/admin/bookings/{ana}/move', 303],
    ['POST', 'ana', '/admin/bookings/{ana}/move', 303],
    ['POST', 'ana', '/admin/bookings/{ben}/move', 404],
    ['POST', 'admin', '/admin/bookings/{ben}/move', 303],
    ['POST', 'anonymous', '/admin/bookings/{ana}/cancel', 303],
    ['POST', 'ana', '/admin/bookings/{ana}/cancel', 303],
    ['POST', 'ana', '/admin/bookings/{ben}/cancel', 404],
    ['POST', 'admin', '/admin/bookings/{ben}/cancel', 303],
    ['POST', 'anonymous', '/admin/bookings/new', 303],
    ['POST', 'ana', '/admin/bookings/new', 303],
    ['POST', 'admin', '/admin/bookings/new', 303],
  ];
  it.each(cases)('%s %s as %s → %i', async (method, who, pathTemplate, expected) => {
    const ana = await book({ start: '2027-03-29T10:00:00+02:00' });
    const ben = await benBooking();
    const path = pathTemplate.replace('{ana}', ana.id).replace('{ben}', ben.id);
    const b = who === 'anonymous' ? browser(d) : await signedIn(tdb, d, who);
    // A valid form for each action: the status says who may, not whether the form was right.
    const fields: Record<string, Record<string, string>> = {
      notes: { notes: 'Bring a hat' },
      move: { date: '2027-03-29', time: path.includes(ben.id) ? '12:00' : '14:00', notify: '1' },
      cancel: { reason: 'Ill', notify: '1' },
      new: {
        service: 'consult',
        staff: d.staffIds.ana,
        date: '2027-03-30',
        start: '2027-03-30T09:00:00+02:00',
        name: 'Cleo',
        email: 'cleo@example.com',
        notify: '1',
      },
    };
    const action = path.split('/').at(-1) as string;
    const r = method === 'GET' ? await b.page(path) : await b.form(path, fields[action] ?? {});
    expect(r.status, r.html.slice(0, 2000)).toBe(expected);
    if (expected === 303 && who === 'anonymous') expect(r.location).toMatch(/^\/admin\/sign-in\?next=/);
    if (expected === 404) {
      expect(r.html).toContain('<h1>Not found</h1>');
      expect(r.html).toContain('There is no such booking or staff member, or it is not one you can see.');
    }
  });

  it('leaves another member’s booking untouched when a staff member posts its forms', async () => {
    const ben = await benBooking();
    const ana = await signedIn(tdb, d, 'ana');
    await ana.form(`/admin/bookings/${ben.id}/notes`, { notes: 'mine now' });
    await ana.form(`/admin/bookings/${ben.id}/move`, { date: '2027-03-29', time: '12:00', notify: '1' });
    await ana.form(`/admin/bookings/${ben.id}/cancel`, { reason: 'x', notify: '1' });
    const after = await get(ben.id);
    expect([after.notes, after.start, after.status]).toEqual(['Called in', '2027-03-29T10:00:00-04:00', 'confirmed']);
  });

  it('refuses every booking form without its _csrf with 403, changing nothing', async () => {
    const b = await book();
    const admin = await signedIn(tdb, d, 'admin');
    const posts: [string, Record<string, string>][] = [
      [`/admin/bookings/${b.id}/notes`, { notes: 'forged' }],
      [`/admin/bookings/${b.id}/move`, { date: '2027-03-29', time: '14:00' }],
      [`/admin/bookings/${b.id}/cancel`, { reason: 'forged' }],
      ['/admin/bookings/new', { service: 'consult', staff: d.staffIds.ana, start: '2027-03-30T09:00:00+02:00' }],
    ];
    for (const [path, fields] of posts) {
      expect((await admin.form(path, fields, { csrf: false })).status, path).toBe(403);
      expect((await admin.form(path, { ...fields, _csrf: 'wrong' })).status, path).toBe(403);
    }
    const after = await get(b.id);
    expect([after.notes, after.start, after.status]).toEqual(['Called in', '2027-03-29T10:00:00+02:00', 'confirmed']);
    expect((await d.as('admin', 'GET', 'bookings?from=2027-03-30&to=2027-03-30')).body.bookings).toEqual([]);
  });

  it('answers a staff member who skips the rules with a 403 page', async () => {
    const b = await book();
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.form(`/admin/bookings/${b.id}/move`, { date: '2027-03-29', time: '14:00', skipRules: '1' });
    expect(r.status).toBe(403);
    expect(r.html).toContain('<h1>Not allowed</h1>');
    expect(r.html).toContain('Only an admin can do this. Ask an admin.');
    expect((await get(b.id)).start).toBe('2027-03-29T10:00:00+02:00');
  });
});

describe('the booking list', () => {
  it('shows an admin every booking of the range with a staff filter, and links each row to its booking', async () => {
    const a = await book();
    const b = await benBooking();
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page('/admin/bookings');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<title>Bookings — Test Studio dashboard</title>');
    expect(listed(page.html)).toEqual([a.reference, b.reference]);
    expect(page.html).toContain(`<a class="row-link" href="/admin/bookings/${a.id}">Mon, 29 Mar 2027, 10:00–11:00</a>`);
    expect(page.html).toContain(`<a class="row-link" href="/admin/bookings/${b.id}">Mon, 29 Mar 2027, 16:00–17:00</a>`);
    expect(page.html).toContain('<caption class="muted">Times in Europe/Paris</caption>');
    expect(page.html).toContain('<select id="f-staff" name="staff">');
    expect(page.html).toContain(`<option value="${d.staffIds.ben}">Ben</option>`);
    // The range used is shown: today and the next 31 days.
    expect(page.html).toContain('name="from" type="date" value="2027-03-26"');
    expect(page.html).toContain('name="to" type="date" value="2027-04-26"');
    expect(page.html).toContain('<a class="button primary" href="/admin/bookings/new">New booking</a>');
    expect(page.html).not.toContain('Next page');
  });

  it('shows a staff member only their own bookings and no staff filter', async () => {
    const a = await book();
    await benBooking();
    const ana = await signedIn(tdb, d, 'ana');
    const page = await ana.page('/admin/bookings');
    expect(listed(page.html)).toEqual([a.reference]);
    expect(page.html).not.toContain('name="staff"');
    expect(page.html).not.toContain('Bob Brown');
    // Naming Ben in the address changes nothing: a staff member's list is always their own.
    expect(listed((await ana.page(`/admin/bookings?staff=${d.staffIds.ben}`)).html)).toEqual([a.reference]);
  });

  it('searches by client, reference, staff and status, and dates', async () => {
    const a = await book();
    const b = await benBooking();
    const admin = await signedIn(tdb, d, 'admin');
    const refsOf = async (query: string) => listed((await admin.page(`/admin/bookings?${query}`)).html);
    expect(await refsOf('q=BOB')).toEqual([b.reference]);
    expect(await refsOf(`q=${a.reference.toLowerCase()}`)).toEqual([a.reference]);
    expect(await refsOf('q=7946')).toEqual([a.reference]);
    expect(await refsOf(`staff=${d.staffIds.ana}`)).toEqual([a.reference]);
    expect(await refsOf('status=cancelled')).toEqual([]);
    expect(await refsOf('from=2027-03-30&to=2027-04-30')).toEqual([]);
    const kept = await admin.page('/admin/bookings?q=bob&status=confirmed');
    expect(kept.html).toContain('name="q" type="search" value="bob"');
    expect(kept.html).toContain('<option value="confirmed" selected="">Confirmed</option>');
  });

  it('says when nothing matches', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page('/admin/bookings?q=nobody');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h2>No bookings</h2>');
    expect(page.html).toContain('No booking matches this search.');
    expect(page.html).not.toContain('<table');
  });

  it('pages through the keyset cursor: 50 a page, Next page, then the rest', async () => {
    const made: string[] = [];
    const base = Date.parse('2027-03-29T07:00:00Z');
    for (let i = 0; i < 53; i++) made.push(await seed(i % 2 ? 'ben' : 'ana', base + i * 30 * 60_000));
    const admin = await signedIn(tdb, d, 'admin');
    const first = await admin.page('/admin/bookings?q=client');
    expect(listed(first.html)).toEqual(made.slice(0, 50));
    const next = /<a href="([^"]+)" rel="next">Next page<\/a>/.exec(first.html)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toMatch(/^\/admin\/bookings\?q=client&from=2027-03-26&to=2027-04-26&cursor=[A-Za-z0-9_-]+$/);
    const second = await admin.page(next as string);
    expect(listed(second.html)).toEqual(made.slice(50));
    expect(second.html).not.toContain('Next page');
    expect(second.html).toContain(
      '<a href="/admin/bookings?q=client&amp;from=2027-03-26&amp;to=2027-04-26">First page</a>',
    );
  });

  it('refuses a wrong date, range or cursor with 400 and the field named', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const bad = await admin.page('/admin/bookings?from=2027-02-30');
    expect(bad.status).toBe(400);
    expect(alertOf(bad.html)).toBe('Please check the search From: A real date YYYY-MM-DD.');
    expect(bad.html).toContain('<a href="#f-from">From: A real date YYYY-MM-DD.</a>');
    expect(bad.html).toMatch(/id="f-from" name="from" type="date" value="2027-02-30" aria-invalid="true"/);
    const backwards = await admin.page('/admin/bookings?from=2027-04-02&to=2027-04-01');
    expect([backwards.status, alertOf(backwards.html)]).toEqual([
      400,
      'Please check the search To: Must be on or after from.',
    ]);
    const forged = await admin.page('/admin/bookings?cursor=nope');
    expect([forged.status, alertOf(forged.html)]).toEqual([
      400,
      'Please check the search Page: Not a cursor from a previous page.',
    ]);
  });

  it('escapes a hostile client name', async () => {
    await book({ client: { name: '<script>alert(1)</script>', email: 'x@example.com' } });
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page('/admin/bookings');
    expect(page.html).not.toContain('<script>alert(1)</script>');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

/** The values of the booking page's facts list, as "label: value" lines. */
function factsOf(html: string): string[] {
  const dl = /<dl class="facts-list booking-facts">(.*?)<\/dl>/s.exec(html)?.[1] ?? '';
  const text = (s: string) =>
    s
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  return [...dl.matchAll(/<dt>(.*?)<\/dt><dd[^>]*>(.*?)<\/dd>/gs)].map(
    (m) => `${text(m[1] as string)}: ${text(m[2] as string)}`,
  );
}

describe('a booking’s page', () => {
  it('shows every fact, the calendar link and the three forms', async () => {
    const b = await book({
      client: {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        phone: '+44 20 7946 0000',
        address: '12 St James’s Square',
      },
    });
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page(`/admin/bookings/${b.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<title>Booking ${b.reference} — Test Studio dashboard</title>`);
    expect(page.html).toContain('<h1>Portrait session for Ada Lovelace</h1>');
    expect(factsOf(page.html)).toEqual([
      'Status: Confirmed',
      'When: Mon, 29 Mar 2027, 10:00–11:00 (Europe/Paris)',
      'Service: Portrait session',
      'Staff: Ana',
      'Client: Ada Lovelace',
      'Email: ada@example.com',
      'Phone: +44 20 7946 0000',
      'Address: 12 St James’s Square',
      'Price: €120.00',
      'Payment: Paid at the studio',
      'Paid: €0.00',
      'Left to pay: €120.00',
      `Reference: ${b.reference}`,
      'Reminder: No',
      'Language: English',
      'Made: Friday, 26 March 2027 at 12:00',
      'Notes: Called in',
      'Client’s no-shows: 0',
    ]);
    expect(page.html).toContain('<a href="tel:+442079460000">+44 20 7946 0000</a>');
    expect(page.html).toContain('<a class="button secondary" href="/admin?date=2027-03-29">Show in calendar</a>');
    expect(page.html).toContain('<p class="muted">Never moved, cancelled or marked.</p>');
    expect(page.html).toContain(`action="/admin/bookings/${b.id}/notes"`);
    expect(page.html).toContain('id="f-date" name="date" type="date" value="2027-03-29"');
    expect(page.html).toContain('id="f-time" name="time" type="time" value="10:00"');
    expect(page.html).toContain(
      '<input type="checkbox" name="notify" value="1" checked=""/> Notify the client by email',
    );
    expect(page.html).toContain('<input type="checkbox" name="skipRules" value="1"/> Skip notice and horizon');
    expect(page.html).toContain(`<option value="${d.staffIds.ana}" selected="">Ana</option>`);
    expect(page.html).toContain(`Cancel booking ${b.reference}`);
  });

  it('shows a staff member their booking without the admin-only choices', async () => {
    const b = await book();
    const ana = await signedIn(tdb, d, 'ana');
    const page = await ana.page(`/admin/bookings/${b.id}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('name="skipRules"');
    expect(page.html).not.toContain('name="staff"');
    expect(page.html).toContain('Move booking');
  });

  it('shows a booking of a member in another zone in theirs and in the business zone', async () => {
    const b = await benBooking();
    const admin = await signedIn(tdb, d, 'admin');
    const facts = factsOf((await admin.page(`/admin/bookings/${b.id}`)).html);
    expect(facts[1]).toBe(
      'When: Mon, 29 Mar 2027, 10:00–11:00 (America/New York) Mon, 29 Mar 2027, 16:00–17:00 in Europe/Paris',
    );
  });

  it('escapes a hostile name, email, notes and address', async () => {
    const evil = '<script>alert(1)</script>';
    const b = await book({ client: { name: evil, email: 'x@example.com', address: evil }, notes: evil });
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page(`/admin/bookings/${b.id}`);
    expect(page.html).not.toContain(evil);
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('saves notes and says so', async () => {
    const b = await book();
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.form(`/admin/bookings/${b.id}/notes`, { notes: 'Bring the blue backdrop' });
    expect([r.status, r.location]).toEqual([303, `/admin/bookings/${b.id}?done=notes`]);
    expect((await get(b.id)).notes).toBe('Bring the blue backdrop');
    const page = await ana.page(r.location as string);
    expect(page.html).toContain('<p class="note" role="status">The notes are saved.</p>');
    await d.deliver();
    expect(subjects('ada@example.com')).toHaveLength(1);
  });

  it('refuses notes over 2000 characters, keeping them in the form', async () => {
    const b = await book();
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form(`/admin/bookings/${b.id}/notes`, { notes: 'x'.repeat(2001) });
    expect(r.status).toBe(400);
    expect(alertOf(r.html)).toBe('The booking was not changed Notes: The notes must be at most 2000 characters.');
    expect(r.html).toContain(`${'x'.repeat(2001)}</textarea>`);
    expect((await get(b.id)).notes).toBe('Called in');
  });

  it('moves to a free time: redirect with a notice, the new start in the API, the history, and the client emailed', async () => {
    const b = await book();
    await d.deliver();
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.form(`/admin/bookings/${b.id}/move`, { date: '2027-03-29', time: '14:00', notify: '1' });
    expect([r.status, r.location]).toEqual([303, `/admin/bookings/${b.id}?done=moved`]);
    expect((await get(b.id)).start).toBe('2027-03-29T14:00:00+02:00');
    const page = await ana.page(r.location as string);
    expect(page.html).toContain('The booking is moved. The client has been emailed the new time.');
    expect(page.html).toMatch(
      /<ol class="history"><li>Friday, 26 March 2027 at 12:00: moved from Mon, 29 Mar 2027, 10:00 \(Ana\) to\s*Mon, 29 Mar 2027, 14:00 \(Ana\) — Moved by staff<\/li><\/ol>/,
    );
    await d.deliver();
    expect(subjects('ada@example.com')[1]).toBe(
      `Booking changed: Portrait session, now Mon 29 Mar, 14:00 (${b.reference})`,
    );
  });

  it('moves without emailing the client when "Notify the client" is unticked', async () => {
    const b = await book();
    await d.deliver();
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form(`/admin/bookings/${b.id}/move`, { date: '2027-03-29', time: '15:00' });
    expect(r.location).toBe(`/admin/bookings/${b.id}?done=moved-quiet`);
    await d.deliver();
    expect(subjects('ada@example.com')).toHaveLength(1);
    expect(subjects('ana@studio.test')).toHaveLength(2);
  });

  it('lets an admin move to another member', async () => {
    const b = await book();
    const admin = await signedIn(tdb, d, 'admin');
    // Ben's zone is New York: the form's time is read in the booking's zone (Paris), 16:00 = 10:00 there.
    const r = await admin.form(`/admin/bookings/${b.id}/move`, {
      date: '2027-03-29',
      time: '16:00',
      staff: d.staffIds.ben,
      notify: '1',
    });
    expect(r.status).toBe(303);
    const after = await get(b.id);
    expect([after.staff.name, after.start]).toEqual(['Ben', '2027-03-29T10:00:00-04:00']);
  });

  it('refuses a move onto a taken time with 409, the message, the typed values, and the booking unchanged', async () => {
    const b = await book();
    await book({ start: '2027-03-29T14:00:00+02:00', client: { name: 'Bob', email: 'bob@example.com' } });
    await d.deliver();
    const sent = d.mail.sent.length;
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form(`/admin/bookings/${b.id}/move`, { date: '2027-03-29', time: '13:30', notify: '1' });
    expect(r.status).toBe(409);
    expect(alertOf(r.html)).toBe(
      'The booking was not changed New time: That time is taken: it overlaps another booking of the staff member.',
    );
    expect(r.html).toContain('<a href="#f-time">');
    expect(r.html).toMatch(/id="f-time" name="time" type="time" value="13:30" required="" aria-invalid="true"/);
    expect((await get(b.id)).start).toBe('2027-03-29T10:00:00+02:00');
    expect(factsOf(r.html)[1]).toBe('When: Mon, 29 Mar 2027, 10:00–11:00 (Europe/Paris)');
    await d.deliver();
    expect(d.mail.sent.length).toBe(sent);
  });

  it('explains the other refusals: outside working hours, inside the notice (with the admin’s way round), bad input', async () => {
    const b = await book();
    await tdb.store.applySetup({ business: { minNoticeMinutes: 5 * 24 * 60 } }, async (p) => p);
    const admin = await signedIn(tdb, d, 'admin');
    const move = (fields: Record<string, string>) => admin.form(`/admin/bookings/${b.id}/move`, fields);
    const night = await move({ date: '2027-03-30', time: '22:00' });
    expect([night.status, alertOf(night.html)]).toEqual([
      409,
      'The booking was not changed New time: That time is not one of the offered slots (outside working hours or off the slot grid).',
    ]);
    const soon = await move({ date: '2027-03-29', time: '15:00' });
    expect([soon.status, alertOf(soon.html)]).toEqual([
      409,
      'The booking was not changed New time: That time is within the minimum notice. Tick “Skip notice and horizon” to book it anyway.',
    ]);
    expect((await move({ date: '2027-03-29', time: '15:00', skipRules: '1' })).status).toBe(303);
    const junk = await move({ date: '29/03/2027', time: '3pm' });
    expect([junk.status, alertOf(junk.html)]).toEqual([
      400,
      'The booking was not changed New date: A real date YYYY-MM-DD. New time: A time HH:MM.',
    ]);
  });

  it('cancels: redirect with a notice, cancelled in the API, the client emailed with the reason', async () => {
    const b = await book();
    await d.deliver();
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.form(`/admin/bookings/${b.id}/cancel`, { reason: 'Studio flooded', notify: '1' });
    expect([r.status, r.location]).toEqual([303, `/admin/bookings/${b.id}?done=cancelled`]);
    expect((await get(b.id)).status).toBe('cancelled');
    const page = await ana.page(r.location as string);
    expect(page.html).toContain('The booking is cancelled and its time is free. The client has been emailed.');
    expect(factsOf(page.html)[0]).toBe('Status: Cancelled');
    expect(page.html).not.toContain('Cancel booking');
    expect(page.html).toContain('Only a confirmed booking can be moved; this one is cancelled.');
    await d.deliver();
    const mail = d.mail.to('ada@example.com');
    expect(mail.map((m) => m.subject)[1]).toBe(
      `Booking cancelled: Portrait session, Mon 29 Mar, 10:00 (${b.reference})`,
    );
    expect(mail[1]?.text).toContain('Studio flooded');
  });

  it('refuses to cancel twice with 409 and says why', async () => {
    const b = await book();
    const admin = await signedIn(tdb, d, 'admin');
    await admin.form(`/admin/bookings/${b.id}/cancel`, { notify: '1' });
    const again = await admin.form(`/admin/bookings/${b.id}/cancel`, { notify: '1' });
    expect([again.status, alertOf(again.html)]).toEqual([
      409,
      'The booking was not changed This booking cannot be cancelled. Its status is already “Cancelled”.',
    ]);
  });
});

/** The free times offered on the new-booking page, as "HH:MM". */
const timesOf = (html: string) =>
  [
    ...html.matchAll(/<input type="radio" name="start" value="[^"]+"(?: checked="")? required=""\/><span>(\d\d:\d\d)/g),
  ].map((m) => m[1]);

describe('a new booking taken on the phone', () => {
  it('asks for service, staff and day first, then lists that day’s free times', async () => {
    await book({ start: '2027-03-29T10:00:00+02:00' });
    const admin = await signedIn(tdb, d, 'admin');
    const first = await admin.page('/admin/bookings/new');
    expect(first.status).toBe(200);
    expect(first.html).toContain('<h2 id="step1">1. Service, staff and day</h2>');
    expect(first.html).toContain('<option value="any">Anyone free</option>');
    expect(first.html).toContain('name="date" type="date" value="2027-03-26"');
    expect(first.html).not.toContain('id="step2"');
    const portrait = (await tdb.store.findService('portrait'))?.id as string;
    const day = await admin.page(`/admin/bookings/new?service=${portrait}&staff=${d.staffIds.ana}&date=2027-03-29`);
    expect(day.status).toBe(200);
    expect(day.html).toContain('Free times on Monday, 29 March 2027 (Europe/Paris)');
    // Ana works 09-12 and 13-17; 10:00 is taken (and 09:30 would overlap it).
    expect(timesOf(day.html)).toEqual([
      '09:00',
      '11:00',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
    ]);
  });

  it('makes the booking: redirect to it with a notice, confirmed in the API, the client emailed', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form('/admin/bookings/new', {
      service: 'portrait',
      staff: d.staffIds.ana,
      date: '2027-03-29',
      start: '2027-03-29T11:00:00+02:00',
      name: 'Grace Hopper',
      email: 'grace@example.com',
      phone: '+1 555 0100',
      notes: 'Prefers mornings',
      reminder: '1',
      notify: '1',
    });
    expect(r.status).toBe(303);
    const id = /^\/admin\/bookings\/(\d+)\?done=created$/.exec(r.location ?? '')?.[1] as string;
    expect(id).toBeDefined();
    const made = await get(id);
    expect(made).toMatchObject({
      status: 'confirmed',
      start: '2027-03-29T11:00:00+02:00',
      staff: { name: 'Ana' },
      client: { name: 'Grace Hopper', email: 'grace@example.com', phone: '+1 555 0100', address: null },
      notes: 'Prefers mornings',
      wantsReminder: true,
    });
    const page = await admin.page(r.location as string);
    expect(page.html).toContain('The booking is made and confirmed. The client has been emailed.');
    await d.deliver();
    expect(subjects('grace@example.com')).toEqual([
      `Booking confirmed: Portrait session, Mon 29 Mar, 11:00 (${made.reference})`,
    ]);
  });

  it('refuses a missing time and missing client details, listing each, keeping what was typed', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const base = { service: 'portrait', staff: d.staffIds.ana, date: '2027-03-29', notify: '1' };
    const noTime = await admin.form('/admin/bookings/new', { ...base, name: 'Grace', email: 'grace@example.com' });
    expect([noTime.status, alertOf(noTime.html)]).toEqual([
      400,
      'The booking was not made Time: Choose one of the free times.',
    ]);
    expect(noTime.html).toContain('name="name" type="text" value="Grace"');
    const noClient = await admin.form('/admin/bookings/new', {
      ...base,
      start: '2027-03-29T11:00:00+02:00',
      email: 'nope',
    });
    expect(noClient.status).toBe(400);
    expect(alertOf(noClient.html)).toBe(
      'The booking was not made Client name: Required. Client email: A valid email address.',
    );
    expect(noClient.html).toContain('value="2027-03-29T11:00:00+02:00" checked=""');
    expect((await d.as('admin', 'GET', 'bookings?from=2027-03-29&to=2027-03-29')).body.bookings).toEqual([]);
  });

  it('refuses a time taken meanwhile with 409 and offers the day’s times again without it', async () => {
    await book({ start: '2027-03-29T11:00:00+02:00' });
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form('/admin/bookings/new', {
      service: 'portrait',
      staff: d.staffIds.ana,
      date: '2027-03-29',
      start: '2027-03-29T11:00:00+02:00',
      name: 'Grace',
      email: 'grace@example.com',
      notify: '1',
    });
    expect(r.status).toBe(409);
    expect(alertOf(r.html)).toBe(
      'The booking was not made Time: That time is taken: it overlaps another booking of the staff member.',
    );
    expect(timesOf(r.html)).not.toContain('11:00');
    expect(timesOf(r.html)).toContain('09:00');
  });

  it('lets an admin skip notice and horizon with a typed time, never over another booking', async () => {
    await tdb.store.applySetup({ business: { minNoticeMinutes: 5 * 24 * 60 } }, async (p) => p);
    await book({ start: '2027-03-29T14:00:00+02:00', skipRules: true });
    const admin = await signedIn(tdb, d, 'admin');
    const step = await admin.page(
      `/admin/bookings/new?service=portrait&staff=${d.staffIds.ana}&date=2027-03-29&skip=1`,
    );
    expect(step.html).toContain('<input type="hidden" name="skipRules" value="1"/>');
    expect(step.html).toContain('id="f-time" name="time" type="time"');
    expect(timesOf(step.html)).toEqual([]);
    const fields = {
      service: 'portrait',
      staff: d.staffIds.ana,
      date: '2027-03-29',
      skipRules: '1',
      name: 'Grace',
      email: 'grace@example.com',
    };
    const over = await admin.form('/admin/bookings/new', { ...fields, time: '13:30' });
    expect([over.status, alertOf(over.html)]).toEqual([
      409,
      'The booking was not made Time: That time is taken: it overlaps another booking of the staff member.',
    ]);
    const ok = await admin.form('/admin/bookings/new', { ...fields, time: '09:00' });
    expect(ok.status).toBe(303);
    expect(ok.location).toMatch(/\?done=created-quiet$/);
  });

  it('lets a staff member book only for themselves, never skipping the rules', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const page = await ana.page('/admin/bookings/new');
    expect(page.html).toContain('With <strong>Ana</strong> (you)');
    expect(page.html).not.toContain('name="skip"');
    const form = { service: 'portrait', date: '2027-03-29', name: 'Grace', email: 'grace@example.com' };
    const forBen = await ana.form('/admin/bookings/new', {
      ...form,
      staff: d.staffIds.ben,
      start: '2027-03-29T10:00:00-04:00',
    });
    expect(forBen.status).toBe(404);
    const skip = await ana.form('/admin/bookings/new', {
      ...form,
      staff: d.staffIds.ana,
      skipRules: '1',
      time: '09:00',
    });
    expect(skip.status).toBe(403);
    expect((await d.as('admin', 'GET', 'bookings?from=2027-03-29&to=2027-03-29')).body.bookings).toEqual([]);
    const own = await ana.form('/admin/bookings/new', {
      ...form,
      staff: d.staffIds.ana,
      start: '2027-03-29T09:00:00+02:00',
    });
    expect(own.status).toBe(303);
  });

  it('says which choice is wrong: a member who does not offer the service', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.page(`/admin/bookings/new?service=consult&staff=${d.staffIds.ben}&date=2027-03-29`);
    expect(r.status).toBe(400);
    expect(alertOf(r.html)).toBe(
      'The booking was not made Staff member: This staff member does not offer this service.',
    );
    expect(r.html).not.toContain('id="step2"');
  });
});
