/**
 * `/admin/staff`: the list and the new-member form (admins only: a staff member gets the 403
 * page, their navigation points at their own page), and each member's page with its forms
 * (staff-member-pages.tsx, staff-schedule-pages.tsx).
 */

import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listUsers } from '../../../app/dashboard/accounts/list-users.ts';
import { adminOnly } from '../../../app/dashboard/actor.ts';
import { listAdminServices } from '../../../app/dashboard/catalogue/service-reads.ts';
import { createStaff } from '../../../app/dashboard/staff/create-staff.ts';
import { type AdminStaff, listAdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import { getBusiness } from '../../../app/get-business.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { AdminEnv } from '../auth.ts';
import { ErrorSummary, ZoneList } from '../form-kit/fields.tsx';
import { checkForm, listKey, refusalProblems } from '../form-kit/form-body.ts';
import { readPosted } from '../form-kit/posted-form.ts';
import { wordsOf } from '../language.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { catalogRefusalPage } from '../refusal-page.tsx';
import { createStaffBody } from './staff-bodies.ts';
import { NEW_STAFF, readStaffForm, type StaffFormState } from './staff-form-values.ts';
import { StaffList } from './staff-list.tsx';
import { staffMemberPages } from './staff-member-pages.tsx';
import { ProfileForm, staffLabels } from './staff-profile-form.tsx';
import { staffSchedulePages } from './staff-schedule-pages.tsx';
import { staffSourcesPages } from './staff-sources-pages.tsx';

type Ctx = Context<AdminEnv>;

function listNotice(c: Ctx, t: DashboardMessages, staff: readonly AdminStaff[]): string | undefined {
  const lw = t.staff.list;
  const done = c.req.query('done');
  if (done === 'deleted') return lw.deleted;
  if (done !== 'deactivated') return undefined;
  const name = staff.find((a) => a.member.id === c.req.query('id'))?.member.name ?? lw.someone;
  return lw.deactivated(name);
}

async function newPage(
  c: Ctx,
  deps: AppDeps,
  state: StaffFormState,
  errors: Record<string, string> = {},
  status: ContentfulStatusCode = 200,
) {
  const actor = c.get('actor');
  const [shell, business, services] = await Promise.all([
    shellOf(c, deps),
    getBusiness(deps),
    listAdminServices(deps, actor),
  ]);
  const { t } = shell;
  const w = t.staff.add;
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={w.title} current="staff">
        <p class="crumbs">
          <a href="/admin/staff">{t.staff.list.title}</a>
        </p>
        <h1>{w.title}</h1>
        <p>{w.intro}</p>
        <ErrorSummary errors={errors} labels={staffLabels(t)} title={w.refused} />
        <ProfileForm
          t={t}
          csrf={shell.csrf}
          actor={actor}
          editing={null}
          state={state}
          errors={errors}
          services={services.map((s) => s.service)}
          business={business}
        />
        <ZoneList />
      </AdminLayout>,
    ),
    status,
  );
}

export function staffPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/staff', async (c) => {
    const actor = c.get('actor');
    const denied = adminOnly(actor, 'see the staff list');
    if (denied) return catalogRefusalPage(c, deps, denied, 'staff');
    const [shell, staff, users, business] = await Promise.all([
      shellOf(c, deps),
      listAdminStaff(deps, actor),
      listUsers(deps, actor),
      getBusiness(deps),
    ]);
    return c.html(
      adminPage(
        <AdminLayout {...shell} title={shell.t.staff.list.title} current="staff">
          <StaffList
            t={shell.t}
            staff={staff}
            users={users}
            businessZone={business.timezone}
            notice={listNotice(c, shell.t, staff)}
          />
        </AdminLayout>,
      ),
    );
  });

  app.get('/staff/new', (c) => {
    const denied = adminOnly(c.get('actor'), 'add staff members');
    return denied ? catalogRefusalPage(c, deps, denied, 'staff') : newPage(c, deps, NEW_STAFF);
  });

  app.post('/staff', async (c) => {
    const actor = c.get('actor');
    const denied = adminOnly(actor, 'add staff members');
    if (denied) return catalogRefusalPage(c, deps, denied, 'staff');
    const services = await listAdminServices(deps, actor);
    const read = readStaffForm(
      await readPosted(c),
      actor,
      services.map((s) => s.service.id),
    );
    const body = checkForm(createStaffBody, read.body, read.problems, listKey);
    const r = body ? await createStaff(deps, actor, body) : null;
    if (r?.ok) return c.redirect(`/admin/staff/${r.value.member.id}?done=created#hours`, 303);
    if (r && r.code !== 'VALIDATION_FAILED') return catalogRefusalPage(c, deps, r, 'staff');
    return newPage(
      c,
      deps,
      read.state,
      Object.fromEntries(r ? refusalProblems(r, await wordsOf(c, deps), listKey) : read.problems),
      400,
    );
  });

  app.route('/', staffMemberPages(deps));
  app.route('/', staffSchedulePages(deps));
  app.route('/', staffSourcesPages(deps));
  return app;
}
