/**
 * `/admin/account` and its forms (all behind requirePageActor, which checks `_csrf`): change
 * password (the browser gets a fresh session, every other one ends), sign out everywhere, make
 * and revoke API keys, sign out. After a change: redirect to the page (post/redirect/get), except
 * a new key, shown once in the answer itself.
 */
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listApiKeys, revokeApiKey } from '../../../app/dashboard/accounts/api-keys.ts';
import { changePassword } from '../../../app/dashboard/accounts/change-password.ts';
import { createApiKey } from '../../../app/dashboard/accounts/create-api-key.ts';
import { setLanguage } from '../../../app/dashboard/accounts/set-language.ts';
import { signOut, signOutEverywhere } from '../../../app/dashboard/accounts/sign-out.ts';
import { listAdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import { getBusiness } from '../../../app/get-business.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { AppDeps } from '../../deps.ts';
import { STATUS, setRetryAfter } from '../../errors.ts';
import { type AdminEnv, clearSessionCookie, setSessionCookie } from '../auth.ts';
import { readPosted } from '../form-kit/posted-form.ts';
import { wordsOf } from '../language.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { refusalWords } from '../refusal-words.ts';
import { accountDeps } from './account-deps.ts';
import { AccountContent, type AccountView } from './account-view.tsx';

const DONE: Record<string, (t: DashboardMessages) => string> = {
  password: (t) => t.accounts.account.passwordChanged,
  revoked: (t) => t.accounts.account.revoked,
  // Said in the language just chosen: the page is rendered for the saved preference.
  language: (t) => t.common.language.saved,
};

/** What a handler adds: a `?done=` key (its notice), or the page's other state. */
type Extra = Omit<AccountView, 'shell' | 'timezone' | 'keys' | 'staff'> & { readonly done?: string };

async function render(c: Context<AdminEnv>, deps: AppDeps, extra: Extra, status: ContentfulStatusCode = 200) {
  const [shell, business, keys, staff] = await Promise.all([
    shellOf(c, deps),
    getBusiness(deps),
    listApiKeys(deps, c.get('actor')),
    listAdminStaff(deps, c.get('actor')),
  ]);
  const { done, ...rest } = extra;
  const notice = rest.notice ?? DONE[done ?? '']?.(shell.t);
  const view: AccountView = {
    shell,
    timezone: business.timezone,
    keys,
    staff: staff.map((a) => a.member),
    ...rest,
    notice,
  };
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={shell.t.accounts.account.title} current="account">
        <AccountContent {...view} />
      </AdminLayout>,
    ),
    status,
  );
}

export function accountPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/account', async (c) => {
    return render(c, deps, { done: c.req.query('done') ?? '' });
  });

  app.post('/account/password', async (c) => {
    const form = await readPosted(c);
    const r = await changePassword(accountDeps(deps), c.get('actor'), {
      currentPassword: form.raw('currentPassword'),
      newPassword: form.raw('newPassword'),
      userAgent: c.req.header('user-agent') ?? '',
    });
    if (r.ok) {
      setSessionCookie(c, deps, r.value.token, r.value.until);
      return c.redirect('/admin/account?done=password', 303);
    }
    const passwordProblems = (r.details?.fields ?? { '': refusalWords(r, await wordsOf(c, deps)) }) as Record<
      string,
      string
    >;
    setRetryAfter(c, r); // RATE_LIMITED: tries per account (change-password.ts)
    return render(c, deps, { passwordProblems }, STATUS[r.code]);
  });

  app.post('/account/language', async (c) => {
    const form = await readPosted(c);
    const r = await setLanguage(deps, c.get('actor'), form.raw('locale'));
    if (!r.ok) return render(c, deps, { notice: refusalWords(r, await wordsOf(c, deps)) }, STATUS[r.code]);
    return c.redirect('/admin/account?done=language', 303);
  });

  app.post('/account/sign-out-everywhere', async (c) => {
    const r = await signOutEverywhere(deps, c.get('actor'));
    if (!r.ok) return render(c, deps, { notice: refusalWords(r, await wordsOf(c, deps)) }, STATUS[r.code]);
    clearSessionCookie(c);
    return c.redirect('/admin/sign-in?notice=everywhere', 303);
  });

  app.post('/account/api-keys', async (c) => {
    const form = await readPosted(c);
    const actor = c.get('actor');
    const owner = actor.role === 'admin' ? form.text('owner') || 'admin' : actor.staffId;
    const label = form.text('label');
    if (label.length > 100) return render(c, deps, { keyError: 'labelTooLong' }, 400);
    const r = await createApiKey(deps, actor, {
      role: owner === 'admin' ? 'admin' : 'staff',
      staffId: owner === 'admin' ? null : owner,
      label,
    });
    if (!r.ok) return render(c, deps, { keyError: { said: refusalWords(r, await wordsOf(c, deps)) } }, STATUS[r.code]);
    return render(c, deps, { newKey: r.value });
  });

  app.post('/account/api-keys/:id/revoke', async (c) => {
    const r = await revokeApiKey(deps, c.get('actor'), c.req.param('id'));
    if (!r.ok) return render(c, deps, { keyError: { said: refusalWords(r, await wordsOf(c, deps)) } }, STATUS[r.code]);
    return c.redirect('/admin/account?done=revoked', 303);
  });

  app.post('/sign-out', async (c) => {
    const token = c.get('sessionToken');
    if (token) await signOut(deps, c.get('actor'), token);
    clearSessionCookie(c);
    return c.redirect('/admin/sign-in?notice=signed-out', 303);
  });

  return app;
}
