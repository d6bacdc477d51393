/**
 * `/admin/resources`: the shared rooms and machines (SPEC §8.4). Admins only — a staff member gets
 * the 403 page. The forms are checked with the admin API's schemas and saved by its use cases.
 */

import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { adminOnly } from '../../../app/dashboard/actor.ts';
import { listAdminServices } from '../../../app/dashboard/catalogue/service-reads.ts';
import { getResource, listResources } from '../../../app/dashboard/resources/resource-reads.ts';
import { createResource, deleteResource, updateResource } from '../../../app/dashboard/resources/save-resource.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { AdminEnv } from '../auth.ts';
import { checkForm, type Problems, refusalProblems } from '../form-kit/form-body.ts';
import { readPosted } from '../form-kit/posted-form.ts';
import { wordsOf } from '../language.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { catalogRefusalPage } from '../refusal-page.tsx';
import { resourceBody } from './resource-bodies.ts';
import { EditResource, type ResourceFormState, ResourcesList } from './resources-view.tsx';

type Ctx = Context<AdminEnv>;

const DONE: Record<string, (t: DashboardMessages) => string> = {
  added: (t) => t.resources.done.added,
  saved: (t) => t.resources.done.saved,
  removed: (t) => t.resources.done.removed,
};

const EMPTY: ResourceFormState = { values: {}, errors: {} };

async function listPage(c: Ctx, deps: AppDeps, add: ResourceFormState = EMPTY, status: ContentfulStatusCode = 200) {
  const actor = c.get('actor');
  const [shell, resources, services] = await Promise.all([
    shellOf(c, deps),
    listResources(deps, actor),
    listAdminServices(deps, actor),
  ]);
  if (!resources.ok) return catalogRefusalPage(c, deps, resources, 'resources');
  const usedBy = new Map(
    resources.value.map((r) => [
      r.id,
      services.filter((s) => s.resources.some((x) => x.id === r.id)).map((s) => s.service.name),
    ]),
  );
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={shell.t.resources.title} current="resources">
        <ResourcesList
          t={shell.t}
          csrf={shell.csrf}
          resources={resources.value}
          usedBy={usedBy}
          add={add}
          notice={DONE[c.req.query('done') ?? '']?.(shell.t)}
        />
      </AdminLayout>,
    ),
    status,
  );
}

async function editPage(c: Ctx, deps: AppDeps, state: ResourceFormState | null, status: ContentfulStatusCode = 200) {
  const found = await getResource(deps, c.get('actor'), c.req.param('id') ?? '');
  if (!found.ok) return catalogRefusalPage(c, deps, found, 'resources');
  const shell = await shellOf(c, deps);
  const r = found.value;
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={shell.t.resources.changeOne(r.name)} current="resources">
        <EditResource
          t={shell.t}
          csrf={shell.csrf}
          resource={r}
          state={state ?? { values: { name: r.name, key: r.key }, errors: {} }}
        />
      </AdminLayout>,
    ),
    status,
  );
}

/** The posted form as the API's body, checked with its schema. */
async function readForm(c: Ctx) {
  const form = await readPosted(c);
  const values = { name: form.text('name'), key: form.text('key') };
  const problems: Problems = new Map();
  return { values, problems, body: checkForm(resourceBody, values, problems) };
}

export function resourcesPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  // Admins only, whatever the page: checked before anything is read. The use cases refuse staff as well.
  app.use('/resources/*', async (c, next) => {
    const denied = adminOnly(c.get('actor'), 'manage resources');
    return denied ? catalogRefusalPage(c, deps, denied, 'resources') : next();
  });
  app.use('/resources', async (c, next) => {
    const denied = adminOnly(c.get('actor'), 'manage resources');
    return denied ? catalogRefusalPage(c, deps, denied, 'resources') : next();
  });

  app.get('/resources', (c) => listPage(c, deps));
  app.post('/resources', async (c) => {
    const { values, problems, body } = await readForm(c);
    const r = body ? await createResource(deps, c.get('actor'), body) : null;
    if (r?.ok) return c.redirect('/admin/resources?done=added', 303);
    if (r && r.code !== 'VALIDATION_FAILED') return catalogRefusalPage(c, deps, r, 'resources');
    return listPage(
      c,
      deps,
      { values, errors: Object.fromEntries(r ? refusalProblems(r, await wordsOf(c, deps)) : problems) },
      400,
    );
  });
  app.get('/resources/:id', (c) => editPage(c, deps, null));
  app.post('/resources/:id', async (c) => {
    const { values, problems, body } = await readForm(c);
    const r = body ? await updateResource(deps, c.get('actor'), c.req.param('id'), body) : null;
    if (r?.ok) return c.redirect('/admin/resources?done=saved', 303);
    if (r && r.code !== 'VALIDATION_FAILED') return catalogRefusalPage(c, deps, r, 'resources');
    return editPage(
      c,
      deps,
      { values, errors: Object.fromEntries(r ? refusalProblems(r, await wordsOf(c, deps)) : problems) },
      400,
    );
  });
  app.post('/resources/:id/delete', async (c) => {
    const r = await deleteResource(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.redirect('/admin/resources?done=removed', 303) : catalogRefusalPage(c, deps, r, 'resources');
  });
  return app;
}
