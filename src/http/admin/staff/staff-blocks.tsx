/**
 * A member's time off with times on their schedule page (SPEC §8.2): blocks of local date-time
 * in the member's zone (an afternoon at the dentist, three days at a conference), each with a
 * Remove button, and the form to add one.
 */
import type { StoredBlock } from '../../../app/dashboard/staff/staff-store.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { longDate } from '../../../i18n/format.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { ListTable, Quiet } from '../list-table.tsx';

/**
 * The form's fields are named apart from the days-off form's on the same page (ids come from
 * names): `blockFrom`, `blockTo`, `blockNote` (their labels: t.staff.blocks.labels).
 *
 * An API field of a block (`from`) → its field on the form (`blockFrom`). */
export const blockFieldOf = (key: string) => `block${key.charAt(0).toUpperCase()}${key.slice(1)}`;

export interface BlockFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

/** `2027-06-16T13:00` → "Wednesday, 16 June 2027 at 13:00". */
export const localMoment = (t: DashboardMessages, text: string) =>
  t.staff.blocks.moment(longDate(text.slice(0, 10), t.common.intlLocale), text.slice(11, 16));

export interface BlocksProps {
  readonly t: DashboardMessages;
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
  const { t } = p;
  const w = t.staff.blocks;
  const f = boundFields(w.labels, p.add.values, p.add.errors);
  return (
    <section class="panel" aria-labelledby="blocks">
      <h2 id="blocks">{w.title}</h2>
      <Notice text={p.notice} />
      <p class="hint">{w.hint(p.zone)}</p>
      <ListTable
        rows={p.blocks}
        empty={w.empty}
        caption={w.title}
        hiddenCaption
        columns={[w.labels.blockFrom, w.labels.blockTo, w.labels.blockNote, <Quiet>{t.staff.actions}</Quiet>]}
        row={(b) => (
          <tr class={b.to <= p.now ? 'past' : undefined}>
            <td>
              {localMoment(t, b.from)}
              {b.to <= p.now ? <span class="muted">{t.staff.past}</span> : null}
            </td>
            <td>{localMoment(t, b.to)}</td>
            <td>{b.note ?? ''}</td>
            <td class="row-actions">
              <form method="post" action={`/admin/staff/${p.staffId}/blocks/${b.id}/delete`}>
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary" aria-label={w.removeOne(localMoment(t, b.from))}>
                  {t.staff.remove}
                </button>
              </form>
            </td>
          </tr>
        )}
      />
      <h3 id="add-block">{w.addTitle}</h3>
      <form method="post" action={`/admin/staff/${p.staffId}/blocks`} class="inline-fields" novalidate>
        <Csrf token={p.csrf} />
        <f.Input name="blockFrom" type="datetime-local" required />
        <f.Input name="blockTo" type="datetime-local" required hint={w.toHint} />
        <f.Input name="blockNote" hint={w.noteHint} />
        <p class="actions">
          <button type="submit" class="primary">
            {w.add}
          </button>
        </p>
      </form>
    </section>
  );
}
