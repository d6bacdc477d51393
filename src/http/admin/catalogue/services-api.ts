/**
 * Dashboard API: services. Everyone signed in may read them (inactive ones too); only admins
 * change them. DELETE deletes a service without bookings and deactivates one with bookings
 * (answering `outcome: "deactivated"`), so no booking loses its service.
 */
import { Hono } from 'hono';
import { createService } from '../../../app/dashboard/catalogue/create-service.ts';
import { deleteService } from '../../../app/dashboard/catalogue/delete-service.ts';
import { getAdminService, listAdminServices } from '../../../app/dashboard/catalogue/service-reads.ts';
import { updateService } from '../../../app/dashboard/catalogue/update-service.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import { readBody } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { presentAdminService } from './present-service.ts';
import { createServiceBody, updateServiceBody } from './service-bodies.ts';

export function servicesApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.get('/', async (c) =>
    c.json({ services: (await listAdminServices(deps, c.get('actor'))).map(presentAdminService) }),
  );
  api.get('/:id', async (c) => {
    const r = await getAdminService(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json(presentAdminService(r.value)) : sendRefusal(c, r);
  });
  api.post('/', async (c) => {
    const input = await readBody(c, createServiceBody);
    if (!input.ok) return input.response;
    const r = await createService(deps, c.get('actor'), input.value);
    return r.ok ? c.json(presentAdminService(r.value), 201) : sendRefusal(c, r);
  });
  api.patch('/:id', async (c) => {
    const input = await readBody(c, updateServiceBody);
    if (!input.ok) return input.response;
    const r = await updateService(deps, c.get('actor'), c.req.param('id'), input.value);
    return r.ok ? c.json(presentAdminService(r.value)) : sendRefusal(c, r);
  });
  api.delete('/:id', async (c) => {
    const r = await deleteService(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json({ outcome: r.value.outcome, service: presentAdminService(r.value.value) }) : sendRefusal(c, r);
  });
  return api;
}
