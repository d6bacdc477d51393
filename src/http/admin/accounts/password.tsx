/**
 * `/admin/password/<token>`: choose a password from an emailed link (a reset or an invitation).
 * A used, expired or mistyped link gets a plain page saying so, with the way to a new one. The
 * token is in the path, so these responses ask browsers to send no Referer anywhere. The form
 * carries the sign-in form's own token (entry-token.ts): another site holding a link of its own
 * cannot make a victim's browser set that account's password and sign in to it (login CSRF).
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PasswordPurpose, User } from '../../../app/dashboard/accounts/account-store.ts';
import { MIN_PASSWORD_LENGTH } from '../../../app/dashboard/accounts/password-rules.ts';
import { checkPasswordLink, setPasswordFromLink } from '../../../app/dashboard/accounts/set-password.ts';
import type { AppDeps } from '../../deps.ts';
import { setSessionCookie } from '../auth.ts';
import { ErrorSummary, Input } from '../form-kit/fields.tsx';
import { readPosted } from '../form-kit/posted-form.ts';
import { AdminLayout, adminPage, entryShellOf } from '../layout.tsx';
import { accountDeps } from './account-deps.ts';
import { entryToken, entryTokenMatches } from './entry-token.ts';

async function frame(c: Context, deps: AppDeps, title: string, body: Child, status: 200 | 400 | 403 | 404) {
  const shell = await entryShellOf(c, deps);
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(
    adminPage(
      <AdminLayout title={title} {...shell}>
        {body}
      </AdminLayout>,
    ),
    status,
  );
}

function unusable(c: Context, deps: AppDeps) {
  return frame(
    c,
    deps,
    'Link not valid',
    <>
      <h1>This link cannot be used</h1>
      <p>It was already used, it has expired, or it was not copied whole. Links to choose a password work once.</p>
      <ul>
        <li>
          To reset your password, <a href="/admin/forgot">ask for a new link</a> (it works for one hour).
        </li>
        <li>If you were invited and the invitation has expired, ask an admin to invite you again.</li>
        <li>
          If you have set your password already, <a href="/admin/sign-in">sign in</a>.
        </li>
      </ul>
    </>,
    404,
  );
}

function form(
  c: Context,
  deps: AppDeps,
  link: { purpose: PasswordPurpose; user: User },
  error: string | undefined,
  status: 200 | 400 | 403,
) {
  const invite = link.purpose === 'invite';
  const title = invite ? 'Choose your password' : 'Choose a new password';
  return frame(
    c,
    deps,
    title,
    <>
      <h1>{title}</h1>
      <p>
        {invite ? 'Welcome! Your dashboard account signs in with ' : 'For the account '}
        <strong>{link.user.email}</strong>.{invite ? '' : ' Every device signed in to it will be signed out.'}
      </p>
      <ErrorSummary errors={{ password: error }} labels={{ password: 'Password' }} />
      <form method="post" class="panel" novalidate>
        <input type="hidden" name="_csrf" value={entryToken(c, deps)} />
        <input type="text" name="username" value={link.user.email} autocomplete="username" hidden />
        <Input
          name="password"
          label="Password"
          type="password"
          autocomplete="new-password"
          required
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
          error={error}
        />
        <p class="actions">
          <button type="submit" class="primary">
            Save password and sign in
          </button>
        </p>
      </form>
    </>,
    status,
  );
}

export async function passwordLinkPage(c: Context, deps: AppDeps) {
  const link = await checkPasswordLink(deps, c.req.param('token') ?? '');
  return link.ok ? form(c, deps, link.value, undefined, 200) : unusable(c, deps);
}

export async function submitPasswordLink(c: Context, deps: AppDeps) {
  const token = c.req.param('token') ?? '';
  const posted = await readPosted(c);
  if (!entryTokenMatches(c, posted.raw('_csrf'))) {
    // Not from this site's page: the link is not used, the form is shown again (with a token).
    const link = await checkPasswordLink(deps, token);
    return link.ok
      ? form(c, deps, link.value, 'This form had expired: please choose your password again.', 403)
      : unusable(c, deps);
  }
  const r = await setPasswordFromLink(accountDeps(deps), {
    token,
    password: posted.raw('password'),
    userAgent: c.req.header('user-agent') ?? '',
  });
  if (r.ok) {
    setSessionCookie(c, deps, r.value.token, r.value.until);
    return c.redirect('/admin', 303);
  }
  if (r.code !== 'VALIDATION_FAILED') return unusable(c, deps);
  const link = await checkPasswordLink(deps, token);
  if (!link.ok) return unusable(c, deps);
  const problem = String((r.details?.fields as Record<string, string> | undefined)?.password ?? r.message);
  return form(c, deps, link.value, `The password ${problem}.`, 400);
}
