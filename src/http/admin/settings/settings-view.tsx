/**
 * The business settings form: everything SPEC §1 lists, grouped under legends, each field with a
 * hint saying what it changes. The payment secret is a password field that is never filled in.
 */
import type { NoShowReach } from '../../../app/dashboard/settings/no-show-reach.ts';
import { LOCALES, type Locale } from '../../../i18n/locale.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { Checkbox, ErrorSummary, Group, Notice, Select, ZoneList } from '../form-kit/fields.tsx';
import { Translations, translationLabels } from '../form-kit/translations.tsx';
import { Csrf } from '../layout.tsx';
import type { SettingsValues } from './settings-form-values.ts';

export const SETTINGS_LABELS = {
  name: 'Business name',
  timezone: 'Time zone',
  currency: 'Currency',
  locale: 'Default language',
  staffLabel: 'Staff label',
  ownerEmail: 'Owner email',
  mailFrom: 'Mail sender',
  paymentUrl: 'Payment page address',
  paymentSecret: 'Payment secret',
  slotStepMinutes: 'Slot step, in minutes',
  gapMinutes: 'Gap between bookings, in minutes',
  minNoticeMinutes: 'Minimum notice, in minutes',
  horizonDays: 'Booking horizon, in days',
  holdMinutes: 'Hold time, in minutes',
  defaultRescheduleLimit: 'Reschedule limit',
  allowStaffChangeOnReschedule: 'Clients may choose another staff member when rescheduling',
  rescheduleNoticeHours: 'Reschedule notice, in hours',
  cancelNoticeHours: 'Cancel notice, in hours',
  reminderHours: 'Reminder, in hours before the start',
  retainUnconfirmedDays: 'Keep unconfirmed bookings’ client details, in days',
  retainPastDays: 'Keep past bookings’ client details, in days',
  noShowLimit: 'No-show limit',
  waitlistOfferMinutes: 'Waitlist offer, in minutes',
} as const;

/** The dashboard names each language in English too (the public pages' switcher: LOCALE_NAMES). */
const LANGUAGES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français (French)',
  de: 'Deutsch (German)',
  es: 'Español (Spanish)',
  pt: 'Português (Portuguese)',
};

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
}

export function SettingsView(p: SettingsViewProps) {
  const e = p.errors;
  const f = boundFields(SETTINGS_LABELS, p.values, e);
  const num = (name: keyof typeof SETTINGS_LABELS, hint: string, min = 0, max?: number) => (
    <f.Whole name={name} min={min} max={max} required hint={hint} />
  );
  return (
    <>
      <h1>Business settings</h1>
      <Notice text={p.notice} />
      <ErrorSummary
        errors={e}
        labels={{
          ...SETTINGS_LABELS,
          ...translationLabels('staffLabel', SETTINGS_LABELS.staffLabel, p.businessLocale),
        }}
        title="The settings were not saved"
      />
      <form method="post" action="/admin/settings" class="wide-form" novalidate>
        <Csrf token={p.csrf} />
        <div class="panel">
          <Group legend="Business">
            <f.Input name="name" required hint="Shown on the booking pages and in emails." />
            <f.Input
              name="timezone"
              list="zones"
              required
              spellcheck={false}
              hint="Where the business is, e.g. Europe/Lisbon. Staff hours are wall-clock times in it, unless a member has a zone of their own."
            />
            <f.Input
              name="currency"
              required
              spellcheck={false}
              hint="A three-letter code such as EUR, for services without a currency of their own. Their amounts stay as they are (120.00 EUR becomes 120.00 USD)."
            />
            <Select
              name="locale"
              label={SETTINGS_LABELS.locale}
              value={p.values.locale ?? 'en'}
              options={LOCALES.map((l) => ({ value: l, label: LANGUAGES[l] }))}
              hint="For visitors whose browser asks for none of the languages offered."
              error={e.locale}
            />
            <f.Input
              name="staffLabel"
              required
              hint="The heading above the choice of staff member on the booking page, e.g. “Choose photographer”."
            />
            <Translations
              field="staffLabel"
              label={SETTINGS_LABELS.staffLabel}
              businessLocale={p.businessLocale}
              values={p.values}
              errors={e}
            />
          </Group>
        </div>
        <div class="panel">
          <Group legend="Emails">
            <f.Input
              name="ownerEmail"
              type="email"
              autocomplete="off"
              hint="Gets a copy of every booking email. Leave empty for none."
            />
            <f.Input
              name="mailFrom"
              autocomplete="off"
              hint="The From of the emails sent, e.g. “Lumen Studio <bookings@lumen.example>”. Leave empty for the server's own sender."
            />
          </Group>
        </div>
        <div class="panel">
          <PaymentGroup p={p} />
        </div>
        <div class="panel">
          <Group legend="Booking times">
            {num('slotStepMinutes', 'Distance between the start times offered: 30 gives 09:00, 09:30, 10:00…', 1, 1440)}
            {num('gapMinutes', 'Rest kept free between two bookings of one staff member.', 0, 1440)}
            {num('minNoticeMinutes', 'No booking starts sooner than this from now (120 = two hours).', 0, 525600)}
            {num('horizonDays', 'How far ahead clients can book.', 0, 3660)}
            {num(
              'holdMinutes',
              'How long a booking waiting for the client to confirm their email or to pay keeps its time.',
              1,
              1440,
            )}
            {num(
              'waitlistOfferMinutes',
              'How long a freed time offered to the next client on the waitlist is held for them.',
              1,
              1440,
            )}
          </Group>
        </div>
        <div class="panel">
          <Group legend="Changes by clients">
            {num('defaultRescheduleLimit', 'How many times a booking may be moved, unless its service says.', 0, 100)}
            <f.Checkbox name="allowStaffChangeOnReschedule" />
            {num('rescheduleNoticeHours', 'No moving a booking later than this before it starts (0: until the start).')}
            {num('cancelNoticeHours', 'No cancelling later than this before the start (0: until the start).')}
          </Group>
        </div>
        <div class="panel">
          <Group legend="No-shows">
            {num(
              'noShowLimit',
              'A client with this many bookings marked no-show must pay their next paid booking in full online (no down payment). 0 turns it off.',
              0,
              100,
            )}
            <NoShowWarning reach={p.noShowRule} />
          </Group>
        </div>
        <div class="panel">
          <Group legend="Reminders">
            {num('reminderHours', 'Clients who ask for a reminder get an email this long before their booking.')}
          </Group>
        </div>
        <div class="panel">
          <Group legend="Clients’ data">
            {num(
              'retainUnconfirmedDays',
              'Bookings that expired or were never confirmed lose the client’s name, email, phone, address and notes this many days after they were made.',
              1,
              3660,
            )}
            {num(
              'retainPastDays',
              'Past bookings lose the client’s details this many days after they ended; the booking stays for the books (times, service, staff, amounts). 0 keeps them.',
              0,
              3660,
            )}
          </Group>
        </div>
        <p class="actions">
          <button type="submit" class="primary">
            Save settings
          </button>
        </p>
      </form>
      <ZoneList />
    </>
  );
}

function PaymentGroup({ p }: { p: SettingsViewProps }) {
  const f = boundFields(SETTINGS_LABELS, p.values, p.errors);
  return (
    <Group legend="Online payment">
      <f.Input
        name="paymentUrl"
        type="url"
        autocomplete="off"
        hint="The payment gateway's page clients are sent to. Leave empty to take no payments online (clients then book without paying)."
      />
      <f.Input
        name="paymentSecret"
        type="password"
        autocomplete="new-password"
        hint={`${p.secretStored ? 'A secret is stored: leave this empty to keep it.' : 'No secret is stored.'} The key the gateway and this site sign payments with, at least 16 characters. It is never shown again.`}
      />
      {p.secretStored ? (
        <Checkbox
          name="removeSecret"
          label="Remove the stored secret"
          checked={p.values.removeSecret === 'on'}
          hint="Online payment then needs a new secret; clear the payment page address too."
        />
      ) : null}
    </Group>
  );
}

/** SPEC §10.3: "free services and businesses without a gateway cannot apply the rule; the settings page says so". */
function NoShowWarning({ reach }: { reach: NoShowReach }) {
  if (reach.status === 'no_gateway') {
    return (
      <p class="alert" id="no-show-warning">
        The no-show limit cannot apply: there is no online payment (set a payment page address and secret below), so
        there is nothing to ask a client to pay up front.
      </p>
    );
  }
  if (reach.status === 'on' && reach.freeServices.length > 0) {
    return (
      <p class="note" id="no-show-warning">
        It cannot apply to free services, which have nothing to pay:{' '}
        {reach.freeServices.map((s) => `“${s.name}”`).join(', ')}.
      </p>
    );
  }
  return null;
}
