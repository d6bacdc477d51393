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

export const RESET_SENT =
  'If an account signs in with that email, we have sent it a link to choose a new password. The link works once, for one hour.';

async function render(
  c: Context,
  deps: AppDeps,
  view: { email: string; error?: string; sent?: boolean },
  status: 200 | 400 | 403 = 200,
) {
  const shell = await entryShellOf(c, deps);
  return c.html(
    adminPage(
      <AdminLayout title="Forgot your password" {...shell}>
        <h1>Forgot your password?</h1>
        {view.sent ? (
          <>
            <p class="note" role="status">
              {RESET_SENT}
            </p>
            <p>
              <a href="/admin/sign-in">Back to sign-in</a>
            </p>
          </>
        ) : (
          <>
            <p>Enter the email you sign in with; we will email you a link to choose a new password.</p>
            <ErrorSummary errors={{ email: view.error }} labels={{ email: 'Email' }} />
            <form method="post" action="/admin/forgot" class="panel" novalidate>
              <input type="hidden" name="_csrf" value={entryToken(c, deps)} />
              <Input
                name="email"
                label="Email"
                type="email"
                value={view.email}
                autocomplete="username"
                required
                error={view.error}
              />
              <p class="actions">
                <button type="submit" class="primary">
                  Email me a link
                </button>
                <a href="/admin/sign-in">Back to sign-in</a>
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
    return render(c, deps, { email, error: 'This form had expired. Please send it again.' }, 403);
  }
  if (!email) return render(c, deps, { email, error: 'Enter your email.' }, 400);
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return render(c, deps, { email, error: 'Enter an email like name@example.com.' }, 400);
  }
  await requestPasswordReset(deps, { email });
  return render(c, deps, { email: '', sent: true });
}
