/**
 * Dashboard API: a member's external busy calendars (SPEC §8.3), under /staff/{id}/calendars. A
 * staff member reaches only their own (another member's answers 404). Adding one, changing its
 * URL or "refresh" fetches it at once and answers with the outcome; every answer masks the URL.
 */
import { Hono } from 'hono';
import { getCalendar, listCalendars } from '../../../app/dashboard/calendars/calendar-reads.ts';
import {
  addCalendar,
  refreshCalendar,
  removeCalendar,
  updateCalendar,
} from '../../../app/dashboard/calendars/subscribe-calendar.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import { readBody } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { calendarBody, updateCalendarBody } from './calendar-bodies.ts';
import { calendarDeps, presentCalendar } from './present-calendar.ts';

export function calendarsApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  const use = calendarDeps(deps);
  api.get('/:id/calendars', async (c) => {
    const r = await listCalendars(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json({ calendars: r.value.map(presentCalendar) }) : sendRefusal(c, r);
  });
  api.post('/:id/calendars', async (c) => {
    const input = await readBody(c, calendarBody);
    if (!input.ok) return input.response;
    const r = await addCalendar(use, c.get('actor'), c.req.param('id'), input.value);
    return r.ok ? c.json(presentCalendar(r.value), 201) : sendRefusal(c, r);
  });
  api.get('/:id/calendars/:calendarId', async (c) => {
    const r = await getCalendar(deps, c.get('actor'), c.req.param('id'), c.req.param('calendarId'));
    return r.ok ? c.json(presentCalendar(r.value)) : sendRefusal(c, r);
  });
  api.patch('/:id/calendars/:calendarId', async (c) => {
    const input = await readBody(c, updateCalendarBody);
    if (!input.ok) return input.response;
    const r = await updateCalendar(use, c.get('actor'), c.req.param('id'), c.req.param('calendarId'), input.value);
    return r.ok ? c.json(presentCalendar(r.value)) : sendRefusal(c, r);
  });
  api.delete('/:id/calendars/:calendarId', async (c) => {
    const r = await removeCalendar(use, c.get('actor'), c.req.param('id'), c.req.param('calendarId'));
    return r.ok ? c.json(presentCalendar(r.value)) : sendRefusal(c, r);
  });
  api.post('/:id/calendars/:calendarId/refresh', async (c) => {
    const r = await refreshCalendar(use, c.get('actor'), c.req.param('id'), c.req.param('calendarId'));
    return r.ok ? c.json(presentCalendar(r.value)) : sendRefusal(c, r);
  });
  return api;
}
