/**
 * A member's page and the forms on it that are not their schedule: the profile (an admin changes
 * everything, a member their name, email, time zone and bio), the dashboard invitation (admins), the
 * calendar feed (the address is shown once, in the answer itself) and removal (admins).
 */
import { type Context, Hono } from 'hono';
import { inviteStaff } from '../../../app/dashboard/accounts/invite-staff.ts';
import { listAdminServices } from '../../../app/dashboard/catalogue/service-reads.ts';
import { createFeedUrl, revokeFeed } from '../../../app/dashboard/feeds/calendar-feed.ts';
import { deleteStaff } from '../../../app/dashboard/staff/delete-staff.ts';
import { getAdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import { updateStaff } from '../../../app/dashboard/staff/update-staff.ts';
import type { AppDeps } from '../../deps.ts';
import type { AdminEnv } from '../auth.ts';
import { checkForm, listKey, refusalProblems } from '../form-kit/form-body.ts';
import { readPosted } from '../form-kit/posted-form.ts';
import { wordsOf } from '../language.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { catalogRefusalPage } from '../refusal-page.tsx';
import { FeedMade } from './staff-access-panels.tsx';
import { updateStaffBody } from './staff-bodies.ts';
import { readStaffForm } from './staff-form-values.ts';
import { renderMember } from './staff-member-page.tsx';

type Ctx = Context<AdminEnv>;

async function saveProfile(c: Ctx, deps: AppDeps, id: string) {
  const actor = c.get('actor');
  // Another member's page is the 404 page before the form is even read.
  const found = await getAdminStaff(deps, actor, id);
  if (!found.ok) return catalogRefusalPage(c, deps, found, 'staff');
  const services = await listAdminServices(deps, actor);
  const read = readStaffForm(
    await readPosted(c),
    actor,
    services.map((s) => s.service.id),
  );
  const body = checkForm(updateStaffBody, read.body, read.problems, listKey);
  const r = body ? await updateStaff(deps, actor, id, body) : null;
  if (r?.ok) return c.redirect(`/admin/staff/${id}?done=profile#profile`, 303);
  if (r && r.code !== 'VALIDATION_FAILED') return catalogRefusalPage(c, deps, r, 'staff');
  const errors = Object.fromEntries(r ? refusalProblems(r, await wordsOf(c, deps), listKey) : read.problems);
  return renderMember(c, deps, id, { profile: { state: read.state, errors } }, 400);
}

export function staffMemberPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/staff/:id', (c) => renderMember(c, deps, c.req.param('id'), { done: c.req.query('done') }));
  app.post('/staff/:id', (c) => saveProfile(c, deps, c.req.param('id')));

  app.post('/staff/:id/invite', async (c) => {
    const id = c.req.param('id');
    const r = await inviteStaff(deps, c.get('actor'), id);
    if (r.ok) return c.redirect(`/admin/staff/${id}?done=invited#account`, 303);
    if (r.code !== 'VALIDATION_FAILED') return catalogRefusalPage(c, deps, r, 'staff');
    return renderMember(c, deps, id, { inviteError: r }, 400);
  });

  app.post('/staff/:id/feed', async (c) => {
    const id = c.req.param('id');
    const actor = c.get('actor');
    const r = await createFeedUrl(deps, actor, id);
    if (!r.ok) return catalogRefusalPage(c, deps, r, 'staff');
    const found = await getAdminStaff(deps, actor, id);
    if (!found.ok) return catalogRefusalPage(c, deps, found, 'staff');
    const shell = await shellOf(c, deps);
    return c.html(
      adminPage(
        <AdminLayout {...shell} title={shell.t.staff.feed.title} current="staff">
          <FeedMade t={shell.t} member={found.value.member} self={actor.role === 'staff'} url={r.value.url} />
        </AdminLayout>,
      ),
    );
  });

  app.post('/staff/:id/feed/revoke', async (c) => {
    const id = c.req.param('id');
    const r = await revokeFeed(deps, c.get('actor'), id);
    return r.ok ? c.redirect(`/admin/staff/${id}?done=feed-off#feed`, 303) : catalogRefusalPage(c, deps, r, 'staff');
  });

  app.post('/staff/:id/delete', async (c) => {
    const r = await deleteStaff(deps, c.get('actor'), c.req.param('id'));
    if (!r.ok) return catalogRefusalPage(c, deps, r, 'staff');
    const { outcome, value } = r.value;
    return c.redirect(
      outcome === 'deleted' ? '/admin/staff?done=deleted' : `/admin/staff?done=deactivated&id=${value.member.id}`,
      303,
    );
  });

  return app;
}
