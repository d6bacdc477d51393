/** Dashboard API: the waitlist of a day (SPEC §9.3), `GET /api/v1/admin/waitlist?date=`. Admins only. */
import { Hono } from 'hono';
import { listWaitlist } from '../../../app/dashboard/waitlist/list-waitlist.ts';
import { getBusiness } from '../../../app/get-business.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import type { AdminEnv } from '../auth.ts';
import { presentGroups } from './present-waitlist.ts';

export function waitlistAdminApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.get('/', async (c) => {
    const r = await listWaitlist(deps, c.get('actor'), c.req.query('date') ?? '');
    if (!r.ok) return sendRefusal(c, r);
    const { timezone } = await getBusiness(deps);
    return c.json({ services: presentGroups(r.value, timezone) });
  });
  return api;
}
