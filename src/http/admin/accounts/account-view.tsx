/**
 * The account page's content: who you are, change password, sign out everywhere, API keys (a new
 * key is shown once, in the answer to the form that made it). An admin manages every key (admin
 * keys and staff members' keys); a staff member only their own.
 */
import type { ApiKey } from '../../../app/dashboard/accounts/account-store.ts';
import { MIN_PASSWORD_LENGTH } from '../../../app/dashboard/accounts/password-rules.ts';
import type { StaffMember } from '../../../app/model.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { mediumMoment } from '../../../i18n/format.ts';
import { LOCALE_NAMES, LOCALES } from '../../../i18n/locale.ts';
import { ErrorSummary, Input, Notice, Select } from '../form-kit/fields.tsx';
import { localProblem } from '../form-kit/words.ts';
import { Csrf, type shellOf } from '../layout.tsx';
import { ListTable, Quiet } from '../list-table.tsx';
import { passwordRule } from './password-words.ts';

export interface AccountView {
  readonly shell: Awaited<ReturnType<typeof shellOf>>;
  readonly timezone: string;
  readonly keys: readonly ApiKey[];
  readonly staff: readonly StaffMember[];
  readonly notice?: string | undefined;
  /** The password form's problems by field, as the use case said them (change-password.ts), worded here. */
  readonly passwordProblems?: Readonly<Record<string, string>>;
  /** Why no key was made: the label too long, or the use case's refusal (refusal-words.ts, in the page's language). */
  readonly keyError?: 'labelTooLong' | { readonly said: string } | undefined;
  /** A key just made: shown here once. */
  readonly newKey?: { readonly key: string; readonly apiKey: ApiKey } | undefined;
}

/** The password form's problems as sentences: "This is not your current password." */
function passwordErrors(t: DashboardMessages, problems: Readonly<Record<string, string>>): Record<string, string> {
  const sentence = (field: string, problem: string) =>
    field === 'currentPassword' && problem === 'is not your current password'
      ? t.accounts.notCurrent
      : field === 'newPassword'
        ? t.accounts.theNewPassword(passwordRule(t, problem))
        : localProblem(problem, t);
  return Object.fromEntries(Object.entries(problems).map(([k, m]) => [k, sentence(k, m)]));
}

export function AccountContent(v: AccountView) {
  const { user, actor, csrf, t } = v.shell;
  const a = t.accounts.account;
  const k = t.accounts.keys;
  const intl = t.common.intlLocale;
  const labels = { currentPassword: a.currentPassword, newPassword: a.newPassword };
  const when = (at: number | null) => (at === null ? k.never : mediumMoment(at, v.timezone, intl));
  const whose = (key: ApiKey) =>
    key.role === 'admin' ? k.adminOwner : (v.staff.find((s) => s.id === key.staffId)?.name ?? k.staffOwner);
  const active = v.keys.filter((key) => key.revokedAt === null);
  const pe = passwordErrors(t, v.passwordProblems ?? {});
  const keyError = v.keyError === 'labelTooLong' ? k.labelTooLong : v.keyError?.said;
  return (
    <>
      <h1>{a.heading}</h1>
      <Notice text={v.notice} />
      <section class="panel" aria-labelledby="who">
        <h2 id="who">{a.signedInAs}</h2>
        <p>
          {user ? (
            <>
              <strong>{user.name || user.email}</strong> ({user.email}),{' '}
            </>
          ) : null}
          {actor?.role === 'admin' ? a.admin : a.staff}
        </p>
      </section>

      <section class="panel" aria-labelledby="pw">
        <h2 id="pw">{a.changeTitle}</h2>
        <ErrorSummary errors={pe} labels={labels} />
        <form method="post" action="/admin/account/password" novalidate>
          <Csrf token={csrf} />
          <input type="text" name="username" value={user?.email ?? ''} autocomplete="username" hidden />
          <Input
            name="currentPassword"
            label={labels.currentPassword}
            type="password"
            autocomplete="current-password"
            required
            error={pe.currentPassword}
          />
          <Input
            name="newPassword"
            label={labels.newPassword}
            type="password"
            autocomplete="new-password"
            required
            hint={a.newHint(MIN_PASSWORD_LENGTH)}
            error={pe.newPassword}
          />
          <p class="actions">
            <button type="submit" class="primary">
              {a.change}
            </button>
          </p>
        </form>
      </section>

      {user ? <LanguageForm shell={v.shell} /> : null}

      <section class="panel" aria-labelledby="everywhere">
        <h2 id="everywhere">{a.everywhereTitle}</h2>
        <p>{a.everywhereText}</p>
        <form method="post" action="/admin/account/sign-out-everywhere">
          <Csrf token={csrf} />
          <button type="submit" class="danger">
            {a.everywhere}
          </button>
        </form>
      </section>

      <section class="panel" aria-labelledby="keys">
        <h2 id="keys">{k.title}</h2>
        <p>
          {k.introBefore}
          <code>Authorization: Bearer &lt;key&gt;</code>
          {k.introAfter}
        </p>
        {v.newKey ? (
          <div class="note" role="status">
            <p>
              <strong>{k.newKey(v.newKey.apiKey.label)}</strong> {k.copyNow}
            </p>
            <code class="secret">{v.newKey.key}</code>
          </div>
        ) : null}
        <ListTable
          rows={active}
          empty={k.none}
          caption={k.caption}
          columns={[k.key, k.label, k.actsAs, k.made, k.lastUsed, <Quiet>{k.action}</Quiet>]}
          row={(key) => (
            <tr>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{key.label}</td>
              <td>{whose(key)}</td>
              <td>{when(key.createdAt)}</td>
              <td>{when(key.lastUsedAt)}</td>
              <td>
                <form method="post" action={`/admin/account/api-keys/${key.id}/revoke`}>
                  <Csrf token={csrf} />
                  <button type="submit" class="secondary" aria-label={k.revokeKey(key.prefix)}>
                    {k.revoke}
                  </button>
                </form>
              </td>
            </tr>
          )}
        />
        <h3>{k.makeTitle}</h3>
        <ErrorSummary errors={{ '': keyError }} title={k.cannotMake} />
        <form method="post" action="/admin/account/api-keys">
          <Csrf token={csrf} />
          <Input name="label" label={k.label} hint={k.labelHint} />
          {actor?.role === 'admin' ? (
            <p class="field">
              <label for="f-owner">{k.actsAs}</label>
              <select id="f-owner" name="owner">
                <option value="admin">{k.adminOwner}</option>
                {v.staff.map((s) => (
                  <option value={s.id}>{k.memberOwner(s.name)}</option>
                ))}
              </select>
            </p>
          ) : null}
          <p class="actions">
            <button type="submit" class="primary">
              {k.make}
            </button>
          </p>
        </form>
      </section>
    </>
  );
}

/** The user's dashboard language: one the product speaks, or the browser's (Accept-Language). */
function LanguageForm({ shell }: { shell: AccountView['shell'] }) {
  const w = shell.t.common.language;
  // Each language is named in itself, so a reader lost in a foreign dashboard finds their own.
  const options = [{ value: '', label: w.browser }, ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))];
  return (
    <section class="panel" aria-labelledby="language">
      <h2 id="language">{w.title}</h2>
      <form method="post" action="/admin/account/language">
        <Csrf token={shell.csrf} />
        <Select name="locale" label={w.label} hint={w.hint} value={shell.user?.locale ?? ''} options={options} />
        <p>
          <button type="submit">{w.save}</button>
        </p>
      </form>
    </section>
  );
}
