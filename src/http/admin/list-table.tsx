/**
 * A dashboard list: a table of rows with a caption and column headings, or one muted line saying
 * there is nothing yet. The services, staff, days off, bookings, keys, webhooks and delivery log
 * are all shown by it, so they look and read alike.
 */
import type { Child } from 'hono/jsx';

export interface ListTableProps<T> {
  readonly rows: readonly T[];
  /** What is said instead of an empty table. */
  readonly empty: Child;
  /** Classes beside `list`. */
  readonly class?: string;
  /** Shown above the rows; `hiddenCaption`: for screen readers only. None: no caption. */
  readonly caption?: Child;
  readonly hiddenCaption?: boolean;
  readonly columns: readonly Child[];
  readonly row: (item: T) => Child;
}

export function ListTable<T>(p: ListTableProps<T>) {
  if (p.rows.length === 0) return <p class="muted">{p.empty}</p>;
  return (
    <div class="table-wrap">
      <table class={p.class ? `list ${p.class}` : 'list'}>
        {p.caption === undefined ? null : (
          <caption class={p.hiddenCaption ? 'visually-hidden' : 'muted'}>{p.caption}</caption>
        )}
        <thead>
          <tr>
            {p.columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{p.rows.map(p.row)}</tbody>
      </table>
    </div>
  );
}

/** A column heading that is not read as data (a column of buttons). */
export const Quiet = ({ children }: { children?: Child }) => <span class="muted">{children}</span>;
