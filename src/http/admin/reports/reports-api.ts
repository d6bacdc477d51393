/**
 * `GET /api/v1/admin/reports?from=&to=&staff=` (API.md "Reports"): JSON, or CSV when the client
 * asks for `text/csv`. The use case decides what the actor may see (staff: their own figures).
 */
import { Hono } from 'hono';
import { getReport } from '../../../app/dashboard/reports/get-report.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import { check } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { presentReport, reportCsv } from './present-report.ts';
import { reportQuery } from './report-query.ts';

/** Whether the Accept header prefers CSV to JSON (a plain `text/csv` does; `*\/*` does not). */
export function wantsCsv(accept: string | undefined): boolean {
  return /(^|,)\s*text\/csv\s*(;|,|$)/i.test(accept ?? '');
}

export function reportsApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.get('/', async (c) => {
    const q = check(c, reportQuery, c.req.query());
    if (!q.ok) return q.response;
    const r = await getReport(deps, c.get('actor'), q.value);
    if (!r.ok) return sendRefusal(c, r);
    if (!wantsCsv(c.req.header('accept'))) return c.json(presentReport(r.value));
    return c.body(reportCsv(r.value), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="report-${r.value.from}-${r.value.to}.csv"`,
    });
  });
  return api;
}
