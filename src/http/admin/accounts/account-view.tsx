/**
 * The account page's content: who you are, change password, sign out everywhere, API keys (a new
 * key is shown once, in the answer to the form that made it). An admin manages every key (admin
 * keys and staff members' keys); a staff member only their own.
 */
import type { ApiKey } from '../../../app/dashboard/accounts/account-store.ts';
import { MIN_PASSWORD_LENGTH } from '../../../app/dashboard/accounts/password-rules.ts';
import type { StaffMember } from '../../../app/model.ts';
import { mediumMoment } from '../../../i18n/format.ts';
import { LOCALE_NAMES, LOCALES } from '../../../i18n/locale.ts';
import { ErrorSummary, Input, Notice, Select } from '../form-kit/fields.tsx';
import { Csrf, type shellOf } from '../layout.tsx';
import { ListTable, Quiet } from '../list-table.tsx';

export interface AccountView {
  readonly shell: Awaited<ReturnType<typeof shellOf>>;
  readonly timezone: string;
  readonly keys: readonly ApiKey[];
  readonly staff: readonly StaffMember[];
  readonly notice?: string | undefined;
  readonly passwordErrors?: Readonly<Record<string, string | undefined>>;
  readonly keyError?: string | undefined;
  /** A key just made: shown here once. */
  readonly newKey?: { readonly key: string; readonly apiKey: ApiKey } | undefined;
}

const PASSWORD_LABELS = { currentPassword: 'Current password', newPassword: 'New password' };

export function AccountContent(v: AccountView) {
  const { user, actor, csrf } = v.shell;
  const intl = v.shell.t.common.intlLocale;
  const when = (at: number | null) => (at === null ? 'never' : mediumMoment(at, v.timezone, intl));
  const whose = (k: ApiKey) =>
    k.role === 'admin' ? 'Admin (everything)' : (v.staff.find((s) => s.id === k.staffId)?.name ?? 'Staff member');
  const active = v.keys.filter((k) => k.revokedAt === null);
  const pe = v.passwordErrors ?? {};
  return (
    <>
      <h1>Your account</h1>
      <Notice text={v.notice} />
      <section class="panel" aria-labelledby="who">
        <h2 id="who">Signed in as</h2>
        <p>
          {user ? (
            <>
              <strong>{user.name || user.email}</strong> ({user.email}),{' '}
            </>
          ) : null}
          {actor?.role === 'admin'
            ? 'admin: you can see and change everything.'
            : 'staff: you see your own bookings and schedule.'}
        </p>
      </section>

      <section class="panel" aria-labelledby="pw">
        <h2 id="pw">Change your password</h2>
        <ErrorSummary errors={pe} labels={PASSWORD_LABELS} />
        <form method="post" action="/admin/account/password" novalidate>
          <Csrf token={csrf} />
          <input type="text" name="username" value={user?.email ?? ''} autocomplete="username" hidden />
          <Input
            name="currentPassword"
            label={PASSWORD_LABELS.currentPassword}
            type="password"
            autocomplete="current-password"
            required
            error={pe.currentPassword}
          />
          <Input
            name="newPassword"
            label={PASSWORD_LABELS.newPassword}
            type="password"
            autocomplete="new-password"
            required
            hint={`At least ${MIN_PASSWORD_LENGTH} characters. Changing it signs you out on every other device.`}
            error={pe.newPassword}
          />
          <p class="actions">
            <button type="submit" class="primary">
              Change password
            </button>
          </p>
        </form>
      </section>

      {user ? <LanguageForm shell={v.shell} /> : null}

      <section class="panel" aria-labelledby="everywhere">
        <h2 id="everywhere">Sign out everywhere</h2>
        <p>Ends every session of your account, on this device and all others (a lost phone, a shared computer).</p>
        <form method="post" action="/admin/account/sign-out-everywhere">
          <Csrf token={csrf} />
          <button type="submit" class="danger">
            Sign out everywhere
          </button>
        </form>
      </section>

      <section class="panel" aria-labelledby="keys">
        <h2 id="keys">API keys</h2>
        <p>
          For programs that use the admin API (<code>Authorization: Bearer &lt;key&gt;</code>). A key is shown once,
          when it is made; only its first characters are kept to recognise it.
        </p>
        {v.newKey ? (
          <div class="note" role="status">
            <p>
              <strong>New key{v.newKey.apiKey.label ? ` "${v.newKey.apiKey.label}"` : ''}.</strong> Copy it now: it will
              not be shown again.
            </p>
            <code class="secret">{v.newKey.key}</code>
          </div>
        ) : null}
        <ListTable
          rows={active}
          empty="No active keys."
          caption="Active keys"
          columns={['Key', 'Label', 'Acts as', 'Made', 'Last used', <Quiet>Action</Quiet>]}
          row={(k) => (
            <tr>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{k.label}</td>
              <td>{whose(k)}</td>
              <td>{when(k.createdAt)}</td>
              <td>{when(k.lastUsedAt)}</td>
              <td>
                <form method="post" action={`/admin/account/api-keys/${k.id}/revoke`}>
                  <Csrf token={csrf} />
                  <button type="submit" class="secondary" aria-label={`Revoke key ${k.prefix}`}>
                    Revoke
                  </button>
                </form>
              </td>
            </tr>
          )}
        />
        <h3>Make a key</h3>
        <ErrorSummary errors={{ '': v.keyError }} title="Could not make the key" />
        <form method="post" action="/admin/account/api-keys">
          <Csrf token={csrf} />
          <Input name="label" label="Label" hint="What the key is for, e.g. “Accounting export”." />
          {actor?.role === 'admin' ? (
            <p class="field">
              <label for="f-owner">Acts as</label>
              <select id="f-owner" name="owner">
                <option value="admin">Admin (everything)</option>
                {v.staff.map((s) => (
                  <option value={s.id}>{s.name} (their bookings and schedule only)</option>
                ))}
              </select>
            </p>
          ) : null}
          <p class="actions">
            <button type="submit" class="primary">
              Make key
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
