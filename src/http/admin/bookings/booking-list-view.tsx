/**
 * The booking list: a GET search form (text, dates, staff for admins, status), the page of
 * bookings as a table whose rows link to each booking, and a "Next page" link carrying the
 * list's keyset cursor. Times are in the business zone.
 */
import { statusAt } from '../../../app/allowances.ts';
import type { Booking } from '../../../app/model.ts';
import { ErrorSummary, Input } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { ListTable } from '../list-table.tsx';
import { STATUS_LABELS, when, zoneLabel } from './booking-format.ts';
import { OUTCOME_LABELS } from './booking-rules-view.tsx';
import { BOOKING_STATUSES } from './bookings-api.ts';

/** The search as typed (strings, '' when not given). */
export interface ListFilters {
  readonly q: string;
  readonly from: string;
  readonly to: string;
  readonly staff: string;
  readonly status: string;
}

export interface BookingListView {
  readonly filters: ListFilters;
  /** Admins: the members to filter by; staff: empty (they see only their own). */
  readonly staff: readonly { readonly id: string; readonly name: string }[];
  readonly bookings: readonly Booking[];
  readonly nextCursor: string | null;
  /** Whether this is a later page (offers a link back to the first). */
  readonly paged: boolean;
  readonly timezone: string;
  readonly now: number;
  readonly errors?: Readonly<Record<string, string>>;
  /** The session's CSRF token, for the rows' outcome buttons. */
  readonly csrf: string;
}

const LABELS = { q: 'Search', from: 'From', to: 'To', staff: 'Staff', status: 'Status', cursor: 'Page' };

/** The list's URL for the same search, at a cursor. */
export function listHref(f: ListFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
  if (cursor) params.set('cursor', cursor);
  const qs = params.toString();
  return qs ? `/admin/bookings?${qs}` : '/admin/bookings';
}

export function BookingListContent(v: BookingListView) {
  const f = v.filters;
  const errors = v.errors ?? {};
  return (
    <>
      <div class="page-head">
        <h1>Bookings</h1>
        <a class="button primary" href="/admin/bookings/new">
          New booking
        </a>
      </div>
      <ErrorSummary errors={errors} labels={LABELS} title="Please check the search" />
      <form method="get" action="/admin/bookings" class="panel booking-search" aria-label="Search bookings">
        <Input
          name="q"
          label="Search"
          type="search"
          value={f.q}
          hint="Reference, client name, email or phone"
          error={errors.q}
        />
        <Input name="from" label="From" type="date" value={f.from} error={errors.from} />
        <Input name="to" label="To" type="date" value={f.to} error={errors.to} />
        {v.staff.length > 0 ? (
          <p class="field">
            <label for="f-staff">Staff</label>
            <select id="f-staff" name="staff" aria-invalid={errors.staff ? 'true' : undefined}>
              <option value="">Everyone</option>
              {v.staff.map((m) => (
                <option value={m.id} selected={f.staff === m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </p>
        ) : null}
        <p class="field">
          <label for="f-status">Status</label>
          <select id="f-status" name="status" aria-invalid={errors.status ? 'true' : undefined}>
            <option value="">Any status</option>
            {BOOKING_STATUSES.map((s) => (
              <option value={s} selected={f.status === s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </p>
        <p class="actions">
          <button type="submit" class="primary">
            Search
          </button>
          <a href="/admin/bookings">Clear</a>
        </p>
      </form>
      <BookingTable {...v} />
      <nav class="pager" aria-label="Pages of bookings">
        {v.paged ? <a href={listHref(f)}>First page</a> : null}
        {v.nextCursor ? (
          <a href={listHref(f, v.nextCursor)} rel="next">
            Next page
          </a>
        ) : null}
      </nav>
    </>
  );
}

function BookingTable(v: BookingListView) {
  if (v.bookings.length === 0) {
    return (
      <div class="panel empty">
        <h2>No bookings</h2>
        <p>
          {v.paged ? 'There are no more bookings for this search.' : 'No booking matches this search.'} Try other dates
          or clear the search, or <a href="/admin/bookings/new">make a booking</a>.
        </p>
      </div>
    );
  }
  return (
    <ListTable
      rows={v.bookings}
      empty={null}
      class="bookings"
      caption={`Times in ${zoneLabel(v.timezone)}`}
      columns={['When', 'Client', 'Service', 'Staff', 'Status', 'Reference', 'Outcome']}
      row={(b) => {
        const status = statusAt(b, v.now);
        return (
          <tr>
            <th scope="row">
              <a class="row-link" href={`/admin/bookings/${b.id}`}>
                {when(b.start, b.end, v.timezone)}
              </a>
            </th>
            <td>
              {b.client.name}
              <br />
              <span class="muted">{b.client.phone || b.client.email}</span>
            </td>
            <td>{b.serviceName}</td>
            <td>{b.staffName}</td>
            <td>
              <span class={`badge status-${status}`}>{STATUS_LABELS[status]}</span>
            </td>
            <td>
              <code>{b.reference}</code>
            </td>
            <td>
              <OutcomeCell b={b} status={status} now={v.now} csrf={v.csrf} back={listHref(v.filters)} />
            </td>
          </tr>
        );
      }}
    />
  );
}

/** A past confirmed booking's mark, with buttons to set it (SPEC §10.3); nothing for the others. */
export function OutcomeCell(p: { b: Booking; status: string; now: number; csrf: string; back: string }) {
  const { b } = p;
  if (p.status !== 'confirmed' || b.start > p.now) return null;
  const who = `${b.client.name}, ${b.reference}`;
  return (
    <form method="post" action={`/admin/bookings/${b.id}/outcome`} class="inline-actions">
      <Csrf token={p.csrf} />
      <input type="hidden" name="back" value={p.back} />
      {b.outcome ? <span class="badge">{OUTCOME_LABELS[b.outcome]}</span> : null}
      <button
        type="submit"
        name="outcome"
        value="completed"
        class="secondary small"
        aria-label={`Mark completed: ${who}`}
      >
        Completed
      </button>
      <button type="submit" name="outcome" value="no_show" class="secondary small" aria-label={`Mark no-show: ${who}`}>
        No-show
      </button>
    </form>
  );
}
