/**
 * The dashboard's waitlist (SPEC §9.3): anonymous → 401 (the API) or sign-in (the page); a staff
 * member → 403 (it lists clients of every member); an admin → the day's entries per service, in
 * join order. A bad date is 400 naming the field.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { signedIn } from '../support/sessions.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
afterEach(() => expect(d.errors).toEqual([]));
beforeEach(async () => {
  d = await startDashboard(tdb);
  for (const name of ['Wanda', 'Xavier']) {
    await tdb.store.insertWaitlistEntry(
      {
        serviceId: (await tdb.store.findService('portrait'))?.id as string,
        staffId: null,
        date: '2027-06-14',
        timezone: 'Europe/Paris',
        from: 600,
        to: null,
        seats: 1,
        client: { name, email: `${name.toLowerCase()}@example.test`, phone: null },
        locale: 'en',
        leaveTokenHash: new TextEncoder().encode(`leave-${name}`),
      },
      d.clock.now(),
    );
  }
});

describe('access to the waitlist', () => {
  it.each([
    ['anonymous', 401, 'UNAUTHORIZED'],
    ['ana', 403, 'FORBIDDEN'],
  ] as const)('%s → %i', async (who, status, code) => {
    const r = await d.as(who, 'GET', 'waitlist?date=2027-06-14');
    expect([r.status, r.body.error.code]).toEqual([status, code]);
  });

  it('an admin gets the day’s entries per service, oldest first; a bad date is 400 naming it', async () => {
    const r = await d.as('admin', 'GET', 'waitlist?date=2027-06-14');
    expect(r.status).toBe(200);
    expect(r.body.services).toHaveLength(1);
    expect(r.body.services[0].service.name).toBe('Portrait session');
    expect(r.body.services[0].entries.map((e: { client: { name: string } }) => e.client.name)).toEqual([
      'Wanda',
      'Xavier',
    ]);
    expect(r.body.services[0].entries[0]).toMatchObject({
      from: '10:00',
      to: null,
      status: 'waiting',
      offeredStart: null,
    });
    expect((await d.as('admin', 'GET', 'waitlist?date=2027-06-15')).body.services).toEqual([]);
    const bad = await d.as('admin', 'GET', 'waitlist?date=soon');
    expect([bad.status, Object.keys(bad.body.error.details.fields)]).toEqual([400, ['date']]);
  });

  it('the page: an admin sees the list, a staff member the 403 page', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page('/admin/waitlist?date=2027-06-14');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h2 id="wl-');
    expect(page.html).toContain('wanda@example.test');
    const ana = await signedIn(tdb, d, 'ana');
    const refused = await ana.page('/admin/waitlist?date=2027-06-14');
    expect(refused.status).toBe(403);
  });
});
