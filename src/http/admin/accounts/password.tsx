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
import type { Refusal } from '../../../app/result.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { AppDeps } from '../../deps.ts';
import { setSessionCookie } from '../auth.ts';
import { ErrorSummary, Input } from '../form-kit/fields.tsx';
import { readPosted } from '../form-kit/posted-form.ts';
import { AdminLayout, adminPage, entryShellOf } from '../layout.tsx';
import { refusalWords } from '../refusal-words.ts';
import { accountDeps } from './account-deps.ts';
import { entryToken, entryTokenMatches } from './entry-token.ts';
import { passwordRule } from './password-words.ts';

async function frame(
  c: Context,
  deps: AppDeps,
  page: (t: DashboardMessages) => { title: string; body: Child },
  status: 200 | 400 | 403 | 404,
) {
  const shell = await entryShellOf(c, deps);
  const { title, body } = page(shell.t);
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
    (t) => {
      const l = t.accounts.link;
      return {
        title: l.invalidTitle,
        body: (
          <>
            <h1>{l.invalidHeading}</h1>
            <p>{l.invalidWhy}</p>
            <ul>
              <li>
                {l.resetBefore}
                <a href="/admin/forgot">{l.resetLink}</a>
                {l.resetAfter}
              </li>
              <li>{l.invited}</li>
              <li>
                {l.doneBefore}
                <a href="/admin/sign-in">{l.doneLink}</a>
                {l.doneAfter}
              </li>
            </ul>
          </>
        ),
      };
    },
    404,
  );
}

/** The form's problem: the form had expired, the password breaks a rule (password-rules.ts), or another refusal. */
type Problem = 'expired' | { readonly rule: string } | { readonly refusal: Refusal };

function form(
  c: Context,
  deps: AppDeps,
  link: { purpose: PasswordPurpose; user: User },
  problem: Problem | undefined,
  status: 200 | 400 | 403,
) {
  const invite = link.purpose === 'invite';
  return frame(
    c,
    deps,
    (t) => {
      const w = t.accounts;
      const l = t.accounts.link;
      const title = invite ? l.inviteTitle : l.resetTitle;
      const error =
        problem === undefined
          ? undefined
          : problem === 'expired'
            ? l.expired
            : 'rule' in problem
              ? w.thePassword(passwordRule(t, problem.rule))
              : refusalWords(problem.refusal, t);
      const body = (
        <>
          <h1>{title}</h1>
          <p>
            {invite ? l.welcome : l.forAccount}
            <strong>{link.user.email}</strong>.{invite ? '' : l.everyDevice}
          </p>
          <ErrorSummary errors={{ password: error }} labels={{ password: w.password }} />
          <form method="post" class="panel" novalidate>
            <input type="hidden" name="_csrf" value={entryToken(c, deps)} />
            <input type="text" name="username" value={link.user.email} autocomplete="username" hidden />
            <Input
              name="password"
              label={w.password}
              type="password"
              autocomplete="new-password"
              required
              hint={l.hint(MIN_PASSWORD_LENGTH)}
              error={error}
            />
            <p class="actions">
              <button type="submit" class="primary">
                {l.submit}
              </button>
            </p>
          </form>
        </>
      );
      return { title, body };
    },
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
    return link.ok ? form(c, deps, link.value, 'expired', 403) : unusable(c, deps);
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
  const rule = (r.details?.fields as Record<string, unknown> | undefined)?.password;
  return form(c, deps, link.value, typeof rule === 'string' ? { rule } : { refusal: r }, 400);
}
