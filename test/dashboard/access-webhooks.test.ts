/**
 * Who may call the webhook and calendar-feed endpoints. Webhooks are a kind of resource staff may
 * not touch at all: 403 for Ana and Ben whatever the id. A feed belongs to one member: Ana manages
 * her own, and Ben's answers 404, as an unknown id would. No credentials: 401 everywhere.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { PUBLIC_URL } from '../support/lifecycle.ts';

let tdb: TestDatabase;
let d: Dashboard;
/** A webhook that exists in every test. */
let hook: string;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb);
  const made = await d.as('admin', 'POST', 'webhooks', { url: 'https://example.com/h', events: ['booking.paid'] });
  hook = made.body.id;
});
afterEach(() => {
  expect(d.errors).toEqual([]);
});

const NEW_HOOK = { url: 'https://example.com/new', events: ['booking.confirmed'] };

type Row = [Caller, string, string, number, unknown];

/** Every webhook endpoint × {anonymous, Ana, Ben, admin}. `:hook` is the existing webhook's id. */
const webhookRows: Row[] = (
  [
    ['GET', 'webhooks', undefined, 200],
    ['POST', 'webhooks', NEW_HOOK, 201],
    ['GET', 'webhooks/:hook', undefined, 200],
    ['PATCH', 'webhooks/:hook', { description: 'x' }, 200],
    ['DELETE', 'webhooks/:hook', undefined, 204],
    ['POST', 'webhooks/:hook/rotate-secret', undefined, 200],
    ['GET', 'webhooks/:hook/deliveries', undefined, 200],
    ['POST', 'webhooks/:hook/test', undefined, 202],
    // An unknown id tells a staff member nothing more: still 403.
    ['GET', 'webhooks/999999', undefined, 404],
  ] as const
).flatMap(([method, path, body, adminStatus]): Row[] => [
  ['anonymous', method, path, 401, body],
  ['ana', method, path, 403, body],
  ['ben', method, path, 403, body],
  ['admin', method, path, adminStatus, body],
]);

/** Every feed endpoint on Ana's feed: `:ana` is her staff id. */
const feedRows: Row[] = (
  [
    ['GET', 'staff/:ana/feed', 200],
    ['POST', 'staff/:ana/feed', 201],
    ['DELETE', 'staff/:ana/feed', 204],
  ] as const
).flatMap(([method, path, ok]): Row[] => [
  ['anonymous', method, path, 401, undefined],
  ['ana', method, path, ok, undefined],
  ['ben', method, path, 404, undefined],
  ['admin', method, path, ok, undefined],
]);

describe('access to webhooks and feeds', () => {
  it.each([...webhookRows, ...feedRows])('%s %s %s → %i', async (who, method, path, status, body) => {
    const resolved = path.replace(':hook', hook).replace(':ana', d.staffIds.ana);
    const r = await d.as(who, method, resolved, body);
    expect(r.status).toBe(status);
    if (status >= 400) {
      expect(r.body.error.code).toBe(
        { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[status as 401 | 403 | 404],
      );
    }
  });

  it('a refused caller changes nothing', async () => {
    const before = (await d.as('admin', 'GET', `webhooks/${hook}`)).body;
    for (const who of ['anonymous', 'ana'] as const) {
      await d.as(who, 'PATCH', `webhooks/${hook}`, { active: false });
      await d.as(who, 'POST', `webhooks/${hook}/rotate-secret`);
      await d.as(who, 'DELETE', `webhooks/${hook}`);
      await d.as(who, 'POST', 'webhooks', NEW_HOOK);
    }
    expect((await d.as('admin', 'GET', 'webhooks')).body.webhooks).toHaveLength(1);
    expect((await d.as('admin', 'GET', `webhooks/${hook}`)).body).toEqual(before);
    const ana = (await d.as('ana', 'POST', `staff/${d.staffIds.ana}/feed`)).body.url as string;
    await d.as('ben', 'POST', `staff/${d.staffIds.ana}/feed`);
    await d.as('ben', 'DELETE', `staff/${d.staffIds.ana}/feed`);
    expect((await d.app.request(ana.slice(PUBLIC_URL.length))).status).toBe(200);
  });

  it.each([
    ['a live feed token', true, 200],
    ['a revoked feed token', false, 404],
  ])('the public feed with %s answers without credentials: %i', async (_what, live, status) => {
    const url = (await d.as('ana', 'POST', `staff/${d.staffIds.ana}/feed`)).body.url as string;
    if (!live) await d.as('admin', 'DELETE', `staff/${d.staffIds.ana}/feed`);
    expect((await d.app.request(url.slice(PUBLIC_URL.length))).status).toBe(status);
  });
});
