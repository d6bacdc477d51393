/**
 * Dashboard API: accounts. `POST staff/{id}/invite` (admins) gives a staff member a dashboard
 * account and emails the link to choose a password; `GET users` lists accounts (staff: their
 * own); `GET me` says who the caller is.
 */
import { Hono } from 'hono';
import { inviteStaff } from '../../../app/dashboard/accounts/invite-staff.ts';
import { listUsers } from '../../../app/dashboard/accounts/list-users.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import type { AdminEnv } from '../auth.ts';
import { presentUser } from './present-user.ts';

export function accountsApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.post('/staff/:id/invite', async (c) => {
    const r = await inviteStaff(deps, c.get('actor'), c.req.param('id'));
    if (!r.ok) return sendRefusal(c, r);
    return c.json({ user: presentUser(r.value.user) }, r.value.created ? 201 : 200);
  });
  api.get('/users', async (c) => c.json({ users: (await listUsers(deps, c.get('actor'))).map(presentUser) }));
  // `user` is null for an API key (a key belongs to a role, not a person).
  api.get('/me', (c) => {
    const actor = c.get('actor');
    const user = c.get('user');
    return c.json({
      role: actor.role,
      staff: actor.role === 'staff' ? actor.staffId : null,
      user: user ? presentUser(user) : null,
      apiKey: actor.keyId,
    });
  });
  return api;
}
