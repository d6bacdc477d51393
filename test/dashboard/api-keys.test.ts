/** API keys: created once and shown once, stored hashed, scoped by role, revocable. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb);
});

describe('API keys', () => {
  it('answers 401 without credentials and with a wrong or revoked key', async () => {
    expect((await d.as('anonymous', 'GET', 'api-keys')).status).toBe(401);
    const wrong = await d.call('/api/v1/admin/api-keys', {
      headers: { authorization: `Bearer swk_${'x'.repeat(43)}` },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('UNAUTHORIZED');
    const list = await d.as('admin', 'GET', 'api-keys');
    const ana = list.body.apiKeys.find((k: { staff: string }) => k.staff === d.staffIds.ana);
    expect((await d.as('admin', 'DELETE', `api-keys/${ana.id}`)).status).toBe(200);
    expect((await d.as('ana', 'GET', 'api-keys')).status).toBe(401);
  });

  it('shows a new key once and stores only its SHA-256', async () => {
    const made = await d.as('admin', 'POST', 'api-keys', { role: 'staff', staff: d.staffIds.ben, label: 'laptop' });
    expect(made.status).toBe(201);
    expect(made.body.key).toMatch(/^swk_[A-Za-z0-9_-]{43}$/);
    const [row] = await tdb.db.query('SELECT key_hash FROM api_keys WHERE id = $1', [made.body.id]);
    expect(Buffer.from(row?.key_hash as Uint8Array).toString('hex')).toBe(
      createHash('sha256').update(made.body.key).digest('hex'),
    );
    const again = await d.as('admin', 'GET', `api-keys/${made.body.id}`);
    expect(again.body.key).toBeUndefined();
    expect(again.body.prefix).toBe(made.body.key.slice(0, 10));
  });

  it('lets staff see and make only their own keys', async () => {
    const own = await d.as('ana', 'GET', 'api-keys');
    expect(own.body.apiKeys.map((k: { staff: string }) => k.staff)).toEqual([d.staffIds.ana]);
    const list = await d.as('admin', 'GET', 'api-keys');
    const ben = list.body.apiKeys.find((k: { staff: string }) => k.staff === d.staffIds.ben);
    const admin = list.body.apiKeys.find((k: { role: string }) => k.role === 'admin');
    expect((await d.as('ana', 'GET', `api-keys/${ben.id}`)).status).toBe(404);
    expect((await d.as('ana', 'DELETE', `api-keys/${ben.id}`)).status).toBe(404);
    expect((await d.as('ana', 'GET', `api-keys/${admin.id}`)).status).toBe(403);
    expect((await d.as('ana', 'POST', 'api-keys', { role: 'admin' })).status).toBe(403);
    expect((await d.as('ana', 'POST', 'api-keys', { role: 'staff', staff: d.staffIds.ben })).status).toBe(403);
    expect((await d.as('ana', 'POST', 'api-keys', { role: 'staff' })).status).toBe(201);
  });
});
