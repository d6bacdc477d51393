/** Staff calendar feeds in the dashboard, as documented routes. */
import { z } from 'zod';
import { adminRoutes, json, type RouteDoc } from '../../openapi/route-doc.ts';

const feeds = adminRoutes('Calendar feeds (dashboard)');

export const FEED_ROUTES: readonly RouteDoc[] = [
  feeds('get', '/staff/:id/feed', 'Whether the member has a calendar feed (its URL is shown only once)', {
    responses: { 200: json('the feed', z.object({ active: z.boolean() })) },
  }),
  feeds('post', '/staff/:id/feed', 'A new private iCalendar feed URL (the old one stops working)', {
    responses: { 201: json('the URL, shown once', z.object({ url: z.string() })) },
  }),
  feeds('delete', '/staff/:id/feed', 'Revoke the feed', { responses: { 204: { description: 'revoked' } } }),
];
