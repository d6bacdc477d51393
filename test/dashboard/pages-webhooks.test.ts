/**
 * The webhook pages as an admin meets them, without a browser: add a webhook (its secret shown on
 * its page), change it, rotate its secret, send a test event to a real receiver on 127.0.0.1 and
 * read the attempt in the delivery log, delete it. Staff get a 403 page on every webhook page and
 * form, a caller without a session goes to sign-in, a form without its CSRF token is refused.
 *
 * Studio clock: Fri 2027-03-26 11:00Z, the business in Europe/Paris (12:00 there).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import type { Body } from '../support/lifecycle.ts';
import { testOutbound } from '../support/outbound.ts';
import { type Browser, browser, type PageResponse, signedIn } from '../support/sessions.ts';
import { STUDIO } from '../support/studio.ts';

let tdb: TestDatabase;
let d: Dashboard;
let server: Server;
let receiver: string;
/** Bodies the receiver got. */
let received: Body[];
/** Statuses the receiver answers, in turn; 200 once used up. */
let answers: number[];

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(answers.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await tdb.close();
});
beforeEach(async () => {
  received = [];
  answers = [];
  // The receiver is on 127.0.0.1: these deliveries opt in to private addresses.
  d = await startDashboard(tdb, STUDIO, undefined, { outbound: testOutbound({ allowPrivate: true }) });
});
afterEach(() => expect(d.errors).toEqual([]));

/** POSTs a form whose fields may repeat (event checkboxes), with the session's `_csrf` unless told not to. */
async function post(b: Browser, path: string, fields: [string, string][], csrf = true): Promise<PageResponse> {
  const body = new URLSearchParams(csrf ? [['_csrf', b.csrf], ...fields] : fields);
  const res = await d.app.request(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    body: body.toString(),
  });
  return { status: res.status, html: await res.text(), headers: res.headers, location: res.headers.get('location') };
}

const events = (...names: string[]): [string, string][] => names.map((n) => ['events', n]);

/** Adds a webhook through the API; its id and secret. */
async function apiHook(url = 'https://example.com/hooks/slotwise', extra: Record<string, unknown> = {}) {
  const r = await d.as('admin', 'POST', 'webhooks', { url, events: ['booking.confirmed'], ...extra });
  expect(r.status).toBe(201);
  return r.body as { id: string; secret: string };
}

/** The rows of the delivery log as [when, event, event id, attempt, result, took]. */
function logRows(html: string): string[][] {
  const table = /<table class="list delivery-log">.*?<tbody>(.*?)<\/tbody>/s.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td>(.*?)<\/td>/gs)].map((cell) => (cell[1] ?? '').replace(/<[^>]+>/g, '')),
  );
}

/** Whether the event checkbox is ticked in a page. */
const ticked = (html: string, event: string) =>
  new RegExp(`<input type="checkbox" name="events" value="${event.replace('.', '\\.')}"[^>]* checked=""`).test(html);

describe('the webhook list', () => {
  it('shows an admin an empty list and the add form with every event ticked', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page('/admin/webhooks');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<title>Webhooks — Test Studio dashboard</title>');
    expect(page.html).toContain('<a href="/admin/webhooks" aria-current="page">Webhooks</a>');
    expect(page.html).toContain('No webhooks yet: add one below.');
    expect(page.html).toContain(
      `<form method="post" action="/admin/webhooks" novalidate=""><input type="hidden" name="_csrf" value="${admin.csrf}"/>`,
    );
    for (const e of [
      'booking.confirmed',
      'booking.rescheduled',
      'booking.cancelled',
      'booking.paid',
      'payment.unapplied',
    ]) {
      expect(ticked(page.html, e), e).toBe(true);
    }
    expect(page.html).toMatch(/<input type="checkbox" name="active" id="f-active" checked=""\/>/);
  });

  it('adds a webhook, lands on its page with the secret and how to check it, and the API has it', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await post(admin, '/admin/webhooks', [
      ['url', '  https://example.com/hooks/slotwise  '],
      ...events('booking.confirmed', 'booking.cancelled'),
      ['description', 'Accounting sync'],
      ['active', 'on'],
    ]);
    expect(r.status).toBe(303);
    const id = /^\/admin\/webhooks\/(\d+)\?done=created$/.exec(r.location ?? '')?.[1] as string;
    expect(id).toBeDefined();
    const listed = await d.as('admin', 'GET', 'webhooks');
    expect(listed.body).toEqual({
      webhooks: [
        {
          id,
          url: 'https://example.com/hooks/slotwise',
          events: ['booking.confirmed', 'booking.cancelled'],
          description: 'Accounting sync',
          active: true,
          createdAt: '2027-03-26T12:00:00+01:00',
          updatedAt: '2027-03-26T12:00:00+01:00',
        },
      ],
    });
    const { secret } = (await d.as('admin', 'GET', `webhooks/${id}`)).body;
    expect(secret).toMatch(/^whsec_/);

    const page = await admin.page(r.location as string);
    expect(page.status).toBe(200);
    expect(page.html).toContain('The webhook is added. Copy its signing secret below into your receiver');
    expect(page.html).toContain(
      `<details class="webhook-secret" open=""><summary>Show the secret</summary><code class="secret">${secret}</code></details>`,
    );
    expect(page.html).toContain('<a href="#verify">how to check the signature</a>');
    expect(page.html).toContain('<section class="panel" id="verify" aria-labelledby="verify-title">');
    expect(page.html).toContain(
      '<code>X-Slotwise-Signature: sha256=HMAC-SHA256(secret, &quot;&lt;timestamp&gt;.&lt;body&gt;&quot;)</code>',
    );
    expect(page.html).toContain('<h1>Webhook “Accounting sync”</h1>');

    // The list shows it, linked to its page; the secret stays on the webhook's own page.
    const list = await admin.page('/admin/webhooks');
    expect(list.html).toContain(
      `<a class="webhook-url" href="/admin/webhooks/${id}">https://example.com/hooks/slotwise</a>`,
    );
    expect(list.html).toContain('<span class="badge badge-on">Active</span>');
    expect(list.html).toContain('<span class="muted">Nothing sent yet</span>');
    expect(list.html).not.toContain(secret);
    // A later visit keeps the secret folded away.
    expect((await admin.page(`/admin/webhooks/${id}`)).html).toContain('<details class="webhook-secret"><summary>');
  });

  it('refuses an ftp:// URL and no events, naming the fields, keeping what was typed, adding nothing', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await post(admin, '/admin/webhooks', [
      ['url', 'ftp://example.com/drop'],
      ['description', 'Old server'],
    ]);
    expect(r.status).toBe(400);
    expect(r.html).toContain(
      '<div class="alert" role="alert" tabindex="-1" autofocus=""><h2>Could not add the webhook</h2>',
    );
    expect(r.html).toContain('<a href="#f-url">URL: The URL must be an http or https URL.</a>');
    expect(r.html).toContain('<a href="#f-events">Events: Choose at least one event.</a>');
    expect(r.html).toMatch(
      /id="f-url" name="url" type="url" value="ftp:\/\/example.com\/drop" required="" aria-invalid="true" aria-describedby="h-url e-url"/,
    );
    expect(r.html).toContain('<span class="error" id="e-events">Choose at least one event.</span>');
    expect(r.html).toContain('value="Old server"');
    // What was sent is shown: no event ticked, "active" off (it was not sent).
    expect(ticked(r.html, 'booking.confirmed')).toBe(false);
    expect(r.html).toMatch(/<input type="checkbox" name="active" id="f-active"\/>/);
    expect((await d.as('admin', 'GET', 'webhooks')).body.webhooks).toEqual([]);
  });

  it.each([
    ['', 'Enter the address the events are sent to, e.g. https://example.com/hooks/slotwise.'],
    ['example.com/hook', 'The URL must be an absolute http or https URL.'],
    ['https://user:pw@example.com/hook', 'The URL must be a URL without a user name or password.'],
  ])('refuses the URL "%s" with "%s"', async (url, message) => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await post(admin, '/admin/webhooks', [['url', url], ...events('booking.paid')]);
    expect(r.status).toBe(400);
    expect(r.html).toContain(`<a href="#f-url">URL: ${message}</a>`);
    expect(ticked(r.html, 'booking.paid')).toBe(true);
  });

  it('refuses an event that is not on the list and a description over 200 characters', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await post(admin, '/admin/webhooks', [
      ['url', 'https://example.com/h'],
      ...events('booking.created'),
      ['description', 'x'.repeat(201)],
    ]);
    expect(r.status).toBe(400);
    expect(r.html).toContain('<a href="#f-events">Events: Choose events from the list.</a>');
    expect(r.html).toContain(
      '<a href="#f-description">Description: The description must be at most 200 characters of plain text.</a>',
    );
    expect((await d.as('admin', 'GET', 'webhooks')).body.webhooks).toEqual([]);
  });

  it('escapes a hostile description and URL on both pages', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const { id } = await apiHook('https://example.com/"><script>alert(1)</script>', {
      description: '<script>alert(1)</script>',
    });
    for (const path of ['/admin/webhooks', `/admin/webhooks/${id}`]) {
      const page = await admin.page(path);
      expect(page.status).toBe(200);
      expect(page.html, path).not.toContain('<script>alert(1)');
      expect(page.html, path).not.toContain('"><script>');
      expect(page.html, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });
});

describe('one webhook', () => {
  it('changes the URL, events, description and active, and says so', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const { id } = await apiHook('https://example.com/old', { description: 'Old' });
    const page = await admin.page(`/admin/webhooks/${id}`);
    expect(page.html).toMatch(/id="f-url" name="url" type="url" value="https:\/\/example.com\/old"/);
    expect(ticked(page.html, 'booking.confirmed')).toBe(true);
    expect(ticked(page.html, 'booking.paid')).toBe(false);
    d.clock.advance(1);
    const r = await post(admin, `/admin/webhooks/${id}`, [
      ['url', 'https://example.com/new'],
      ...events('booking.paid', 'booking.rescheduled'),
      ['description', ''],
    ]);
    expect([r.status, r.location]).toEqual([303, `/admin/webhooks/${id}?done=saved`]);
    const after = (await d.as('admin', 'GET', `webhooks/${id}`)).body;
    expect([after.url, after.events, after.description, after.active, after.updatedAt]).toEqual([
      'https://example.com/new',
      ['booking.paid', 'booking.rescheduled'],
      '',
      false,
      '2027-03-26T12:01:00+01:00',
    ]);
    const shown = await admin.page(r.location as string);
    expect(shown.html).toContain('<p class="note" role="status">Your changes are saved.</p>');
    expect(shown.html).toContain('<span class="badge badge-off">Off</span>');
    expect(shown.html).toContain('<h1>Webhook to example.com</h1>');
  });

  it('shows a refused change with the field named, and changes nothing', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const { id } = await apiHook();
    const before = (await d.as('admin', 'GET', `webhooks/${id}`)).body;
    const r = await post(admin, `/admin/webhooks/${id}`, [
      ['url', 'ftp://example.com/x'],
      ['active', 'on'],
    ]);
    expect(r.status).toBe(400);
    expect(r.html).toContain('<h2>Could not save the webhook</h2>');
    expect(r.html).toContain('<a href="#f-url">URL: The URL must be an http or https URL.</a>');
    expect(r.html).toContain('<a href="#f-events">Events: Choose at least one event.</a>');
    expect(r.html).toMatch(/id="f-url" name="url" type="url" value="ftp:\/\/example.com\/x"/);
    expect((await d.as('admin', 'GET', `webhooks/${id}`)).body).toEqual(before);
  });

  it('rotates the secret: a new one is shown and the API has it', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const { id, secret } = await apiHook();
    const page = await admin.page(`/admin/webhooks/${id}`);
    expect(page.html).toContain(`<form method="post" action="/admin/webhooks/${id}/rotate">`);
    expect(page.html).toContain('the current one stops signing straight away');
    const r = await post(admin, `/admin/webhooks/${id}/rotate`, []);
    expect([r.status, r.location]).toEqual([303, `/admin/webhooks/${id}?done=rotated`]);
    const now = (await d.as('admin', 'GET', `webhooks/${id}`)).body.secret;
    expect(now).toMatch(/^whsec_/);
    expect(now).not.toBe(secret);
    const shown = await admin.page(r.location as string);
    expect(shown.html).toContain('The secret is rotated: the old one no longer signs anything.');
    expect(shown.html).toContain(
      `<details class="webhook-secret" open=""><summary>Show the secret</summary><code class="secret">${now}</code>`,
    );
    expect(shown.html).not.toContain(secret);
  });

  it('sends a test event, which the receiver gets and the delivery log shows, failures too', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    // Off: a test event goes out all the same.
    const { id } = await apiHook(receiver, { active: false });
    const empty = await admin.page(`/admin/webhooks/${id}`);
    expect(empty.html).toContain('Nothing sent yet. Send a test event to try the URL.');
    const r = await post(admin, `/admin/webhooks/${id}/test`, []);
    expect([r.status, r.location]).toEqual([303, `/admin/webhooks/${id}?done=test#log`]);
    expect(received).toEqual([]);
    expect(await d.deliver()).toBe(1);
    expect(received.map((b) => [b.type, b.data])).toEqual([['ping', { webhook: { id, url: receiver } }]]);
    const eventId = received[0].id as string;

    const page = await admin.page(`/admin/webhooks/${id}?done=test`);
    expect(page.html).toContain('A test event is queued. It shows in the delivery log within a few seconds');
    const rows = logRows(page.html);
    expect(rows.map((row) => row.slice(0, 5))).toEqual([
      ['26 Mar 2027, 12:00:00', 'ping', eventId, '1', '✓ Delivered (HTTP 200)'],
    ]);
    expect(rows[0]?.[5]).toMatch(/^\d+ ms$/);
    expect(page.html).toContain('Every attempt, newest first; times in Europe/Paris.');

    // A receiver answering 500: the failed attempt is logged, newest first.
    answers = [500];
    d.clock.advance(5);
    await post(admin, `/admin/webhooks/${id}/test`, []);
    await d.deliver();
    expect(d.errors).toHaveLength(1); // the worker logged the failed try (retried later)
    d.errors.length = 0;
    const after = logRows((await admin.page(`/admin/webhooks/${id}`)).html);
    expect(after.map((row) => row.slice(0, 5))).toEqual([
      ['26 Mar 2027, 12:05:00', 'ping', received[1].id, '1', '✗ Failed: HTTP 500'],
      ['26 Mar 2027, 12:00:00', 'ping', eventId, '1', '✓ Delivered (HTTP 200)'],
    ]);
    // The list shows the newest attempt.
    const list = await admin.page('/admin/webhooks');
    expect(list.html).toContain('<span class="delivery-failed">✗ Failed: HTTP 500</span>');
    expect(list.html).toContain('<span class="hint webhook-when">26 Mar 2027, 12:05:00</span>');
    expect(list.html).toContain('<span class="badge badge-off">Off</span>');
  });

  it('pages the delivery log with the cursor, newest first', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const { id } = await apiHook();
    const start = d.clock.now();
    for (let i = 1; i <= 23; i++) {
      await tdb.store.recordWebhookDelivery({
        webhookId: id,
        event: 'booking.confirmed',
        eventId: `evt_${String(i).padStart(32, '0')}`,
        attempt: 1,
        statusCode: 200,
        error: null,
        durationMs: i,
        deliveredAt: start + i * 1000,
      });
    }
    const first = await admin.page(`/admin/webhooks/${id}`);
    const rows = logRows(first.html);
    expect(rows).toHaveLength(20);
    expect(rows[0]?.[0]).toBe('26 Mar 2027, 12:00:23');
    expect(rows[19]?.[0]).toBe('26 Mar 2027, 12:00:04');
    const older = /<a href="(\/admin\/webhooks\/\d+\?cursor=\d+#log)">Older attempts<\/a>/.exec(first.html)?.[1];
    expect(older).toBeDefined();
    expect(first.html).not.toContain('Newest attempts');
    const second = await admin.page(older as string);
    expect(logRows(second.html).map((r) => r[0])).toEqual([
      '26 Mar 2027, 12:00:03',
      '26 Mar 2027, 12:00:02',
      '26 Mar 2027, 12:00:01',
    ]);
    expect(second.html).toContain(`<a href="/admin/webhooks/${id}#log">Newest attempts</a>`);
    expect(second.html).not.toContain('Older attempts');
    // A cursor that is not one of ours shows the newest page.
    expect(logRows((await admin.page(`/admin/webhooks/${id}?cursor=x'`)).html)).toHaveLength(20);
  });

  it('deletes the webhook: gone from the API, the list says so, its page is a 404', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const { id } = await apiHook();
    const r = await post(admin, `/admin/webhooks/${id}/delete`, []);
    expect([r.status, r.location]).toEqual([303, '/admin/webhooks?done=deleted']);
    expect((await d.as('admin', 'GET', `webhooks/${id}`)).status).toBe(404);
    const list = await admin.page(r.location as string);
    expect(list.html).toContain(
      '<p class="note" role="status">The webhook is deleted: nothing more is sent to it.</p>',
    );
    expect(list.html).toContain('No webhooks yet');
    const gone = await admin.page(`/admin/webhooks/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.html).toContain('<h1>No such webhook</h1>');
    expect((await post(admin, `/admin/webhooks/${id}/delete`, [])).status).toBe(404);
    expect((await admin.page('/admin/webhooks/not-a-number')).status).toBe(404);
  });
});

describe('who may use the webhook pages', () => {
  const validForm = (): [string, string][] => [['url', 'https://evil.test/x'], ...events('booking.paid')];
  const pages = ['/admin/webhooks', '/admin/webhooks/:id', '/admin/webhooks/999999'];
  const forms: [string, () => [string, string][]][] = [
    ['/admin/webhooks', validForm],
    ['/admin/webhooks', () => [['url', 'ftp://nope']]],
    ['/admin/webhooks/:id', validForm],
    ['/admin/webhooks/:id/rotate', () => []],
    ['/admin/webhooks/:id/test', () => []],
    ['/admin/webhooks/:id/delete', () => []],
  ];

  it.each(pages)('gives staff a 403 page on GET %s', async (path) => {
    const { id } = await apiHook();
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.page(path.replace(':id', id));
    expect(r.status).toBe(403);
    expect(r.html).toContain('<h1>Not allowed</h1>');
    expect(r.html).toContain('Webhooks are managed by an admin.');
    expect(r.html).not.toContain('example.com');
  });

  it.each(forms)('gives staff a 403 page on POST %s, changing nothing', async (path, fields) => {
    const { id } = await apiHook();
    const before = (await d.as('admin', 'GET', `webhooks/${id}`)).body;
    const ana = await signedIn(tdb, d, 'ana');
    const r = await post(ana, path.replace(':id', id), fields());
    expect(r.status).toBe(403);
    expect(r.html).toContain('<h1>Not allowed</h1>');
    await d.deliver();
    expect((await d.as('admin', 'GET', 'webhooks')).body.webhooks).toHaveLength(1);
    expect((await d.as('admin', 'GET', `webhooks/${id}`)).body).toEqual(before);
    expect((await d.as('admin', 'GET', `webhooks/${id}/deliveries`)).body.deliveries).toEqual([]);
  });

  it.each(pages)('sends a caller without a session from GET %s to sign-in', async (path) => {
    const { id } = await apiHook();
    const resolved = path.replace(':id', id);
    const r = await browser(d).page(resolved);
    expect([r.status, r.location]).toEqual([303, `/admin/sign-in?next=${encodeURIComponent(resolved)}`]);
  });

  it.each(forms)('sends a caller without a session who POSTs %s to sign-in, changing nothing', async (path, fields) => {
    const { id } = await apiHook();
    const before = (await d.as('admin', 'GET', `webhooks/${id}`)).body;
    const r = await post(browser(d), path.replace(':id', id), fields(), false);
    expect([r.status, r.location]).toEqual([303, '/admin/sign-in?next=%2Fadmin']);
    expect((await d.as('admin', 'GET', `webhooks/${id}`)).body).toEqual(before);
  });

  it.each(forms)(
    'refuses an admin form POSTed to %s without its CSRF token, changing nothing',
    async (path, fields) => {
      const { id } = await apiHook();
      const before = (await d.as('admin', 'GET', `webhooks/${id}`)).body;
      const admin = await signedIn(tdb, d, 'admin');
      const r = await post(admin, path.replace(':id', id), fields(), false);
      expect(r.status).toBe(403);
      expect(r.html).toContain('did not come from this site');
      const wrong = await post(admin, path.replace(':id', id), [['_csrf', 'x'.repeat(43)], ...fields()], false);
      expect(wrong.status).toBe(403);
      await d.deliver();
      expect((await d.as('admin', 'GET', 'webhooks')).body.webhooks).toHaveLength(1);
      expect((await d.as('admin', 'GET', `webhooks/${id}`)).body).toEqual(before);
      expect((await d.as('admin', 'GET', `webhooks/${id}/deliveries`)).body.deliveries).toEqual([]);
    },
  );
});
