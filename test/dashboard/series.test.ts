/**
 * A recurring series booked from the dashboard (SPEC §9.2 "an admin books repeat"), through the
 * admin API: confirmed at once, one series id, staff only for themselves, a conflict writes
 * nothing (409 SERIES_CONFLICT). Studio: test/support/studio.ts (the consultation does not allow
 * clients to repeat; staff may still book a series of it).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import type { Body } from '../support/lifecycle.ts';

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

const body = (staff: string, start = '2027-04-12T10:00:00+02:00') => ({
  service: 'consult',
  staff,
  start,
  client: { name: 'Phone Client', email: 'phone@example.com' },
  repeat: { frequency: 'biweekly', count: 3 },
});
const count = async () => Number((await tdb.db.query('SELECT count(*)::int AS n FROM bookings'))[0]?.n);

describe('a series booked from the dashboard (SPEC §9.2)', () => {
  it('an admin books a biweekly series: every occurrence confirmed with one series id', async () => {
    const r = await d.as('admin', 'POST', 'bookings', body(d.staffIds.ana));
    expect(r.status).toBe(201);
    const { series } = r.body as Body;
    expect(series.bookings.map((b: Body) => [b.start, b.status, b.seriesId])).toEqual([
      ['2027-04-12T10:00:00+02:00', 'confirmed', series.id],
      ['2027-04-26T10:00:00+02:00', 'confirmed', series.id],
      ['2027-05-10T10:00:00+02:00', 'confirmed', series.id],
    ]);
  });

  it('a staff member books a series only for themselves; a conflict writes nothing', async () => {
    const other = await d.as('ana', 'POST', 'bookings', body(d.staffIds.ben));
    expect(other.status).toBe(404);
    expect(
      (await d.as('ana', 'POST', 'bookings', { ...body('any'), repeat: undefined, start: '2027-04-26T10:00:00+02:00' }))
        .status,
    ).toBe(201);
    const before = await count();
    const r = await d.as('ana', 'POST', 'bookings', body('any'));
    expect([r.status, r.body.error.code, r.body.error.details.conflicts[0].start]).toEqual([
      409,
      'SERIES_CONFLICT',
      '2027-04-26T10:00:00+02:00',
    ]);
    expect(await count()).toBe(before);
  });
});
