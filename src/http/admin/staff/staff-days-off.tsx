/**
 * A member's days off: the list (with a Change link and a Remove button per row) and the form to
 * add one; also the form to change one, on its own page. Dates are calendar dates, no zone.
 */
import type { StoredDayOff } from '../../../app/dashboard/staff/staff-store.ts';
import { longDate } from '../../../i18n/format.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { ErrorSummary, Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { ListTable, Quiet } from '../list-table.tsx';

export const DAY_OFF_LABELS = { from: 'From', to: 'To', note: 'Note' } as const;

export interface DayOffFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

const day = (date: string) => longDate(date, 'en-GB');

/** "Monday 5 April 2027", or "Monday 5 April 2027 to Friday 9 April 2027" for a range. */
export function dayOffSpan(d: StoredDayOff): string {
  return d.from === d.to ? day(d.from) : `${day(d.from)} to ${day(d.to)}`;
}

function DayOffFields({ state }: { state: DayOffFormState }) {
  const f = boundFields(DAY_OFF_LABELS, state.values, state.errors);
  return (
    <>
      <f.Input name="from" type="date" required />
      <f.Input name="to" type="date" hint="The last day off, included. Leave empty for a single day." />
      <f.Input name="note" hint="Optional, for the team (e.g. “Holiday”); clients do not see it." />
    </>
  );
}

export interface DaysOffProps {
  readonly csrf: string;
  readonly staffId: string;
  readonly daysOff: readonly StoredDayOff[];
  /** Today in the business zone, to mark days off already past. */
  readonly today: string;
  readonly add: DayOffFormState;
  readonly notice?: string | undefined;
}

export function DaysOff(p: DaysOffProps) {
  return (
    <section class="panel" aria-labelledby="days-off">
      <h2 id="days-off">Days off</h2>
      <Notice text={p.notice} />
      <p class="hint">Days off are removed from the booking calendar at once. Bookings already made stay.</p>
      <ListTable
        rows={p.daysOff}
        empty="No days off."
        caption="Days off"
        hiddenCaption
        columns={['From', 'To', 'Note', <Quiet>Actions</Quiet>]}
        row={(d) => (
          <tr class={d.to < p.today ? 'past' : undefined}>
            <td>
              {day(d.from)}
              {d.to < p.today ? <span class="muted"> (past)</span> : null}
            </td>
            <td>{day(d.to)}</td>
            <td>{d.note ?? ''}</td>
            <td class="row-actions">
              <a href={`/admin/staff/${p.staffId}/days-off/${d.id}`} aria-label={`Change the day off ${dayOffSpan(d)}`}>
                Change
              </a>
              <form method="post" action={`/admin/staff/${p.staffId}/days-off/${d.id}/delete`}>
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary" aria-label={`Remove the day off ${dayOffSpan(d)}`}>
                  Remove
                </button>
              </form>
            </td>
          </tr>
        )}
      />
      <h3 id="add-day-off">Add a day off</h3>
      <form method="post" action={`/admin/staff/${p.staffId}/days-off`} class="inline-fields" novalidate>
        <Csrf token={p.csrf} />
        <DayOffFields state={p.add} />
        <p class="actions">
          <button type="submit" class="primary">
            Add day off
          </button>
        </p>
      </form>
    </section>
  );
}

/** The page to change one day off. */
export function EditDayOff(p: {
  csrf: string;
  staffId: string;
  dayOffId: string;
  memberName: string;
  state: DayOffFormState;
}) {
  return (
    <>
      <p class="crumbs">
        <a href={`/admin/staff/${p.staffId}#days-off`}>{p.memberName}</a>
      </p>
      <h1>Change a day off</h1>
      <ErrorSummary errors={p.state.errors} labels={DAY_OFF_LABELS} title="The day off was not saved" />
      <form method="post" action={`/admin/staff/${p.staffId}/days-off/${p.dayOffId}`} class="panel" novalidate>
        <Csrf token={p.csrf} />
        <DayOffFields state={p.state} />
        <p class="actions">
          <button type="submit" class="primary">
            Save day off
          </button>
          <a href={`/admin/staff/${p.staffId}#days-off`}>Cancel</a>
        </p>
      </form>
    </>
  );
}
