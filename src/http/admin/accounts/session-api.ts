/**
 * Dashboard API: the session itself. `POST session {email, password}` signs in (it is how a
 * script or a single-page client gets a cookie) and answers the CSRF token to send as
 * `X-CSRF-Token`; `DELETE session` signs out. POST runs before any credential check (it is how
 * one gets credentials), so admin/api.ts mounts this router ahead of requireApiActor; a JSON body
 * is required, which a cross-site HTML form cannot send (no forged sign-in into another account).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../../app/dashboard/accounts/password-rules.ts';
import { signIn } from '../../../app/dashboard/accounts/sign-in.ts';
import { signOut } from '../../../app/dashboard/accounts/sign-out.ts';
import type { AppDeps } from '../../deps.ts';
import { sendError, sendRefusal } from '../../errors.ts';
import { check, readJson } from '../../validation.ts';
import { type AdminEnv, clearSessionCookie, requireApiActor, setSessionCookie } from '../auth.ts';
import { accountDeps } from './account-deps.ts';
import { presentUser } from './present-user.ts';

export const signInBody = z.strictObject({
  email: z.string().trim().min(1, 'required').max(254),
  password: z.string().min(1, 'required').max(MAX_PASSWORD_LENGTH),
});

export function sessionApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.post('/session', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const input = check(c, signInBody, body.value.json);
    if (!input.ok) return input.response;
    const r = await signIn(accountDeps(deps), { ...input.value, userAgent: c.req.header('user-agent') ?? '' });
    if (!r.ok) return sendRefusal(c, r);
    setSessionCookie(c, deps, r.value.token, r.value.until);
    return c.json({ csrfToken: r.value.csrf, user: presentUser(r.value.user) }, 201);
  });
  api.delete('/session', requireApiActor(deps), async (c) => {
    const token = c.get('sessionToken');
    if (token === null) {
      return sendError(c, 'VALIDATION_FAILED', 'An API key has no session to end; revoke the key instead.', {
        fields: { authorization: 'an API key, not a session' },
      });
    }
    await signOut(deps, c.get('actor'), token);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  return api;
}
