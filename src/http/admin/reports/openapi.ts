/** Dashboard reports, as documented routes. */
import { reportShape } from '../../openapi/admin-shapes.ts';
import { adminRoutes, type RouteDoc } from '../../openapi/route-doc.ts';
import { reportQuery } from './report-query.ts';

const reports = adminRoutes('Reports (dashboard)');

export const REPORT_ROUTES: readonly RouteDoc[] = [
  reports('get', '/reports', 'Bookings, no-shows, cancellations, revenue and utilisation per week and staff member', {
    description:
      'A range of the business’s dates, `to` included (default: this month). Staff get their own figures only. ' +
      'With `Accept: text/csv`, the same figures as CSV (one row for the totals, each week and each staff member).',
    query: reportQuery,
    responses: {
      200: { description: 'the figures (JSON, or CSV when asked for)', schema: reportShape },
    },
  }),
];
