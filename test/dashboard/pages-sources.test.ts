/**
 * The schedule screen's new sections and the resources page, driven as forms by signed-in people
 * (SPEC §8, issue 18 point 6): date-specific hours, time off with times and busy calendars on a
 * member's page (add, remove, refresh now, last error), each refused form answering 400 with its
 * summary; a staff member reaching another's answers the 404 page and changes nothing; the
 * calendar address is never shown unmasked; resources are admins' (403 for staff) and services
 * tick the ones they need.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { type FeedServer, fixture, SECRET_PATH, startFeedServer } from '../support/feed-server.ts';
import { testOutbound } from '../support/outbound.ts';
import { signedIn } from '../support/sessions.ts';
import { STUDIO } from '../support/studio.ts';

let tdb: TestDatabase;
let feeds: FeedServer;
let d: Dashboard;

beforeAll(async () => {
  [tdb, feeds] = await Promise.all([openTestDatabase({ cache: true }), startFeedServer()]);
});
afterAll(async () => {
  await feeds?.close();
  await tdb?.close();
});
beforeEach(async () => {
  d = await startDashboard(tdb, STUDIO, undefined, { outbound: testOutbound({ allowPrivate: true }) });
});
afterEach(() => expect(d.errors).toEqual([]));

const page = (staff: string) => `/admin/staff/${staff}`;

describe('a member’s schedule page', () => {
  it('holds the week, dates with their own hours, days off, time off with times and busy calendars', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.page(page(d.staffIds.ana));
    expect(r.status).toBe(200);
    for (const heading of [
      'Weekly hours',
      'Hours on particular dates',
      'Days off',
      'Time off with times',
      'Busy times from other calendars',
    ]) {
      expect(r.html).toContain(`>${heading}</h2>`);
    }
    // Each form's fields have their own ids, so every label names its own field.
    const ids = [...r.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('sets the hours of a date (and a date not worked), then gives it its weekly hours back', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const set = await ana.form(`${page(d.staffIds.ana)}/date-hours`, {
      date: '2027-04-10',
      from1: '10:00',
      to1: '12:00',
      from2: '13:00',
      to2: '15:00',
    });
    expect([set.status, set.location]).toEqual([303, `${page(d.staffIds.ana)}?done=date-hours#date-hours`]);
    await ana.form(`${page(d.staffIds.ana)}/date-hours`, { date: '2027-04-12', closed: 'on' });
    expect((await d.as('ana', 'GET', `staff/${d.staffIds.ana}/date-hours`)).body.dateHours).toEqual({
      '2027-04-10': [
        ['10:00', '12:00'],
        ['13:00', '15:00'],
      ],
      '2027-04-12': [],
    });
    const shown = await ana.page(`${page(d.staffIds.ana)}?done=date-hours`);
    expect(shown.html).toContain('The hours of that date are saved');
    expect(shown.html).toContain('10:00–12:00, 13:00–15:00');
    expect(shown.html).toContain('Not working');
    const removed = await ana.form(`${page(d.staffIds.ana)}/date-hours/2027-04-12/delete`, {});
    expect(removed.status).toBe(303);
    expect(Object.keys((await d.as('ana', 'GET', `staff/${d.staffIds.ana}/date-hours`)).body.dateHours)).toEqual([
      '2027-04-10',
    ]);
  });

  it('refuses a date whose range ends before it starts: 400, the summary names the field, nothing saved', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.form(`${page(d.staffIds.ana)}/date-hours`, {
      date: '2027-04-10',
      from1: '12:00',
      to1: '09:00',
    });
    expect(r.status).toBe(400);
    expect(r.html).toContain('The hours of the date were not saved');
    expect(r.html).toContain('href="#f-from1">From: the start must be before the end');
    expect(r.html).toMatch(/id="f-from1"[^>]*aria-invalid="true"/);
    const overlap = await ana.form(`${page(d.staffIds.ana)}/date-hours`, {
      date: '2027-04-10',
      from1: '09:00',
      to1: '12:00',
      from2: '11:00',
      to2: '13:00',
    });
    expect([overlap.status, overlap.html.includes('From: ranges overlap')]).toEqual([400, true]);
    const noDate = await ana.form(`${page(d.staffIds.ana)}/date-hours`, { date: '', from1: '09:00', to1: '12:00' });
    expect([noDate.status, noDate.html.includes('href="#f-date">Date: required')]).toEqual([400, true]);
    expect((await d.as('ana', 'GET', `staff/${d.staffIds.ana}/date-hours`)).body.dateHours).toEqual({});
  });

  it('adds and removes time off with times; refuses one ending before it starts', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const refused = await ana.form(`${page(d.staffIds.ana)}/blocks`, {
      blockFrom: '2027-04-14T15:00',
      blockTo: '2027-04-14T13:00',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('href="#f-blockTo">Until: must be after &quot;from&quot;');
    const added = await ana.form(`${page(d.staffIds.ana)}/blocks`, {
      blockFrom: '2027-04-14T13:00',
      blockTo: '2027-04-14T15:30',
      blockNote: 'Dentist',
    });
    expect([added.status, added.location]).toEqual([303, `${page(d.staffIds.ana)}?done=block-added#blocks`]);
    const [block] = (await d.as('ana', 'GET', `staff/${d.staffIds.ana}/blocks`)).body.blocks;
    expect(block).toMatchObject({ from: '2027-04-14T13:00', to: '2027-04-14T15:30', note: 'Dentist' });
    expect((await ana.page(page(d.staffIds.ana))).html).toContain('Wednesday, 14 April 2027 at 13:00');
    expect((await ana.form(`${page(d.staffIds.ana)}/blocks/${block.id}/delete`, {})).status).toBe(303);
    expect((await d.as('ana', 'GET', `staff/${d.staffIds.ana}/blocks`)).body.blocks).toEqual([]);
  });

  it('subscribes a calendar, shows its state masked, refreshes it, shows the last error, removes it', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    feeds.set('mine', { status: 200, type: 'text/calendar', body: fixture('google.ics') });
    const added = await ana.form(`${page(d.staffIds.ana)}/calendars`, { label: 'Personal', url: feeds.url('mine') });
    expect([added.status, added.location]).toEqual([303, `${page(d.staffIds.ana)}?done=calendar-added#calendars`]);
    const [cal] = (await d.as('ana', 'GET', `staff/${d.staffIds.ana}/calendars`)).body.calendars;
    const shown = await ana.page(`${page(d.staffIds.ana)}?done=calendar-added`);
    expect(shown.html).toContain('The calendar is subscribed and fetched');
    expect(shown.html).toContain(`${feeds.base}/…`);
    expect(shown.html).toContain(`${cal.events} busy times`);
    expect(shown.html).not.toContain('private-7c2f9e41');

    feeds.set('mine', { status: 500, type: 'text/plain', body: 'oops' });
    const refreshed = await ana.form(`${page(d.staffIds.ana)}/calendars/${cal.id}/refresh`, {});
    expect(refreshed.location).toBe(`${page(d.staffIds.ana)}?done=calendar-failed#calendars`);
    const failed = await ana.page(`${page(d.staffIds.ana)}?done=calendar-failed`);
    expect(failed.html).toContain('Last try failed: the server answered HTTP 500 (the last good copy is kept)');
    expect(failed.html).not.toContain(SECRET_PATH);

    expect((await ana.form(`${page(d.staffIds.ana)}/calendars/${cal.id}/delete`, {})).status).toBe(303);
    expect((await d.as('ana', 'GET', `staff/${d.staffIds.ana}/calendars`)).body.calendars).toEqual([]);
  });

  it('refuses a webcal:// or private address with its summary, without showing the typed address back', async () => {
    d = await startDashboard(tdb, STUDIO); // the default rule: private addresses refused
    const ana = await signedIn(tdb, d, 'ana');
    const webcal = await ana.form(`${page(d.staffIds.ana)}/calendars`, {
      url: `webcal://cal.example.test/${SECRET_PATH}`,
    });
    expect(webcal.status).toBe(400);
    expect(webcal.html).toContain('The calendar was not added');
    expect(webcal.html).toContain('write https:// instead of webcal://');
    const local = await ana.form(`${page(d.staffIds.ana)}/calendars`, { url: feeds.url('google') });
    expect(local.status).toBe(400);
    expect(local.html).toContain('a public internet address (127.0.0.1 is a loopback address)');
    for (const html of [webcal.html, local.html]) expect(html).not.toContain(SECRET_PATH);
    expect((await d.as('ana', 'GET', `staff/${d.staffIds.ana}/calendars`)).body.calendars).toEqual([]);
  });

  it.each([
    ['date hours', '/date-hours', { date: '2027-04-10', from1: '10:00', to1: '12:00' }],
    ['a date given back', '/date-hours/2027-04-10/delete', {}],
    ['a block', '/blocks', { blockFrom: '2027-04-14T13:00', blockTo: '2027-04-14T15:30' }],
    ['a calendar', '/calendars', { url: 'https://cal.example.test/x.ics' }],
  ])('Ana posting %s on Ben’s page gets the 404 page, and Ben is unchanged', async (_, suffix, fields) => {
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.form(`${page(d.staffIds.ben)}${suffix}`, fields);
    expect(r.status).toBe(404);
    expect(r.html).toContain('<h1>Not found</h1>');
    const ben = `staff/${d.staffIds.ben}`;
    expect((await d.as('admin', 'GET', `${ben}/date-hours`)).body.dateHours).toEqual({});
    expect((await d.as('admin', 'GET', `${ben}/blocks`)).body.blocks).toEqual([]);
    expect((await d.as('admin', 'GET', `${ben}/calendars`)).body.calendars).toEqual([]);
  });
});

describe('the resources page and the service form', () => {
  it('an admin adds, changes and removes a resource; services tick the ones they need', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    expect((await admin.page('/admin/resources')).html).toContain('No resources yet.');
    const refused = await admin.form('/admin/resources', { name: '', key: 'a room' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('The resource was not added');
    const added = await admin.form('/admin/resources', { name: 'Studio room', key: 'room' });
    expect([added.status, added.location]).toEqual([303, '/admin/resources?done=added']);
    const [room] = (await d.as('admin', 'GET', 'resources')).body.resources;
    const form = await admin.page(`/admin/services/${(await d.as('admin', 'GET', 'services/portrait')).body.id}`);
    expect(form.html).toContain('<legend>Needs</legend>');
    expect(form.html).toContain(`name="resource-${room.id}"`);
    const saved = await d.as('admin', 'PATCH', 'services/portrait', { resources: [room.id] });
    expect(saved.body.resources).toEqual([room]);
    const list = await admin.page('/admin/resources');
    expect(list.html).toContain('Portrait session');
    expect((await admin.form(`/admin/resources/${room.id}`, { name: 'Room A', key: 'room' })).status).toBe(303);
    expect((await d.as('admin', 'GET', 'resources')).body.resources[0].name).toBe('Room A');
    expect((await admin.form(`/admin/resources/${room.id}/delete`, {})).status).toBe(303);
    expect((await d.as('admin', 'GET', 'resources')).body.resources).toEqual([]);
  });

  it('ticking a resource in the service form saves it', async () => {
    const room = (await d.as('admin', 'POST', 'resources', { key: 'room', name: 'Studio room' })).body;
    const admin = await signedIn(tdb, d, 'admin');
    const portrait = (await d.as('admin', 'GET', 'services/portrait')).body;
    const r = await admin.form(`/admin/services/${portrait.id}`, {
      slug: 'portrait',
      name: 'Portrait session',
      durationMinutes: '60',
      price: '120.00',
      deposit: '30.00',
      [`staff-${d.staffIds.ana}`]: 'on',
      [`staff-${d.staffIds.ben}`]: 'on',
      [`resource-${room.id}`]: 'on',
      active: 'on',
      allowRescheduling: 'on',
    });
    expect(r.status).toBe(303);
    expect((await d.as('admin', 'GET', 'services/portrait')).body.resources).toEqual([room]);
  });

  it('is an admin’s page: Ana gets the 403 page, and her posts change nothing', async () => {
    const room = (await d.as('admin', 'POST', 'resources', { key: 'room', name: 'Studio room' })).body;
    const ana = await signedIn(tdb, d, 'ana');
    for (const path of ['/admin/resources', `/admin/resources/${room.id}`]) {
      const r = await ana.page(path);
      expect([r.status, r.html.includes('<h1>Not allowed</h1>')]).toEqual([403, true]);
    }
    expect((await ana.form('/admin/resources', { name: 'Mine', key: 'mine' })).status).toBe(403);
    expect((await ana.form(`/admin/resources/${room.id}/delete`, {})).status).toBe(403);
    expect((await d.as('admin', 'GET', 'resources')).body.resources).toEqual([room]);
    expect((await ana.page(page(d.staffIds.ana))).html).not.toContain('href="/admin/resources"');
  });
});
