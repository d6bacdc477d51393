/**
 * Staff calendar feeds: a private URL (token stored only as its SHA-256) serving the member's
 * confirmed bookings from 30 days ago as iCalendar, read back here with ical.js; a new URL revokes
 * the old one, and revoking leaves none.
 *
 * Studio: now = Fri 2027-03-26 11:00Z; Ana works Mon-Fri in Paris, Ben Mon-Sat in New York.
 */
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { PUBLIC_URL } from '../support/lifecycle.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb);
});
afterEach(() => {
  expect(d.errors).toEqual([]);
});

async function book(staff: string, start: string, name: string, more: Record<string, unknown> = {}) {
  const r = await d.post('/bookings', {
    service: 'portrait',
    staff,
    start,
    client: { name, email: `${name.toLowerCase().replaceAll(' ', '.')}@example.com`, ...more },
    payment: 'none',
  });
  expect(r.status).toBe(201);
  return r.body as { booking: { reference: string }; token: string };
}

/** GET a feed URL through the app: status, headers and its events as ical.js reads them. */
async function readFeed(url: string) {
  expect(url.startsWith(`${PUBLIC_URL}/feeds/`)).toBe(true);
  const res = await d.app.request(url.slice(PUBLIC_URL.length));
  const text = await res.text();
  if (res.status !== 200) return { status: res.status, headers: res.headers, events: [] };
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      description: e.description,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      status: v.getFirstPropertyValue('status'),
    };
  });
  return { status: res.status, headers: res.headers, events, name: cal.getFirstPropertyValue('x-wr-calname') };
}

const uid = (reference: string) => `${reference.toLowerCase()}@slotwise`;

describe('staff calendar feeds', () => {
  it("lists exactly the member's confirmed bookings from 30 days ago, each with the client's details", async () => {
    const old = await book(d.staffIds.ana, '2027-03-29T10:00:00+02:00', 'Old Client');
    const kept = await book(d.staffIds.ana, '2027-04-20T09:00:00+02:00', 'Ada Lovelace', {
      phone: '+33 6 12 34 56 78',
    });
    const moved = await book(d.staffIds.ana, '2027-04-21T09:00:00+02:00', 'Bea');
    const cancelled = await book(d.staffIds.ana, '2027-04-22T09:00:00+02:00', 'Cy');
    await book(d.staffIds.ben, '2027-04-20T10:00:00-04:00', 'Ben Client');
    expect((await d.post(`/manage/${cancelled.token}/cancel`, {})).status).toBe(200);
    expect((await d.post(`/manage/${moved.token}/reschedule`, { start: '2027-04-23T14:00:00+02:00' })).status).toBe(
      200,
    );
    const made = await d.as('ana', 'POST', `staff/${d.staffIds.ana}/feed`);
    expect(made.status).toBe(201);
    expect(made.body.url).toMatch(new RegExp(`^${PUBLIC_URL}/feeds/[A-Za-z0-9_-]{43}\\.ics$`));

    d.clock.set('2027-04-29T08:00:00Z'); // the first booking ended 31 days ago
    const feed = await readFeed(made.body.url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('private, max-age=300');
    expect(feed.name).toBe('Test Studio: Ana');
    expect(feed.events).toEqual([
      {
        uid: uid(kept.booking.reference),
        sequence: 0,
        summary: 'Portrait session — Ada Lovelace',
        description: [
          `Reference ${kept.booking.reference}`,
          'Client: Ada Lovelace',
          'Email: ada.lovelace@example.com',
          'Phone: +33 6 12 34 56 78',
        ].join('\n'),
        start: '2027-04-20T07:00:00.000Z',
        end: '2027-04-20T08:00:00.000Z',
        status: 'CONFIRMED',
      },
      {
        uid: uid(moved.booking.reference),
        sequence: 1,
        summary: 'Portrait session — Bea',
        description: [`Reference ${moved.booking.reference}`, 'Client: Bea', 'Email: bea@example.com'].join('\n'),
        start: '2027-04-23T12:00:00.000Z',
        end: '2027-04-23T13:00:00.000Z',
        status: 'CONFIRMED',
      },
    ]);
    d.clock.set('2027-04-28T07:59:59Z'); // 30 days after the first booking's end: still listed
    expect((await readFeed(made.body.url)).events.map((e) => e.uid)).toEqual([
      uid(old.booking.reference),
      uid(kept.booking.reference),
      uid(moved.booking.reference),
    ]);
  });

  it('the notes are in the description; the UID is the one of the booking email calendar file', async () => {
    const r = await d.post('/bookings', {
      service: 'consult',
      staff: d.staffIds.ana,
      start: '2027-03-29T09:00:00+02:00',
      client: { name: 'Zoé; Martin, "Z"', email: 'zoe@example.com' },
      notes: 'Bring the dog\nand the cat',
      payment: 'none',
    });
    expect(r.status).toBe(201);
    const { url } = (await d.as('admin', 'POST', `staff/${d.staffIds.ana}/feed`)).body;
    const [event] = (await readFeed(url)).events;
    expect(event?.summary).toBe('Consultation — Zoé; Martin, "Z"');
    expect(event?.description).toBe(
      `Reference ${r.body.booking.reference}\nClient: Zoé; Martin, "Z"\nEmail: zoe@example.com\nNotes: Bring the dog\nand the cat`,
    );
    await d.deliver();
    const attachment = d.mail.to('ana@studio.test')[0]?.attachments[0]?.content ?? '';
    expect(attachment).toContain(`UID:${event?.uid}`);
  });

  it('a new URL revokes the old one; revoking leaves none; only the SHA-256 is stored', async () => {
    const first = (await d.as('ana', 'POST', `staff/${d.staffIds.ana}/feed`)).body.url as string;
    expect((await d.as('ana', 'GET', `staff/${d.staffIds.ana}/feed`)).body).toEqual({ active: true });
    const second = (await d.as('admin', 'POST', `staff/${d.staffIds.ana}/feed`)).body.url as string;
    expect(second).not.toBe(first);
    expect((await readFeed(first)).status).toBe(404);
    expect((await readFeed(second)).status).toBe(200);

    const token = /\/feeds\/([^/]+)\.ics$/.exec(second)?.[1] as string;
    const [row] = await tdb.db.query('SELECT encode(feed_token_hash, $2) AS h FROM staff WHERE id = $1', [
      d.staffIds.ana,
      'hex',
    ]);
    expect(row?.h).toBe(createHash('sha256').update(token).digest('hex'));
    const anywhere = await tdb.db.query('SELECT count(*)::int AS n FROM staff WHERE row_to_json(staff)::text LIKE $1', [
      `%${token}%`,
    ]);
    expect(anywhere).toEqual([{ n: 0 }]);

    expect((await d.as('ana', 'DELETE', `staff/${d.staffIds.ana}/feed`)).status).toBe(204);
    expect((await readFeed(second)).status).toBe(404);
    expect((await d.as('ana', 'GET', `staff/${d.staffIds.ana}/feed`)).body).toEqual({ active: false });
    expect((await d.as('admin', 'GET', `staff/${d.staffIds.ben}/feed`)).body).toEqual({ active: false });
  });

  it.each([['/feeds/nope.ics'], [`/feeds/${'A'.repeat(43)}.ics`], [`/feeds/${'A'.repeat(43)}`], ['/feeds/']])(
    '%s is a 404',
    async (path) => {
      const res = await d.app.request(path);
      expect(res.status).toBe(404);
    },
  );

  it('unknown staff ids are 404 to an admin', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      expect((await d.as('admin', method, 'staff/999999/feed')).status).toBe(404);
      expect((await d.as('admin', method, 'staff/x/feed')).status).toBe(404);
    }
  });
});
