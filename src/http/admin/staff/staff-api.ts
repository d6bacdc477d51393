/**
 * Dashboard API: staff members. An admin sees and changes all; a staff member sees only
 * themselves and may change only their profile (name, email, time zone, bio) and photo. DELETE deletes a member
 * without bookings and deactivates one with bookings (`outcome: "deactivated"`).
 */
import { Hono } from 'hono';
import { createStaff } from '../../../app/dashboard/staff/create-staff.ts';
import { deleteStaff } from '../../../app/dashboard/staff/delete-staff.ts';
import { getAdminStaff, listAdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import { updateStaff } from '../../../app/dashboard/staff/update-staff.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import { readBody } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { presentAdminStaff } from './present-staff.ts';
import { createStaffBody, updateStaffBody } from './staff-bodies.ts';

export function staffApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.get('/', async (c) => c.json({ staff: (await listAdminStaff(deps, c.get('actor'))).map(presentAdminStaff) }));
  api.get('/:id', async (c) => {
    const r = await getAdminStaff(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json(presentAdminStaff(r.value)) : sendRefusal(c, r);
  });
  api.post('/', async (c) => {
    const input = await readBody(c, createStaffBody);
    if (!input.ok) return input.response;
    const r = await createStaff(deps, c.get('actor'), input.value);
    return r.ok ? c.json(presentAdminStaff(r.value), 201) : sendRefusal(c, r);
  });
  api.patch('/:id', async (c) => {
    const input = await readBody(c, updateStaffBody);
    if (!input.ok) return input.response;
    const r = await updateStaff(deps, c.get('actor'), c.req.param('id'), input.value);
    return r.ok ? c.json(presentAdminStaff(r.value)) : sendRefusal(c, r);
  });
  api.delete('/:id', async (c) => {
    const r = await deleteStaff(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json({ outcome: r.value.outcome, staff: presentAdminStaff(r.value.value) }) : sendRefusal(c, r);
  });
  return api;
}
