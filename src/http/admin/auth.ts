/**
 * Dashboard credentials at the HTTP edge: an `Authorization: Bearer swk_…` API key, or the
 * session cookie. With a cookie, every state-changing request must also carry the session's CSRF
 * token (`X-CSRF-Token` header for the JSON API, `_csrf` form field for pages): SameSite=Lax
 * alone does not stop same-site forgeries or top-level POSTs in every browser.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { User } from '../../app/dashboard/accounts/account-store.ts';
import { authenticateApiKey, authenticateSession } from '../../app/dashboard/accounts/authenticate.ts';
import type { Actor } from '../../app/dashboard/actor.ts';
import { csrfMatches, csrfToken } from '../../app/tokens.ts';
import { dashboardMessagesFor } from '../../i18n/dashboard/index.ts';
import { fromAcceptLanguage } from '../../i18n/locale.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';

export const SESSION_COOKIE = 'slotwise_session';

/** What the auth middleware leaves on the context for dashboard handlers. */
export interface AdminEnv {
  Variables: {
    actor: Actor;
    /** The signed-in user (sessions only; null for an API key). */
    user: User | null;
    /** The CSRF token to put in forms and the page's meta tag (sessions only). */
    csrf: string;
    /** The session token (sessions only), to sign out. */
    sessionToken: string | null;
    requestId: string;
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure when served over https. */
export function setSessionCookie(c: Context, deps: AppDeps, token: string, expiresAt: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.publicUrl.startsWith('https://'),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

type Resolved =
  | { ok: true; actor: Actor; user: User | null; sessionToken: string | null }
  | { ok: false; reason: 'none' | 'bad' | 'csrf' };

async function resolve(c: Context, deps: AppDeps, csrfFromForm: () => Promise<string | undefined>): Promise<Resolved> {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const key = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const actor = key ? await authenticateApiKey(deps, key) : null;
    return actor ? { ok: true, actor, user: null, sessionToken: null } : { ok: false, reason: 'bad' };
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return { ok: false, reason: 'none' };
  const session = await authenticateSession(deps, token);
  if (!session) return { ok: false, reason: 'bad' };
  if (!SAFE.has(c.req.method)) {
    const presented = c.req.header('x-csrf-token') ?? (await csrfFromForm());
    if (!csrfMatches(deps.secret, token, presented)) return { ok: false, reason: 'csrf' };
  }
  return { ok: true, actor: session.actor, user: session.user, sessionToken: token };
}

function setVars(c: Context<AdminEnv>, deps: AppDeps, r: Extract<Resolved, { ok: true }>): void {
  c.set('actor', r.actor);
  c.set('user', r.user);
  c.set('sessionToken', r.sessionToken);
  c.set('csrf', r.sessionToken ? csrfToken(deps.secret, r.sessionToken) : '');
}

/** JSON API guard: 401 UNAUTHORIZED without valid credentials, 403 FORBIDDEN on a CSRF failure. */
export function requireApiActor(deps: AppDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const r = await resolve(c, deps, async () => undefined);
    if (!r.ok) {
      if (r.reason === 'csrf') {
        return sendError(c, 'FORBIDDEN', 'Missing or wrong X-CSRF-Token header for this session.');
      }
      return sendError(c, 'UNAUTHORIZED', 'Sign in, or send "Authorization: Bearer <api key>".');
    }
    setVars(c, deps, r);
    await next();
  };
}

/**
 * Page guard: redirects to the sign-in page without a session (API keys are for the API, not
 * pages); a form posted without its CSRF token gets a 403 page.
 */
export function requirePageActor(deps: AppDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    // No user yet: the browser's language (the business's would cost a read for a refusal).
    const t = dashboardMessagesFor(fromAcceptLanguage(c.req.header('accept-language')) ?? 'en');
    if (c.req.header('authorization') !== undefined) {
      return c.text(t.common.words.pagesNeedSession, 401);
    }
    const r = await resolve(c, deps, async () => {
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
        return undefined;
      }
      // A body that does not parse (malformed multipart) carries no token: the 403 below, not a 500.
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const value = form._csrf;
      return typeof value === 'string' ? value : undefined;
    });
    if (!r.ok) {
      if (r.reason === 'csrf') {
        return c.text(t.common.words.formExpired, 403);
      }
      if (r.reason === 'bad') clearSessionCookie(c);
      const next = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/admin';
      return c.redirect(`/admin/sign-in?next=${encodeURIComponent(next)}`, 303);
    }
    setVars(c, deps, r);
    await next();
  };
}
