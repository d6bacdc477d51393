/**
 * A member's time off with times on their schedule page (SPEC §8.2): blocks of local date-time
 * in the member's zone (an afternoon at the dentist, three days at a conference), each with a
 * Remove button, and the form to add one.
 */
import type { StoredBlock } from '../../../app/dashboard/staff/staff-store.ts';
import { longDate } from '../../../i18n/format.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { ListTable, Quiet } from '../list-table.tsx';

/** The form's fields (named apart from the days-off form's on the same page: ids come from names). */
export const BLOCK_LABELS = { blockFrom: 'From', blockTo: 'Until', blockNote: 'Note' } as const;

/** An API field of a block (`from`) → its field on the form (`blockFrom`). */
export const blockFieldOf = (key: string) => `block${key.charAt(0).toUpperCase()}${key.slice(1)}`;

export interface BlockFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

/** `2027-06-16T13:00` → "Wednesday, 16 June 2027 at 13:00". */
export const localMoment = (text: string) => `${longDate(text.slice(0, 10), 'en-GB')} at ${text.slice(11, 16)}`;

export interface BlocksProps {
  readonly csrf: string;
  readonly staffId: string;
  readonly blocks: readonly StoredBlock[];
  readonly zone: string;
  /** Now as a local date-time in the member's zone, to mark blocks already over. */
  readonly now: string;
  readonly add: BlockFormState;
  readonly notice?: string | undefined;
}

export function BlocksPanel(p: BlocksProps) {
  const f = boundFields(BLOCK_LABELS, p.add.values, p.add.errors);
  return (
    <section class="panel" aria-labelledby="blocks">
      <h2 id="blocks">Time off with times</h2>
      <Notice text={p.notice} />
      <p class="hint">
        Times not to be booked, in {p.zone}: counted like a booking, with the rest time between bookings on both sides.
        Bookings already made stay.
      </p>
      <ListTable
        rows={p.blocks}
        empty="No time off with times."
        caption="Time off with times"
        hiddenCaption
        columns={['From', 'Until', 'Note', <Quiet>Actions</Quiet>]}
        row={(b) => (
          <tr class={b.to <= p.now ? 'past' : undefined}>
            <td>
              {localMoment(b.from)}
              {b.to <= p.now ? <span class="muted"> (past)</span> : null}
            </td>
            <td>{localMoment(b.to)}</td>
            <td>{b.note ?? ''}</td>
            <td class="row-actions">
              <form method="post" action={`/admin/staff/${p.staffId}/blocks/${b.id}/delete`}>
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary" aria-label={`Remove the time off from ${localMoment(b.from)}`}>
                  Remove
                </button>
              </form>
            </td>
          </tr>
        )}
      />
      <h3 id="add-block">Add time off</h3>
      <form method="post" action={`/admin/staff/${p.staffId}/blocks`} class="inline-fields" novalidate>
        <Csrf token={p.csrf} />
        <f.Input name="blockFrom" type="datetime-local" required />
        <f.Input name="blockTo" type="datetime-local" required hint="The first moment bookable again." />
        <f.Input name="blockNote" hint="Optional, for the team (e.g. “Dentist”); clients do not see it." />
        <p class="actions">
          <button type="submit" class="primary">
            Add time off
          </button>
        </p>
      </form>
    </section>
  );
}
