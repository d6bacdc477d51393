/**
 * `/admin/sign-in`: email and password. `?next=` says where to go afterwards (a path on this site
 * only, form-kit/posted-form.ts safeNext). A wrong email and a wrong password get the same answer.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { authenticateSession } from '../../../app/dashboard/accounts/authenticate.ts';
import { signIn } from '../../../app/dashboard/accounts/sign-in.ts';
import type { AppDeps } from '../../deps.ts';
import { setRetryAfter } from '../../errors.ts';
import { SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import { ErrorSummary, Input, Notice } from '../form-kit/fields.tsx';
import { readPosted, safeNext } from '../form-kit/posted-form.ts';
import { AdminLayout, adminPage, entryShellOf } from '../layout.tsx';
import { accountDeps } from './account-deps.ts';
import { entryToken, entryTokenMatches } from './entry-token.ts';

const NOTICES: Record<string, string> = {
  'signed-out': 'You are signed out.',
  everywhere: 'You are signed out on every device.',
};

interface View {
  readonly email: string;
  readonly next: string;
  readonly error?: string;
  readonly notice?: string | undefined;
}

async function render(c: Context, deps: AppDeps, view: View, status: 200 | 401 | 403 | 429 = 200) {
  const shell = await entryShellOf(c, deps);
  const token = entryToken(c, deps);
  return c.html(
    adminPage(
      <AdminLayout title="Sign in" {...shell}>
        <h1>Sign in to the dashboard</h1>
        <Notice text={view.notice} />
        <ErrorSummary title="Could not sign in" errors={{ '': view.error }} />
        <form method="post" action="/admin/sign-in" class="panel">
          <input type="hidden" name="_csrf" value={token} />
          <input type="hidden" name="next" value={view.next} />
          <Input name="email" label="Email" type="email" value={view.email} autocomplete="username" required />
          <Input name="password" label="Password" type="password" autocomplete="current-password" required />
          <p class="actions">
            <button type="submit" class="primary">
              Sign in
            </button>
            <a href="/admin/forgot">Forgot your password?</a>
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
  const notice = NOTICES[c.req.query('notice') ?? ''];
  return render(c, deps, { email: '', next, notice });
}

export async function submitSignIn(c: Context, deps: AppDeps) {
  const form = await readPosted(c);
  const next = safeNext(form.text('next'));
  const email = form.text('email');
  if (!entryTokenMatches(c, form.raw('_csrf'))) {
    return render(c, deps, { email, next, error: 'This form had expired. Please sign in again.' }, 403);
  }
  const r = await signIn(accountDeps(deps), {
    email,
    password: form.raw('password'),
    userAgent: c.req.header('user-agent') ?? '',
  });
  if (!r.ok && r.code === 'RATE_LIMITED') {
    setRetryAfter(c, r);
    return render(c, deps, { email, next, error: r.message }, 429);
  }
  if (!r.ok) return render(c, deps, { email, next, error: r.message }, 401);
  setSessionCookie(c, deps, r.value.token, r.value.until);
  return c.redirect(next, 303);
}
