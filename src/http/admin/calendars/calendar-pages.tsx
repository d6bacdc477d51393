/**
 * A member's external calendars, posted from their schedule page (SPEC §8.3): subscribe, refresh
 * now, remove — through the API's use cases (a staff member reaches only their own; another's
 * answers the 404 page), then back to the section with what happened.
 */
import { type Context, Hono } from 'hono';
import { addCalendar, refreshCalendar, removeCalendar } from '../../../app/dashboard/calendars/subscribe-calendar.ts';
import type { AppDeps } from '../../deps.ts';
import type { AdminEnv } from '../auth.ts';
import { checkForm, type Problems, refusalProblems } from '../form-kit/form-body.ts';
import { readPosted } from '../form-kit/posted-form.ts';
import { wordsOf } from '../language.ts';
import { catalogRefusalPage } from '../refusal-page.tsx';
import { renderMember } from '../staff/staff-member-page.tsx';
import { calendarBody } from './calendar-bodies.ts';
import { calendarDeps } from './present-calendar.ts';

type Ctx = Context<AdminEnv>;

const back = (staffId: string, done: string) => `/admin/staff/${staffId}?done=${done}#calendars`;

async function subscribe(c: Ctx, deps: AppDeps, id: string) {
  const form = await readPosted(c);
  const values = { label: form.text('label'), url: form.text('url') };
  const problems: Problems = new Map();
  const body = checkForm(calendarBody, { url: values.url, ...(values.label ? { label: values.label } : {}) }, problems);
  const r = body ? await addCalendar(calendarDeps(deps), c.get('actor'), id, body) : null;
  if (r?.ok) return c.redirect(back(id, r.value.lastError === null ? 'calendar-added' : 'calendar-failed'), 303);
  if (r && r.code !== 'VALIDATION_FAILED' && r.code !== 'URL_NOT_ALLOWED') {
    return catalogRefusalPage(c, deps, r, 'staff');
  }
  // The address typed is not shown back (it may be a real secret address): only the problem.
  const errors = Object.fromEntries(r ? refusalProblems(r, await wordsOf(c, deps)) : problems);
  return renderMember(c, deps, id, { calendar: { values: { label: values.label }, errors } }, 400);
}

export function calendarPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.post('/staff/:id/calendars', (c) => subscribe(c, deps, c.req.param('id')));
  app.post('/staff/:id/calendars/:calendarId/refresh', async (c) => {
    const { id, calendarId } = c.req.param();
    const r = await refreshCalendar(calendarDeps(deps), c.get('actor'), id, calendarId);
    if (!r.ok) return catalogRefusalPage(c, deps, r, 'staff');
    return c.redirect(back(id, r.value.lastError === null ? 'calendar-refreshed' : 'calendar-failed'), 303);
  });
  app.post('/staff/:id/calendars/:calendarId/delete', async (c) => {
    const { id, calendarId } = c.req.param();
    const r = await removeCalendar(calendarDeps(deps), c.get('actor'), id, calendarId);
    return r.ok ? c.redirect(back(id, 'calendar-removed'), 303) : catalogRefusalPage(c, deps, r, 'staff');
  });
  return app;
}
