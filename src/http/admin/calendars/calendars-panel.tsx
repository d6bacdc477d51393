/**
 * A member's external busy calendars on their schedule page (SPEC §8.3): each with its masked
 * address, when it last succeeded, the last error when the last fetch failed, how many busy times
 * it holds, "Refresh now" and "Remove"; and the form to subscribe one. The secret address is never
 * shown again once saved.
 */
import type { StaffCalendar } from '../../../app/dashboard/calendars/calendar-store.ts';
import { maskCalendarUrl } from '../../../app/dashboard/calendars/calendar-url.ts';
import { mediumMoment } from '../../../i18n/format.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { ListTable, Quiet } from '../list-table.tsx';

export const CALENDAR_LABELS = { label: 'Name', url: 'Calendar address (iCalendar URL)' } as const;

export interface CalendarFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

export interface CalendarsProps {
  readonly csrf: string;
  readonly staffId: string;
  readonly calendars: readonly StaffCalendar[];
  /** The zone times are shown in. */
  readonly zone: string;
  /** Minutes between fetches; null = not polled. */
  readonly pollMinutes: number | null;
  readonly add: CalendarFormState;
  readonly notice?: string | undefined;
}

function State({ c, zone }: { c: StaffCalendar; zone: string }) {
  const success = c.lastSuccessAt === null ? 'never' : mediumMoment(c.lastSuccessAt, zone, 'en-GB');
  return (
    <>
      <span>
        Last fetched: {success}
        {c.lastSuccessAt === null ? null : `, ${c.events} busy ${c.events === 1 ? 'time' : 'times'}`}
      </span>
      {c.lastError === null ? null : (
        <span class="error">
          {' '}
          Last try failed: {c.lastError}
          {c.lastSuccessAt === null ? '' : ' (the last good copy is kept)'}
        </span>
      )}
    </>
  );
}

export function CalendarsPanel(p: CalendarsProps) {
  const f = boundFields(CALENDAR_LABELS, p.add.values, p.add.errors);
  return (
    <section class="panel" aria-labelledby="calendars">
      <h2 id="calendars">Busy times from other calendars</h2>
      <Notice text={p.notice} />
      <p class="hint">
        Subscribe to the calendars this person already keeps (the secret address of a Google calendar, a published
        Outlook calendar, any iCalendar link): their events are not bookable.{' '}
        {p.pollMinutes === null
          ? 'Each is fetched when added and when you press “Refresh now”.'
          : `Each is fetched when added, then every ${p.pollMinutes} minutes.`}
      </p>
      <ListTable
        rows={p.calendars}
        empty="No calendars subscribed."
        caption="Subscribed calendars"
        hiddenCaption
        columns={['Name', 'Address', 'State', <Quiet>Actions</Quiet>]}
        row={(c) => (
          <tr>
            <td>{c.label}</td>
            <td>
              <code>{maskCalendarUrl(c.url)}</code>
            </td>
            <td>
              <State c={c} zone={p.zone} />
            </td>
            <td class="row-actions">
              <form method="post" action={`/admin/staff/${p.staffId}/calendars/${c.id}/refresh`}>
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary" aria-label={`Refresh ${c.label} now`}>
                  Refresh now
                </button>
              </form>
              <form method="post" action={`/admin/staff/${p.staffId}/calendars/${c.id}/delete`}>
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary" aria-label={`Remove ${c.label}`}>
                  Remove
                </button>
              </form>
            </td>
          </tr>
        )}
      />
      <h3 id="add-calendar">Subscribe to a calendar</h3>
      <form method="post" action={`/admin/staff/${p.staffId}/calendars`} class="inline-fields" novalidate>
        <Csrf token={p.csrf} />
        <f.Input name="label" hint="Optional, e.g. “Personal”." />
        <f.Input
          name="url"
          type="url"
          required
          spellcheck={false}
          autocomplete="off"
          hint="https://…; in Google Calendar: Settings, the calendar, “Secret address in iCal format”. Kept secret: it is not shown again."
        />
        <p class="actions">
          <button type="submit" class="primary">
            Subscribe
          </button>
        </p>
      </form>
    </section>
  );
}
