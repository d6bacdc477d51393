/**
 * Every page — public, dashboard, dev mailbox, demo gateway — rendered over the hostile studio
 * (hostile-studio.ts): no payload becomes markup (html-check.ts: no raw payload, no inline or
 * foreign script, no event handler, no javascript: URL, no img/svg), and each page shows the
 * hostile values it is about, escaped. Query strings a page echoes get the payload too, and forms
 * sent back with errors show what was typed, escaped. Every GET page route of the app is visited
 * (enumerated from the app, so a new page is not forgotten).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.ts';
import { createApp } from '../../src/http/app.ts';
import { createDevOutboxMailer } from '../../src/mail/transports/dev-outbox.ts';
import { createDevMailbox } from '../../src/store/dev-mailbox.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { PUBLIC_URL } from '../support/lifecycle.ts';
import { testOutbound } from '../support/outbound.ts';
import { type HostileStudio, hostileStudio, LONG, SHORT, V } from './hostile-studio.ts';
import { escapeHtml, markupProblems } from './html-check.ts';

let tdb: TestDatabase;
let s: HostileStudio;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
  s = await hostileStudio(tdb);
  // The emails sent, also kept by the dev outbox: /dev/mailbox shows them (HTML in srcdoc frames).
  const outbox = createDevOutboxMailer(createDevMailbox(tdb.db), s.d.clock);
  for (const m of s.d.mail.sent) await outbox.send(m);
}, 120_000);
afterAll(async () => {
  expect(s?.d.errors ?? []).toEqual([]);
  await tdb.close();
});

const q = encodeURIComponent;
/** The values a page shows, each looked for in its escaped form. */
const missing = (html: string, values: readonly string[]) => values.filter((v) => !html.includes(escapeHtml(v)));

interface Visit {
  readonly route: string;
  readonly path: string;
  readonly status: number;
  readonly shows: readonly string[];
}

/** Public pages, by route, with the hostile values each shows. */
function publicPages(): Visit[] {
  const { moved, cancelled, verifying, paying } = s.bookings;
  const day = `date=2027-03-30&staff=${s.ids.ana}`;
  const start = q('2027-03-29T14:00:00+02:00');
  return [
    { route: '/', path: '/', status: 200, shows: [V.business, V.service, V.service2] },
    { route: '/', path: `/?x=${q(LONG)}&lang=${q(SHORT)}`, status: 200, shows: [V.business] },
    { route: '/book/:slug', path: '/book/portrait', status: 200, shows: [V.business, V.service, V.ana, V.ben] },
    { route: '/book/:slug', path: `/book/portrait?${day}`, status: 200, shows: [V.service, V.ana] },
    {
      route: '/book/:slug',
      path: `/book/portrait?date=${q(SHORT)}&staff=${q(SHORT)}&tz=${q(SHORT)}&month=${q(SHORT)}`,
      status: 200,
      shows: [V.service],
    },
    {
      route: '/book/:slug/details',
      path: `/book/portrait/details?start=${start}&staff=${s.ids.ana}`,
      status: 200,
      shows: [V.service],
    },
    {
      route: '/book/:slug/details',
      path: `/book/portrait/details?start=${start}&staff=${q(SHORT)}&tz=${q(SHORT)}`,
      status: 200,
      shows: [V.service],
    },
    { route: '/manage/:token', path: `/manage/${moved.token}?done=1`, status: 200, shows: [V.service, V.ana] },
    { route: '/manage/:token', path: `/manage/${cancelled.token}`, status: 200, shows: [V.service2] },
    { route: '/manage/:token', path: `/manage/${verifying.token}`, status: 200, shows: [V.service2] },
    { route: '/manage/:token', path: `/manage/${paying.token}`, status: 200, shows: [V.service, V.ben] },
    { route: '/manage/:token', path: `/manage/${q(SHORT)}`, status: 404, shows: [V.business] },
    { route: '/manage/:token/reschedule', path: `/manage/${moved.token}/reschedule`, status: 200, shows: [V.ana] },
    // SPEC §9.2: one occurrence's reschedule page (a single booking is its own only occurrence).
    {
      route: '/manage/:token/reschedule/:occurrence',
      path: `/manage/${moved.token}/reschedule/${moved.id}`,
      status: 200,
      shows: [V.ana],
    },
    {
      route: '/manage/:token/reschedule/:occurrence',
      path: `/manage/${moved.token}/reschedule/${q(SHORT)}`,
      status: 404,
      shows: [V.business],
    },
    { route: '/manage/:token/cancel', path: `/manage/${moved.token}/cancel`, status: 200, shows: [V.service] },
    // The return page names nobody: only the business (header) and the outcome.
    { route: '/return/:reference', path: `/return/${paying.reference}`, status: 200, shows: [V.business] },
    { route: '/return/:reference', path: `/return/${q(SHORT)}`, status: 404, shows: [V.business] },
    { route: 'not found', path: `/book/${q(SHORT)}`, status: 404, shows: [V.business] },
    { route: 'not found', path: `/${q(LONG)}`, status: 404, shows: [V.business] },
    { route: '/my-bookings', path: '/my-bookings', status: 200, shows: [V.business] },
    {
      route: '/waitlist/offer/:token',
      // The hold has lapsed by the studio's clock: the page says the offer is over (410).
      path: `/waitlist/offer/${s.waitlist.offerToken}`,
      status: 410,
      shows: [V.business],
    },
    { route: '/waitlist/offer/:token', path: `/waitlist/offer/${q(SHORT)}`, status: 404, shows: [V.business] },
    {
      route: '/waitlist/leave/:token',
      path: `/waitlist/leave/${s.waitlist.leaveToken}`,
      status: 200,
      shows: [V.business],
    },
    { route: '/waitlist/leave/:token', path: `/waitlist/leave/${q(SHORT)}`, status: 404, shows: [V.business] },
    { route: '/my-bookings/:token', path: `/my-bookings/${q(SHORT)}`, status: 404, shows: [V.business] },
    { route: '/dev/mailbox', path: '/dev/mailbox', status: 200, shows: [SHORT] },
    { route: '/dev/mailbox', path: `/dev/mailbox?to=${q(SHORT)}`, status: 200, shows: [SHORT] },
    { route: '/api/docs', path: '/api/docs', status: 200, shows: [] },
  ];
}

/** Dashboard pages, by route, with the hostile values each shows. */
function dashboardPages(): Visit[] {
  const { ana, ben, portrait, consult, dayOff, webhook, room } = s.ids;
  const { moved, cancelled, paying } = s.bookings;
  const always = [V.business, V.adminName];
  return [
    { route: '/admin', path: '/admin', status: 200, shows: [...always, V.service, V.service2, V.ana, V.ben] },
    { route: '/admin', path: `/admin?date=${q(SHORT)}`, status: 200, shows: always },
    {
      route: '/admin/bookings',
      path: '/admin/bookings?from=2027-03-01',
      status: 200,
      shows: [...always, V.client, V.service],
    },
    {
      route: '/admin/bookings',
      path: `/admin/bookings?q=${q(SHORT)}&from=${q(SHORT)}&status=${q(SHORT)}&staff=${q(SHORT)}`,
      status: 400,
      shows: [...always, SHORT],
    },
    {
      route: '/admin/bookings/:id',
      path: `/admin/bookings/${moved.id}`,
      status: 200,
      shows: [...always, V.client, V.service, V.ana, V.notes, V.phone, V.address, V.moveReason],
    },
    {
      route: '/admin/bookings/:id',
      path: `/admin/bookings/${cancelled.id}`,
      status: 200,
      shows: [...always, V.client2, V.service2],
    },
    { route: '/admin/bookings/:id', path: `/admin/bookings/${paying.id}`, status: 200, shows: [...always, V.ben] },
    { route: '/admin/bookings/new', path: '/admin/bookings/new', status: 200, shows: [...always, V.service] },
    {
      route: '/admin/bookings/new',
      path: `/admin/bookings/new?service=${portrait}&staff=${ana}&date=2027-03-30`,
      status: 200,
      shows: [...always, V.service, V.ana],
    },
    {
      route: '/admin/bookings/new',
      path: `/admin/bookings/new?service=${q(SHORT)}&staff=${q(SHORT)}&date=${q(SHORT)}`,
      status: 400,
      shows: [...always, SHORT],
    },
    { route: '/admin/services', path: '/admin/services', status: 200, shows: [...always, V.service, V.service2] },
    { route: '/admin/resources', path: '/admin/resources', status: 200, shows: [...always, V.room] },
    { route: '/admin/resources/:id', path: `/admin/resources/${room}`, status: 200, shows: [...always, V.room] },
    { route: '/admin/services/new', path: '/admin/services/new', status: 200, shows: [...always, V.ana] },
    {
      route: '/admin/services/:id',
      path: `/admin/services/${portrait}`,
      status: 200,
      shows: [...always, V.service, V.description, V.ana, V.ben],
    },
    { route: '/admin/services/:id', path: `/admin/services/${consult}`, status: 200, shows: [...always, V.service2] },
    { route: '/admin/staff', path: '/admin/staff', status: 200, shows: [...always, V.ana, V.ben] },
    { route: '/admin/staff/new', path: '/admin/staff/new', status: 200, shows: [...always, V.service] },
    {
      route: '/admin/staff/:id',
      path: `/admin/staff/${ana}`,
      status: 200,
      shows: [...always, V.ana, V.service, V.service2, V.dayOff],
    },
    { route: '/admin/staff/:id', path: `/admin/staff/${ben}`, status: 200, shows: [...always, V.ben] },
    {
      route: '/admin/staff/:id/days-off/:dayOffId',
      path: `/admin/staff/${ana}/days-off/${dayOff}`,
      status: 200,
      shows: [...always, V.ana, V.dayOff],
    },
    {
      route: '/admin/settings',
      path: '/admin/settings',
      status: 200,
      shows: [...always, V.staffLabel, V.mailFrom, V.paymentUrl],
    },
    {
      route: '/admin/webhooks',
      path: '/admin/webhooks',
      status: 200,
      shows: [...always, V.webhookUrl, V.webhookDescription],
    },
    {
      route: '/admin/webhooks/:id',
      path: `/admin/webhooks/${webhook}`,
      status: 200,
      shows: [...always, V.webhookUrl, V.webhookDescription],
    },
    { route: '/admin/account', path: '/admin/account', status: 200, shows: [...always, V.keyLabel] },
    {
      route: '/admin/waitlist',
      path: '/admin/waitlist?date=2027-03-31',
      status: 200,
      shows: [...always, V.service2, V.client2],
    },
    { route: '/admin/waitlist', path: `/admin/waitlist?date=${q(SHORT)}`, status: 400, shows: [...always, SHORT] },
    // Reports: the staff names in the chooser and in the per-member table.
    {
      route: '/admin/reports',
      path: '/admin/reports?from=2027-03-01&to=2027-04-30',
      status: 200,
      shows: [...always, V.ana, V.ben],
    },
    { route: '/admin/reports', path: `/admin/reports?from=${q(SHORT)}&staff=${q(SHORT)}`, status: 400, shows: always },
  ];
}

/** Pages open without a session (an anonymous browser). */
function entryPages(): Visit[] {
  return [
    {
      route: '/admin/sign-in',
      path: `/admin/sign-in?next=${q(`/admin?x=${SHORT}`)}`,
      status: 200,
      shows: [V.business],
    },
    { route: '/admin/forgot', path: '/admin/forgot', status: 200, shows: [V.business] },
    { route: '/admin/password/:token', path: `/admin/password/${q(SHORT)}`, status: 404, shows: [V.business] },
  ];
}

function check(html: string, status: number, visit: Omit<Visit, 'route'>) {
  expect(status, visit.path).toBe(visit.status);
  expect(markupProblems(html), visit.path).toEqual([]);
  expect(missing(html, visit.shows), `${visit.path} shows these escaped`).toEqual([]);
}

/** Renders each page and checks it; every failure of every page is listed (soft). */
async function visitAll(visits: readonly Visit[], get: (path: string) => Promise<{ status: number; html: string }>) {
  for (const visit of visits) {
    const r = await get(visit.path);
    expect.soft(r.status, visit.path).toBe(visit.status);
    expect.soft(markupProblems(r.html), visit.path).toEqual([]);
    expect.soft(missing(r.html, visit.shows), `${visit.path} shows these escaped`).toEqual([]);
  }
}

const anonymous = async (path: string) => {
  const r = await s.d.app.request(path);
  return { status: r.status, html: await r.text() };
};

describe('every page', () => {
  it('public pages', async () => {
    await visitAll(publicPages(), anonymous);
  });

  it('dashboard pages, signed in as the admin', async () => {
    await visitAll(dashboardPages(), (path) => s.admin.page(path));
  });

  it('dashboard pages open without a session', async () => {
    await visitAll(entryPages(), anonymous);
  });
});

describe('forms sent back with errors show what was typed, escaped', () => {
  it('the booking details form (the notes textarea holds a </textarea>)', async () => {
    const path = `/book/portrait/details?start=${q('2027-03-29T14:00:00+02:00')}&staff=${s.ids.ana}`;
    const r = await s.d.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        start: '2027-03-29T14:00:00+02:00',
        staff: s.ids.ana,
        name: V.client,
        email: `not an email ${SHORT}`,
        phone: V.phone,
        address: V.address,
        notes: V.notes,
        key: SHORT,
        tz: SHORT,
      }).toString(),
    });
    check(await r.text(), r.status, { path, status: 400, shows: [V.client, V.phone, V.address, V.notes] });
  });

  it('the "my bookings" form with a hostile address, and the list of a hostile client’s bookings', async () => {
    const post = (path: string, body: Record<string, string>) =>
      s.d.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body).toString(),
      });
    const bad = await post('/my-bookings', { email: `x ${SHORT}` });
    check(await bad.text(), bad.status, { path: 'my-bookings', status: 400, shows: [`x ${SHORT}`] });
    await post('/my-bookings', { email: 'eve@example.com' });
    await s.d.deliver();
    const link =
      /\/my-bookings\/[A-Za-z0-9_-]{43}/.exec(s.d.mail.to('eve@example.com').at(-1)?.text ?? '')?.[0] ?? 'none';
    const shown = await s.d.app.request(link);
    check(await shown.text(), shown.status, { path: link, status: 200, shows: [V.business] });
    const listed = await post(link, {});
    check(await listed.text(), listed.status, { path: link, status: 200, shows: [V.service, V.ana] });
  });

  it('a dashboard form: a new service with a taken slug', async () => {
    const r = await s.admin.form('/admin/services', {
      name: V.service2,
      slug: 'portrait',
      description: V.description,
      durationMinutes: '30',
      price: '0',
      imageUrl: 'javascript:alert(1)',
    });
    check(r.html, r.status, { path: 'services/new', status: 400, shows: [V.service2, V.description] });
  });

  it('the sign-in form with a hostile email and next', async () => {
    const b = await s.d.app.request('/admin/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: SHORT, email: SHORT, password: SHORT, next: `/admin?${SHORT}` }).toString(),
    });
    check(await b.text(), b.status, { path: 'sign-in', status: 403, shows: [SHORT] });
  });
});

describe('the checker itself', () => {
  it.each([
    ['<p>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>', []],
    ['<script src="/assets/booker.js?v=0123abcd"></script><a href="/book/x">x</a>', []],
    ['<p><script>alert(1)</script></p>', ['raw payload "<script>alert"', 'script "alert(1)"']],
    ['<script src="https://evil.example/x.js"></script>', ['script "https://evil.example/x.js"']],
    ['<div title="x" onclick="y">', ['<div onclick=…> handler']],
    ['<img/src/onerror=alert(2)>', ['<img> tag', '<img onerror=…> handler']],
    ['<a href=" &#106;avascript:alert(1)">', ['<a href=" javascript:alert(1)">']],
    ['<form action="data:text/html,x">', ['<form action="data:text/html,x">']],
    ['<textarea>a</textarea>{{x}}', ['raw payload "</textarea>{{x}}"']],
    ['<iframe srcdoc="&lt;p&gt;"></iframe>', ['iframe without an empty sandbox']],
    ['<iframe sandbox="" srcdoc="&lt;b onmouseover=x&gt;"></iframe>', ['in srcdoc: <b onmouseover=…> handler']],
  ])('%s → %j', (html, problems) => {
    expect(markupProblems(html)).toEqual(problems);
  });

  it('in an email, even a script of this site is a problem', () => {
    expect(markupProblems('<script src="/assets/booker.js"></script>', 'email')).toEqual([
      'script "/assets/booker.js"',
    ]);
  });
});

describe('the reports’ CSV download', () => {
  it('is a text/csv attachment, never a page a browser would render', async () => {
    const res = await s.admin.page('/admin/reports/export.csv?from=2027-03-01&to=2027-04-30');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="report-2027-03-01-2027-04-30\.csv"$/,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('coverage', () => {
  it('visits every GET page route the app serves', () => {
    const app = createApp({
      outbound: testOutbound(),
      store: {} as Store,
      clock: { now: () => 0 },
      secret: 's'.repeat(40),
      publicUrl: PUBLIC_URL,
      logError: () => {},
      devMailbox: { list: async () => [] } as never,
      demoGateway: true,
    });
    // Not pages (data, files, probes, stored images; the reports' CSV: see below), and the demo gateway, which shows
    // only a signed amount and reference.
    const notPages =
      /^\/(api\/v1|assets|api\/docs\/assets|feeds|healthz|readyz|images|demo\/gateway|embed\.js|admin\/reports\/export\.csv)(\/|$)/;
    const pages = new Set(app.routes.filter((r) => r.method === 'GET' && !notPages.test(r.path)).map((r) => r.path));
    const visited = new Set([...publicPages(), ...dashboardPages(), ...entryPages()].map((v) => v.route));
    expect([...pages].filter((p) => !visited.has(p))).toEqual([]);
  });
});
