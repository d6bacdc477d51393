/**
 * The report as API.md pins it — `{totals: {bookings, noShows, cancellations, revenue,
 * utilisation}, weeks: […], staff: […]}`, revenue the amount paid as a decimal string — and as CSV
 * (one table: the totals, each week, each staff member), for the admin API and the page's
 * download alike.
 */
import { type Figures, type Report, utilisation } from '../../../app/dashboard/reports/get-report.ts';
import { toDecimal } from '../../../core/index.ts';

function figures(f: Figures, currency: string) {
  return {
    bookings: f.bookings,
    noShows: f.noShows,
    cancellations: f.cancellations,
    /** What was paid (confirmed bookings) and kept (cancels). */
    revenue: toDecimal(f.paid, currency),
    /** What confirmed bookings not marked no-show still owe. */
    due: toDecimal(f.due, currency),
    bookedMinutes: Math.round(f.bookedMinutes),
    workingMinutes: Math.round(f.workingMinutes),
    utilisation: utilisation(f),
  };
}

export function presentReport(r: Report) {
  const cur = r.currency;
  return {
    from: r.from,
    to: r.to,
    timezone: r.timezone,
    currency: cur,
    totals: figures(r.totals, cur),
    weeks: r.weeks.map((w) => ({ week: w.week, ...figures(w, cur) })),
    staff: r.staff.map((s) => ({ id: s.id, name: s.name, ...figures(s, cur) })),
    otherCurrencies: r.otherCurrencies.map((o) => ({
      currency: o.currency,
      revenue: toDecimal(o.paid, o.currency),
      due: toDecimal(o.due, o.currency),
    })),
  };
}

export const COLUMNS = [
  'row',
  'week',
  'staffId',
  'staff',
  'bookings',
  'noShows',
  'cancellations',
  'revenue',
  'due',
  'bookedMinutes',
  'workingMinutes',
  'utilisation',
] as const;

/**
 * One CSV field: quoted when it holds a comma, quote or line break; text that a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP "CSV injection").
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type CsvColumn = (typeof COLUMNS)[number];
export type CsvRow = 'total' | 'week' | 'staff';

/** The header's and the `row` column's words: the API's machine names unless the dashboard gives its language's. */
export interface CsvHeadings {
  readonly columns: Readonly<Record<CsvColumn, string>>;
  readonly rows: Readonly<Record<CsvRow, string>>;
}

const MACHINE: CsvHeadings = {
  columns: Object.fromEntries(COLUMNS.map((c) => [c, c])) as Record<CsvColumn, string>,
  rows: { total: 'total', week: 'week', staff: 'staff' },
};

/**
 * The report as CSV: a header, the totals, each week, each staff member (CRLF lines, RFC 4180).
 * The API's (and `?columns=api` on the page's download) keeps the machine names; the figures are
 * the same either way (decimal points, ISO dates), so a spreadsheet reads them in any language.
 */
export function reportCsv(r: Report, headings: CsvHeadings = MACHINE): string {
  const p = presentReport(r);
  type Line = ReturnType<typeof figures> & { row: string; week?: string; staffId?: string; staff?: string };
  const lines: Line[] = [
    { row: headings.rows.total, ...p.totals },
    ...p.weeks.map((w) => ({ row: headings.rows.week, ...w })),
    ...p.staff.map((s) => ({ row: headings.rows.staff, ...s, staffId: s.id, staff: s.name })),
  ];
  const out = [COLUMNS.map((c) => csvField(headings.columns[c])).join(',')];
  for (const l of lines)
    out.push(COLUMNS.map((c) => csvField((l as Record<string, string | number | null>)[c] ?? null)).join(','));
  return `${out.join('\r\n')}\r\n`;
}
