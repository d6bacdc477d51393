/**
 * The reports page (SPEC §12 "Reports"): the range and staff form, the totals, and for each figure
 * a chart drawn by admin-reports.js (Chart.js, served from this site) beside the table it draws —
 * the table is the chart's text for screen readers and for anyone without script. The CSV
 * download carries the same figures.
 */
import { type Figures, type Report, utilisation } from '../../../app/dashboard/reports/get-report.ts';
import { toDecimal } from '../../../core/index.ts';
import { money } from '../bookings/booking-format.ts';
import { ErrorSummary, Input } from '../form-kit/fields.tsx';

export interface ReportsViewProps {
  readonly report: Report | null;
  /** The range and member as typed. */
  readonly filters: { readonly from: string; readonly to: string; readonly staff: string };
  /** Admins: the members to choose from; staff: none (their own figures only). */
  readonly staffOptions: readonly { readonly id: string; readonly name: string }[];
  readonly errors: Readonly<Record<string, string>>;
}

const LABELS = { from: 'From', to: 'To (included)', staff: 'Staff member' };
const percent = (f: Figures) => {
  const u = utilisation(f);
  return u === null ? '—' : `${(u * 100).toFixed(1)}%`;
};
const hours = (minutes: number) => (minutes / 60).toFixed(1);

export function ReportsContent(p: ReportsViewProps) {
  const r = p.report;
  const query = new URLSearchParams(Object.entries(p.filters).filter(([, v]) => v !== '')).toString();
  return (
    <>
      <h1>Reports</h1>
      <ErrorSummary errors={p.errors} labels={LABELS} title="Please check the range" />
      <form method="get" action="/admin/reports" class="panel booking-search" aria-label="Range of the report">
        <Input name="from" label={LABELS.from} type="date" value={p.filters.from} error={p.errors.from} />
        <Input name="to" label={LABELS.to} type="date" value={p.filters.to} error={p.errors.to} />
        {p.staffOptions.length > 0 ? (
          <p class="field">
            <label for="f-staff">{LABELS.staff}</label>
            <select id="f-staff" name="staff" aria-invalid={p.errors.staff ? 'true' : undefined}>
              <option value="">Everyone</option>
              {p.staffOptions.map((m) => (
                <option value={m.id} selected={p.filters.staff === m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </p>
        ) : null}
        <p class="actions">
          <button type="submit" class="primary">
            Show
          </button>
          <a href={`/admin/reports/export.csv${query ? `?${query}` : ''}`} download>
            Download CSV
          </a>
        </p>
      </form>
      {r ? <ReportFigures report={r} /> : null}
    </>
  );
}

function ReportFigures({ report: r }: { report: Report }) {
  const cur = r.currency;
  const t = r.totals;
  return (
    <>
      <section class="panel" aria-labelledby="totals-h">
        <h2 id="totals-h">
          {r.from} to {r.to}
        </h2>
        <dl class="report-totals">
          <div>
            <dt>Bookings</dt>
            <dd>{t.bookings}</dd>
          </div>
          <div>
            <dt>No-shows</dt>
            <dd>{t.noShows}</dd>
          </div>
          <div>
            <dt>Cancellations</dt>
            <dd>{t.cancellations}</dd>
          </div>
          <div>
            <dt>Revenue (paid)</dt>
            <dd>{money(t.paid, cur)}</dd>
          </div>
          <div>
            <dt>Still due</dt>
            <dd>{money(t.due, cur)}</dd>
          </div>
          <div>
            <dt>Utilisation</dt>
            <dd>{percent(t)}</dd>
          </div>
        </dl>
        <p class="hint">
          Dates and weeks in {r.timezone}; a week starts on Monday. A booking counts in the week it starts; no-shows are
          bookings too. Revenue is what was paid, and what cancellations kept. Utilisation is booked time over working
          time (weekly hours, date hours, days off and blocks).
          {r.otherCurrencies.length > 0
            ? ` Services priced in other currencies: ${r.otherCurrencies.map((o) => `${toDecimal(o.paid, o.currency)} ${o.currency} paid`).join(', ')}.`
            : ''}
        </p>
      </section>
      <ChartBlock
        id="weeks-bookings"
        title="Bookings per week"
        kind="bar"
        head={['Week of', 'Bookings', 'No-shows', 'Cancellations']}
        rows={r.weeks.map((w) => [w.week, w.bookings, w.noShows, w.cancellations])}
      />
      <ChartBlock
        id="weeks-revenue"
        title={`Revenue per week (${cur})`}
        kind="bar"
        head={['Week of', 'Paid', 'Due']}
        rows={r.weeks.map((w) => [w.week, toDecimal(w.paid, cur), toDecimal(w.due, cur)])}
      />
      <ChartBlock
        id="weeks-utilisation"
        title="Utilisation per week (%)"
        kind="line"
        head={['Week of', 'Utilisation (%)', 'Booked hours', 'Working hours']}
        rows={r.weeks.map((w) => [w.week, pct(w), hours(w.bookedMinutes), hours(w.workingMinutes)])}
        series={1}
      />
      <ChartBlock
        id="staff"
        title="Per staff member"
        kind="bar"
        head={['Staff member', 'Bookings', 'No-shows', 'Cancellations', `Paid (${cur})`, 'Utilisation (%)']}
        rows={r.staff.map((s) => [s.name, s.bookings, s.noShows, s.cancellations, toDecimal(s.paid, cur), pct(s)])}
        series={3}
      />
    </>
  );
}

const pct = (f: Figures) => {
  const u = utilisation(f);
  return u === null ? '' : (u * 100).toFixed(1);
};

/**
 * A chart beside its table. The table holds the numbers (the script reads them from it); the
 * canvas is an image named by the title, its text the table (`aria-describedby`). `series`: how
 * many columns after the first the chart draws (the rest are in the table only).
 */
function ChartBlock(p: {
  id: string;
  title: string;
  kind: 'bar' | 'line';
  head: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  series?: number;
}) {
  return (
    <section class="panel" aria-labelledby={`${p.id}-h`}>
      <h2 id={`${p.id}-h`}>{p.title}</h2>
      <div class="report-block">
        <canvas
          id={`${p.id}-chart`}
          role="img"
          aria-label={`${p.title}: chart; the table beside it gives the numbers`}
          data-table={`${p.id}-table`}
          data-kind={p.kind}
          data-series={String(p.series ?? p.head.length - 1)}
        />
        <table id={`${p.id}-table`} class="list">
          <caption class="visually-hidden">{p.title}</caption>
          <thead>
            <tr>
              {p.head.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((row) => (
              <tr>{row.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
