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

const COLUMNS = [
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

/** The report as CSV: a header, the totals, each week, each staff member (CRLF lines, RFC 4180). */
export function reportCsv(r: Report): string {
  const p = presentReport(r);
  type Line = ReturnType<typeof figures> & { row: string; week?: string; staffId?: string; staff?: string };
  const lines: Line[] = [
    { row: 'total', ...p.totals },
    ...p.weeks.map((w) => ({ row: 'week', ...w })),
    ...p.staff.map((s) => ({ row: 'staff', ...s, staffId: s.id, staff: s.name })),
  ];
  const out = [COLUMNS.join(',')];
  for (const l of lines)
    out.push(COLUMNS.map((c) => csvField((l as Record<string, string | number | null>)[c] ?? null)).join(','));
  return `${out.join('\r\n')}\r\n`;
}
