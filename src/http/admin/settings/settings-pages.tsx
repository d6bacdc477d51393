/**
 * `/admin/settings`: the business settings form (admins only: a staff member gets the 403 page).
 * Checked with the admin API's schema and saved by updateSettings, then back with a notice.
 */
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { getSettings } from '../../../app/dashboard/settings/get-settings.ts';
import { noShowReach } from '../../../app/dashboard/settings/no-show-reach.ts';
import { updateSettings } from '../../../app/dashboard/settings/update-settings.ts';
import type { AppDeps } from '../../deps.ts';
import { DEFAULT_FRAME_ANCESTORS } from '../../security-headers.ts';
import type { AdminEnv } from '../auth.ts';
import { checkForm, refusalProblems } from '../form-kit/form-body.ts';
import { readPosted } from '../form-kit/posted-form.ts';
import { wordsOf } from '../language.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { catalogRefusalPage } from '../refusal-page.tsx';
import { EmbedPanel } from './embed-panel.tsx';
import { updateSettingsBody } from './settings-body.ts';
import {
  readSettingsForm,
  type SettingsValues,
  settingsFormOf,
  settingsMessage,
  settingsRename,
} from './settings-form-values.ts';
import { SettingsView } from './settings-view.tsx';

async function render(
  c: Context<AdminEnv>,
  deps: AppDeps,
  given: { values?: SettingsValues; errors?: Record<string, string>; saved?: boolean },
  status: ContentfulStatusCode = 200,
) {
  const settings = await getSettings(deps, c.get('actor'));
  if (!settings.ok) return catalogRefusalPage(c, deps, settings, 'settings');
  const [shell, noShowRule] = await Promise.all([shellOf(c, deps), noShowReach(deps, settings.value)]);
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={shell.t.settings.title} current="settings">
        <SettingsView
          csrf={shell.csrf}
          values={given.values ?? settingsFormOf(settings.value)}
          errors={given.errors ?? {}}
          secretStored={settings.value.paymentSecret !== null}
          businessLocale={settings.value.locale}
          notice={given.saved ? shell.t.settings.saved : undefined}
          noShowRule={noShowRule}
          t={shell.t}
        />
        <EmbedPanel
          publicUrl={deps.publicUrl}
          frameAncestors={deps.frameAncestors ?? DEFAULT_FRAME_ANCESTORS}
          t={shell.t}
        />
      </AdminLayout>,
    ),
    status,
  );
}

export function settingsPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/settings', (c) => render(c, deps, { saved: c.req.query('done') === 'saved' }));

  app.post('/settings', async (c) => {
    // A staff member is refused before their form is read: the same 403 page as the GET.
    const allowed = await getSettings(deps, c.get('actor'));
    if (!allowed.ok) return catalogRefusalPage(c, deps, allowed, 'settings');
    const read = readSettingsForm(await readPosted(c), allowed.value.locale);
    const body = checkForm(updateSettingsBody, read.body, read.problems, settingsRename);
    const r = body ? await updateSettings(deps, c.get('actor'), body) : null;
    if (r?.ok) return c.redirect('/admin/settings?done=saved', 303);
    if (r && r.code !== 'VALIDATION_FAILED') return catalogRefusalPage(c, deps, r, 'settings');
    const t = await wordsOf(c, deps);
    const problems = r ? refusalProblems(r, t, settingsRename) : read.problems;
    const errors = Object.fromEntries([...problems].map(([k, m]) => [k, settingsMessage(m, t)]));
    return render(c, deps, { values: read.values, errors }, 400);
  });

  return app;
}
