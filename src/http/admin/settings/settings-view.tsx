/**
 * The business settings form: everything SPEC §1 lists, grouped under legends, each field with a
 * hint saying what it changes. The payment secret is a password field that is never filled in.
 */
import type { NoShowReach } from '../../../app/dashboard/settings/no-show-reach.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { SettingsMessages } from '../../../i18n/dashboard/settings/en.ts';
import { LOCALES } from '../../../i18n/locale.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { Checkbox, ErrorSummary, Group, Notice, Select, ZoneList } from '../form-kit/fields.tsx';
import { Translations, translationLabels } from '../form-kit/translations.tsx';
import { Csrf } from '../layout.tsx';
import type { SettingsValues } from './settings-form-values.ts';

/** The form's labels by field name (boundFields and the error summary pick them by name). */
export function settingsLabels(t: DashboardMessages): SettingsMessages['labels'] {
  const names = Object.keys(t.settings.labels) as (keyof SettingsMessages['labels'])[];
  return Object.fromEntries(names.map((k) => [k, t.settings.labels[k]])) as SettingsMessages['labels'];
}

export interface SettingsViewProps {
  readonly csrf: string;
  readonly values: SettingsValues;
  readonly errors: Readonly<Record<string, string>>;
  readonly secretStored: boolean;
  /** The stored business language: the staff label's main text is in it (SPEC §12). */
  readonly businessLocale: string;
  readonly notice?: string | undefined;
  /** Where the no-show rule can apply, as the settings are stored. */
  readonly noShowRule: NoShowReach;
  readonly t: DashboardMessages;
}

export function SettingsView(p: SettingsViewProps) {
  const e = p.errors;
  const { t } = p;
  const w = t.settings;
  const h = t.settings.hints;
  const g = t.settings.groups;
  const labels = settingsLabels(t);
  const f = boundFields(labels, p.values, e);
  const num = (name: keyof typeof labels, hint: string, min = 0, max?: number) => (
    <f.Whole name={name} min={min} max={max} required hint={hint} />
  );
  return (
    <>
      <h1>{w.heading}</h1>
      <Notice text={p.notice} />
      <ErrorSummary
        errors={e}
        labels={{
          ...labels,
          ...translationLabels('staffLabel', labels.staffLabel, p.businessLocale),
        }}
        title={w.notSaved}
      />
      <form method="post" action="/admin/settings" class="wide-form" novalidate>
        <Csrf token={p.csrf} />
        <div class="panel">
          <Group legend={g.business}>
            <f.Input name="name" required hint={h.name} />
            <f.Input name="timezone" list="zones" required spellcheck={false} hint={h.timezone} />
            <f.Input name="currency" required spellcheck={false} hint={h.currency} />
            <Select
              name="locale"
              label={labels.locale}
              value={p.values.locale ?? 'en'}
              options={LOCALES.map((l) => ({ value: l, label: t.settings.languages[l] }))}
              hint={h.locale}
              error={e.locale}
            />
            <f.Input name="staffLabel" required hint={h.staffLabel} />
            <Translations
              field="staffLabel"
              label={labels.staffLabel}
              businessLocale={p.businessLocale}
              values={p.values}
              errors={e}
            />
          </Group>
        </div>
        <div class="panel">
          <Group legend={g.emails}>
            <f.Input name="ownerEmail" type="email" autocomplete="off" hint={h.ownerEmail} />
            <f.Input name="mailFrom" autocomplete="off" hint={h.mailFrom} />
          </Group>
        </div>
        <div class="panel">
          <PaymentGroup p={p} />
        </div>
        <div class="panel">
          <Group legend={g.times}>
            {num('slotStepMinutes', h.slotStepMinutes, 1, 1440)}
            {num('gapMinutes', h.gapMinutes, 0, 1440)}
            {num('minNoticeMinutes', h.minNoticeMinutes, 0, 525600)}
            {num('horizonDays', h.horizonDays, 0, 3660)}
            {num('holdMinutes', h.holdMinutes, 1, 1440)}
            {num('waitlistOfferMinutes', h.waitlistOfferMinutes, 1, 1440)}
          </Group>
        </div>
        <div class="panel">
          <Group legend={g.changes}>
            {num('defaultRescheduleLimit', h.defaultRescheduleLimit, 0, 100)}
            <f.Checkbox name="allowStaffChangeOnReschedule" />
            {num('rescheduleNoticeHours', h.rescheduleNoticeHours)}
            {num('cancelNoticeHours', h.cancelNoticeHours)}
          </Group>
        </div>
        <div class="panel">
          <Group legend={g.noShows}>
            {num('noShowLimit', h.noShowLimit, 0, 100)}
            <NoShowWarning reach={p.noShowRule} t={t} />
          </Group>
        </div>
        <div class="panel">
          <Group legend={g.reminders}>{num('reminderHours', h.reminderHours)}</Group>
        </div>
        <div class="panel">
          <Group legend={g.data}>
            {num('retainUnconfirmedDays', h.retainUnconfirmedDays, 1, 3660)}
            {num('retainPastDays', h.retainPastDays, 0, 3660)}
          </Group>
        </div>
        <p class="actions">
          <button type="submit" class="primary">
            {w.save}
          </button>
        </p>
      </form>
      <ZoneList />
    </>
  );
}

function PaymentGroup({ p }: { p: SettingsViewProps }) {
  const { t } = p;
  const h = t.settings.hints;
  const f = boundFields(settingsLabels(t), p.values, p.errors);
  return (
    <Group legend={t.settings.groups.payment}>
      <f.Input name="paymentUrl" type="url" autocomplete="off" hint={h.paymentUrl} />
      <f.Input
        name="paymentSecret"
        type="password"
        autocomplete="new-password"
        hint={`${p.secretStored ? h.secretStored : h.noSecret} ${h.paymentSecret}`}
      />
      {p.secretStored ? (
        <Checkbox
          name="removeSecret"
          label={t.settings.removeSecret}
          checked={p.values.removeSecret === 'on'}
          hint={h.removeSecret}
        />
      ) : null}
    </Group>
  );
}

/** SPEC §10.3: "free services and businesses without a gateway cannot apply the rule; the settings page says so". */
function NoShowWarning({ reach, t }: { reach: NoShowReach; t: DashboardMessages }) {
  if (reach.status === 'no_gateway') {
    return (
      <p class="alert" id="no-show-warning">
        {t.settings.noGateway}
      </p>
    );
  }
  if (reach.status === 'on' && reach.freeServices.length > 0) {
    return (
      <p class="note" id="no-show-warning">
        {t.settings.freeServices(reach.freeServices.map((s) => `“${s.name}”`).join(', '))}
      </p>
    );
  }
  return null;
}
