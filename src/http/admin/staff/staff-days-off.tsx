/**
 * A member's days off: the list (with a Change link and a Remove button per row) and the form to
 * add one; also the form to change one, on its own page. Dates are calendar dates, no zone.
 */
import type { StoredDayOff } from '../../../app/dashboard/staff/staff-store.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { longDate } from '../../../i18n/format.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { ErrorSummary, Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { ListTable, Quiet } from '../list-table.tsx';

export interface DayOffFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

const day = (t: DashboardMessages, date: string) => longDate(date, t.common.intlLocale);

/** "Monday 5 April 2027", or "Monday 5 April 2027 to Friday 9 April 2027" for a range. */
export function dayOffSpan(t: DashboardMessages, d: StoredDayOff): string {
  return d.from === d.to ? day(t, d.from) : t.staff.daysOff.span(day(t, d.from), day(t, d.to));
}

function DayOffFields({ t, state }: { t: DashboardMessages; state: DayOffFormState }) {
  const w = t.staff.daysOff;
  const f = boundFields(w.labels, state.values, state.errors);
  return (
    <>
      <f.Input name="from" type="date" required />
      <f.Input name="to" type="date" hint={w.toHint} />
      <f.Input name="note" hint={w.noteHint} />
    </>
  );
}

export interface DaysOffProps {
  readonly t: DashboardMessages;
  readonly csrf: string;
  readonly staffId: string;
  readonly daysOff: readonly StoredDayOff[];
  /** Today in the business zone, to mark days off already past. */
  readonly today: string;
  readonly add: DayOffFormState;
  readonly notice?: string | undefined;
}

export function DaysOff(p: DaysOffProps) {
  const { t } = p;
  const w = t.staff.daysOff;
  return (
    <section class="panel" aria-labelledby="days-off">
      <h2 id="days-off">{w.title}</h2>
      <Notice text={p.notice} />
      <p class="hint">{w.hint}</p>
      <ListTable
        rows={p.daysOff}
        empty={w.empty}
        caption={w.title}
        hiddenCaption
        columns={[w.labels.from, w.labels.to, w.labels.note, <Quiet>{t.staff.actions}</Quiet>]}
        row={(d) => (
          <tr class={d.to < p.today ? 'past' : undefined}>
            <td>
              {day(t, d.from)}
              {d.to < p.today ? <span class="muted">{t.staff.past}</span> : null}
            </td>
            <td>{day(t, d.to)}</td>
            <td>{d.note ?? ''}</td>
            <td class="row-actions">
              <a href={`/admin/staff/${p.staffId}/days-off/${d.id}`} aria-label={w.changeOne(dayOffSpan(t, d))}>
                {w.change}
              </a>
              <form method="post" action={`/admin/staff/${p.staffId}/days-off/${d.id}/delete`}>
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary" aria-label={w.removeOne(dayOffSpan(t, d))}>
                  {t.staff.remove}
                </button>
              </form>
            </td>
          </tr>
        )}
      />
      <h3 id="add-day-off">{w.addTitle}</h3>
      <form method="post" action={`/admin/staff/${p.staffId}/days-off`} class="inline-fields" novalidate>
        <Csrf token={p.csrf} />
        <DayOffFields t={t} state={p.add} />
        <p class="actions">
          <button type="submit" class="primary">
            {w.add}
          </button>
        </p>
      </form>
    </section>
  );
}

/** The page to change one day off. */
export function EditDayOff(p: {
  t: DashboardMessages;
  csrf: string;
  staffId: string;
  dayOffId: string;
  memberName: string;
  state: DayOffFormState;
}) {
  const { t } = p;
  const w = t.staff.daysOff;
  return (
    <>
      <p class="crumbs">
        <a href={`/admin/staff/${p.staffId}#days-off`}>{p.memberName}</a>
      </p>
      <h1>{w.editTitle}</h1>
      <ErrorSummary errors={p.state.errors} labels={w.labels} title={w.editRefused} />
      <form method="post" action={`/admin/staff/${p.staffId}/days-off/${p.dayOffId}`} class="panel" novalidate>
        <Csrf token={p.csrf} />
        <DayOffFields t={t} state={p.state} />
        <p class="actions">
          <button type="submit" class="primary">
            {w.save}
          </button>
          <a href={`/admin/staff/${p.staffId}#days-off`}>{w.cancel}</a>
        </p>
      </form>
    </>
  );
}
