/**
 * Public calendar feeds: GET /feeds/<token>.ics, the iCalendar a staff member subscribes to from
 * Google, Apple or Outlook. The token is the credential (only its SHA-256 is stored); an unknown or
 * revoked one is a plain 404. Kept private and briefly in caches: it lists clients' details.
 */
import { Hono } from 'hono';
import { readFeed } from '../../../app/dashboard/feeds/read-feed.ts';
import { feedCalendar } from '../../../mail/ics-feed.ts';
import type { AppDeps } from '../../deps.ts';

export function feedRoutes(deps: AppDeps): Hono {
  const feeds = new Hono();
  feeds.get('/:file', async (c) => {
    const token = /^(.+)\.ics$/.exec(c.req.param('file'))?.[1];
    const r = token ? await readFeed(deps, token) : null;
    if (!r?.ok) return c.text('No such calendar feed.', 404, { 'cache-control': 'no-store' });
    const { businessName, member, bookings } = r.value;
    const body = feedCalendar({ businessName, memberName: member.name, bookings, now: deps.clock.now() });
    return c.body(body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, max-age=300',
      'content-disposition': 'inline; filename="calendar.ics"',
      'x-robots-tag': 'noindex',
    });
  });
  return feeds;
}
