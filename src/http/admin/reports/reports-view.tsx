/**
 * The reports page (SPEC §12 "Reports"): the range and staff form, the totals, and for each figure
 * a chart drawn by admin-reports.js (Chart.js, served from this site) beside the table it draws —
 * the table is the chart's text for screen readers and for anyone without script. The CSV
 * download carries the same figures.
 */
import { type Figures, type Report, utilisation } from '../../../app/dashboard/reports/get-report.ts';
import { toDecimal } from '../../../core/index.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { longDate } from '../../../i18n/format.ts';
import { money } from '../bookings/booking-format.ts';
import { ErrorSummary, Input } from '../form-kit/fields.tsx';

export interface ReportsViewProps {
  readonly report: Report | null;
  /** The range and member as typed. */
  readonly filters: { readonly from: string; readonly to: string; readonly staff: string };
  /** Admins: the members to choose from; staff: none (their own figures only). */
  readonly staffOptions: readonly { readonly id: string; readonly name: string }[];
  readonly errors: Readonly<Record<string, string>>;
  readonly t: DashboardMessages;
}

const percent = (f: Figures, locale: string) => {
  const u = utilisation(f);
  return u === null
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(u);
};
const hours = (minutes: number) => (minutes / 60).toFixed(1);

export function ReportsContent(p: ReportsViewProps) {
  const r = p.report;
  const query = new URLSearchParams(Object.entries(p.filters).filter(([, v]) => v !== '')).toString();
  const { t } = p;
  const w = t.reports;
  const labels = t.reports.fields;
  return (
    <>
      <h1>{w.title}</h1>
      <ErrorSummary errors={p.errors} labels={labels} title={w.checkRange} />
      <form method="get" action="/admin/reports" class="panel booking-search" aria-label={w.rangeLabel}>
        <Input name="from" label={labels.from} type="date" value={p.filters.from} error={p.errors.from} />
        <Input name="to" label={labels.to} type="date" value={p.filters.to} error={p.errors.to} />
        {p.staffOptions.length > 0 ? (
          <p class="field">
            <label for="f-staff">{labels.staff}</label>
            <select id="f-staff" name="staff" aria-invalid={p.errors.staff ? 'true' : undefined}>
              <option value="">{w.everyone}</option>
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
            {w.show}
          </button>
          <a href={`/admin/reports/export.csv${query ? `?${query}` : ''}`} download>
            {w.download}
          </a>{' '}
          <a href={`/admin/reports/export.csv?${query ? `${query}&` : ''}columns=api`} download>
            {w.apiColumns}
          </a>
        </p>
      </form>
      {r ? <ReportFigures report={r} t={t} /> : null}
    </>
  );
}

function ReportFigures({ report: r, t }: { report: Report; t: DashboardMessages }) {
  const cur = r.currency;
  const sum = r.totals;
  const lc = t.common.intlLocale;
  const w = t.reports;
  const tt = t.reports.totals;
  const col = t.reports.columns;
  return (
    <>
      <section class="panel" aria-labelledby="totals-h">
        <h2 id="totals-h">{w.range(longDate(r.from, lc), longDate(r.to, lc))}</h2>
        <dl class="report-totals">
          <div>
            <dt>{tt.bookings}</dt>
            <dd>{sum.bookings}</dd>
          </div>
          <div>
            <dt>{tt.noShows}</dt>
            <dd>{sum.noShows}</dd>
          </div>
          <div>
            <dt>{tt.cancellations}</dt>
            <dd>{sum.cancellations}</dd>
          </div>
          <div>
            <dt>{tt.paid}</dt>
            <dd>{money(sum.paid, cur, lc)}</dd>
          </div>
          <div>
            <dt>{tt.due}</dt>
            <dd>{money(sum.due, cur, lc)}</dd>
          </div>
          <div>
            <dt>{tt.utilisation}</dt>
            <dd>{percent(sum, lc)}</dd>
          </div>
        </dl>
        <p class="hint">
          {w.explain(r.timezone)}
          {r.otherCurrencies.length > 0
            ? w.otherCurrencies(r.otherCurrencies.map((o) => w.otherPaid(money(o.paid, o.currency, lc))).join(', '))
            : ''}
        </p>
      </section>
      <ChartBlock
        id="weeks-bookings"
        title={w.charts.bookings}
        kind="bar"
        head={[col.weekOf, col.bookings, col.noShows, col.cancellations]}
        rows={r.weeks.map((k) => [k.week, k.bookings, k.noShows, k.cancellations])}
        t={t}
      />
      <ChartBlock
        id="weeks-revenue"
        title={w.charts.revenue(cur)}
        kind="bar"
        head={[col.weekOf, col.paid, col.due]}
        rows={r.weeks.map((k) => [k.week, toDecimal(k.paid, cur), toDecimal(k.due, cur)])}
        t={t}
      />
      <ChartBlock
        id="weeks-utilisation"
        title={w.charts.utilisation}
        kind="line"
        head={[col.weekOf, col.utilisation, col.bookedHours, col.workingHours]}
        rows={r.weeks.map((k) => [k.week, pct(k), hours(k.bookedMinutes), hours(k.workingMinutes)])}
        series={1}
        t={t}
      />
      <ChartBlock
        id="staff"
        title={w.charts.staff}
        kind="bar"
        head={[col.staff, col.bookings, col.noShows, col.cancellations, col.paidIn(cur), col.utilisation]}
        rows={r.staff.map((s) => [s.name, s.bookings, s.noShows, s.cancellations, toDecimal(s.paid, cur), pct(s)])}
        series={3}
        t={t}
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
  t: DashboardMessages;
}) {
  return (
    <section class="panel" aria-labelledby={`${p.id}-h`}>
      <h2 id={`${p.id}-h`}>{p.title}</h2>
      <div class="report-block">
        <canvas
          id={`${p.id}-chart`}
          role="img"
          aria-label={p.t.reports.chartLabel(p.title)}
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
