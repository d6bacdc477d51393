/**
 * Dashboard API: a member's weekly hours and days off, under /staff/{id}. A staff member reaches
 * only their own; another member's answers 404, as does a day off addressed under the wrong member.
 */
import { Hono } from 'hono';
import { addDayOff } from '../../../app/dashboard/staff/add-day-off.ts';
import { getDayOff, listDaysOff } from '../../../app/dashboard/staff/day-off-reads.ts';
import { removeDayOff } from '../../../app/dashboard/staff/remove-day-off.ts';
import { setWorkingHours } from '../../../app/dashboard/staff/set-working-hours.ts';
import { getWorkingHours } from '../../../app/dashboard/staff/staff-reads.ts';
import { updateDayOff } from '../../../app/dashboard/staff/update-day-off.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import { readBody } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { presentDayOff, presentHours } from './present-staff.ts';
import { dayOffBody, updateDayOffBody, workingHoursBody } from './staff-bodies.ts';

export function scheduleApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.get('/:id/hours', async (c) => {
    const r = await getWorkingHours(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json({ hours: presentHours(r.value) }) : sendRefusal(c, r);
  });
  api.put('/:id/hours', async (c) => {
    const input = await readBody(c, workingHoursBody);
    if (!input.ok) return input.response;
    const r = await setWorkingHours(deps, c.get('actor'), c.req.param('id'), input.value.hours);
    return r.ok ? c.json({ hours: presentHours(r.value) }) : sendRefusal(c, r);
  });
  api.get('/:id/days-off', async (c) => {
    const r = await listDaysOff(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json({ daysOff: r.value.map(presentDayOff) }) : sendRefusal(c, r);
  });
  api.post('/:id/days-off', async (c) => {
    const input = await readBody(c, dayOffBody);
    if (!input.ok) return input.response;
    const r = await addDayOff(deps, c.get('actor'), c.req.param('id'), input.value);
    return r.ok ? c.json(presentDayOff(r.value), 201) : sendRefusal(c, r);
  });
  api.get('/:id/days-off/:dayOffId', async (c) => {
    const r = await getDayOff(deps, c.get('actor'), c.req.param('id'), c.req.param('dayOffId'));
    return r.ok ? c.json(presentDayOff(r.value)) : sendRefusal(c, r);
  });
  api.patch('/:id/days-off/:dayOffId', async (c) => {
    const input = await readBody(c, updateDayOffBody);
    if (!input.ok) return input.response;
    const r = await updateDayOff(deps, c.get('actor'), c.req.param('id'), c.req.param('dayOffId'), input.value);
    return r.ok ? c.json(presentDayOff(r.value)) : sendRefusal(c, r);
  });
  api.delete('/:id/days-off/:dayOffId', async (c) => {
    const r = await removeDayOff(deps, c.get('actor'), c.req.param('id'), c.req.param('dayOffId'));
    return r.ok ? c.json(presentDayOff(r.value)) : sendRefusal(c, r);
  });
  return api;
}
