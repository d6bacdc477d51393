/**
 * Every cookie the app sets, with its flags, under an http and an https PUBLIC_URL: the session
 * (HttpOnly, SameSite=Lax, Path=/, an expiry, Secure behind https) from each way of signing in,
 * the sign-in form's CSRF cookie (SameSite=Strict, only for /admin), the language choice, and
 * the session's removal at sign-out. No other cookie is set on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { SECRET } from '../support/lifecycle.ts';
import { testOutbound } from '../support/outbound.ts';
import { browser, EMAILS, makeAccount, PASSWORD, valueIn } from '../support/sessions.ts';

let tdb: TestDatabase;
let d: Dashboard;
const errors: unknown[] = [];

beforeAll(async () => {
  tdb = await openTestDatabase();
  d = await startDashboard(tdb);
  await makeAccount(tdb, d, 'admin');
  await makeAccount(tdb, d, 'ana');
});
afterAll(async () => {
  expect(errors).toEqual([]);
  expect(d.errors).toEqual([]);
  await tdb.close();
});

/** A Set-Cookie line as its name and its attributes, sorted; an expiry date is shown as "Expires". */
function cookie(line: string): { name: string; flags: string[] } {
  const [pair = '', ...attrs] = line.split(';').map((p) => p.trim());
  const flags = attrs.map((a) => (/^expires=/i.test(a) ? 'Expires' : a)).sort();
  return { name: pair.slice(0, pair.indexOf('=')), flags };
}

const cookiesOf = (headers: Headers) => headers.getSetCookie().map(cookie);

describe.each([
  ['http', 'http://127.0.0.1:3000', []],
  ['https', 'https://booking.studio.example', ['Secure']],
])('PUBLIC_URL %s', (_scheme, publicUrl, secure) => {
  const app = () =>
    createApp({
      outbound: testOutbound(),
      store: tdb.store,
      clock: d.clock,
      secret: SECRET,
      publicUrl,
      logError: (e) => errors.push(e),
    });
  const names = new Set<string>();
  const seen = (headers: Headers) => {
    const all = cookiesOf(headers);
    for (const c of all) names.add(c.name);
    return all;
  };
  const SESSION = {
    name: 'slotwise_session',
    flags: ['Expires', 'HttpOnly', 'Path=/', 'SameSite=Lax', ...secure].sort(),
  };

  it('sign-in page: the CSRF cookie is Strict and for /admin only; then the session cookie', async () => {
    const b = browser({ app: app() });
    const form = await b.page('/admin/sign-in');
    expect(seen(form.headers)).toEqual([
      { name: 'slotwise_signin', flags: ['HttpOnly', 'Path=/admin', 'SameSite=Strict', ...secure].sort() },
    ]);
    const posted = await b.form('/admin/sign-in', {
      _csrf: valueIn(form.html, '_csrf'),
      email: EMAILS.admin,
      password: PASSWORD,
      next: '/admin',
    });
    expect(posted.status).toBe(303);
    expect(seen(posted.headers)).toEqual([SESSION]);
    const expires = /expires=([^;]+)/i.exec(posted.headers.getSetCookie()[0] ?? '')?.[1] ?? '';
    expect(Date.parse(expires)).toBeGreaterThan(d.clock.now());

    // Signing out removes it, on the same path.
    const home = await b.page('/admin');
    const out = await b.form('/admin/sign-out', { _csrf: valueIn(home.html, 'csrf-token') }, { csrf: false });
    expect(out.status).toBe(303);
    expect(seen(out.headers)).toEqual([{ name: 'slotwise_session', flags: ['Max-Age=0', 'Path=/'] }]);
  });

  it('JSON sign-in sets the same session cookie', async () => {
    const r = await app().request('/api/v1/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAILS.admin, password: PASSWORD }),
    });
    expect(r.status).toBe(201);
    expect(seen(r.headers)).toEqual([SESSION]);
  });

  it('a password link signs in with the same session cookie', async () => {
    const b = browser({ app: app() });
    expect((await b.form('/admin/forgot', { email: EMAILS.ana }, { entry: true })).status).toBe(200);
    expect(await d.deliver()).toBe(1);
    const text = d.mail.to(EMAILS.ana).at(-1)?.text ?? '';
    const path = /\/admin\/password\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? 'no link';
    const set = await b.form(path, { password: `new password for ${publicUrl}` }, { entry: true });
    expect(set.status).toBe(303);
    expect(seen(set.headers)).toEqual([SESSION]);
  });

  it('the language choice: a year, Lax, not readable by scripts', async () => {
    const r = await app().request('/?lang=fr');
    expect(r.status).toBe(200);
    expect(seen(r.headers)).toEqual([
      { name: 'lang', flags: ['HttpOnly', 'Max-Age=31536000', 'Path=/', 'SameSite=Lax', ...secure].sort() },
    ]);
  });

  it('the public pages and the API set no other cookie', async () => {
    const a = app();
    for (const path of [
      '/',
      '/book/portrait',
      '/book/consult?date=2027-03-29',
      '/api/v1/services',
      '/nowhere',
      '/admin',
    ]) {
      seen((await a.request(path)).headers);
    }
    expect([...names].sort()).toEqual(['lang', 'slotwise_session', 'slotwise_signin']);
  });
});
