/**
 * A member's external busy calendars on their schedule page (SPEC §8.3): each with its masked
 * address, when it last succeeded, the last error when the last fetch failed, how many busy times
 * it holds, "Refresh now" and "Remove"; and the form to subscribe one. The secret address is never
 * shown again once saved.
 */
import type { StaffCalendar } from '../../../app/dashboard/calendars/calendar-store.ts';
import { maskCalendarUrl } from '../../../app/dashboard/calendars/calendar-url.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { mediumMoment } from '../../../i18n/format.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { ListTable, Quiet } from '../list-table.tsx';

/** The form's labels by field name (the error summary's too). */
export function calendarLabels(t: DashboardMessages) {
  return { label: t.calendars.labels.label, url: t.calendars.labels.url };
}

export interface CalendarFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

export interface CalendarsProps {
  readonly t: DashboardMessages;
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

function State({ t, c, zone }: { t: DashboardMessages; c: StaffCalendar; zone: string }) {
  const w = t.calendars;
  const success = c.lastSuccessAt === null ? w.never : mediumMoment(c.lastSuccessAt, zone, t.common.intlLocale);
  return (
    <>
      <span>
        {w.lastFetched(success)}
        {c.lastSuccessAt === null ? null : w.busyTimes(c.events)}
      </span>
      {c.lastError === null ? null : (
        <span class="error">
          {' '}
          {w.lastTryFailed(c.lastError)}
          {c.lastSuccessAt === null ? '' : w.goodCopyKept}
        </span>
      )}
    </>
  );
}

export function CalendarsPanel(p: CalendarsProps) {
  const { t } = p;
  const w = t.calendars;
  const f = boundFields(calendarLabels(t), p.add.values, p.add.errors);
  return (
    <section class="panel" aria-labelledby="calendars">
      <h2 id="calendars">{w.title}</h2>
      <Notice text={p.notice} />
      <p class="hint">
        {w.intro} {p.pollMinutes === null ? w.onRefresh : w.polled(p.pollMinutes)}
      </p>
      <ListTable
        rows={p.calendars}
        empty={w.empty}
        caption={w.caption}
        hiddenCaption
        columns={[w.labels.label, w.address, w.state, <Quiet>{t.staff.actions}</Quiet>]}
        row={(c) => (
          <tr>
            <td>{c.label}</td>
            <td>
              <code>{maskCalendarUrl(c.url)}</code>
            </td>
            <td>
              <State t={t} c={c} zone={p.zone} />
            </td>
            <td class="row-actions">
              <form method="post" action={`/admin/staff/${p.staffId}/calendars/${c.id}/refresh`}>
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary" aria-label={w.refreshOne(c.label)}>
                  {w.refresh}
                </button>
              </form>
              <form method="post" action={`/admin/staff/${p.staffId}/calendars/${c.id}/delete`}>
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary" aria-label={w.removeOne(c.label)}>
                  {t.staff.remove}
                </button>
              </form>
            </td>
          </tr>
        )}
      />
      <h3 id="add-calendar">{w.addTitle}</h3>
      <form method="post" action={`/admin/staff/${p.staffId}/calendars`} class="inline-fields" novalidate>
        <Csrf token={p.csrf} />
        <f.Input name="label" hint={w.labelHint} />
        <f.Input name="url" type="url" required spellcheck={false} autocomplete="off" hint={w.urlHint} />
        <p class="actions">
          <button type="submit" class="primary">
            {w.subscribe}
          </button>
        </p>
      </form>
    </section>
  );
}
