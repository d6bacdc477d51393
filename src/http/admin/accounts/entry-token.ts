/**
 * The CSRF token of the forms used before there is a session to bind one to — sign-in, forgot
 * password, choose a password from an emailed link: a random value in a SameSite=Strict cookie
 * that the form echoes in `_csrf`. A page on another site can make a browser post such a form (to
 * sign the victim into the attacker's account and watch what they enter, or set the password of
 * an account whose link the attacker holds), but cannot read or send this cookie, so such a post
 * is refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../../deps.ts';

const COOKIE = 'slotwise_signin';
const SANE = /^[A-Za-z0-9_-]{32}$/;

/** The token for the form: the browser's current one, or a new one set in the cookie. */
export function entryToken(c: Context, deps: AppDeps): string {
  const current = getCookie(c, COOKIE);
  if (current && SANE.test(current)) return current;
  const token = randomBytes(24).toString('base64url');
  setCookie(c, COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: deps.publicUrl.startsWith('https://'),
    path: '/admin',
  });
  return token;
}

/** Whether a posted `_csrf` matches the browser's cookie (constant time). */
export function entryTokenMatches(c: Context, presented: string): boolean {
  const current = getCookie(c, COOKIE);
  if (!current || !SANE.test(current) || presented.length !== current.length) return false;
  return timingSafeEqual(Buffer.from(current), Buffer.from(presented));
}
