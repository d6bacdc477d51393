/**
 * The dashboard shell and the account pages as a person meets them: navigation by role, the
 * change-password form and its errors, API keys made (shown once), used and revoked from the
 * account page, the forgot-password and password-link pages, and the headers every dashboard page
 * carries.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { browser, EMAILS, PASSWORD, signedIn, valueIn } from '../support/sessions.ts';

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

/** The navigation links of a page, as [text, href, current?]. */
function navOf(html: string): string[][] {
  const nav = /<nav class="admin-nav"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a>/g)].map((m) =>
    m[2] ? [m[3] as string, m[1] as string, 'current'] : [m[3] as string, m[1] as string],
  );
}

const swk = (html: string) => /<code class="secret">(swk_[A-Za-z0-9_-]{43})<\/code>/.exec(html)?.[1] ?? null;

describe('the dashboard shell', () => {
  it('shows an admin every section, with Account marked as the current page, and a sign-out button', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page('/admin/account');
    expect(navOf(page.html)).toEqual([
      ['Calendar', '/admin'],
      ['Bookings', '/admin/bookings'],
      ['Reports', '/admin/reports'],
      ['Waitlist', '/admin/waitlist'],
      ['Services', '/admin/services'],
      ['Resources', '/admin/resources'],
      ['Staff', '/admin/staff'],
      ['Settings', '/admin/settings'],
      ['Webhooks', '/admin/webhooks'],
      ['Account', '/admin/account', 'current'],
    ]);
    expect(page.html).toContain(`<meta name="csrf-token" content="${admin.csrf}"/>`);
    expect(page.html).toMatch(
      new RegExp(
        `<form method="post" action="/admin/sign-out"><input type="hidden" name="_csrf" value="${admin.csrf}"/>`,
      ),
    );
    expect(page.html).toContain('<a class="skip" href="#main">Skip to content</a>');
    expect(page.html).toContain('<title>Account — Test Studio dashboard</title>');
  });

  it('shows a staff member only their calendar, bookings, reports, own schedule and account', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const page = await ana.page('/admin');
    expect(navOf(page.html)).toEqual([
      ['Calendar', '/admin', 'current'],
      ['Bookings', '/admin/bookings'],
      ['Reports', '/admin/reports'],
      ['My schedule', `/admin/staff/${d.staffIds.ana}`],
      ['Account', '/admin/account'],
    ]);
  });

  it('sends no-store and forbids framing on dashboard pages', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    for (const r of [await admin.page('/admin/account'), await browser(d).page('/admin/sign-in')]) {
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('answers an API key on a page with 401: pages take a signed-in session', async () => {
    const r = await d.app.request('/admin/account', { headers: { authorization: `Bearer ${d.keys.admin}` } });
    expect(r.status).toBe(401);
  });

  it('serves the dashboard stylesheet linked from the page', async () => {
    const page = await browser(d).page('/admin/sign-in');
    const href = /<link rel="stylesheet" href="(\/assets\/admin\.css\?v=[0-9a-f]{10})"/.exec(page.html)?.[1];
    expect(href).toBeDefined();
    const css = await d.app.request(href as string);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.admin-nav a[aria-current="page"]');
  });
});

describe('the account page', () => {
  it('says who is signed in', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const page = await ana.page('/admin/account');
    expect(page.status).toBe(200);
    expect(page.html).toContain(
      '<strong>Ana</strong> (ana@studio.test), staff: you see your own bookings and schedule.',
    );
  });

  it('refuses a wrong current password and a short new one, beside the fields and in an alert', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form('/admin/account/password', { currentPassword: 'not mine', newPassword: 'short' });
    expect(r.status).toBe(400);
    expect(r.html).toContain('<div class="alert" role="alert" tabindex="-1" autofocus="">');
    expect(r.html).toContain('<a href="#f-currentPassword">Current password: This is not your current password.</a>');
    expect(r.html).toContain(
      '<a href="#f-newPassword">New password: The new password must be at least 10 characters long.</a>',
    );
    expect(r.html).toMatch(
      /id="f-currentPassword" name="currentPassword" type="password" autocomplete="current-password" required="" aria-invalid="true" aria-describedby="e-currentPassword"/,
    );
    // Nothing changed: the old password still signs in, the session still works.
    expect((await d.post('/api/v1/admin/session', { email: EMAILS.admin, password: PASSWORD })).status).toBe(201);
    expect((await admin.page('/admin/account')).status).toBe(200);
  });

  it('never puts a password back into the page', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form('/admin/account/password', { currentPassword: PASSWORD, newPassword: 'tiny' });
    expect(r.html).not.toContain(PASSWORD);
    expect(r.html).not.toContain('tiny');
  });

  it('makes an API key shown once, which works until it is revoked from the page', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const made = await admin.form('/admin/account/api-keys', { label: 'Accounting <export>', owner: 'admin' });
    expect(made.status).toBe(200);
    expect(made.html).toContain('Copy it now: it will not be shown again.');
    expect(made.html).toContain('New key &quot;Accounting &lt;export&gt;&quot;.');
    const key = swk(made.html) as string;
    expect(key).toMatch(/^swk_/);
    const use = await d.app.request('/api/v1/admin/me', { headers: { authorization: `Bearer ${key}` } });
    expect(use.status).toBe(200);
    const later = await admin.page('/admin/account');
    expect(later.html).not.toContain(key);
    expect(later.html).toContain(`<code>${key.slice(0, 10)}…</code>`);
    const id = (await d.as('admin', 'GET', 'api-keys')).body.apiKeys.find(
      (k: { prefix: string }) => k.prefix === key.slice(0, 10),
    ).id;
    const revoked = await admin.form(`/admin/account/api-keys/${id}/revoke`, {});
    expect([revoked.status, revoked.location]).toEqual([303, '/admin/account?done=revoked']);
    const after = await d.app.request('/api/v1/admin/me', { headers: { authorization: `Bearer ${key}` } });
    expect(after.status).toBe(401);
    expect((await admin.page('/admin/account?done=revoked')).html).toContain('The key is revoked: it no longer works.');
  });

  it("lets an admin make a staff member's key, which acts as that member", async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const made = await admin.form('/admin/account/api-keys', { label: 'Ben phone', owner: d.staffIds.ben });
    const key = swk(made.html) as string;
    const me = await d.app.request('/api/v1/admin/me', { headers: { authorization: `Bearer ${key}` } });
    expect(await me.json()).toMatchObject({ role: 'staff', staff: d.staffIds.ben, user: null });
  });

  it("lets a staff member make and see only their own keys, and not revoke another member's", async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const page = await ana.page('/admin/account');
    expect(page.html).not.toContain('name="owner"');
    const made = await ana.form('/admin/account/api-keys', { label: 'mine', owner: 'admin' });
    const key = swk(made.html) as string;
    const me = await d.app.request('/api/v1/admin/me', { headers: { authorization: `Bearer ${key}` } });
    expect(await me.json()).toMatchObject({ role: 'staff', staff: d.staffIds.ana });
    const keys = (await d.as('admin', 'GET', 'api-keys')).body.apiKeys;
    const bens = keys.find((k: { staff: string | null }) => k.staff === d.staffIds.ben);
    const refused = await ana.form(`/admin/account/api-keys/${bens.id}/revoke`, {});
    expect(refused.status).toBe(404);
    expect(refused.html).toContain('There is no such item, or it is not one you can see.');
    expect((await d.as('ben', 'GET', 'me')).status).toBe(200);
    // Before, Ana's list held her own key (the test harness's) only, not Ben's or the admin's.
    expect(page.html.match(/<code>swk_/g)).toHaveLength(1);
  });
});

describe('pages before sign-in', () => {
  it('asks for the email on the forgot page and says what is wrong', async () => {
    const empty = await browser(d).form('/admin/forgot', { email: '' }, { entry: true });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('<a href="#f-email">Email: Enter your email.</a>');
    const bad = await browser(d).form('/admin/forgot', { email: 'nope' }, { entry: true });
    expect(bad.html).toContain('Enter an email like name@example.com.');
    expect(await d.deliver()).toBe(0);
  });

  it('explains a link that cannot be used, with the way to a new one', async () => {
    for (const token of ['x'.repeat(43), 'short', 'x'.repeat(43).replace('x', '.')]) {
      const r = await browser(d).page(`/admin/password/${token}`);
      expect(r.status).toBe(404);
      expect(r.html).toContain('This link cannot be used');
      expect(r.html).toContain('<a href="/admin/forgot">ask for a new link</a>');
    }
  });

  it('shows a signed-out notice and sends a signed-in visitor of the sign-in page straight on', async () => {
    expect((await browser(d).page('/admin/sign-in?notice=signed-out')).html).toContain('You are signed out.');
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.page('/admin/sign-in?next=%2Fadmin%2Faccount');
    expect([r.status, r.location]).toEqual([303, '/admin/account']);
  });

  it('labels every field of the sign-in form and offers the reset link', async () => {
    const page = await browser(d).page('/admin/sign-in');
    expect(page.html).toContain('<label for="f-email">Email</label>');
    expect(page.html).toContain('<label for="f-password">Password</label>');
    expect(page.html).toMatch(/id="f-password" name="password" type="password" autocomplete="current-password"/);
    expect(page.html).toContain('<a href="/admin/forgot">Forgot your password?</a>');
    expect(valueIn(page.html, 'next')).toBe('/admin');
  });
});
