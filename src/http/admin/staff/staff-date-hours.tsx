/**
 * A member's date-specific hours on their schedule page (SPEC §8.1): the dates with hours of their
 * own (or not worked), each with a Remove button that gives the date its weekly hours back, and
 * the form to set one date: up to two ranges, or "not working that day".
 */
import type { DateHours } from '../../../core/index.ts';
import { formatWallTime } from '../../../core/index.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { longDate } from '../../../i18n/format.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { Notice } from '../form-kit/fields.tsx';
import type { PostedForm } from '../form-kit/posted-form.ts';
import { Csrf } from '../layout.tsx';
import { ListTable, Quiet } from '../list-table.tsx';

/** The form's fields (their labels: t.staff.dateHours.labels). */
const FIELDS = ['date', 'from1', 'to1', 'from2', 'to2', 'closed'] as const;

/** The form's labels by field name (the error summary's too). */
export function dateHoursLabels(t: DashboardMessages) {
  const l = t.staff.dateHours.labels;
  return { date: l.date, from1: l.from1, to1: l.to1, from2: l.from2, to2: l.to2, closed: l.closed };
}

export interface DateHoursFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

/** The posted form: the date, and as the API's body its ranges ([] when "not working" is ticked). */
export function readDateHoursForm(form: PostedForm) {
  const values = Object.fromEntries(FIELDS.map((k) => [k, form.text(k)]));
  const pairs: [string, string][] = [
    [values.from1 ?? '', values.to1 ?? ''],
    [values.from2 ?? '', values.to2 ?? ''],
  ];
  const ranges = values.closed === 'on' ? [] : pairs.filter(([a, b]) => a !== '' || b !== '');
  return { values, date: values.date ?? '', body: { hours: ranges } };
}

/** Where the use case's and the schema's paths land on the form (`hours[1][0]` → the second range). */
export function dateHoursFieldOf(key: string): string {
  if (key === 'date') return 'date';
  if (key.startsWith('hours[1]')) return key.endsWith('[1]') && key !== 'hours[1]' ? 'to2' : 'from2';
  if (key.startsWith('hours[0]')) return key.endsWith('[1]') && key !== 'hours[0]' ? 'to1' : 'from1';
  return 'from1';
}

const ranges = (t: DashboardMessages, list: DateHours[string] | undefined) =>
  list && list.length > 0
    ? list.map((r) => `${formatWallTime(r.start)}–${formatWallTime(r.end)}`).join(', ')
    : t.staff.notWorking;

export interface DateHoursProps {
  readonly t: DashboardMessages;
  readonly csrf: string;
  readonly staffId: string;
  readonly dateHours: DateHours;
  /** Today in the member's zone, to mark dates already past. */
  readonly today: string;
  readonly add: DateHoursFormState;
  readonly notice?: string | undefined;
}

export function DateHoursPanel(p: DateHoursProps) {
  const { t } = p;
  const w = t.staff.dateHours;
  const f = boundFields(dateHoursLabels(t), p.add.values, p.add.errors);
  const dates = Object.keys(p.dateHours).sort();
  const long = (date: string) => longDate(date, t.common.intlLocale);
  return (
    <section class="panel" aria-labelledby="date-hours">
      <h2 id="date-hours">{w.title}</h2>
      <Notice text={p.notice} />
      <p class="hint">{w.hint}</p>
      <ListTable
        rows={dates}
        empty={w.empty}
        caption={w.caption}
        hiddenCaption
        columns={[w.labels.date, t.staff.hours.hours, <Quiet>{t.staff.actions}</Quiet>]}
        row={(date) => (
          <tr class={date < p.today ? 'past' : undefined}>
            <td>
              {long(date)}
              {date < p.today ? <span class="muted">{t.staff.past}</span> : null}
            </td>
            <td>{ranges(t, p.dateHours[date])}</td>
            <td class="row-actions">
              <form method="post" action={`/admin/staff/${p.staffId}/date-hours/${date}/delete`}>
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary" aria-label={w.giveBack(long(date))}>
                  {t.staff.remove}
                </button>
              </form>
            </td>
          </tr>
        )}
      />
      <h3 id="add-date-hours">{w.addTitle}</h3>
      <form method="post" action={`/admin/staff/${p.staffId}/date-hours`} class="inline-fields" novalidate>
        <Csrf token={p.csrf} />
        <f.Input name="date" type="date" required />
        <f.Input name="from1" type="time" hint={w.from1Hint} />
        <f.Input name="to1" type="time" hint={w.to1Hint} />
        <f.Input name="from2" type="time" hint={w.from2Hint} />
        <f.Input name="to2" type="time" />
        <f.Checkbox name="closed" hint={w.closedHint} />
        <p class="actions">
          <button type="submit" class="primary">
            {w.submit}
          </button>
        </p>
      </form>
    </section>
  );
}
