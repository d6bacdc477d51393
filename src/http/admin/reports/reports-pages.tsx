/**
 * `/admin/reports` and its CSV download (`/admin/reports/export.csv`, the session's equivalent of
 * the API's `Accept: text/csv`): the same use case and query schema as `GET /api/v1/admin/reports`.
 * A staff member sees their own figures; another member's answers the 404 page.
 */
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { getReport } from '../../../app/dashboard/reports/get-report.ts';
import { listAdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { AppDeps } from '../../deps.ts';
import { STATUS } from '../../errors.ts';
import { ASSETS } from '../../pages/assets.ts';
import type { AdminEnv } from '../auth.ts';
import { fieldErrors, refusalFieldErrors } from '../bookings/booking-format.ts';
import { refusalPage } from '../bookings/booking-refusal.tsx';
import { parseFields } from '../form-kit/issue-words.ts';
import { localProblem } from '../form-kit/words.ts';
import { own, wordsOf } from '../language.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { refusalWords } from '../refusal-words.ts';
import { COLUMNS, type CsvHeadings, reportCsv } from './present-report.ts';
import { reportQuery } from './report-query.ts';
import { ReportsContent, type ReportsViewProps } from './reports-view.tsx';

const asked = (c: Context<AdminEnv>) => ({
  from: (c.req.query('from') ?? '').trim(),
  to: (c.req.query('to') ?? '').trim(),
  staff: (c.req.query('staff') ?? '').trim(),
});
const given = (f: ReturnType<typeof asked>) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== ''));

export function reportPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/reports', async (c) => {
    const actor = c.get('actor');
    const filters = asked(c);
    const staff = actor.role === 'admin' ? (await listAdminStaff(deps, actor)).map((a) => a.member) : [];
    const base = { filters, staffOptions: staff.map((m) => ({ id: m.id, name: m.name })) };
    const q = parseFields(reportQuery, given(filters));
    if (!q.success) {
      const errors = fieldErrors(q.fields, {}, await wordsOf(c, deps));
      return render(c, deps, { ...base, report: null, errors }, 400);
    }
    const r = await getReport(deps, actor, q.data);
    if (!r.ok) {
      if (r.code !== 'VALIDATION_FAILED') return refusalPage(c, deps, r);
      const errors = refusalFieldErrors(r, {}, await wordsOf(c, deps));
      return render(c, deps, { ...base, report: null, errors }, STATUS[r.code]);
    }
    const shown = { ...filters, from: r.value.from, to: r.value.to };
    return render(c, deps, { ...base, filters: shown, report: r.value, errors: {} });
  });

  app.get('/reports/export.csv', async (c) => {
    const t = await wordsOf(c, deps);
    const q = parseFields(reportQuery, given(asked(c)));
    if (!q.success) return c.text(csvProblem(t, q.fields), 400);
    const r = await getReport(deps, c.get('actor'), q.data);
    if (!r.ok) return c.text(csvProblem(t, r.details?.fields, refusalWords(r, t)), STATUS[r.code]);
    // In the reader's language by default; `?columns=api` gives the API's machine names (API.md).
    const headings = c.req.query('columns') === 'api' ? undefined : csvHeadings(t);
    return c.body(reportCsv(r.value, headings), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="report-${r.value.from}-${r.value.to}.csv"`,
    });
  });

  return app;
}

/** The CSV's header and row kinds in the reader's language. */
function csvHeadings(t: DashboardMessages): CsvHeadings {
  const rows = t.reports.csv.rows;
  return {
    columns: Object.fromEntries(COLUMNS.map((k) => [k, t.reports.csv.columns[k]])) as CsvHeadings['columns'],
    rows: { total: rows.total, week: rows.week, staff: rows.staff },
  };
}

/** The download's refusal as plain text in the reader's language: what is wrong, then each field's problem. */
function csvProblem(t: DashboardMessages, fields: unknown, said = t.common.refusals.VALIDATION_FAILED): string {
  const named = fields && typeof fields === 'object' ? Object.entries(fields as Record<string, unknown>) : [];
  const labels: Record<string, string> = t.reports.fields;
  const lines = named.map(([k, m]) =>
    t.formKit.fieldProblem((own(labels, k) ? labels[k] : undefined) ?? k, localProblem(String(m), t)),
  );
  return [said, ...lines].join('\n');
}

async function render(
  c: Context<AdminEnv>,
  deps: AppDeps,
  view: Omit<ReportsViewProps, 't'>,
  status: ContentfulStatusCode = 200,
) {
  const shell = await shellOf(c, deps);
  const head = (
    <>
      <script defer src={ASSETS.chartJs} />
      <script defer src={ASSETS.reportsJs} />
    </>
  );
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={shell.t.reports.title} current="reports" head={head}>
        <ReportsContent {...view} t={shell.t} />
      </AdminLayout>,
    ),
    status,
  );
}
