/**
 * A member's date-specific hours on their schedule page (SPEC §8.1): the dates with hours of their
 * own (or not worked), each with a Remove button that gives the date its weekly hours back, and
 * the form to set one date: up to two ranges, or "not working that day".
 */
import type { DateHours } from '../../../core/index.ts';
import { formatWallTime } from '../../../core/index.ts';
import { longDate } from '../../../i18n/format.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { Notice } from '../form-kit/fields.tsx';
import type { PostedForm } from '../form-kit/posted-form.ts';
import { Csrf } from '../layout.tsx';
import { ListTable, Quiet } from '../list-table.tsx';

export const DATE_HOURS_LABELS = {
  date: 'Date',
  from1: 'From',
  to1: 'To',
  from2: 'Then from',
  to2: 'Then to',
  closed: 'Not working that day',
} as const;

export interface DateHoursFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

/** The posted form: the date, and as the API's body its ranges ([] when "not working" is ticked). */
export function readDateHoursForm(form: PostedForm) {
  const values = Object.fromEntries(Object.keys(DATE_HOURS_LABELS).map((k) => [k, form.text(k)]));
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

const ranges = (list: DateHours[string] | undefined) =>
  list && list.length > 0
    ? list.map((r) => `${formatWallTime(r.start)}–${formatWallTime(r.end)}`).join(', ')
    : 'Not working';

export interface DateHoursProps {
  readonly csrf: string;
  readonly staffId: string;
  readonly dateHours: DateHours;
  /** Today in the member's zone, to mark dates already past. */
  readonly today: string;
  readonly add: DateHoursFormState;
  readonly notice?: string | undefined;
}

export function DateHoursPanel(p: DateHoursProps) {
  const f = boundFields(DATE_HOURS_LABELS, p.add.values, p.add.errors);
  const dates = Object.keys(p.dateHours).sort();
  return (
    <section class="panel" aria-labelledby="date-hours">
      <h2 id="date-hours">Hours on particular dates</h2>
      <Notice text={p.notice} />
      <p class="hint">
        A date listed here is worked only in its own hours, instead of the weekly ones: a Saturday opened once, a short
        day. A day off still wins.
      </p>
      <ListTable
        rows={dates}
        empty="No dates with hours of their own."
        caption="Dates with their own hours"
        hiddenCaption
        columns={['Date', 'Hours', <Quiet>Actions</Quiet>]}
        row={(date) => (
          <tr class={date < p.today ? 'past' : undefined}>
            <td>
              {longDate(date, 'en-GB')}
              {date < p.today ? <span class="muted"> (past)</span> : null}
            </td>
            <td>{ranges(p.dateHours[date])}</td>
            <td class="row-actions">
              <form method="post" action={`/admin/staff/${p.staffId}/date-hours/${date}/delete`}>
                <Csrf token={p.csrf} />
                <button
                  type="submit"
                  class="secondary"
                  aria-label={`Give ${longDate(date, 'en-GB')} its weekly hours back`}
                >
                  Remove
                </button>
              </form>
            </td>
          </tr>
        )}
      />
      <h3 id="add-date-hours">Set the hours of a date</h3>
      <form method="post" action={`/admin/staff/${p.staffId}/date-hours`} class="inline-fields" novalidate>
        <Csrf token={p.csrf} />
        <f.Input name="date" type="date" required />
        <f.Input name="from1" type="time" hint="HH:MM, in the member’s time zone." />
        <f.Input name="to1" type="time" hint="24:00 for midnight." />
        <f.Input name="from2" type="time" hint="Optional: a second range, e.g. after lunch." />
        <f.Input name="to2" type="time" />
        <f.Checkbox name="closed" hint="The date is not worked at all." />
        <p class="actions">
          <button type="submit" class="primary">
            Set hours
          </button>
        </p>
      </form>
    </section>
  );
}
