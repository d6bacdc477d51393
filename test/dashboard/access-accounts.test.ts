/**
 * Access control of the account endpoints and pages: every one × {anonymous, staff on their own
 * record, staff on another member's, admin}. The JSON API is called with the harness's API keys,
 * the pages with signed-in sessions (pages take no API key). Staff may not invite at all (403);
 * another member's API key is 404 to them, as an unknown id.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { type Browser, browser, PASSWORD, signedIn } from '../support/sessions.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb);
});
afterEach(() => expect(d.errors).toEqual([]));

/** Fills {ana}, {ben} (staff ids) and {anaKey}, {benKey} (their API keys' ids) into a path. */
async function fill(path: string): Promise<string> {
  const keys = (await d.as('admin', 'GET', 'api-keys')).body.apiKeys as { id: string; staff: string | null }[];
  const keyOf = (staff: string) => keys.find((k) => k.staff === staff)?.id as string;
  return path
    .replace('{ana}', d.staffIds.ana)
    .replace('{ben}', d.staffIds.ben)
    .replace('{anaKey}', keyOf(d.staffIds.ana))
    .replace('{benKey}', keyOf(d.staffIds.ben));
}

describe('account API access', () => {
  it.each<[string, string, Caller, number]>([
    ['POST', 'staff/{ana}/invite', 'anonymous', 401],
    ['POST', 'staff/{ana}/invite', 'ana', 403],
    ['POST', 'staff/{ben}/invite', 'ana', 403],
    ['POST', 'staff/{ana}/invite', 'admin', 201],
    ['POST', 'staff/999999/invite', 'ana', 403],
    ['GET', 'users', 'anonymous', 401],
    ['GET', 'users', 'ana', 200],
    ['GET', 'users', 'admin', 200],
    ['GET', 'me', 'anonymous', 401],
    ['GET', 'me', 'ana', 200],
    ['GET', 'me', 'admin', 200],
    ['DELETE', 'session', 'anonymous', 401],
    // An API key has no session to end.
    ['DELETE', 'session', 'ana', 400],
    ['DELETE', 'session', 'admin', 400],
  ])('%s %s as %s → %i', async (method, path, who, status) => {
    const r = await d.as(who, method, await fill(path));
    expect(r.status).toBe(status);
  });

  it('answers POST session with bad credentials 401, good ones 201, whoever asks', async () => {
    await signedIn(tdb, d, 'ana');
    const bad = await d.post('/api/v1/admin/session', { email: 'ana@studio.test', password: 'wrong password' });
    expect(bad.status).toBe(401);
    const good = await d.post('/api/v1/admin/session', { email: 'ana@studio.test', password: PASSWORD });
    expect(good.status).toBe(201);
    const malformed = await d.post('/api/v1/admin/session', { email: 'ana@studio.test' });
    expect([malformed.status, malformed.body.error.details.fields]).toEqual([400, { password: expect.any(String) }]);
  });

  it('lists every account to an admin and only their own to a staff member', async () => {
    await signedIn(tdb, d, 'admin');
    await signedIn(tdb, d, 'ana');
    await signedIn(tdb, d, 'ben');
    const all = await d.as('admin', 'GET', 'users');
    expect(all.body.users.map((u: { email: string }) => u.email)).toEqual([
      'admin@studio.test',
      'ana@studio.test',
      'ben@studio.test',
    ]);
    const own = await d.as('ana', 'GET', 'users');
    expect(own.body.users.map((u: { email: string }) => u.email)).toEqual(['ana@studio.test']);
  });
});

describe('account page access', () => {
  let sessions: Record<'admin' | 'ana' | 'ben', Browser>;
  beforeEach(async () => {
    sessions = {
      admin: await signedIn(tdb, d, 'admin'),
      ana: await signedIn(tdb, d, 'ana'),
      ben: await signedIn(tdb, d, 'ben'),
    };
  });

  it.each<[string, string, Caller, number]>([
    ['GET', '/admin', 'anonymous', 303],
    ['GET', '/admin', 'ana', 200],
    ['GET', '/admin', 'admin', 200],
    ['GET', '/admin/account', 'anonymous', 303],
    ['GET', '/admin/account', 'ana', 200],
    ['GET', '/admin/account', 'admin', 200],
    ['POST', '/admin/account/password', 'anonymous', 303],
    ['POST', '/admin/account/password', 'ana', 303],
    ['POST', '/admin/account/password', 'admin', 303],
    ['POST', '/admin/account/api-keys', 'anonymous', 303],
    ['POST', '/admin/account/api-keys', 'ana', 200],
    ['POST', '/admin/account/api-keys', 'admin', 200],
    ['POST', '/admin/account/api-keys/{anaKey}/revoke', 'anonymous', 303],
    ['POST', '/admin/account/api-keys/{anaKey}/revoke', 'ana', 303],
    ['POST', '/admin/account/api-keys/{benKey}/revoke', 'ana', 404],
    ['POST', '/admin/account/api-keys/{anaKey}/revoke', 'admin', 303],
    ['POST', '/admin/account/sign-out-everywhere', 'anonymous', 303],
    ['POST', '/admin/account/sign-out-everywhere', 'ana', 303],
    ['POST', '/admin/account/sign-out-everywhere', 'admin', 303],
    ['POST', '/admin/sign-out', 'anonymous', 303],
    ['POST', '/admin/sign-out', 'ana', 303],
    ['POST', '/admin/sign-out', 'admin', 303],
  ])('%s %s as %s → %i', async (method, template, who, status) => {
    const path = await fill(template);
    const b = who === 'anonymous' ? browser(d) : sessions[who];
    const fields = { currentPassword: PASSWORD, newPassword: 'a fresh password', label: 'row' };
    const r = method === 'GET' ? await b.page(path) : await b.form(path, fields);
    expect(r.status).toBe(status);
    if (who === 'anonymous') expect(r.location).toMatch(/^\/admin\/sign-in\?next=/);
  });

  it("leaves Ben's key working after Ana's refused revoke", async () => {
    const path = await fill('/admin/account/api-keys/{benKey}/revoke');
    expect((await sessions.ana.form(path, {})).status).toBe(404);
    expect((await d.as('ben', 'GET', 'me')).status).toBe(200);
  });
});
