/**
 * Dashboard API: shared resources (SPEC §8.4) — rooms and machines services may require. Admins
 * only: a staff member gets 403, whatever the resource.
 */
import { Hono } from 'hono';
import { getResource, listResources } from '../../../app/dashboard/resources/resource-reads.ts';
import { createResource, deleteResource, updateResource } from '../../../app/dashboard/resources/save-resource.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import { readBody } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { resourceBody, updateResourceBody } from './resource-bodies.ts';

export function resourcesApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.get('/', async (c) => {
    const r = await listResources(deps, c.get('actor'));
    return r.ok ? c.json({ resources: r.value }) : sendRefusal(c, r);
  });
  api.post('/', async (c) => {
    const input = await readBody(c, resourceBody);
    if (!input.ok) return input.response;
    const r = await createResource(deps, c.get('actor'), input.value);
    return r.ok ? c.json(r.value, 201) : sendRefusal(c, r);
  });
  api.get('/:id', async (c) => {
    const r = await getResource(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json(r.value) : sendRefusal(c, r);
  });
  api.patch('/:id', async (c) => {
    const input = await readBody(c, updateResourceBody);
    if (!input.ok) return input.response;
    const r = await updateResource(deps, c.get('actor'), c.req.param('id'), input.value);
    return r.ok ? c.json(r.value) : sendRefusal(c, r);
  });
  api.delete('/:id', async (c) => {
    const r = await deleteResource(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json(r.value) : sendRefusal(c, r);
  });
  return api;
}
