/**
 * Security headers by kind of response (public page, dashboard page, JSON, asset, API docs,
 * calendar feed, not-found page and JSON, redirect), with and without https, with FRAME_ANCESTORS
 * allowing other sites, and with a payment gateway on another origin; then FRAME_ANCESTORS parsing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../../test/support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { PUBLIC_URL, SECRET } from '../../test/support/lifecycle.ts';
import { testOutbound } from '../../test/support/outbound.ts';
import { loadConfig, parseFrameAncestors } from '../config.ts';
import { createApp } from './app.ts';
import { ASSETS } from './pages/assets.ts';
import { FIRST_ZONE_HASH } from './pages/first-zone.ts';
import { DATA_CSP, frameOptions, HSTS, pagePolicy } from './security-headers.ts';

let tdb: TestDatabase;
let d: Dashboard;
let feedPath: string;
let manageToken: string;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
  d = await startDashboard(tdb);
  const feed = await d.as('admin', 'POST', `staff/${d.staffIds.ana}/feed`);
  expect(feed.status).toBe(201);
  feedPath = (feed.body.url as string).slice(PUBLIC_URL.length);
  const booked = await d.post('/bookings', {
    service: 'consult',
    staff: d.staffIds.ana,
    start: '2027-03-29T10:00:00+02:00',
    client: { name: 'Ada', email: 'ada@example.com' },
    payment: 'none',
  });
  expect(booked.status).toBe(201);
  manageToken = booked.body.token;
});
afterAll(() => tdb.close());

function appWith(opts: { publicUrl?: string; frameAncestors?: readonly string[] } = {}): Hono {
  return createApp({
    outbound: testOutbound(),
    store: tdb.store,
    clock: d.clock,
    secret: SECRET,
    publicUrl: opts.publicUrl ?? PUBLIC_URL,
    ...(opts.frameAncestors ? { frameAncestors: opts.frameAncestors } : {}),
    logError: (error) => {
      throw error;
    },
  });
}

const PUBLIC_PAGE = pagePolicy([], ["'self'"], [FIRST_ZONE_HASH]);
const ADMIN_PAGE = pagePolicy([], ["'none'"]);

/** [kind, path, status, CSP, X-Frame-Options] with the default FRAME_ANCESTORS and no gateway. */
const KINDS = (): [string, string, number, string, string | null][] => [
  ['public page', '/', 200, PUBLIC_PAGE, 'SAMEORIGIN'],
  ['booking page', '/book/portrait', 200, PUBLIC_PAGE, 'SAMEORIGIN'],
  ['manage page', `/manage/${manageToken}`, 200, PUBLIC_PAGE, 'SAMEORIGIN'],
  ['dashboard page', '/admin/sign-in', 200, ADMIN_PAGE, 'DENY'],
  ['dashboard redirect', '/admin/bookings', 303, DATA_CSP, null],
  ['JSON API', '/api/v1/services', 200, DATA_CSP, null],
  ['JSON not found', '/api/v1/nowhere', 404, DATA_CSP, null],
  ['asset', ASSETS.js, 200, DATA_CSP, null],
  ['API docs', '/api/docs', 200, PUBLIC_PAGE, 'SAMEORIGIN'],
  ['OpenAPI document', '/api/v1/openapi.json', 200, DATA_CSP, null],
  ['calendar feed', feedPath, 200, DATA_CSP, null],
  ['unknown feed', '/feeds/nope.ics', 404, DATA_CSP, null],
  ['not-found page', '/nowhere', 404, PUBLIC_PAGE, 'SAMEORIGIN'],
  ['health', '/healthz', 200, DATA_CSP, null],
];

describe('headers by kind of response', () => {
  it.each(['http://127.0.0.1:3000', 'https://booking.studio.example'])('PUBLIC_URL %s', async (publicUrl) => {
    const app = appWith({ publicUrl });
    const seen = [];
    const want = [];
    for (const [kind, path, status, csp, xfo] of KINDS()) {
      const r = await app.request(path);
      const html = (r.headers.get('content-type') ?? '').startsWith('text/html');
      seen.push({
        kind,
        status: r.status,
        nosniff: r.headers.get('x-content-type-options'),
        referrer: r.headers.get('referrer-policy'),
        hsts: r.headers.get('strict-transport-security'),
        csp: r.headers.get('content-security-policy'),
        xfo: r.headers.get('x-frame-options'),
        coop: r.headers.get('cross-origin-opener-policy'),
      });
      want.push({
        kind,
        status,
        nosniff: 'nosniff',
        referrer: 'same-origin',
        hsts: publicUrl.startsWith('https:') ? HSTS : null,
        csp,
        xfo,
        coop: html && publicUrl.startsWith('https:') ? 'same-origin' : null,
      });
    }
    expect(seen).toEqual(want);
  });

  it('the page policy allows no inline or foreign script but the zone script by its hash, no plugins or <base>', async () => {
    // The hash is of the exact text the pages inline: computed here from the file, not taken from the code under test.
    const file = readFileSync(new URL('./assets/first-zone.js', import.meta.url), 'utf8');
    const inlined = file.slice(file.indexOf('(() => {')).trim();
    expect(await (await appWith().request('/')).text()).toContain(`<script>${inlined}</script>`);
    const hash = `'sha256-${createHash('sha256').update(inlined).digest('base64')}'`;
    expect(PUBLIC_PAGE).toBe(
      `default-src 'self'; script-src 'self' ${hash}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; ` +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
    );
  });

  it("keeps a handler's stricter Referrer-Policy (the password link pages send no Referer at all)", async () => {
    const r = await appWith().request('/admin/password/not-a-real-token');
    expect(r.status).toBe(404);
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('dashboard pages are still never cached', async () => {
    expect((await appWith().request('/admin/sign-in')).headers.get('cache-control')).toBe('no-store');
  });
});

describe('FRAME_ANCESTORS: embedding the public pages', () => {
  it('other sites may frame public pages; the legacy X-Frame-Options is left out, the dashboard stays unframable', async () => {
    const app = appWith({ frameAncestors: ["'self'", 'https://www.studio.example'] });
    const page = await app.request('/book/portrait');
    expect(page.headers.get('content-security-policy')).toBe(
      pagePolicy([], ["'self'", 'https://www.studio.example'], [FIRST_ZONE_HASH]),
    );
    expect(page.headers.get('x-frame-options')).toBeNull();
    const admin = await app.request('/admin/sign-in');
    expect(admin.headers.get('content-security-policy')).toBe(ADMIN_PAGE);
    expect(admin.headers.get('x-frame-options')).toBe('DENY');
  });

  it("'none' forbids framing public pages too", async () => {
    const page = await appWith({ frameAncestors: ["'none'"] }).request('/');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it.each([
    [["'self'"], 'SAMEORIGIN'],
    [["'none'"], 'DENY'],
    [['https://a.example'], null],
    [["'self'", 'https://a.example'], null],
  ])('X-Frame-Options for %j is %s', (ancestors, expected) => {
    expect(frameOptions(ancestors)).toBe(expected);
  });
});

describe('form-action and the payment gateway', () => {
  it("public pages may post forms that end at the gateway's origin; the dashboard only to itself", async () => {
    await tdb.store.applySetup(
      { business: { paymentUrl: 'https://pay.example:8443/checkout?x=1', paymentSecret: 'p'.repeat(24) } },
      async (p) => p,
    );
    try {
      const app = appWith();
      for (const path of ['/book/portrait/details?start=2027-03-29T14:00:00%2B02:00', `/manage/${manageToken}`, '/']) {
        const r = await app.request(path);
        expect(r.headers.get('content-security-policy'), path).toBe(
          pagePolicy(['https://pay.example:8443'], ["'self'"], [FIRST_ZONE_HASH]),
        );
      }
      expect((await app.request('/admin/sign-in')).headers.get('content-security-policy')).toBe(ADMIN_PAGE);
    } finally {
      await tdb.store.applySetup({ business: { paymentUrl: null } }, async (p) => p);
    }
  });

  it('a gateway on this site adds nothing', async () => {
    await tdb.store.applySetup(
      { business: { paymentUrl: `${PUBLIC_URL}/demo/gateway`, paymentSecret: 'p'.repeat(24) } },
      async (p) => p,
    );
    try {
      expect((await appWith().request('/')).headers.get('content-security-policy')).toBe(PUBLIC_PAGE);
    } finally {
      await tdb.store.applySetup({ business: { paymentUrl: null } }, async (p) => p);
    }
  });
});

describe('FRAME_ANCESTORS parsing', () => {
  it.each([
    [undefined, ["'self'"]],
    ['', ["'self'"]],
    ['self', ["'self'"]],
    ["'self'", ["'self'"]],
    ['NONE', ["'none'"]],
    ["'self' https://www.studio.example", ["'self'", 'https://www.studio.example']],
    ['self,https://Studio.Example:8443/', ["'self'", 'https://studio.example:8443']],
    ['https://a.example, https://a.example', ['https://a.example']],
    ['http://localhost:8080 https://*.studio.example', ['http://localhost:8080', 'https://*.studio.example']],
    ['https://a.example:443', ['https://a.example']],
  ])('%j → %j', (raw, expected) => {
    const problems: string[] = [];
    expect(parseFrameAncestors(raw, problems)).toEqual(expected);
    expect(problems).toEqual([]);
  });

  const bad = (entry: string) =>
    `FRAME_ANCESTORS entries must be self, none or an http(s) origin such as https://www.studio.example (got "${entry}")`;

  it.each([
    ['*', [bad('*')]],
    ['https://a.example/embed', [bad('https://a.example/embed')]],
    ['https://a.example?x', [bad('https://a.example?x')]],
    ['ftp://a.example', [bad('ftp://a.example')]],
    ['a.example', [bad('a.example')]],
    ['https://user:pw@a.example', [bad('https://user:pw@a.example')]],
    ['https://a.example;script-src', [bad('https://a.example;script-src')]],
    ['https://a.example:99999', [bad('https://a.example:99999')]],
    ["'unsafe-inline'", [bad("'unsafe-inline'")]],
    ['none self', ['FRAME_ANCESTORS: none cannot be combined with other entries']],
  ])('%j is refused at start-up: %j', (raw, problems) => {
    expect(loadConfig({ FRAME_ANCESTORS: raw })).toEqual({ ok: false, problems });
  });

  it('the parsed value reaches the config', () => {
    expect(loadConfig({ FRAME_ANCESTORS: 'self https://www.studio.example' })).toMatchObject({
      ok: true,
      config: { frameAncestors: ["'self'", 'https://www.studio.example'] },
    });
  });
});
