/**
 * A booking's page shows its kind (SPEC §9): a seat of a group session lists the session's other
 * attendees (and not a cancelled one, nor another session's), an occurrence of a series lists
 * every occurrence. Studio: test/support/studio.ts with the workshop (10 seats, Ana).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import type { Body } from '../support/lifecycle.ts';
import { signedIn } from '../support/sessions.ts';
import { WITH_WORKSHOP } from '../support/studio.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb, WITH_WORKSHOP);
});
afterEach(() => expect(d.errors).toEqual([]));

async function seat(name: string, seats: number, start = '2027-03-29T09:00:00+02:00'): Promise<Body> {
  const r = await d.as('admin', 'POST', 'bookings', {
    service: 'workshop',
    staff: d.staffIds.ana,
    start,
    seats,
    client: { name, email: `${name.toLowerCase()}@example.com` },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe('a booking page shows its kind', () => {
  it("a seat's page lists the session's other attendees, not a cancelled one nor another session's", async () => {
    const mine = await seat('Mia', 2);
    await seat('Noor', 3);
    const gone = await seat('Olga', 1);
    await seat('Pia', 1, '2027-03-29T13:00:00+02:00');
    expect((await d.as('admin', 'POST', `bookings/${gone.id}/cancel`, { notifyClient: false })).status).toBe(200);
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page(`/admin/bookings/${mine.id}`);
    expect(page.status).toBe(200);
    const panel = page.html.slice(page.html.indexOf('id="attendees"'));
    expect(panel).toContain('Noor');
    expect(panel).toContain('Taken: 5 of 10 seats');
    expect(panel).not.toContain('Olga');
    expect(panel).not.toContain('Pia');
  });

  it("an occurrence's page lists every occurrence of its series", async () => {
    const r = await d.as('admin', 'POST', 'bookings', {
      service: 'portrait',
      staff: d.staffIds.ana,
      start: '2027-04-12T10:00:00+02:00',
      client: { name: 'Tess', email: 'tess@example.com' },
      repeat: { frequency: 'weekly', count: 3 },
    });
    const [first, second] = r.body.series.bookings;
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page(`/admin/bookings/${second.id}`);
    expect(page.html).toContain('Occurrences of this series');
    expect(page.html).toContain(`href="/admin/bookings/${first.id}"`);
    expect(page.html).toContain('aria-current="page"');
  });

  it('the booking-by-phone form books a series, and a taken date refuses it whole (409, nothing written)', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page('/admin/bookings/new?service=portrait');
    expect(page.html).toContain('<label for="f-repeat">How often</label>');
    const base = {
      service: 'portrait',
      staff: d.staffIds.ana,
      date: '2027-04-12',
      start: '2027-04-12T10:00:00+02:00',
      name: 'Grace Hopper',
      email: 'grace@example.com',
      repeat: 'weekly',
      repeatCount: '3',
    };
    const r = await admin.form('/admin/bookings/new', base);
    expect(r.status).toBe(303);
    const id = /^\/admin\/bookings\/(\d+)\?done=created$/.exec(r.location ?? '')?.[1] as string;
    const first = (await d.as('admin', 'GET', `bookings/${id}`)).body;
    const count = async () => Number((await tdb.db.query('SELECT count(*)::int AS n FROM bookings'))[0]?.n);
    expect([first.seriesId !== null, await count()]).toEqual([true, 3]);
    const again = await admin.form('/admin/bookings/new', { ...base, email: 'other@example.com' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('Not booked: these dates are taken');
    expect(await count()).toBe(3);
  });
});
