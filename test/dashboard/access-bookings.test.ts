/**
 * The access table for every bookings endpoint of the admin API: anonymous → 401, a staff member on
 * their own booking → 2xx, on another member's → 404 (as an unknown id: they must not learn it
 * exists), an admin → 2xx. `{ana}`/`{ben}` stand for the staff ids, `{anaBooking}`/`{benBooking}`
 * for a booking of each; every row starts from a fresh studio with those two bookings.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { type Caller, type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';

let tdb: TestDatabase;
let d: Dashboard;
let ids: Record<string, string>;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb);
  const make = async (staff: string, start: string, email: string) => {
    const r = await d.as('admin', 'POST', 'bookings', {
      service: 'portrait',
      staff,
      start,
      client: { name: 'Client', email },
    });
    if (r.status !== 201) throw new Error(`set-up booking refused: ${JSON.stringify(r.body)}`);
    return String(r.body.id);
  };
  ids = {
    ana: d.staffIds.ana,
    ben: d.staffIds.ben,
    anaBooking: await make(d.staffIds.ana, '2027-03-29T10:00:00+02:00', 'a@example.com'),
    benBooking: await make(d.staffIds.ben, '2027-03-29T10:00:00-04:00', 'b@example.com'),
  };
});
afterEach(() => {
  expect(d.errors).toEqual([]);
});

/** Replaces {name} in a string, or in every string of a JSON body. */
const fill = <T>(value: T): T => JSON.parse(JSON.stringify(value).replace(/\{(\w+)\}/g, (_, k: string) => ids[k] ?? k));

const create = (staff: string) => ({
  service: 'portrait',
  staff,
  start: staff === '{ana}' ? '2027-03-29T14:00:00+02:00' : '2027-03-29T14:00:00-04:00',
  client: { name: 'New', email: 'new@example.com' },
});
const move = (staff: string) => ({
  start: staff === '{ana}' ? '2027-03-29T15:00:00+02:00' : '2027-03-29T15:00:00-04:00',
});

type Row = [method: string, path: string, caller: Caller, expected: number, body?: unknown];

const rows: Row[] = [
  ['GET', 'bookings', 'anonymous', 401],
  ['GET', 'bookings?staff={ana}', 'ana', 200],
  ['GET', 'bookings?staff={ben}', 'ana', 404],
  ['GET', 'bookings?staff={ben}', 'admin', 200],

  ['GET', 'bookings/{anaBooking}', 'anonymous', 401],
  ['GET', 'bookings/{anaBooking}', 'ana', 200],
  ['GET', 'bookings/{benBooking}', 'ana', 404],
  ['GET', 'bookings/{benBooking}', 'admin', 200],

  ['POST', 'bookings', 'anonymous', 401, create('{ana}')],
  ['POST', 'bookings', 'ana', 201, create('{ana}')],
  ['POST', 'bookings', 'ana', 404, create('{ben}')],
  ['POST', 'bookings', 'admin', 201, create('{ben}')],

  ['PATCH', 'bookings/{anaBooking}', 'anonymous', 401, move('{ana}')],
  ['PATCH', 'bookings/{anaBooking}', 'ana', 200, move('{ana}')],
  ['PATCH', 'bookings/{benBooking}', 'ana', 404, move('{ben}')],
  ['PATCH', 'bookings/{benBooking}', 'admin', 200, move('{ben}')],
  ['PATCH', 'bookings/{anaBooking}', 'ana', 200, { notes: 'n' }],
  ['PATCH', 'bookings/{benBooking}', 'ana', 404, { notes: 'n' }],

  ['POST', 'bookings/{anaBooking}/cancel', 'anonymous', 401, {}],
  ['POST', 'bookings/{anaBooking}/cancel', 'ana', 200, {}],
  ['POST', 'bookings/{benBooking}/cancel', 'ana', 404, {}],
  ['POST', 'bookings/{benBooking}/cancel', 'admin', 200, {}],
];

it.each(rows)('%s %s as %s → %i', async (method, path, caller, expected, body) => {
  const r = await d.as(caller, method, fill(path), body === undefined ? undefined : fill(body));
  expect(r.status, JSON.stringify(r.body)).toBe(expected);
  const code = { 401: 'UNAUTHORIZED', 404: 'NOT_FOUND' }[expected as 401 | 404];
  if (code) expect(r.body.error.code).toBe(code);
});

it.each([
  ['GET', ''],
  ['PATCH', ''],
  ['POST', '/cancel'],
])("%s: another member's booking answers as an unknown id does", async (method, suffix) => {
  const body = method === 'GET' ? undefined : { notes: 'n' };
  const send = (id: string) => d.as('ana', method, `bookings/${id}${suffix}`, method === 'POST' ? {} : body);
  const other = await send(ids.benBooking as string);
  const unknown = await send('999999');
  expect([
    other.status,
    other.body.error.code,
    other.body.error.message.replace(ids.benBooking as string, 'X'),
  ]).toEqual([unknown.status, unknown.body.error.code, unknown.body.error.message.replace('999999', 'X')]);
});
