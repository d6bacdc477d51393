/**
 * The manage page's plain HTML forms (no script): enter the emailed code, or ask for a new one.
 * The token in the path is the credential, as for the JSON API; the answer is the page again
 * with what happened. (The booking pages issue replaces this page as a whole.)
 */
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { resendCode } from '../../app/resend-code.ts';
import { verifyEmail } from '../../app/verify-email.ts';
import type { AppDeps } from '../deps.ts';
import { STATUS } from '../errors.ts';
import { managePage } from './manage.tsx';

export function manageForms(deps: AppDeps): Hono {
  const forms = new Hono();

  forms.post('/:token/verify', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const code = typeof form.code === 'string' ? form.code.trim() : '';
    if (!/^\d{6}$/.test(code)) return page(c, token, 'The code is six digits.', 400);
    const r = await verifyEmail(deps, token, code);
    if (r.ok && r.value.next.action === 'pay') return c.redirect(r.value.next.url, 303);
    const notice = r.ok
      ? 'Thank you: your email is confirmed.'
      : r.code === 'CODE_INVALID'
        ? `${r.message} Tries left: ${String(r.details?.attemptsLeft)}.`
        : r.message;
    return page(c, token, notice, r.ok ? 200 : STATUS[r.code]);
  });

  forms.post('/:token/resend-code', async (c) => {
    const token = c.req.param('token');
    const r = await resendCode(deps, token);
    return page(c, token, r.ok ? 'A new code is on its way.' : r.message, r.ok ? 200 : STATUS[r.code]);
  });

  async function page(c: Context, token: string, notice: string, status: ContentfulStatusCode) {
    const p = await managePage(deps, token, notice);
    return c.html(p.html, p.status === 404 ? 404 : status);
  }

  return forms;
}
