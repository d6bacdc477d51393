/**
 * `/admin/waitlist?date=`: who waits on a day, per service, in join order, with the start a live
 * offer holds for them. Admins only (the 403 page for staff). Read-only: entries are the clients'.
 */
import { Hono } from 'hono';
import { listWaitlist } from '../../../app/dashboard/waitlist/list-waitlist.ts';
import { getBusiness } from '../../../app/get-business.ts';
import { dateOf } from '../../../core/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { AdminEnv } from '../auth.ts';
import { refusalFieldErrors } from '../bookings/booking-format.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { catalogRefusalPage } from '../refusal-page.tsx';
import { presentGroups } from './present-waitlist.ts';
import { WaitlistContent } from './waitlist-view.tsx';

export function waitlistAdminPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/waitlist', async (c) => {
    const { timezone } = await getBusiness(deps);
    const date = c.req.query('date') || dateOf(deps.clock.now(), timezone);
    const [shell, r] = await Promise.all([shellOf(c, deps), listWaitlist(deps, c.get('actor'), date)]);
    if (!r.ok && r.code !== 'VALIDATION_FAILED') return catalogRefusalPage(c, deps, r, 'waitlist');
    return c.html(
      adminPage(
        <AdminLayout {...shell} title={shell.t.waitlist.title} current="waitlist">
          <WaitlistContent
            t={shell.t}
            date={date}
            groups={r.ok ? presentGroups(r.value, timezone) : []}
            error={r.ok ? null : (Object.values(refusalFieldErrors(r, {}, shell.t))[0] ?? null)}
          />
        </AdminLayout>,
      ),
      r.ok ? 200 : 400,
    );
  });
  return app;
}
