/**
 * Dashboard API: staff calendar feeds. POST makes a new feed URL (shown once; the old one stops
 * working), DELETE revokes it, GET says whether one exists. A member manages only their own.
 */
import { Hono } from 'hono';
import { createFeedUrl, feedStatus, revokeFeed } from '../../../app/dashboard/feeds/calendar-feed.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import type { AdminEnv } from '../auth.ts';

export function feedsApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.get('/staff/:id/feed', async (c) => {
    const r = await feedStatus(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json(r.value) : sendRefusal(c, r);
  });
  api.post('/staff/:id/feed', async (c) => {
    const r = await createFeedUrl(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json(r.value, 201) : sendRefusal(c, r);
  });
  api.delete('/staff/:id/feed', async (c) => {
    const r = await revokeFeed(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.body(null, 204) : sendRefusal(c, r);
  });
  return api;
}
