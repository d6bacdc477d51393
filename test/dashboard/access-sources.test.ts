/**
 * Who may touch the new sources of availability (API.md Part two): anonymous → 401; Ana on her own
 * date hours, blocks and calendars → 2xx; Ana on Ben's (or on hers addressed under Ben's id, or
 * Ben's under hers) → 404; resources are admins' → 403 for staff; an admin → 2xx. Each row runs on
 * a fresh studio. Calendar URLs name hosts that do not resolve here: nothing is ever fetched.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';

let tdb: TestDatabase;
let d: Dashboard;
let ids: Record<string, string>;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
afterEach(() => expect(d.errors).toEqual([]));
beforeEach(async () => {
  d = await startDashboard(tdb);
  const { ana, ben } = d.staffIds;
  const block = (staff: string) =>
    tdb.store.addBlock(staff, { from: '2027-06-16T13:00', to: '2027-06-16T15:00', note: null });
  const calendar = (staff: string) =>
    tdb.store.addCalendar(staff, { url: `https://cal.example.test/${staff}.ics`, label: 'Cal' }, d.clock.now(), null);
  const [anaBlock, benBlock, anaCal, benCal, room] = await Promise.all([
    block(ana),
    block(ben),
    calendar(ana),
    calendar(ben),
    tdb.store.createResource({ key: 'room', name: 'Studio room' }),
  ]);
  if (!room.ok) throw new Error('no room');
  ids = {
    ana,
    ben,
    anaBlock: anaBlock?.id as string,
    benBlock: benBlock?.id as string,
    anaCal: anaCal?.id as string,
    benCal: benCal?.id as string,
    room: room.value.id,
  };
});

const dateHours = { dateHours: { '2027-06-14': [['10:00', '12:00']] } };
const oneDate = { hours: [['10:00', '12:00']] };
const block = { from: '2027-07-01T09:00', to: '2027-07-01T10:00' };
const calendar = { url: 'https://cal.example.test/new.ics' };
const resource = { key: 'scanner', name: '3D scanner' };

type Row = [who: Caller, method: string, path: string, body: unknown, status: number];

const TABLE: Row[] = [
  // date-specific hours
  ['anonymous', 'GET', 'staff/:ana/date-hours', undefined, 401],
  ['ana', 'GET', 'staff/:ana/date-hours', undefined, 200],
  ['ana', 'GET', 'staff/:ben/date-hours', undefined, 404],
  ['admin', 'GET', 'staff/:ben/date-hours', undefined, 200],
  ['anonymous', 'PUT', 'staff/:ana/date-hours', dateHours, 401],
  ['ana', 'PUT', 'staff/:ana/date-hours', dateHours, 200],
  ['ana', 'PUT', 'staff/:ben/date-hours', dateHours, 404],
  ['admin', 'PUT', 'staff/:ben/date-hours', dateHours, 200],
  ['anonymous', 'PUT', 'staff/:ana/date-hours/2027-06-14', oneDate, 401],
  ['ana', 'PUT', 'staff/:ana/date-hours/2027-06-14', oneDate, 200],
  ['ana', 'PUT', 'staff/:ben/date-hours/2027-06-14', oneDate, 404],
  ['admin', 'PUT', 'staff/:ben/date-hours/2027-06-14', oneDate, 200],
  ['anonymous', 'DELETE', 'staff/:ana/date-hours/2027-06-14', undefined, 401],
  ['ana', 'DELETE', 'staff/:ana/date-hours/2027-06-14', undefined, 200],
  ['ana', 'DELETE', 'staff/:ben/date-hours/2027-06-14', undefined, 404],
  ['admin', 'DELETE', 'staff/:ben/date-hours/2027-06-14', undefined, 200],
  // blocks
  ['anonymous', 'GET', 'staff/:ana/blocks', undefined, 401],
  ['ana', 'GET', 'staff/:ana/blocks', undefined, 200],
  ['ana', 'GET', 'staff/:ben/blocks', undefined, 404],
  ['admin', 'GET', 'staff/:ben/blocks', undefined, 200],
  ['anonymous', 'POST', 'staff/:ana/blocks', block, 401],
  ['ana', 'POST', 'staff/:ana/blocks', block, 201],
  ['ana', 'POST', 'staff/:ben/blocks', block, 404],
  ['admin', 'POST', 'staff/:ben/blocks', block, 201],
  ['ana', 'GET', 'staff/:ana/blocks/:anaBlock', undefined, 200],
  ['ana', 'GET', 'staff/:ben/blocks/:benBlock', undefined, 404],
  ['ana', 'GET', 'staff/:ana/blocks/:benBlock', undefined, 404],
  ['admin', 'GET', 'staff/:ben/blocks/:benBlock', undefined, 200],
  ['anonymous', 'PATCH', 'staff/:ana/blocks/:anaBlock', { note: 'x' }, 401],
  ['ana', 'PATCH', 'staff/:ana/blocks/:anaBlock', { note: 'x' }, 200],
  ['ana', 'PATCH', 'staff/:ben/blocks/:benBlock', { note: 'x' }, 404],
  ['ana', 'PATCH', 'staff/:ana/blocks/:benBlock', { note: 'x' }, 404],
  ['admin', 'PATCH', 'staff/:ben/blocks/:benBlock', { note: 'x' }, 200],
  ['anonymous', 'DELETE', 'staff/:ana/blocks/:anaBlock', undefined, 401],
  ['ana', 'DELETE', 'staff/:ana/blocks/:anaBlock', undefined, 200],
  ['ana', 'DELETE', 'staff/:ben/blocks/:benBlock', undefined, 404],
  ['ana', 'DELETE', 'staff/:ana/blocks/:benBlock', undefined, 404],
  ['admin', 'DELETE', 'staff/:ben/blocks/:benBlock', undefined, 200],
  // external calendars
  ['anonymous', 'GET', 'staff/:ana/calendars', undefined, 401],
  ['ana', 'GET', 'staff/:ana/calendars', undefined, 200],
  ['ana', 'GET', 'staff/:ben/calendars', undefined, 404],
  ['admin', 'GET', 'staff/:ben/calendars', undefined, 200],
  ['anonymous', 'POST', 'staff/:ana/calendars', calendar, 401],
  ['ana', 'POST', 'staff/:ana/calendars', calendar, 201],
  ['ana', 'POST', 'staff/:ben/calendars', calendar, 404],
  ['admin', 'POST', 'staff/:ben/calendars', calendar, 201],
  ['ana', 'GET', 'staff/:ana/calendars/:anaCal', undefined, 200],
  ['ana', 'GET', 'staff/:ben/calendars/:benCal', undefined, 404],
  ['ana', 'GET', 'staff/:ana/calendars/:benCal', undefined, 404],
  ['admin', 'GET', 'staff/:ben/calendars/:benCal', undefined, 200],
  ['anonymous', 'PATCH', 'staff/:ana/calendars/:anaCal', { label: 'x' }, 401],
  ['ana', 'PATCH', 'staff/:ana/calendars/:anaCal', { label: 'x' }, 200],
  ['ana', 'PATCH', 'staff/:ben/calendars/:benCal', { label: 'x' }, 404],
  ['ana', 'PATCH', 'staff/:ana/calendars/:benCal', { label: 'x' }, 404],
  ['admin', 'PATCH', 'staff/:ben/calendars/:benCal', { label: 'x' }, 200],
  ['anonymous', 'POST', 'staff/:ana/calendars/:anaCal/refresh', undefined, 401],
  ['ana', 'POST', 'staff/:ana/calendars/:anaCal/refresh', undefined, 200],
  ['ana', 'POST', 'staff/:ben/calendars/:benCal/refresh', undefined, 404],
  ['ana', 'POST', 'staff/:ana/calendars/:benCal/refresh', undefined, 404],
  ['admin', 'POST', 'staff/:ben/calendars/:benCal/refresh', undefined, 200],
  ['anonymous', 'DELETE', 'staff/:ana/calendars/:anaCal', undefined, 401],
  ['ana', 'DELETE', 'staff/:ana/calendars/:anaCal', undefined, 200],
  ['ana', 'DELETE', 'staff/:ben/calendars/:benCal', undefined, 404],
  ['ana', 'DELETE', 'staff/:ana/calendars/:benCal', undefined, 404],
  ['admin', 'DELETE', 'staff/:ben/calendars/:benCal', undefined, 200],
  // resources: admins only
  ['anonymous', 'GET', 'resources', undefined, 401],
  ['ana', 'GET', 'resources', undefined, 403],
  ['admin', 'GET', 'resources', undefined, 200],
  ['anonymous', 'POST', 'resources', resource, 401],
  ['ana', 'POST', 'resources', resource, 403],
  ['admin', 'POST', 'resources', resource, 201],
  ['ana', 'GET', 'resources/:room', undefined, 403],
  ['admin', 'GET', 'resources/:room', undefined, 200],
  ['anonymous', 'PATCH', 'resources/:room', { name: 'R' }, 401],
  ['ana', 'PATCH', 'resources/:room', { name: 'R' }, 403],
  ['admin', 'PATCH', 'resources/:room', { name: 'R' }, 200],
  ['anonymous', 'DELETE', 'resources/:room', undefined, 401],
  ['ana', 'DELETE', 'resources/:room', undefined, 403],
  ['admin', 'DELETE', 'resources/:room', undefined, 200],
  // a service's resources are a service change: admins only, as every service change
  ['ana', 'PATCH', 'services/portrait', { resources: [] }, 403],
];

const CODES: Record<number, string> = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

describe('access to date hours, blocks, calendars and resources', () => {
  it.each(TABLE)('%s %s %s → %i', async (who, method, path, body, status) => {
    const url = path.replace(/:(\w+)/g, (_, name: string) => ids[name] as string);
    const r = await d.as(who, method, url, body);
    expect(r.status).toBe(status);
    if (status >= 400) expect(r.body.error.code).toBe(CODES[status]);
  });

  it('leaves what a refused call addressed unchanged', async () => {
    await d.as('ana', 'PUT', `staff/${ids.ben}/date-hours`, dateHours);
    await d.as('ana', 'DELETE', `staff/${ids.ana}/blocks/${ids.benBlock}`);
    await d.as('ana', 'DELETE', `staff/${ids.ana}/calendars/${ids.benCal}`);
    await d.as('ana', 'DELETE', `resources/${ids.room}`);
    const ben = (await tdb.store.listStaff()).find((m) => m.id === ids.ben);
    expect(ben?.dateHours).toEqual({});
    expect((await tdb.store.getBlock(ids.benBlock as string))?.staffId).toBe(ids.ben);
    expect((await tdb.store.getCalendar(ids.benCal as string))?.staffId).toBe(ids.ben);
    expect((await tdb.store.listResources()).map((r) => r.id)).toEqual([ids.room]);
  });
});
