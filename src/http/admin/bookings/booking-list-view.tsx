/**
 * The booking list: a GET search form (text, dates, staff for admins, status), the page of
 * bookings as a table whose rows link to each booking, and a "Next page" link carrying the
 * list's keyset cursor. Times are in the business zone.
 */
import { statusAt } from '../../../app/allowances.ts';
import type { Booking } from '../../../app/model.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { ErrorSummary, Input } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { ListTable } from '../list-table.tsx';
import { when, zoneLabel } from './booking-format.ts';
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
  readonly t: DashboardMessages;
}

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
  const { t } = v;
  const w = t.bookings.list;
  const labels = { q: w.search, from: w.from, to: w.to, staff: w.staff, status: w.status, cursor: w.page };
  return (
    <>
      <div class="page-head">
        <h1>{t.bookings.title}</h1>
        <a class="button primary" href="/admin/bookings/new">
          {w.newBooking}
        </a>
      </div>
      <ErrorSummary errors={errors} labels={labels} title={w.checkSearch} />
      <form method="get" action="/admin/bookings" class="panel booking-search" aria-label={w.searchLabel}>
        <Input name="q" label={w.search} type="search" value={f.q} hint={w.searchHint} error={errors.q} />
        <Input name="from" label={w.from} type="date" value={f.from} error={errors.from} />
        <Input name="to" label={w.to} type="date" value={f.to} error={errors.to} />
        {v.staff.length > 0 ? (
          <p class="field">
            <label for="f-staff">{w.staff}</label>
            <select id="f-staff" name="staff" aria-invalid={errors.staff ? 'true' : undefined}>
              <option value="">{w.everyone}</option>
              {v.staff.map((m) => (
                <option value={m.id} selected={f.staff === m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </p>
        ) : null}
        <p class="field">
          <label for="f-status">{w.status}</label>
          <select id="f-status" name="status" aria-invalid={errors.status ? 'true' : undefined}>
            <option value="">{w.anyStatus}</option>
            {BOOKING_STATUSES.map((s) => (
              <option value={s} selected={f.status === s}>
                {t.bookings.statuses[s]}
              </option>
            ))}
          </select>
        </p>
        <p class="actions">
          <button type="submit" class="primary">
            {w.search}
          </button>
          <a href="/admin/bookings">{w.clear}</a>
        </p>
      </form>
      <BookingTable {...v} />
      <nav class="pager" aria-label={w.pages}>
        {v.paged ? <a href={listHref(f)}>{w.firstPage}</a> : null}
        {v.nextCursor ? (
          <a href={listHref(f, v.nextCursor)} rel="next">
            {w.nextPage}
          </a>
        ) : null}
      </nav>
    </>
  );
}

function BookingTable(v: BookingListView) {
  const { t } = v;
  const w = t.bookings.list;
  const cols = t.bookings.list.columns;
  if (v.bookings.length === 0) {
    return (
      <div class="panel empty">
        <h2>{w.none}</h2>
        <p>
          {v.paged ? w.noMore : w.noMatch} {w.tryOther} <a href="/admin/bookings/new">{w.makeOne}</a>.
        </p>
      </div>
    );
  }
  return (
    <ListTable
      rows={v.bookings}
      empty={null}
      class="bookings"
      caption={w.timesIn(zoneLabel(v.timezone))}
      columns={[cols.when, cols.client, cols.service, cols.staff, cols.status, cols.reference, cols.outcome]}
      row={(b) => {
        const status = statusAt(b, v.now);
        return (
          <tr>
            <th scope="row">
              <a class="row-link" href={`/admin/bookings/${b.id}`}>
                {when(b.start, b.end, v.timezone, t.common.intlLocale)}
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
              <span class={`badge status-${status}`}>{t.bookings.statuses[status]}</span>
            </td>
            <td>
              <code>{b.reference}</code>
            </td>
            <td>
              <OutcomeCell b={b} status={status} now={v.now} csrf={v.csrf} back={listHref(v.filters)} t={t} />
            </td>
          </tr>
        );
      }}
    />
  );
}

/** A past confirmed booking's mark, with buttons to set it (SPEC §10.3); nothing for the others. */
export function OutcomeCell(p: {
  b: Booking;
  status: string;
  now: number;
  csrf: string;
  back: string;
  t: DashboardMessages;
}) {
  const { b, t } = p;
  if (p.status !== 'confirmed' || b.start > p.now) return null;
  const who = `${b.client.name}, ${b.reference}`;
  return (
    <form method="post" action={`/admin/bookings/${b.id}/outcome`} class="inline-actions">
      <Csrf token={p.csrf} />
      <input type="hidden" name="back" value={p.back} />
      {b.outcome ? <span class="badge">{t.bookings.outcomes[b.outcome]}</span> : null}
      <button
        type="submit"
        name="outcome"
        value="completed"
        class="secondary small"
        aria-label={t.bookings.list.markCompleted(who)}
      >
        {t.bookings.outcomes.completed}
      </button>
      <button
        type="submit"
        name="outcome"
        value="no_show"
        class="secondary small"
        aria-label={t.bookings.list.markNoShow(who)}
      >
        {t.bookings.outcomes.no_show}
      </button>
    </form>
  );
}
