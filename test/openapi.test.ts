/**
 * The OpenAPI document: valid OpenAPI 3.1 (checked by @seriousme/openapi-schema-validator),
 * listing every route the app serves under /api/v1 and nothing it does not serve, and describing
 * what the API really answers (real responses parsed with the documented shapes).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import {
  adminBookingShape,
  adminServiceShape,
  adminStaffShape,
  dayOffShape,
  historyShape,
  hoursShape,
  paymentsShape,
  settingsShape,
} from '../src/http/openapi/admin-shapes.ts';
import { DOCUMENTED_ROUTES } from '../src/http/openapi/docs-routes.ts';
import { openApiPath } from '../src/http/openapi/route-doc.ts';
import { bookingShape, businessShape, dayShape, monthShape, serviceShape } from '../src/http/openapi/shapes.ts';
import { createDevMailbox } from '../src/store/dev-mailbox.ts';
import { startDashboard } from './support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import { type Lifecycle, startLifecycle } from './support/lifecycle.ts';
import { testOutbound } from './support/outbound.ts';
import { STUDIO } from './support/studio.ts';

let tdb: TestDatabase;
let life: Lifecycle;
beforeAll(async () => {
  tdb = await openTestDatabase();
  life = await startLifecycle(tdb, STUDIO);
});
afterAll(() => tdb.close());

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await life.call('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route served under /api/v1, and only those', () => {
    // The dev outbox routes exist only with the dev mailbox; build the app with it.
    const app = createApp({
      outbound: testOutbound(),
      store: tdb.store,
      clock: life.clock,
      secret: 's'.repeat(40),
      publicUrl: 'http://127.0.0.1:3000',
      devMailbox: createDevMailbox(tdb.db),
      logError: () => {},
    });
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/') && r.path !== '/api/v1/openapi.json')
        .map((r) => `${r.method} ${openApiPath(r.path)}`),
    );
    const documented = new Set(DOCUMENTED_ROUTES.map((r) => `${r.method.toUpperCase()} ${openApiPath(r.path)}`));
    expect([...served].filter((r) => !documented.has(r)).sort()).toEqual([]);
    expect([...documented].filter((r) => !served.has(r)).sort()).toEqual([]);
  });

  it('describes what the public API answers', async () => {
    businessShape.parse((await life.call('/api/v1/business')).body);
    const services = (await life.call('/api/v1/services')).body.services;
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) serviceShape.parse(s);
    monthShape.parse((await life.call('/api/v1/availability/month?service=portrait&month=2027-03')).body);
    const day = (await life.call('/api/v1/availability/day?service=portrait&date=2027-03-29')).body;
    dayShape.parse(day);
    const made = await life.post('/bookings', {
      service: 'portrait',
      staff: day.slots[0].staff[0],
      start: day.slots[0].start,
      client: { name: 'Ada', email: 'ada@example.test' },
    });
    expect(made.status).toBe(201);
    bookingShape.parse(made.body.booking);
    bookingShape.parse((await life.call(`/api/v1/manage/${made.body.token}`)).body);
  });

  it('describes what the dashboard API answers', async () => {
    const d = await startDashboard(tdb);
    const day = (await d.call('/api/v1/availability/day?service=portrait&staff=any&date=2027-03-29')).body;
    const made = await d.as('admin', 'POST', 'bookings', {
      service: 'portrait',
      staff: day.slots[0].staff[0],
      start: day.slots[0].start,
      client: { name: 'Ada', email: 'ada@example.test', phone: '+33 6 12 34 56 78' },
    });
    expect(made.status).toBe(201);
    adminBookingShape.parse(made.body);
    const list = await d.as('admin', 'GET', 'bookings?from=2027-03-29&to=2027-03-29');
    expect(list.body.bookings).toHaveLength(1);
    for (const b of list.body.bookings) adminBookingShape.parse(b);
    adminBookingShape
      .extend({ history: historyShape, payments: paymentsShape })
      .parse((await d.as('admin', 'GET', `bookings/${made.body.id}`)).body);
    for (const s of (await d.as('admin', 'GET', 'services')).body.services) adminServiceShape.parse(s);
    for (const m of (await d.as('admin', 'GET', 'staff')).body.staff) adminStaffShape.parse(m);
    hoursShape.parse((await d.as('admin', 'GET', `staff/${d.staffIds.ana}/hours`)).body.hours);
    for (const off of (await d.as('admin', 'GET', `staff/${d.staffIds.ana}/days-off`)).body.daysOff) {
      dayOffShape.parse(off);
    }
    settingsShape.strict().parse((await d.as('admin', 'GET', 'settings')).body);
  });

  it('serves the API reference page and its assets from the package', async () => {
    const page = await life.app.request('/api/docs');
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('/api/v1/openapi.json');
    for (const src of text.matchAll(/(?:src|href)="(\/api\/docs\/assets\/[^"]+)"/g)) {
      const asset = await life.app.request(src[1] as string);
      expect(asset.status, src[1]).toBe(200);
    }
  });
});
