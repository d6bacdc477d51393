/**
 * The business settings form's values: from the stored settings, and from a posted form as the
 * body updateSettings takes. The payment secret is write-only: it is never put in the page; an
 * empty field keeps the stored one, the "remove" box clears it.
 */
import type { BusinessSettings } from '../../../app/dashboard/settings/settings-store.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { type Problems, textOrNull, ticked, wholeOf } from '../form-kit/form-body.ts';
import type { PostedForm } from '../form-kit/posted-form.ts';
import { readTranslated, translationRename, translationValues } from '../form-kit/translations.tsx';
import { own } from '../language.ts';

/** The whole-number settings, all required (an empty field is a mistake, not "keep"). */
export const NUMBER_SETTINGS = [
  'slotStepMinutes',
  'gapMinutes',
  'minNoticeMinutes',
  'horizonDays',
  'holdMinutes',
  'defaultRescheduleLimit',
  'cancelNoticeHours',
  'rescheduleNoticeHours',
  'reminderHours',
  'retainUnconfirmedDays',
  'retainPastDays',
  'noShowLimit',
  'waitlistOfferMinutes',
] as const;

const TEXT_SETTINGS = [
  'name',
  'timezone',
  'currency',
  'locale',
  'staffLabel',
  'ownerEmail',
  'mailFrom',
  'paymentUrl',
] as const;

export type SettingsValues = Readonly<Record<string, string>>;

export function settingsFormOf(s: BusinessSettings): SettingsValues {
  const values: Record<string, string> = {};
  for (const k of TEXT_SETTINGS) values[k] = s[k] ?? '';
  for (const k of NUMBER_SETTINGS) values[k] = String(s[k]);
  values.allowStaffChangeOnReschedule = s.allowStaffChangeOnReschedule ? 'on' : '';
  // The business language's label in staffLabel, the others in their own inputs (SPEC §12).
  Object.assign(values, translationValues('staffLabel', s.staffLabel, s.staffLabelWordings, s.locale));
  return values;
}

/** `staffLabel.pt` (an API path) → the input it came from. */
export const settingsRename = (key: string) => translationRename(['staffLabel'], key) ?? key;

/** The posted settings as the API's body, the values to show again, and the form's own problems. */
export function readSettingsForm(
  form: PostedForm,
  businessLocale: string,
): {
  values: SettingsValues;
  body: Record<string, unknown>;
  problems: Problems;
} {
  const problems: Problems = new Map();
  const staffLabel = readTranslated(form, 'staffLabel', businessLocale);
  const body: Record<string, unknown> = {
    name: form.text('name'),
    timezone: form.text('timezone'),
    currency: form.text('currency').toUpperCase(),
    locale: form.text('locale'),
    staffLabel: staffLabel.value,
    ownerEmail: textOrNull(form, 'ownerEmail'),
    mailFrom: textOrNull(form, 'mailFrom'),
    paymentUrl: textOrNull(form, 'paymentUrl'),
    allowStaffChangeOnReschedule: ticked(form, 'allowStaffChangeOnReschedule'),
  };
  for (const k of NUMBER_SETTINGS) {
    body[k] = wholeOf(form, k, problems, undefined);
    if (form.text(k) === '') problems.set(k, 'required');
  }
  const secret = form.raw('paymentSecret');
  if (ticked(form, 'removeSecret')) {
    if (secret) problems.set('paymentSecret', 'type a new secret or tick “Remove the stored secret”, not both');
    body.paymentSecret = null;
  } else if (secret) {
    body.paymentSecret = secret;
  }
  const values: Record<string, string> = Object.fromEntries(
    [...TEXT_SETTINGS, ...NUMBER_SETTINGS].map((k) => [k, form.text(k)]),
  );
  values.allowStaffChangeOnReschedule = body.allowStaffChangeOnReschedule ? 'on' : '';
  values.removeSecret = ticked(form, 'removeSecret') ? 'on' : '';
  Object.assign(values, staffLabel.values);
  return { values, body, problems };
}

/** The use case's and schema's words about fields, in the form's terms and the dashboard's language (rare ones stay English). */
export function settingsMessage(message: string, t: DashboardMessages): string {
  return own(t.settings.problems, message) ? t.settings.problems[message] : message;
}
