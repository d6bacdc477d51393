/**
 * Signed-in browsers for dashboard tests: accounts for the test studio's people (an admin, and
 * Ana and Ben as staff), signed in through the real sign-in page, with the cookie jar kept by
 * hand. `page()` and `form()` drive /admin pages; `api()` calls the JSON API with the cookie and
 * (unless told not to) the X-CSRF-Token header.
 */
import { expect } from 'vitest';
import type { User } from '../../src/app/dashboard/accounts/account-store.ts';
import { argon2Hasher } from '../../src/auth/argon2-hasher.ts';
import type { Dashboard } from './dashboard.ts';
import type { TestDatabase } from './db.ts';
import type { Body } from './lifecycle.ts';

export const PASSWORD = 'correct horse battery';
export const EMAILS = { admin: 'admin@studio.test', ana: 'ana@studio.test', ben: 'ben@studio.test' } as const;
export type Person = keyof typeof EMAILS;

/** Makes the dashboard account of one person of the test studio, with PASSWORD. */
export async function makeAccount(tdb: TestDatabase, d: Dashboard, who: Person, password = PASSWORD): Promise<User> {
  const user = await tdb.store.createUser(
    {
      email: EMAILS[who],
      name: who === 'admin' ? 'Olga Admin' : who === 'ana' ? 'Ana' : 'Ben',
      role: who === 'admin' ? 'admin' : 'staff',
      staffId: who === 'admin' ? null : d.staffIds[who],
      passwordHash: await argon2Hasher.hash(password),
    },
    d.clock.now(),
  );
  if (!user) throw new Error(`${who} already has an account`);
  return user;
}

export interface PageResponse {
  readonly status: number;
  readonly html: string;
  readonly headers: Headers;
  /** The Location header, for redirects. */
  readonly location: string | null;
}

export interface Browser {
  /** Cookies held, by name. */
  readonly cookies: Map<string, string>;
  /** The session's CSRF token, read from the dashboard page's meta tag after sign-in ('' if none). */
  csrf: string;
  /** GETs a page; `headers` adds request headers (Accept-Language…). */
  page(path: string, headers?: Record<string, string>): Promise<PageResponse>;
  /**
   * POSTs a form; `_csrf` is added unless `csrf: false` (or a value is given in `fields`): the
   * session's, or with `entry: true` the token of the forms before sign-in (entry-token.ts), from
   * its cookie, which a page with such a form sets (the sign-in page is visited for it if needed).
   */
  form(path: string, fields: Record<string, string>, opts?: { csrf?: boolean; entry?: boolean }): Promise<PageResponse>;
  /** POSTs a multipart form carrying one file as `field` (and `_csrf` first unless `csrf: false`), as a file input does. */
  upload(
    path: string,
    field: string,
    bytes: Uint8Array,
    opts?: { csrf?: boolean; name?: string },
  ): Promise<PageResponse>;
  api(
    method: string,
    path: string,
    body?: unknown,
    opts?: { csrf?: string | false },
  ): Promise<{ status: number; body: Body; headers: Headers }>;
}

/** The cookie of the forms before sign-in (src/http/admin/pages/entry-token.ts). */
const ENTRY_COOKIE = 'slotwise_signin';

/** A cookie jar over app.request: keeps what Set-Cookie sets and forgets what it clears. */
export function browser(d: { app: Dashboard['app'] }): Browser {
  const cookies = new Map<string, string>();
  const send = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await d.app.request(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = value === '' || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (gone) cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  };
  const asPage = async (res: Response): Promise<PageResponse> => ({
    status: res.status,
    html: await res.text(),
    headers: res.headers,
    location: res.headers.get('location'),
  });
  const b: Browser = {
    cookies,
    csrf: '',
    page: async (path, headers) => asPage(await send(path, headers ? { headers } : {})),
    form: async (path, fields, opts = {}) => {
      if (opts.entry && !cookies.has(ENTRY_COOKIE)) await send('/admin/sign-in');
      const token = opts.entry ? (cookies.get(ENTRY_COOKIE) ?? '') : b.csrf;
      const all = opts.csrf === false || '_csrf' in fields ? fields : { _csrf: token, ...fields };
      return asPage(
        await send(path, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(all).toString(),
        }),
      );
    },
    upload: async (path, field, bytes, opts = {}) => {
      const form = new FormData();
      if (opts.csrf !== false) form.append('_csrf', b.csrf);
      form.append(field, new Blob([bytes], { type: 'image/jpeg' }), opts.name ?? 'picture.jpg');
      return asPage(await send(path, { method: 'POST', body: form }));
    },
    api: async (method, path, body, opts = {}) => {
      const headers: Record<string, string> = {};
      const csrf = opts.csrf === undefined ? b.csrf : opts.csrf;
      if (csrf) headers['x-csrf-token'] = csrf;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await send(path.startsWith('/') ? path : `/api/v1/admin/${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    },
  };
  return b;
}

/** The value of a hidden or meta field in a page. */
export function valueIn(html: string, name: string): string {
  const m =
    new RegExp(`name="${name}" value="([^"]*)"`).exec(html) ??
    new RegExp(`name="${name}" content="([^"]*)"`).exec(html);
  expect(m, `no ${name} in the page`).not.toBeNull();
  return (m as RegExpExecArray)[1] as string;
}

/** Signs in through the page like a person (GET the form, POST it) and lands on the dashboard. */
export async function signIn(b: Browser, email: string, password = PASSWORD): Promise<PageResponse> {
  const form = await b.page('/admin/sign-in');
  const posted = await b.form('/admin/sign-in', {
    _csrf: valueIn(form.html, '_csrf'),
    email,
    password,
    next: '/admin',
  });
  if (posted.status === 303) {
    const home = await b.page(posted.location ?? '/admin');
    if (home.status === 200) b.csrf = valueIn(home.html, 'csrf-token');
  }
  return posted;
}

/** A browser signed in as one person of the test studio (their account is made first). */
export async function signedIn(tdb: TestDatabase, d: Dashboard, who: Person): Promise<Browser> {
  await makeAccount(tdb, d, who);
  const b = browser(d);
  const r = await signIn(b, EMAILS[who]);
  expect(r.status, `sign-in of ${who}`).toBe(303);
  return b;
}
