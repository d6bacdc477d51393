/**
 * `/admin/services`: the list, the new-service and edit forms, delete. Admins only — a staff
 * member gets the 403 page (their navigation has no Services entry). The forms are checked with
 * the admin API's own schemas and saved by the same use cases, then redirect with a notice.
 */
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { adminOnly } from '../../../app/dashboard/actor.ts';
import { createService } from '../../../app/dashboard/catalogue/create-service.ts';
import { deleteService } from '../../../app/dashboard/catalogue/delete-service.ts';
import {
  type AdminService,
  getAdminService,
  listAdminServices,
} from '../../../app/dashboard/catalogue/service-reads.ts';
import { updateService } from '../../../app/dashboard/catalogue/update-service.ts';
import { listResources } from '../../../app/dashboard/resources/resource-reads.ts';
import { listAdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import { getBusiness } from '../../../app/get-business.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { AppDeps } from '../../deps.ts';
import { STATUS } from '../../errors.ts';
import { PicturePanel } from '../../images/picture-panel.tsx';
import type { AdminEnv } from '../auth.ts';
import { checkForm, refusalProblems } from '../form-kit/form-body.ts';
import { readPosted } from '../form-kit/posted-form.ts';
import { own, wordsOf } from '../language.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { catalogRefusalPage } from '../refusal-page.tsx';
import { createServiceBody } from './service-bodies.ts';
import { ServiceForm } from './services-form.tsx';
import { NEW_SERVICE, readServiceForm, type ServiceFormState, serviceFormOf } from './services-form-values.ts';
import { ServicesList } from './services-list.tsx';

type Ctx = Context<AdminEnv>;

/** The "deactivated instead" notice names the service, read back by id (never text from the URL). */
function listNotice(c: Ctx, services: readonly AdminService[], t: DashboardMessages): string | undefined {
  const done = c.req.query('done') ?? '';
  if (done !== 'deactivated') return own(t.catalogue.done, done) ? t.catalogue.done[done] : undefined;
  const name = services.find((a) => a.service.id === c.req.query('id'))?.service.name ?? t.catalogue.theService;
  return t.catalogue.deactivated(name);
}

/** The form's problems in the dashboard's language where the catalogue knows them (rare ones stay English). */
function translated(errors: Record<string, string>, t: DashboardMessages): Record<string, string> {
  const say = (m: string) => (own(t.catalogue.problems, m) ? t.catalogue.problems[m] : m);
  return Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, say(m)]));
}

async function renderForm(
  c: Ctx,
  deps: AppDeps,
  editing: AdminService | null,
  state: ServiceFormState,
  errors: Record<string, string> = {},
  status: ContentfulStatusCode = 200,
) {
  const [shell, settings, staff, resources] = await Promise.all([
    shellOf(c, deps),
    getBusiness(deps),
    listAdminStaff(deps, c.get('actor')),
    listResources(deps, c.get('actor')),
  ]);
  const members = staff.map((a) => a.member);
  const { t } = shell;
  const title = editing ? t.catalogue.form.edit(editing.service.name) : t.catalogue.form.new;
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={title} current="services">
        <ServiceForm
          csrf={shell.csrf}
          editing={editing}
          state={state}
          errors={translated(errors, t)}
          members={members}
          resources={resources.ok ? resources.value : []}
          businessCurrency={settings.currency}
          businessLocale={settings.locale}
          defaultRescheduleLimit={settings.defaultRescheduleLimit}
          notice={c.req.query('done') === 'saved' ? t.catalogue.done.saved : undefined}
          t={t}
        />
        {editing ? (
          <PicturePanel
            csrf={shell.csrf}
            action={`/admin/services/${editing.service.id}/image`}
            field="image"
            current={editing.service.image}
            owner={editing.service.name}
            outcome={c.req.query('picture')}
          />
        ) : null}
      </AdminLayout>,
    ),
    status,
  );
}

/** Reads and checks the posted form; the body to save, or the form to show again with its problems. */
async function posted(c: Ctx, deps: AppDeps) {
  const [staff, resources, business] = await Promise.all([
    listAdminStaff(deps, c.get('actor')),
    listResources(deps, c.get('actor')),
    getBusiness(deps),
  ]);
  const read = readServiceForm(
    await readPosted(c),
    staff.map((a) => a.member.id),
    resources.ok ? resources.value.map((r) => r.id) : [],
    business.locale,
  );
  const body = checkForm(createServiceBody, read.body, read.problems, read.rename);
  return { ...read, body };
}

export function servicesPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  // Admins only, whatever the page (`/services/*` covers `/services` too): checked before anything
  // is read, so a staff member learns nothing more. The use cases refuse them as well.
  app.use('/services/*', async (c, next) => {
    const denied = adminOnly(c.get('actor'), 'manage the services');
    return denied ? catalogRefusalPage(c, deps, denied, 'services') : next();
  });

  app.get('/services', async (c) => {
    const [shell, services] = await Promise.all([shellOf(c, deps), listAdminServices(deps, c.get('actor'))]);
    return c.html(
      adminPage(
        <AdminLayout {...shell} title={shell.t.catalogue.title} current="services">
          <ServicesList services={services} notice={listNotice(c, services, shell.t)} t={shell.t} />
        </AdminLayout>,
      ),
    );
  });

  app.get('/services/new', (c) => renderForm(c, deps, null, NEW_SERVICE));

  app.post('/services', async (c) => {
    const form = await posted(c, deps);
    if (!form.body) return renderForm(c, deps, null, form.state, Object.fromEntries(form.problems), 400);
    const r = await createService(deps, c.get('actor'), form.body);
    if (!r.ok) {
      const errors = Object.fromEntries(refusalProblems(r, await wordsOf(c, deps), form.rename));
      return r.code === 'VALIDATION_FAILED'
        ? renderForm(c, deps, null, form.state, errors, 400)
        : catalogRefusalPage(c, deps, r, 'services');
    }
    return c.redirect('/admin/services?done=created', 303);
  });

  app.get('/services/:id', async (c) => {
    const found = await getAdminService(deps, c.get('actor'), c.req.param('id'));
    if (!found.ok) return catalogRefusalPage(c, deps, found, 'services');
    return renderForm(c, deps, found.value, serviceFormOf(found.value, (await getBusiness(deps)).locale));
  });

  app.post('/services/:id', async (c) => {
    const found = await getAdminService(deps, c.get('actor'), c.req.param('id'));
    if (!found.ok) return catalogRefusalPage(c, deps, found, 'services');
    const form = await posted(c, deps);
    if (!form.body) return renderForm(c, deps, found.value, form.state, Object.fromEntries(form.problems), 400);
    const r = await updateService(deps, c.get('actor'), found.value.service.id, form.body);
    if (!r.ok) {
      const errors = Object.fromEntries(refusalProblems(r, await wordsOf(c, deps), form.rename));
      return r.code === 'VALIDATION_FAILED'
        ? renderForm(c, deps, found.value, form.state, errors, STATUS[r.code])
        : catalogRefusalPage(c, deps, r, 'services');
    }
    return c.redirect(`/admin/services/${r.value.service.id}?done=saved`, 303);
  });

  app.post('/services/:id/delete', async (c) => {
    const r = await deleteService(deps, c.get('actor'), c.req.param('id'));
    if (!r.ok) return catalogRefusalPage(c, deps, r, 'services');
    const { outcome, value } = r.value;
    return c.redirect(
      outcome === 'deleted'
        ? '/admin/services?done=deleted'
        : `/admin/services?done=deactivated&id=${value.service.id}`,
      303,
    );
  });

  return app;
}
