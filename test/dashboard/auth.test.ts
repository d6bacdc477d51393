/**
 * Dashboard sign-in and sessions, through the pages and the JSON API: one answer for every failed
 * sign-in, cookie flags, CSRF on every state-changing request, password reset and invitation by
 * single-use emailed links, revocation on password change and "sign out everywhere", no open
 * redirect after sign-in.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../../src/app/ports.ts';
import { argon2Hasher } from '../../src/auth/argon2-hasher.ts';
import { demoSignIns } from '../../src/demo/demo-accounts.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { createApp } from '../../src/http/app.ts';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { SECRET } from '../support/lifecycle.ts';
import { testOutbound } from '../support/outbound.ts';
import { browser, EMAILS, makeAccount, PASSWORD, signedIn, signIn, valueIn } from '../support/sessions.ts';

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

const sessionCount = async () => Number((await tdb.db.query('SELECT count(*) AS n FROM sessions'))[0]?.n);
const keyCount = async () => Number((await tdb.db.query('SELECT count(*) AS n FROM api_keys'))[0]?.n);
const setCookieOf = (headers: Headers) => headers.getSetCookie().find((c) => c.startsWith('slotwise_session=')) ?? '';

/** The link in the newest email to `to` (`…/admin/password/<token>`) and that email. */
function linkIn(to: string): { token: string; path: string; subject: string } {
  const mail = d.mail.to(to).at(-1);
  expect(mail, `no email to ${to}`).toBeDefined();
  const m = /http:\/\/127\.0\.0\.1:3000(\/admin\/password\/([A-Za-z0-9_-]{43}))/.exec(mail?.text ?? '');
  expect(m, `no password link in:\n${mail?.text}`).not.toBeNull();
  return { path: m?.[1] as string, token: m?.[2] as string, subject: mail?.subject as string };
}

describe('signing in', () => {
  it('signs in through the page: a new session cookie, then the dashboard with its CSRF token', async () => {
    await makeAccount(tdb, d, 'admin');
    const b = browser(d);
    const form = await b.page('/admin/sign-in');
    expect(form.status).toBe(200);
    expect(form.html).toContain('<label for="f-email">Email</label>');
    const posted = await b.form('/admin/sign-in', {
      _csrf: valueIn(form.html, '_csrf'),
      email: 'ADMIN@studio.test',
      password: PASSWORD,
      next: '/admin/account',
    });
    expect([posted.status, posted.location]).toEqual([303, '/admin/account']);
    const cookie = setCookieOf(posted.headers);
    expect(cookie).toMatch(/^slotwise_session=sws_[A-Za-z0-9_-]{43};/);
    const account = await b.page('/admin/account');
    expect(account.status).toBe(200);
    expect(account.html).toContain('<meta name="csrf-token" content="');
    expect(account.html).toContain('admin@studio.test');
  });

  it('sets the cookie HttpOnly, SameSite=Lax, Path=/, and not Secure over http', async () => {
    await makeAccount(tdb, d, 'admin');
    const r = await d.post('/api/v1/admin/session', { email: EMAILS.admin, password: PASSWORD });
    expect(r.status).toBe(201);
    const attrs = setCookieOf(r.headers)
      .split(';')
      .slice(1)
      .map((a) => a.trim().split('=')[0]);
    expect(attrs).toContain('HttpOnly');
    expect(setCookieOf(r.headers)).toContain('SameSite=Lax');
    expect(setCookieOf(r.headers)).toContain('Path=/;');
    expect(attrs).not.toContain('Secure');
  });

  it('sets the cookie Secure when the public URL is https', async () => {
    await makeAccount(tdb, d, 'admin');
    const app = createApp({
      outbound: testOutbound(),
      store: tdb.store,
      clock: d.clock,
      secret: SECRET,
      publicUrl: 'https://studio.example',
      logError: (e) => d.errors.push(e),
    });
    const res = await app.request('/api/v1/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAILS.admin, password: PASSWORD }),
    });
    expect(res.status).toBe(201);
    const cookie = setCookieOf(res.headers);
    expect(cookie.split(';').map((a) => a.trim())).toEqual(
      expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']),
    );
  });

  it('signs in with POST session: the cookie, the CSRF token and the user', async () => {
    const user = await makeAccount(tdb, d, 'ana');
    const b = browser(d);
    const r = await b.api('POST', 'session', { email: EMAILS.ana, password: PASSWORD });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      user: {
        id: user.id,
        email: 'ana@studio.test',
        name: 'Ana',
        role: 'staff',
        staff: d.staffIds.ana,
        hasPassword: true,
      },
    });
    b.csrf = r.body.csrfToken;
    const me = await b.api('GET', 'me');
    expect(me.body).toEqual({
      role: 'staff',
      staff: d.staffIds.ana,
      user: {
        id: user.id,
        email: 'ana@studio.test',
        name: 'Ana',
        role: 'staff',
        staff: d.staffIds.ana,
        hasPassword: true,
      },
      apiKey: null,
    });
  });

  it('gives a wrong password, an unknown email and an invited account without a password the same answer', async () => {
    await makeAccount(tdb, d, 'admin');
    await d.as('admin', 'POST', `staff/${d.staffIds.ben}/invite`);
    const attempts = [
      { email: EMAILS.admin, password: 'not the password' },
      { email: 'nobody@studio.test', password: PASSWORD },
      { email: EMAILS.ben, password: PASSWORD },
    ];
    const api = await Promise.all(attempts.map((a) => d.post('/api/v1/admin/session', a)));
    for (const r of api) {
      expect([r.status, r.body]).toEqual([
        401,
        { error: { code: 'UNAUTHORIZED', message: 'Wrong email or password.' } },
      ]);
      expect(setCookieOf(r.headers)).toBe('');
    }
    const pages = [];
    for (const a of attempts) {
      const b = browser(d);
      const form = await b.page('/admin/sign-in');
      const r = await b.form('/admin/sign-in', { _csrf: valueIn(form.html, '_csrf'), ...a, next: '/admin' });
      pages.push({
        status: r.status,
        html: r.html.replace(valueIn(form.html, '_csrf'), 'TOKEN').replace(a.email, 'EMAIL'),
      });
    }
    expect(pages[0]?.status).toBe(401);
    expect(pages[0]?.html).toContain('Wrong email or password.');
    expect(pages[1]).toEqual(pages[0]);
    expect(pages[2]).toEqual(pages[0]);
    expect(await sessionCount()).toBe(0);
  });

  it('checks a password even for an unknown email, so timing does not tell which emails exist', async () => {
    const calls: string[] = [];
    const counting: PasswordHasher = {
      hash: (p) => argon2Hasher.hash(p),
      verify: async (h, p) => {
        calls.push(h.slice(0, 9));
        return argon2Hasher.verify(h, p);
      },
    };
    const app = createApp({
      outbound: testOutbound(),
      store: tdb.store,
      clock: d.clock,
      secret: SECRET,
      publicUrl: 'http://127.0.0.1:3000',
      hasher: counting,
      logError: (e) => d.errors.push(e),
    });
    const res = await app.request('/api/v1/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@studio.test', password: PASSWORD }),
    });
    expect(res.status).toBe(401);
    expect(calls).toEqual(['$argon2id']);
  });

  it('refuses a sign-in form posted without the form token of this browser (a forged sign-in)', async () => {
    await makeAccount(tdb, d, 'admin');
    const forged = browser(d);
    const r = await forged.form('/admin/sign-in', { _csrf: 'x'.repeat(32), email: EMAILS.admin, password: PASSWORD });
    expect(r.status).toBe(403);
    expect(r.html).toContain('This form had expired');
    expect(setCookieOf(r.headers)).toBe('');
    expect(await sessionCount()).toBe(0);
  });

  it.each([
    ['//evil.test', '/admin'],
    ['https://evil.test', '/admin'],
    ['/\\evil.test', '/admin'],
    ['/%5C%5Cevil.test', '/%5C%5Cevil.test'],
    ['\\\\evil.test', '/admin'],
    ['/admin/bookings?staff=2', '/admin/bookings?staff=2'],
    ['javascript:alert(1)', '/admin'],
    ['/\t/evil.test', '/admin'],
  ])('after sign-in with next=%j, lands on %s', async (next, expected) => {
    await makeAccount(tdb, d, 'admin');
    const b = browser(d);
    const form = await b.page(`/admin/sign-in?next=${encodeURIComponent(next)}`);
    expect(valueIn(form.html, 'next')).toBe(expected.replaceAll('&', '&amp;'));
    const r = await b.form('/admin/sign-in', {
      _csrf: valueIn(form.html, '_csrf'),
      email: EMAILS.admin,
      password: PASSWORD,
      next,
    });
    expect([r.status, r.location]).toEqual([303, expected]);
  });

  it('sends an anonymous visitor of /admin to sign-in, remembering where they were going', async () => {
    const r = await browser(d).page('/admin');
    expect([r.status, r.location]).toEqual([303, '/admin/sign-in?next=%2Fadmin']);
    const deep = await browser(d).page('/admin/account?x=1');
    expect(deep.location).toBe('/admin/sign-in?next=%2Fadmin%2Faccount%3Fx%3D1');
  });
});

describe('CSRF', () => {
  it('refuses a state-changing API call with a session cookie but no X-CSRF-Token, and changes nothing', async () => {
    const b = await signedIn(tdb, d, 'admin');
    const before = await keyCount();
    const without = await b.api('POST', 'api-keys', { role: 'admin', label: 'x' }, { csrf: false });
    expect([without.status, without.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await keyCount()).toBe(before);
    const wrong = await b.api('POST', 'api-keys', { role: 'admin' }, { csrf: 'A'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect(await keyCount()).toBe(before);
    const withToken = await b.api('POST', 'api-keys', { role: 'admin', label: 'x' });
    expect(withToken.status).toBe(201);
    expect(await keyCount()).toBe(before + 1);
  });

  it('reads with the cookie alone (GET needs no CSRF token)', async () => {
    const b = await signedIn(tdb, d, 'admin');
    const r = await b.api('GET', 'me', undefined, { csrf: false });
    expect([r.status, r.body.role]).toEqual([200, 'admin']);
  });

  it("refuses another session's CSRF token", async () => {
    const first = await signedIn(tdb, d, 'admin');
    const second = browser(d);
    await signIn(second, EMAILS.admin);
    expect(second.csrf).not.toBe(first.csrf);
    const r = await second.api('POST', 'api-keys', { role: 'admin' }, { csrf: first.csrf });
    expect(r.status).toBe(403);
    const form = await second.form('/admin/account/sign-out-everywhere', { _csrf: first.csrf });
    expect(form.status).toBe(403);
    expect(await sessionCount()).toBe(2);
  });

  it('refuses a dashboard form posted without _csrf (403) and leaves the sessions alone', async () => {
    const b = await signedIn(tdb, d, 'admin');
    const r = await b.form('/admin/account/sign-out-everywhere', {}, { csrf: false });
    expect(r.status).toBe(403);
    expect(r.html).toContain('did not come from this site');
    expect(await sessionCount()).toBe(1);
    expect((await b.page('/admin')).status).toBe(200);
  });
});

describe('password reset', () => {
  it('emails a single-use link, stored only hashed, that sets the password and signs in', async () => {
    await makeAccount(tdb, d, 'admin');
    const old = await signedIn(tdb, d, 'ana');
    const asked = await browser(d).form('/admin/forgot', { email: EMAILS.ana }, { entry: true });
    const unknown = await browser(d).form('/admin/forgot', { email: 'nobody@studio.test' }, { entry: true });
    expect(asked.status).toBe(200);
    expect(unknown.html).toBe(asked.html);
    expect(asked.html).toContain('If an account signs in with that email');
    expect(await d.deliver()).toBe(1);
    expect(d.mail.sent.map((m) => m.to)).toEqual([[EMAILS.ana]]);
    const link = linkIn(EMAILS.ana);
    expect(link.subject).toBe('Reset your password for the Test Studio dashboard');
    const rows = await tdb.db.query('SELECT token_hash, purpose, expires_at, created_at FROM password_tokens');
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]?.token_hash as Uint8Array).toString('hex')).toBe(
      createHash('sha256').update(link.token).digest('hex'),
    );
    expect(JSON.stringify(await tdb.db.query('SELECT * FROM jobs'))).not.toContain(link.token);

    const b = browser(d);
    const form = await b.page(link.path);
    expect(form.status).toBe(200);
    expect(form.headers.get('referrer-policy')).toBe('no-referrer');
    expect(form.html).toContain('Choose a new password');
    const set = await b.form(link.path, { password: 'a brand new secret' }, { entry: true });
    expect([set.status, set.location]).toEqual([303, '/admin']);
    expect((await b.page('/admin')).status).toBe(200);
    // The old session is revoked; the old password no longer works, the new one does.
    expect((await old.page('/admin')).location).toBe('/admin/sign-in?next=%2Fadmin');
    expect((await d.post('/api/v1/admin/session', { email: EMAILS.ana, password: PASSWORD })).status).toBe(401);
    expect((await d.post('/api/v1/admin/session', { email: EMAILS.ana, password: 'a brand new secret' })).status).toBe(
      201,
    );

    const again = await browser(d).form(link.path, { password: 'yet another secret' }, { entry: true });
    expect(again.status).toBe(404);
    expect(again.html).toContain('This link cannot be used');
    expect((await browser(d).page(link.path)).status).toBe(404);
  });

  it('refuses the link 1 hour + 1 ms after it was sent, and takes it 1 ms before', async () => {
    await makeAccount(tdb, d, 'admin');
    await browser(d).form('/admin/forgot', { email: EMAILS.admin }, { entry: true });
    const sent = d.clock.now();
    await d.deliver();
    const link = linkIn(EMAILS.admin);
    d.clock.set(new Date(sent + 3600_000 - 1).toISOString());
    expect((await browser(d).page(link.path)).status).toBe(200);
    d.clock.set(new Date(sent + 3600_000 + 1).toISOString());
    expect((await browser(d).page(link.path)).status).toBe(404);
    const late = await browser(d).form(link.path, { password: 'too late for this' }, { entry: true });
    expect(late.status).toBe(404);
    expect((await d.post('/api/v1/admin/session', { email: EMAILS.admin, password: PASSWORD })).status).toBe(201);
  });

  it('ends every other link of the user once a password is set through one', async () => {
    await makeAccount(tdb, d, 'admin');
    await browser(d).form('/admin/forgot', { email: EMAILS.admin }, { entry: true });
    await browser(d).form('/admin/forgot', { email: EMAILS.admin }, { entry: true });
    await d.deliver();
    const [first, second] = d.mail
      .to(EMAILS.admin)
      .map((m) => /\/admin\/password\/[A-Za-z0-9_-]{43}/.exec(m.text)?.[0]);
    expect(first).not.toBe(second);
    expect((await browser(d).form(second as string, { password: 'the second link' }, { entry: true })).status).toBe(
      303,
    );
    expect((await browser(d).page(first as string)).status).toBe(404);
    const old = await browser(d).form(first as string, { password: 'the first link' }, { entry: true });
    expect(old.status).toBe(404);
  });

  it('locks out a deactivated staff member: sign-in, session, API key and reset all refused', async () => {
    await makeAccount(tdb, d, 'admin');
    const ana = await signedIn(tdb, d, 'ana');
    expect((await ana.page('/admin')).status).toBe(200);
    expect((await d.as('ana', 'GET', 'bookings')).status).toBe(200);
    const off = await d.as('admin', 'PATCH', `staff/${d.staffIds.ana}`, { active: false });
    expect([off.status, off.body.active]).toEqual([200, false]);
    expect((await ana.page('/admin')).location).toBe('/admin/sign-in?next=%2Fadmin');
    expect((await d.as('ana', 'GET', 'bookings')).status).toBe(401);
    expect((await d.post('/api/v1/admin/session', { email: EMAILS.ana, password: PASSWORD })).status).toBe(401);
    await browser(d).form('/admin/forgot', { email: EMAILS.ana }, { entry: true });
    expect(await d.deliver()).toBe(0);
    await d.as('admin', 'PATCH', `staff/${d.staffIds.ana}`, { active: true });
    expect((await d.post('/api/v1/admin/session', { email: EMAILS.ana, password: PASSWORD })).status).toBe(201);
  });

  it('refuses a password-link form posted without the form token of this browser (login CSRF), keeping the link', async () => {
    await makeAccount(tdb, d, 'admin');
    await browser(d).form('/admin/forgot', { email: EMAILS.admin }, { entry: true });
    await d.deliver();
    const link = linkIn(EMAILS.admin);
    // Another site holding a link of its own posts it from the victim's browser: no token, or a made-up one.
    const forgeries: Record<string, string>[] = [
      { password: 'attacker chose this' },
      { _csrf: 'x'.repeat(32), password: 'attacker chose this' },
    ];
    for (const fields of forgeries) {
      const forged = await browser(d).form(link.path, fields, { csrf: false });
      expect(forged.status).toBe(403);
      expect(forged.html).toContain('This form had expired: please choose your password again.');
      expect(setCookieOf(forged.headers)).not.toContain('slotwise_session');
    }
    expect(await sessionCount()).toBe(0);
    expect((await d.post('/api/v1/admin/session', { email: EMAILS.admin, password: PASSWORD })).status).toBe(201);
    // The link still works from its own page.
    const b = browser(d);
    const page = await b.page(link.path);
    const set = await b.form(link.path, { _csrf: valueIn(page.html, '_csrf'), password: 'the owner chose this' });
    expect([set.status, set.location]).toEqual([303, '/admin']);
  });

  it('refuses a forgot-password form posted without the form token of this browser: no email goes', async () => {
    await makeAccount(tdb, d, 'admin');
    const forgeries: Record<string, string>[] = [
      { email: EMAILS.admin },
      { _csrf: 'y'.repeat(32), email: EMAILS.admin },
    ];
    for (const fields of forgeries) {
      const forged = await browser(d).form('/admin/forgot', fields, { csrf: false });
      expect(forged.status).toBe(403);
      expect(forged.html).toContain('This form had expired. Please send it again.');
    }
    expect(await d.deliver()).toBe(0);
    expect(await tdb.db.query('SELECT count(*)::int AS n FROM password_tokens')).toEqual([{ n: 0 }]);
    const b = browser(d);
    const page = await b.page('/admin/forgot');
    expect((await b.form('/admin/forgot', { _csrf: valueIn(page.html, '_csrf'), email: EMAILS.admin })).status).toBe(
      200,
    );
    expect(await d.deliver()).toBe(1);
  });

  it('keeps the link usable when the new password is refused', async () => {
    await makeAccount(tdb, d, 'admin');
    await browser(d).form('/admin/forgot', { email: EMAILS.admin }, { entry: true });
    await d.deliver();
    const link = linkIn(EMAILS.admin);
    const short = await browser(d).form(link.path, { password: 'short' }, { entry: true });
    expect(short.status).toBe(400);
    expect(short.html).toContain('The password must be at least 10 characters long.');
    expect(short.html).toContain('role="alert"');
    const set = await browser(d).form(link.path, { password: 'long enough now' }, { entry: true });
    expect(set.status).toBe(303);
  });
});

describe('revoking sessions', () => {
  it('revokes every other session on a password change and keeps this browser signed in', async () => {
    const here = await signedIn(tdb, d, 'admin');
    const there = browser(d);
    await signIn(there, EMAILS.admin);
    const r = await here.form('/admin/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'the new admin secret',
    });
    expect([r.status, r.location]).toEqual([303, '/admin/account?done=password']);
    const page = await here.page('/admin/account?done=password');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Your password is changed.');
    expect((await there.page('/admin')).location).toBe('/admin/sign-in?next=%2Fadmin');
    expect((await there.api('GET', 'me')).status).toBe(401);
    expect(await sessionCount()).toBe(1);
  });

  it('signs out everywhere: every session of the user ends, other users keep theirs', async () => {
    const here = await signedIn(tdb, d, 'admin');
    const there = browser(d);
    await signIn(there, EMAILS.admin);
    const ana = await signedIn(tdb, d, 'ana');
    const r = await here.form('/admin/account/sign-out-everywhere', {});
    expect([r.status, r.location]).toEqual([303, '/admin/sign-in?notice=everywhere']);
    expect((await browser(d).page(r.location as string)).html).toContain('You are signed out on every device.');
    expect((await here.page('/admin')).status).toBe(303);
    expect((await there.page('/admin')).status).toBe(303);
    expect((await ana.page('/admin')).status).toBe(200);
  });

  it('signs this session out with the button or DELETE session, leaving the others', async () => {
    const a = await signedIn(tdb, d, 'admin');
    const b = browser(d);
    await signIn(b, EMAILS.admin);
    const c = browser(d);
    await signIn(c, EMAILS.admin);
    const out = await a.form('/admin/sign-out', {});
    expect([out.status, out.location]).toEqual([303, '/admin/sign-in?notice=signed-out']);
    expect(a.cookies.has('slotwise_session')).toBe(false);
    const noCsrf = await b.api('DELETE', 'session', undefined, { csrf: false });
    expect(noCsrf.status).toBe(403);
    const del = await b.api('DELETE', 'session');
    expect(del.status).toBe(204);
    expect((await b.api('GET', 'me')).status).toBe(401);
    expect((await c.page('/admin')).status).toBe(200);
    expect(await sessionCount()).toBe(1);
  });
});

describe('inviting staff', () => {
  it('emails an invitation; the member chooses a password, is signed in, and acts as that staff member', async () => {
    const invited = await d.as('admin', 'POST', `staff/${d.staffIds.ana}/invite`);
    expect(invited.status).toBe(201);
    expect(invited.body.user).toEqual({
      id: expect.stringMatching(/^\d+$/),
      email: 'ana@studio.test',
      name: 'Ana',
      role: 'staff',
      staff: d.staffIds.ana,
      hasPassword: false,
    });
    await d.deliver();
    const link = linkIn(EMAILS.ana);
    expect(link.subject).toBe('You are invited to the Test Studio dashboard');
    const [row] = await tdb.db.query(
      "SELECT (expires_at - created_at) = interval '7 days' AS week FROM password_tokens WHERE purpose = 'invite'",
    );
    expect(row?.week).toBe(true);
    const b = browser(d);
    const form = await b.page(link.path);
    expect(form.html).toContain('Choose your password');
    expect(form.html).toContain('ana@studio.test');
    const set = await b.form(link.path, { password: 'ana chooses this' }, { entry: true });
    expect([set.status, set.location]).toEqual([303, '/admin']);
    const me = await b.api('GET', 'me');
    expect([me.body.role, me.body.staff, me.body.user.email]).toEqual(['staff', d.staffIds.ana, 'ana@studio.test']);
  });

  it('sends a new invitation to a member who has not chosen a password, and refuses one who has', async () => {
    expect((await d.as('admin', 'POST', `staff/${d.staffIds.ben}/invite`)).status).toBe(201);
    const again = await d.as('admin', 'POST', `staff/${d.staffIds.ben}/invite`);
    expect(again.status).toBe(200);
    expect(await d.deliver()).toBe(2);
    expect(d.mail.to(EMAILS.ben)).toHaveLength(2);
    const link = linkIn(EMAILS.ben);
    await browser(d).form(link.path, { password: 'ben has one now' }, { entry: true });
    const refused = await d.as('admin', 'POST', `staff/${d.staffIds.ben}/invite`);
    expect([refused.status, refused.body.error]).toEqual([
      400,
      {
        code: 'VALIDATION_FAILED',
        message: 'Ben already has a dashboard account; they can reset their password from the sign-in page.',
        details: { fields: { staff: 'already has an account with a password' } },
      },
    ]);
  });

  it('answers 404 for an unknown member and makes no account', async () => {
    const r = await d.as('admin', 'POST', 'staff/999999/invite');
    expect([r.status, r.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await d.as('admin', 'GET', 'users')).body.users).toEqual([]);
  });
});

describe('the demo', () => {
  it('prints sign-ins that work, and stops printing one whose password was changed', async () => {
    await tdb.reset();
    await loadDemo({ store: tdb.store, clock: d.clock, secret: SECRET, publicUrl: 'http://127.0.0.1:3000' });
    const printed = await demoSignIns(tdb.store, argon2Hasher);
    expect(printed).toEqual({
      admin: 'admin@lumen.test',
      staff: ['ana@lumen.test', 'tomas@lumen.test', 'mei@lumen.test'],
      password: 'lumen-demo-2027',
    });
    const admin = await d.post('/api/v1/admin/session', { email: printed.admin, password: printed.password });
    expect([admin.status, admin.body.user.role]).toEqual([201, 'admin']);
    const ana = browser(d);
    const signedInAna = await ana.api('POST', 'session', { email: 'ana@lumen.test', password: printed.password });
    expect(signedInAna.body.user).toMatchObject({ role: 'staff', name: 'Ana Ribeiro' });
    ana.csrf = signedInAna.body.csrfToken;
    const page = await ana.page('/admin/account');
    await ana.form('/admin/account/password', {
      _csrf: valueIn(page.html, '_csrf'),
      currentPassword: printed.password,
      newPassword: 'ana keeps her own',
    });
    expect((await demoSignIns(tdb.store, argon2Hasher)).staff).toEqual(['tomas@lumen.test', 'mei@lumen.test']);
  });
});
