/**
 * Who may call the clients' data and backup endpoints (SPEC §11): admins only — Ana and Ben get
 * 403 whatever the id, anonymous callers 401 — and a refused caller learns nothing and erases
 * nothing. In server mode (no embedded database to copy) the backup answers 501 pointing at pg_dump.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { STUDIO } from '../support/studio.ts';

let tdb: TestDatabase;
let d: Dashboard;
/** Zoé's client id, in every test. */
let zoe: string;
beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(() => tdb.close());
beforeEach(async () => {
  const snapshot = tdb.db.snapshot;
  if (!snapshot) throw new Error('the embedded test database makes no snapshots');
  d = await startDashboard(tdb, STUDIO, undefined, { backups: { snapshot } });
  const r = await d.post('/bookings', {
    service: 'consult',
    staff: '1',
    start: '2027-03-29T10:00:00+02:00',
    client: { name: 'Zoé', email: 'zoe@example.test' },
  });
  expect(r.status).toBe(201);
  zoe = (await tdb.store.searchClients('zoe', 1))[0]?.id ?? 'none';
});
afterEach(() => {
  expect(d.errors).toEqual([]);
});

type Row = [Caller, string, string, number];

const rows: Row[] = (
  [
    ['GET', 'clients', 200],
    ['GET', 'clients?q=zo', 200],
    ['GET', 'clients/:zoe/export', 200],
    ['POST', 'clients/:zoe/erase', 200],
    ['GET', 'backup', 200],
    // An unknown id tells a staff member nothing more: still 403.
    ['GET', 'clients/999999/export', 404],
    ['POST', 'clients/999999/erase', 404],
  ] as const
).flatMap(([method, path, adminStatus]): Row[] => [
  ['anonymous', method, path, 401],
  ['ana', method, path, 403],
  ['ben', method, path, 403],
  ['admin', method, path, adminStatus],
]);

describe("access to clients' data and backups", () => {
  it.each(rows)('%s %s %s → %i', async (who, method, path, status) => {
    if (path === 'backup' && status === 200) {
      // A file, not JSON: a gzip stream.
      const res = await d.app.request('/api/v1/admin/backup', { headers: { authorization: `Bearer ${d.keys.admin}` } });
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/gzip']);
      expect([...new Uint8Array(await res.arrayBuffer()).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
      return;
    }
    const r = await d.as(who, method, path.replace(':zoe', zoe));
    expect(r.status).toBe(status);
    if (status >= 400) {
      expect(r.body.error.code).toBe(
        { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[status as 401 | 403 | 404],
      );
    }
  });

  it('a refused caller erases nothing and sees nothing of the client', async () => {
    for (const who of ['anonymous', 'ana', 'ben'] as const) {
      const erase = await d.as(who, 'POST', `clients/${zoe}/erase`);
      const read = await d.as(who, 'GET', `clients/${zoe}/export`);
      expect(JSON.stringify([erase.body, read.body])).not.toContain('zoe@example.test');
    }
    expect((await d.as('admin', 'GET', `clients/${zoe}/export`)).body.client.email).toBe('zoe@example.test');
  });

  it('an admin’s export and erase answer what was found and removed', async () => {
    const listed = await d.as('admin', 'GET', 'clients?q=ZOE');
    expect(listed.body.clients).toMatchObject([{ id: zoe, name: 'Zoé', email: 'zoe@example.test', bookings: 1 }]);
    const erased = await d.as('admin', 'POST', `clients/${zoe}/erase`, {});
    expect(erased.body).toMatchObject({ email: 'zoe@example.test', erased: { client: true, bookings: 1 } });
    expect((await d.as('admin', 'GET', 'clients')).body.clients).toEqual([]);
    expect((await d.as('admin', 'GET', `clients/${zoe}/export`)).status).toBe(404);
  });

  it.each([
    [{ force: true }, 'force'],
    ['not json', 'body'],
  ])('erase refuses a body %j with 400, erasing nothing', async (body, field) => {
    const r = await d.call(`/api/v1/admin/clients/${zoe}/erase`, {
      method: 'POST',
      headers: { authorization: `Bearer ${d.keys.admin}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    expect([r.status, Object.keys(r.body.error.details.fields)]).toEqual([400, [field]]);
    expect((await d.as('admin', 'GET', `clients/${zoe}/export`)).status).toBe(200);
  });

  it('the search refuses a NUL character and an overlong query with 400', async () => {
    expect((await d.as('admin', 'GET', 'clients?q=%00')).status).toBe(400);
    expect((await d.as('admin', 'GET', `clients?q=${'x'.repeat(201)}`)).status).toBe(400);
  });

  it('in server mode the backup answers 501 BACKUP_NOT_AVAILABLE, pointing at pg_dump', async () => {
    d = await startDashboard(tdb);
    const r = await d.as('admin', 'GET', 'backup');
    expect([r.status, r.body.error.code, r.body.error.details]).toEqual([
      501,
      'BACKUP_NOT_AVAILABLE',
      { use: 'pg_dump', docs: 'docs/DEPLOY.md#backups' },
    ]);
    expect((await d.as('ana', 'GET', 'backup')).status).toBe(403);
  });
});
