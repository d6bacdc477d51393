/**
 * Secrets never reach the logs. A real server (main.ts startServer, its pino logger at trace, so
 * every request line and every problem is written) is driven over HTTP with each credential the
 * app knows — manage tokens in paths and query strings, passwords in the sign-in form and JSON, an
 * API key, the session cookie and CSRF token, a verification code, a payment callback signature, a
 * password-link token, a calendar-feed token, an external calendar's secret address (subscribed,
 * fetched, failing, shown on the schedule page) — and one request fails on purpose; no line may hold
 * any of them. Then `slotwise serve` itself: SLOTWISE_SECRET, the MAIL_URL password and the
 * DATABASE_URL password are never printed at start-up, whether it serves or fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.ts';
import { argon2Hasher } from '../../src/auth/argon2-hasher.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openRuntime, type Runtime, type Served, startServer } from '../../src/main.ts';
import { runCli, startCli } from '../support/cli.ts';
import { type FeedServer, SECRET_PATH, startFeedServer } from '../support/feed-server.ts';
import { POSTGRES_SKIP_REASON, startTestPostgres, testPostgresAvailable } from '../support/postgres.ts';
import { seedDataDir } from '../support/templates.ts';

const SECRET = 'slotwise-secret-that-must-never-be-logged-0123456789';
const PASSWORD = 'owner password never logged 41d7';
const WRONG_PASSWORD = 'wrong password never logged 9c2b';

describe('a serving process logs no secret', () => {
  let dir: string;
  let rt: Runtime;
  let served: Served;
  let feeds: FeedServer;
  const lines: string[] = [];
  /** Every credential used below, by what it is. */
  const secrets: Record<string, string> = {
    SLOTWISE_SECRET: SECRET,
    password: PASSWORD,
    wrongPassword: WRONG_PASSWORD,
  };
  /** Throws from the store while set: a request that fails unexpectedly, about a manage token. */
  let failLookups = false;

  beforeAll(async () => {
    dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-logs-')));
    feeds = await startFeedServer();
    // ALLOW_PRIVATE_URLS: the external calendar below is served on 127.0.0.1.
    const config = loadConfig({
      SLOTWISE_DATA_DIR: dir,
      PORT: '0',
      SLOTWISE_SECRET: SECRET,
      RATE_LIMIT_PER_IP: '0',
      ALLOW_PRIVATE_URLS: '1',
    });
    if (!config.ok) throw new Error(config.problems.join('\n'));
    rt = await openRuntime(config.config);
    const store = new Proxy(rt.store, {
      get(target, name, receiver) {
        if (name === 'findBookingByToken' && failLookups) return () => Promise.reject(new Error('store went away'));
        return Reflect.get(target, name, receiver);
      },
    }) as Store;
    served = await startServer(
      { ...rt, store },
      { demo: true, logger: createLogger({ level: 'trace', write: (line) => lines.push(line) }) },
    );
    await rt.store.createUser(
      {
        email: 'owner@lumen.test',
        name: 'Owner',
        role: 'admin',
        staffId: null,
        passwordHash: await argon2Hasher.hash(PASSWORD),
      },
      Date.now(),
    );
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    await rt?.close();
    await feeds?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${served.url}${path}`, { redirect: 'manual', ...init });
    const text = await res.text();
    return { status: res.status, text, headers: res.headers };
  };
  const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });

  it('drives every credential through the app and finds none in the log lines', async () => {
    // A booking: its manage token.
    const month = JSON.parse(
      (
        await call(
          `/api/v1/availability/month?service=free-consultation&staff=any&month=${new Date().toISOString().slice(0, 7)}`,
        )
      ).text,
    );
    let date: string | null = month.firstAvailable;
    if (!date) {
      const next = new Date();
      next.setUTCMonth(next.getUTCMonth() + 1, 1);
      const later = `/api/v1/availability/month?service=free-consultation&staff=any&month=${next.toISOString().slice(0, 7)}`;
      date = JSON.parse((await call(later)).text).firstAvailable;
    }
    const day = JSON.parse(
      (await call(`/api/v1/availability/day?service=free-consultation&staff=any&date=${date}`)).text,
    );
    const booked = await json('POST', '/api/v1/bookings', {
      service: 'free-consultation',
      staff: 'any',
      start: day.slots[0].start,
      client: { name: 'Log Test', email: 'log.test@example.com' },
      payment: 'none',
    });
    expect(booked.status).toBe(201);
    const token = JSON.parse(booked.text).token as string;
    secrets.manageToken = token;
    expect((await call(`/manage/${token}`)).status).toBe(200);
    expect((await call(`/api/v1/manage/${token}`)).status).toBe(200);
    expect((await call(`/api/v1/manage/${token}/calendar.ics`)).status).toBe(200);
    expect((await call(`/?token=${token}&lang=fr`)).status).toBe(200);
    secrets.code = '482913';
    await json('POST', `/api/v1/manage/${token}/verify`, { code: secrets.code });
    await form(`/manage/${token}/verify`, { code: secrets.code });

    // Sign-in by form (wrong, then right) and by JSON: passwords, the session cookie, the CSRF token.
    const signInPage = await call('/admin/sign-in');
    const entry = /name="_csrf" value="([^"]+)"/.exec(signInPage.text)?.[1] ?? '';
    const entryCookie = (signInPage.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    secrets.entryToken = entry;
    for (const password of [WRONG_PASSWORD, PASSWORD]) {
      await form(
        '/admin/sign-in',
        { _csrf: entry, email: 'owner@lumen.test', password, next: '/admin' },
        { cookie: entryCookie },
      );
    }
    expect(
      (await json('POST', '/api/v1/admin/session', { email: 'owner@lumen.test', password: WRONG_PASSWORD })).status,
    ).toBe(401);
    const session = await json('POST', '/api/v1/admin/session', { email: 'owner@lumen.test', password: PASSWORD });
    expect(session.status).toBe(201);
    const cookie = (session.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    secrets.sessionCookie = cookie.slice(cookie.indexOf('=') + 1);
    const csrf = JSON.parse(session.text).csrfToken as string;
    secrets.csrf = csrf;
    const signedIn = { cookie, 'x-csrf-token': csrf };
    expect((await call('/admin', { headers: { cookie } })).status).toBe(200);

    // An API key, used as a Bearer token (and a wrong one).
    const key = await json('POST', '/api/v1/admin/api-keys', { role: 'admin', label: 'logs' }, signedIn);
    expect(key.status).toBe(201);
    secrets.apiKey = JSON.parse(key.text).key;
    const bearer = { authorization: `Bearer ${secrets.apiKey}` };
    expect((await call('/api/v1/admin/bookings', { headers: bearer })).status).toBe(200);
    secrets.wrongKey = `swk_${'x'.repeat(40)}`;
    expect(
      (await call('/api/v1/admin/bookings', { headers: { authorization: `Bearer ${secrets.wrongKey}` } })).status,
    ).toBe(401);

    // A calendar feed's token.
    const staff = JSON.parse((await call('/api/v1/admin/staff', { headers: bearer })).text).staff[0].id;
    const feed = await json('POST', `/api/v1/admin/staff/${staff}/feed`, {}, bearer);
    const feedUrl = JSON.parse(feed.text).url as string;
    secrets.feedToken = /\/feeds\/([^.]+)\.ics$/.exec(feedUrl)?.[1] ?? 'none';
    expect((await call(new URL(feedUrl).pathname)).status).toBe(200);

    // An external calendar's secret address: subscribed (fetched at once), refreshed while it
    // fails, shown on the schedule page, refused in a form with a typo, then removed.
    secrets.calendarPath = SECRET_PATH;
    const added = await json('POST', `/api/v1/admin/staff/${staff}/calendars`, { url: feeds.url('google') }, bearer);
    expect(added.status).toBe(201);
    const calendarId = JSON.parse(added.text).id as string;
    feeds.set('google', { status: 503, type: 'text/plain', body: `down for ${SECRET_PATH}` });
    const refreshed = await json('POST', `/api/v1/admin/staff/${staff}/calendars/${calendarId}/refresh`, {}, bearer);
    expect(JSON.parse(refreshed.text).lastError).toMatch(/503/);
    const broken = await json('POST', `/api/v1/admin/staff/${staff}/calendars`, { url: feeds.url('html') }, bearer);
    expect(JSON.parse(broken.text).lastError).not.toBeNull();
    expect((await call(`/admin/staff/${staff}`, { headers: { cookie } })).text).not.toContain(SECRET_PATH);
    const typo = `ftp://127.0.0.1/${SECRET_PATH}`;
    expect((await json('POST', `/api/v1/admin/staff/${staff}/calendars`, { url: typo }, bearer)).status).toBe(400);
    expect(
      (await call(`/api/v1/admin/staff/${staff}/calendars/${calendarId}`, { method: 'DELETE', headers: bearer }))
        .status,
    ).toBe(200);
    expect(feeds.hits('google') + feeds.hits('html')).toBe(3);

    // A payment callback's signature.
    secrets.signature = `sha256=${'ab12'.repeat(16)}`;
    const callback = await call('/api/v1/payments/callback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slotwise-signature': secrets.signature },
      body: JSON.stringify({ reference: 'X', amount: '1.00', currency: 'EUR', status: 'paid', transactionId: 't1' }),
    });
    expect(callback.status).toBe(401);

    // A password link (forgot password → dev outbox), opened and used.
    expect(
      (await form('/admin/forgot', { _csrf: entry, email: 'ana@lumen.test' }, { cookie: entryCookie })).status,
    ).toBe(200);
    const resetPath = await waitFor(async () => {
      const box = JSON.parse((await call('/api/v1/dev/mailbox?to=ana@lumen.test')).text);
      return /\/admin\/password\/[A-Za-z0-9_-]+/.exec(box.messages[0]?.text ?? '')?.[0] ?? null;
    });
    secrets.resetToken = resetPath.slice('/admin/password/'.length);
    expect((await call(resetPath)).status).toBe(200);
    secrets.newPassword = 'chosen from the link never logged';
    expect(
      (await form(resetPath, { _csrf: entry, password: secrets.newPassword }, { cookie: entryCookie })).status,
    ).toBe(303);
    expect((await call(`/admin/sign-in?next=${encodeURIComponent(resetPath)}`)).status).toBe(200);

    // A "my bookings" link (dev outbox), shown and used.
    expect((await json('POST', '/api/v1/my-bookings', { email: 'log.test@example.com' })).status).toBe(202);
    const minePath = await waitFor(async () => {
      const box = JSON.parse((await call('/api/v1/dev/mailbox?to=log.test@example.com')).text);
      for (const m of box.messages) {
        const found = /\/my-bookings\/[A-Za-z0-9_-]{43}/.exec(m.text)?.[0];
        if (found) return found;
      }
      return null;
    });
    secrets.myBookingsToken = minePath.slice('/my-bookings/'.length);
    expect((await call(minePath)).status).toBe(200);
    expect((await form(minePath, {})).status).toBe(200);

    // A request that fails unexpectedly, about a manage token: logged as an error, without it.
    failLookups = true;
    expect((await call(`/manage/${token}`)).status).toBe(500);
    failLookups = false;

    const log = lines.join('\n');
    // The lines are there (paths shown with the token replaced), so the search below means something.
    const paths = lines
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === 'request')
      .map((l) => l.path);
    for (const p of [
      '/manage/:token',
      '/api/v1/manage/:token/verify',
      '/feeds/:token',
      '/admin/password/:token',
      '/my-bookings/:token',
      `/api/v1/admin/staff/${staff}/calendars`,
    ]) {
      expect(paths).toContain(p);
    }
    expect(lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request failed')).toMatchObject([
      { level: 'error', path: '/manage/:token', err: { message: 'store went away' } },
    ]);
    const found = Object.entries(secrets).filter(([, value]) => log.includes(value));
    expect(found).toEqual([]);
    expect(Object.keys(secrets)).toHaveLength(16);
  }, 60_000);
});

async function waitFor<T>(read: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('slotwise serve prints no secret at start-up', () => {
  let dir: string;
  beforeAll(() => {
    dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-startup-')));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('embedded, with SLOTWISE_SECRET and a MAIL_URL password, at debug', async () => {
    const cli = await startCli(['serve', '--port', '0'], {
      SLOTWISE_DATA_DIR: dir,
      SLOTWISE_SECRET: SECRET,
      MAIL_URL: 'smtp://mailer:mail-password-never-printed@127.0.0.1:2525',
      LOG_LEVEL: 'debug',
    });
    await cli.stop();
    expect(cli.output()).toContain('Mail: sent through MAIL_URL.');
    expect(cli.output()).not.toContain(SECRET);
    expect(cli.output()).not.toContain('mail-password-never-printed');
  }, 120_000);

  it('a DATABASE_URL that cannot be reached: the error says so without the password', async () => {
    const r = await runCli(['serve', '--port', '0'], {
      DATABASE_URL: 'postgres://slotwise:db-password-never-printed@127.0.0.1:1/slotwise',
      SLOTWISE_SECRET: SECRET,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ECONNREFUSED');
    expect(`${r.stdout}${r.stderr}`).not.toContain('db-password-never-printed');
    expect(`${r.stdout}${r.stderr}`).not.toContain(SECRET);
  }, 120_000);

  it.runIf(testPostgresAvailable())(
    'server mode, serving: the banner names the database host, not its password',
    async () => {
      const pg = await startTestPostgres();
      if (!pg) throw new Error(POSTGRES_SKIP_REASON);
      try {
        // The throwaway server trusts local connections, so any password in the URL is accepted and unused.
        const url = new URL(pg.url);
        if (!url.password) url.password = 'db-password-never-printed';
        const cli = await startCli(['serve', '--port', '0'], {
          DATABASE_URL: url.toString(),
          SLOTWISE_SECRET: SECRET,
          LOG_LEVEL: 'debug',
        });
        await cli.stop();
        expect(cli.output()).toContain(`Database: PostgreSQL at ${url.host}${url.pathname}`);
        expect(cli.output()).not.toContain(url.password);
        expect(cli.output()).not.toContain(SECRET);
      } finally {
        await pg.stop();
      }
    },
    120_000,
  );
  if (!testPostgresAvailable()) console.log(POSTGRES_SKIP_REASON);
});
