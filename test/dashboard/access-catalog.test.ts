/**
 * Who may do what to the catalogue (API.md "Dashboard API"), endpoint by endpoint: anonymous → 401;
 * Ana on her own record, hours and days off → 2xx; Ana on Ben's → 404 (she must not learn they
 * exist); Ana on kinds staff may not touch (service changes, settings, creating or removing staff)
 * → 403; an admin → 2xx. Each row runs on a fresh studio, so every write starts from the same state.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';

let tdb: TestDatabase;
let d: Dashboard;
/** Placeholders in the table's paths, filled per test: `:ana`, `:ben`, `:portrait`, `:anaOff`, `:benOff`. */
let ids: Record<string, string>;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
// Nothing may reach the error log (a 500 or a failed job would).
afterEach(() => expect(d.errors).toEqual([]));
beforeEach(async () => {
  d = await startDashboard(tdb);
  const services = await tdb.store.listServices();
  const benOff = await tdb.store.addDayOff(d.staffIds.ben, { from: '2027-06-01', to: '2027-06-02', note: null });
  const [anaOff] = await tdb.store.listDaysOff(d.staffIds.ana);
  ids = {
    ana: d.staffIds.ana,
    ben: d.staffIds.ben,
    portrait: services.find((s) => s.slug === 'portrait')?.id as string,
    consult: services.find((s) => s.slug === 'consult')?.id as string,
    anaOff: anaOff?.id as string,
    benOff: benOff.id,
  };
});

const service = { slug: 'new-service', name: 'New', durationMinutes: 30 };
const member = { name: 'Dan', email: 'dan@studio.test' };
const hours = { hours: { mon: [['10:00', '12:00']] } };
const dayOff = { from: '2027-07-01', to: '2027-07-02', note: 'Off' };

type Row = [who: Caller, method: string, path: string, body: unknown, status: number];

/** Every endpoint × caller, with the status expected. */
const TABLE: Row[] = [
  // services: everyone signed in reads; only admins change
  ['anonymous', 'GET', 'services', undefined, 401],
  ['ana', 'GET', 'services', undefined, 200],
  ['admin', 'GET', 'services', undefined, 200],
  ['anonymous', 'GET', 'services/:portrait', undefined, 401],
  ['ana', 'GET', 'services/:portrait', undefined, 200],
  ['admin', 'GET', 'services/:portrait', undefined, 200],
  ['anonymous', 'POST', 'services', service, 401],
  ['ana', 'POST', 'services', service, 403],
  ['admin', 'POST', 'services', service, 201],
  ['anonymous', 'PATCH', 'services/:portrait', { name: 'P' }, 401],
  ['ana', 'PATCH', 'services/:portrait', { name: 'P' }, 403],
  ['admin', 'PATCH', 'services/:portrait', { name: 'P' }, 200],
  ['anonymous', 'DELETE', 'services/:consult', undefined, 401],
  ['ana', 'DELETE', 'services/:consult', undefined, 403],
  ['admin', 'DELETE', 'services/:consult', undefined, 200],
  // staff: staff see and edit only their own profile; creating and removing is for admins
  ['anonymous', 'GET', 'staff', undefined, 401],
  ['ana', 'GET', 'staff', undefined, 200],
  ['admin', 'GET', 'staff', undefined, 200],
  ['anonymous', 'GET', 'staff/:ana', undefined, 401],
  ['ana', 'GET', 'staff/:ana', undefined, 200],
  ['ana', 'GET', 'staff/:ben', undefined, 404],
  ['ben', 'GET', 'staff/:ana', undefined, 404],
  ['admin', 'GET', 'staff/:ben', undefined, 200],
  ['anonymous', 'POST', 'staff', member, 401],
  ['ana', 'POST', 'staff', member, 403],
  ['admin', 'POST', 'staff', member, 201],
  ['anonymous', 'PATCH', 'staff/:ana', { name: 'A' }, 401],
  ['ana', 'PATCH', 'staff/:ana', { name: 'A' }, 200],
  ['ana', 'PATCH', 'staff/:ana', { services: [] }, 403],
  ['ana', 'PATCH', 'staff/:ben', { name: 'A' }, 404],
  ['ana', 'PATCH', 'staff/:ben', { services: [] }, 404],
  ['admin', 'PATCH', 'staff/:ben', { services: [] }, 200],
  ['anonymous', 'DELETE', 'staff/:ben', undefined, 401],
  ['ana', 'DELETE', 'staff/:ana', undefined, 403],
  ['ana', 'DELETE', 'staff/:ben', undefined, 403],
  ['admin', 'DELETE', 'staff/:ben', undefined, 200],
  // weekly hours
  ['anonymous', 'GET', 'staff/:ana/hours', undefined, 401],
  ['ana', 'GET', 'staff/:ana/hours', undefined, 200],
  ['ana', 'GET', 'staff/:ben/hours', undefined, 404],
  ['admin', 'GET', 'staff/:ben/hours', undefined, 200],
  ['anonymous', 'PUT', 'staff/:ana/hours', hours, 401],
  ['ana', 'PUT', 'staff/:ana/hours', hours, 200],
  ['ana', 'PUT', 'staff/:ben/hours', hours, 404],
  ['admin', 'PUT', 'staff/:ben/hours', hours, 200],
  // days off
  ['anonymous', 'GET', 'staff/:ana/days-off', undefined, 401],
  ['ana', 'GET', 'staff/:ana/days-off', undefined, 200],
  ['ana', 'GET', 'staff/:ben/days-off', undefined, 404],
  ['admin', 'GET', 'staff/:ben/days-off', undefined, 200],
  ['anonymous', 'POST', 'staff/:ana/days-off', dayOff, 401],
  ['ana', 'POST', 'staff/:ana/days-off', dayOff, 201],
  ['ana', 'POST', 'staff/:ben/days-off', dayOff, 404],
  ['admin', 'POST', 'staff/:ben/days-off', dayOff, 201],
  ['anonymous', 'GET', 'staff/:ana/days-off/:anaOff', undefined, 401],
  ['ana', 'GET', 'staff/:ana/days-off/:anaOff', undefined, 200],
  ['ana', 'GET', 'staff/:ben/days-off/:benOff', undefined, 404],
  ['ana', 'GET', 'staff/:ana/days-off/:benOff', undefined, 404],
  ['admin', 'GET', 'staff/:ben/days-off/:benOff', undefined, 200],
  ['anonymous', 'PATCH', 'staff/:ana/days-off/:anaOff', { note: 'x' }, 401],
  ['ana', 'PATCH', 'staff/:ana/days-off/:anaOff', { note: 'x' }, 200],
  ['ana', 'PATCH', 'staff/:ben/days-off/:benOff', { note: 'x' }, 404],
  ['ana', 'PATCH', 'staff/:ana/days-off/:benOff', { note: 'x' }, 404],
  ['admin', 'PATCH', 'staff/:ben/days-off/:benOff', { note: 'x' }, 200],
  ['anonymous', 'DELETE', 'staff/:ana/days-off/:anaOff', undefined, 401],
  ['ana', 'DELETE', 'staff/:ana/days-off/:anaOff', undefined, 200],
  ['ana', 'DELETE', 'staff/:ben/days-off/:benOff', undefined, 404],
  ['ana', 'DELETE', 'staff/:ana/days-off/:benOff', undefined, 404],
  ['admin', 'DELETE', 'staff/:ben/days-off/:benOff', undefined, 200],
  // settings: admins only
  ['anonymous', 'GET', 'settings', undefined, 401],
  ['ana', 'GET', 'settings', undefined, 403],
  ['admin', 'GET', 'settings', undefined, 200],
  ['anonymous', 'PATCH', 'settings', { name: 'S' }, 401],
  ['ana', 'PATCH', 'settings', { name: 'S' }, 403],
  ['admin', 'PATCH', 'settings', { name: 'S' }, 200],
];

const CODES: Record<number, string> = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

describe('catalogue access', () => {
  it.each(TABLE)('%s %s %s → %i', async (who, method, path, body, status) => {
    const url = path.replace(/:(\w+)/g, (_, name: string) => ids[name] as string);
    const r = await d.as(who, method, url, body);
    expect(r.status).toBe(status);
    if (status >= 400) expect(r.body.error.code).toBe(CODES[status]);
  });

  it('leaves what a refused call addressed unchanged', async () => {
    await d.as('ana', 'PUT', `staff/${ids.ben}/hours`, hours);
    await d.as('ana', 'DELETE', `staff/${ids.ana}/days-off/${ids.benOff}`);
    await d.as('ana', 'PATCH', 'services/portrait', { name: 'Mine' });
    await d.as('ana', 'PATCH', `staff/${ids.ana}`, { active: false, name: 'Renamed' });
    const ben = (await tdb.store.listStaff()).find((m) => m.id === ids.ben);
    expect(ben?.hours.mon).toEqual([{ start: 600, end: 1080 }]);
    expect((await tdb.store.getDayOff(ids.benOff as string))?.staffId).toBe(ids.ben);
    expect((await tdb.store.findService('portrait'))?.name).toBe('Portrait session');
    const ana = (await tdb.store.listStaff()).find((m) => m.id === ids.ana);
    expect([ana?.name, ana?.active]).toEqual(['Ana', true]);
  });

  it('lists to a staff member only themselves', async () => {
    const r = await d.as('ana', 'GET', 'staff');
    expect(r.body.staff.map((m: { id: string }) => m.id)).toEqual([ids.ana]);
  });
});
