/**
 * `/admin/sign-in`: email and password. `?next=` says where to go afterwards (a path on this site
 * only, form-kit/posted-form.ts safeNext). A wrong email and a wrong password get the same answer.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { authenticateSession } from '../../../app/dashboard/accounts/authenticate.ts';
import { signIn } from '../../../app/dashboard/accounts/sign-in.ts';
import type { Refusal } from '../../../app/result.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { AppDeps } from '../../deps.ts';
import { setRetryAfter } from '../../errors.ts';
import { SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import { ErrorSummary, Input, Notice } from '../form-kit/fields.tsx';
import { readPosted, safeNext } from '../form-kit/posted-form.ts';
import { AdminLayout, adminPage, entryShellOf } from '../layout.tsx';
import { refusalWords } from '../refusal-words.ts';
import { accountDeps } from './account-deps.ts';
import { entryToken, entryTokenMatches } from './entry-token.ts';

const NOTICES: Record<string, (t: DashboardMessages) => string> = {
  'signed-out': (t) => t.accounts.signIn.signedOut,
  everywhere: (t) => t.accounts.signIn.everywhere,
};

/** What went wrong, in the page's words (a rate limit's wait from the refusal's details). */
type Problem = 'expired' | 'wrong' | { readonly refusal: Refusal };

interface View {
  readonly email: string;
  readonly next: string;
  readonly error?: Problem;
  readonly notice?: string | undefined;
}

async function render(c: Context, deps: AppDeps, view: View, status: 200 | 401 | 403 | 429 = 200) {
  const shell = await entryShellOf(c, deps);
  const { t } = shell;
  const w = t.accounts;
  const token = entryToken(c, deps);
  const notice = NOTICES[view.notice ?? '']?.(t);
  const e = view.error;
  const error =
    e === undefined
      ? undefined
      : e === 'expired'
        ? w.signIn.expired
        : e === 'wrong'
          ? w.signIn.wrong
          : refusalWords(e.refusal, t);
  return c.html(
    adminPage(
      <AdminLayout title={w.signIn.title} {...shell}>
        <h1>{w.signIn.heading}</h1>
        <Notice text={notice} />
        <ErrorSummary title={w.signIn.failed} errors={{ '': error }} />
        <form method="post" action="/admin/sign-in" class="panel">
          <input type="hidden" name="_csrf" value={token} />
          <input type="hidden" name="next" value={view.next} />
          <Input name="email" label={w.email} type="email" value={view.email} autocomplete="username" required />
          <Input name="password" label={w.password} type="password" autocomplete="current-password" required />
          <p class="actions">
            <button type="submit" class="primary">
              {w.signIn.submit}
            </button>
            <a href="/admin/forgot">{w.signIn.forgot}</a>
          </p>
        </form>
      </AdminLayout>,
    ),
    status,
  );
}

export async function signInPage(c: Context, deps: AppDeps) {
  const next = safeNext(c.req.query('next'));
  // Already signed in: straight on.
  const token = getCookie(c, SESSION_COOKIE);
  if (token && (await authenticateSession(deps, token))) return c.redirect(next, 303);
  return render(c, deps, { email: '', next, notice: c.req.query('notice') });
}

export async function submitSignIn(c: Context, deps: AppDeps) {
  const form = await readPosted(c);
  const next = safeNext(form.text('next'));
  const email = form.text('email');
  if (!entryTokenMatches(c, form.raw('_csrf'))) {
    return render(c, deps, { email, next, error: 'expired' }, 403);
  }
  const r = await signIn(accountDeps(deps), {
    email,
    password: form.raw('password'),
    userAgent: c.req.header('user-agent') ?? '',
  });
  if (!r.ok && r.code === 'RATE_LIMITED') {
    setRetryAfter(c, r);
    return render(c, deps, { email, next, error: { refusal: r } }, 429);
  }
  // Every other refusal is the one UNAUTHORIZED answer (sign-in.ts SIGN_IN_FAILED), said in the page's words.
  if (!r.ok) return render(c, deps, { email, next, error: 'wrong' }, 401);
  setSessionCookie(c, deps, r.value.token, r.value.until);
  return c.redirect(next, 303);
}
