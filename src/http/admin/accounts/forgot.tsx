/**
 * `/admin/forgot`: ask for a password reset link. The answer is the same whether or not the email
 * has an account, so the page cannot be used to find out who has one. The form carries the
 * sign-in form's own token (entry-token.ts): another site cannot make a browser post it.
 */
import type { Context } from 'hono';
import { requestPasswordReset } from '../../../app/dashboard/accounts/request-password-reset.ts';
import type { AppDeps } from '../../deps.ts';
import { ErrorSummary, Input } from '../form-kit/fields.tsx';
import { readPosted } from '../form-kit/posted-form.ts';
import { AdminLayout, adminPage, entryShellOf } from '../layout.tsx';
import { entryToken, entryTokenMatches } from './entry-token.ts';

type Problem = 'expired' | 'enterEmail' | 'enterValidEmail';

async function render(
  c: Context,
  deps: AppDeps,
  view: { email: string; problem?: Problem; sent?: boolean },
  status: 200 | 400 | 403 = 200,
) {
  const shell = await entryShellOf(c, deps);
  const { t } = shell;
  const w = t.accounts;
  const f = t.accounts.forgot;
  const problems = { expired: f.expired, enterEmail: f.enterEmail, enterValidEmail: f.enterValidEmail };
  const error = view.problem && problems[view.problem];
  return c.html(
    adminPage(
      <AdminLayout title={w.forgot.title} {...shell}>
        <h1>{w.forgot.heading}</h1>
        {view.sent ? (
          <>
            <p class="note" role="status">
              {w.forgot.sent}
            </p>
            <p>
              <a href="/admin/sign-in">{w.backToSignIn}</a>
            </p>
          </>
        ) : (
          <>
            <p>{w.forgot.intro}</p>
            <ErrorSummary errors={{ email: error }} labels={{ email: w.email }} />
            <form method="post" action="/admin/forgot" class="panel" novalidate>
              <input type="hidden" name="_csrf" value={entryToken(c, deps)} />
              <Input
                name="email"
                label={w.email}
                type="email"
                value={view.email}
                autocomplete="username"
                required
                error={error}
              />
              <p class="actions">
                <button type="submit" class="primary">
                  {w.forgot.submit}
                </button>
                <a href="/admin/sign-in">{w.backToSignIn}</a>
              </p>
            </form>
          </>
        )}
      </AdminLayout>,
    ),
    status,
  );
}

export const forgotPage = (c: Context, deps: AppDeps) => render(c, deps, { email: '' });

export async function submitForgot(c: Context, deps: AppDeps) {
  const form = await readPosted(c);
  const email = form.text('email');
  if (!entryTokenMatches(c, form.raw('_csrf'))) {
    return render(c, deps, { email, problem: 'expired' }, 403);
  }
  if (!email) return render(c, deps, { email, problem: 'enterEmail' }, 400);
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return render(c, deps, { email, problem: 'enterValidEmail' }, 400);
  }
  await requestPasswordReset(deps, { email });
  return render(c, deps, { email: '', sent: true });
}
