/**
 * A member's weekly hours and days off, posted from their page: checked with the admin API's
 * schemas, saved by the same use cases (a staff member reaches only their own; another's answers
 * the 404 page), then back to the page's section with a notice.
 */
import { type Context, Hono } from 'hono';
import { addDayOff } from '../../../app/dashboard/staff/add-day-off.ts';
import { getDayOff } from '../../../app/dashboard/staff/day-off-reads.ts';
import { removeDayOff } from '../../../app/dashboard/staff/remove-day-off.ts';
import { setWorkingHours } from '../../../app/dashboard/staff/set-working-hours.ts';
import { getAdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import { updateDayOff } from '../../../app/dashboard/staff/update-day-off.ts';
import type { AppDeps } from '../../deps.ts';
import type { AdminEnv } from '../auth.ts';
import { checkForm, type Problems, refusalProblems } from '../form-kit/form-body.ts';
import { type PostedForm, readPosted } from '../form-kit/posted-form.ts';
import { wordsOf } from '../language.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { catalogRefusalPage } from '../refusal-page.tsx';
import { dayOffBody, workingHoursBody } from './staff-bodies.ts';
import { type DayOffFormState, EditDayOff } from './staff-days-off.tsx';
import { hoursFieldOf, readHoursForm } from './staff-hours-values.ts';
import { renderMember } from './staff-member-page.tsx';

type Ctx = Context<AdminEnv>;

const back = (staffId: string, done: string, section: string) => `/admin/staff/${staffId}?done=${done}#${section}`;

/** The day-off form as the API's body: an empty "to" is a single day, an empty note none. */
function readDayOff(form: PostedForm): { values: Record<string, string>; body: Record<string, unknown> } {
  const values = { from: form.text('from'), to: form.text('to'), note: form.text('note') };
  return { values, body: { from: values.from, to: values.to || values.from, note: values.note || null } };
}

const asErrors = (problems: Problems) => Object.fromEntries(problems);

async function saveHours(c: Ctx, deps: AppDeps, id: string) {
  const read = readHoursForm(await readPosted(c));
  const rename = (key: string) => hoursFieldOf(key, read.origin);
  const body = checkForm(workingHoursBody, { hours: read.input }, read.problems, rename);
  const r = body ? await setWorkingHours(deps, c.get('actor'), id, body.hours) : null;
  if (r?.ok) return c.redirect(back(id, 'hours', 'hours'), 303);
  if (r && r.code !== 'VALIDATION_FAILED') return catalogRefusalPage(c, deps, r, 'staff');
  // Said in the page's words when the page is drawn (staff-member-page.tsx).
  const errors = Object.fromEntries(r ? refusalProblems(r, await wordsOf(c, deps), rename) : read.problems);
  return renderMember(c, deps, id, { hours: { state: read.state, errors } }, 400);
}

async function addDay(c: Ctx, deps: AppDeps, id: string) {
  const { values, body } = readDayOff(await readPosted(c));
  const problems: Problems = new Map();
  const checked = checkForm(dayOffBody, body, problems);
  const r = checked ? await addDayOff(deps, c.get('actor'), id, checked) : null;
  if (r?.ok) return c.redirect(back(id, 'day-off-added', 'days-off'), 303);
  if (r && r.code !== 'VALIDATION_FAILED') return catalogRefusalPage(c, deps, r, 'staff');
  const errors = asErrors(r ? refusalProblems(r, await wordsOf(c, deps)) : problems);
  return renderMember(c, deps, id, { dayOff: { values, errors } }, 400);
}

async function editPage(c: Ctx, deps: AppDeps, state: DayOffFormState | null, status: 200 | 400 = 200) {
  const { id, dayOffId } = c.req.param() as { id: string; dayOffId: string };
  const actor = c.get('actor');
  const [member, found] = await Promise.all([getAdminStaff(deps, actor, id), getDayOff(deps, actor, id, dayOffId)]);
  if (!member.ok) return catalogRefusalPage(c, deps, member, 'staff');
  if (!found.ok) return catalogRefusalPage(c, deps, found, 'staff');
  const d = found.value;
  const shell = await shellOf(c, deps);
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={shell.t.staff.daysOff.editTitle} current="staff">
        <EditDayOff
          t={shell.t}
          csrf={shell.csrf}
          staffId={id}
          dayOffId={d.id}
          memberName={member.value.member.name}
          state={state ?? { values: { from: d.from, to: d.to, note: d.note ?? '' }, errors: {} }}
        />
      </AdminLayout>,
    ),
    status,
  );
}

async function saveDay(c: Ctx, deps: AppDeps) {
  const { id, dayOffId } = c.req.param() as { id: string; dayOffId: string };
  const { values, body } = readDayOff(await readPosted(c));
  const problems: Problems = new Map();
  const checked = checkForm(dayOffBody, body, problems);
  const r = checked ? await updateDayOff(deps, c.get('actor'), id, dayOffId, checked) : null;
  if (r?.ok) return c.redirect(back(id, 'day-off-saved', 'days-off'), 303);
  if (r && r.code !== 'VALIDATION_FAILED') return catalogRefusalPage(c, deps, r, 'staff');
  return editPage(
    c,
    deps,
    { values, errors: asErrors(r ? refusalProblems(r, await wordsOf(c, deps)) : problems) },
    400,
  );
}

export function staffSchedulePages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.post('/staff/:id/hours', (c) => saveHours(c, deps, c.req.param('id')));
  app.post('/staff/:id/days-off', (c) => addDay(c, deps, c.req.param('id')));
  app.get('/staff/:id/days-off/:dayOffId', (c) => editPage(c, deps, null));
  app.post('/staff/:id/days-off/:dayOffId', (c) => saveDay(c, deps));
  app.post('/staff/:id/days-off/:dayOffId/delete', async (c) => {
    const { id, dayOffId } = c.req.param();
    const r = await removeDayOff(deps, c.get('actor'), id, dayOffId);
    return r.ok ? c.redirect(back(id, 'day-off-removed', 'days-off'), 303) : catalogRefusalPage(c, deps, r, 'staff');
  });
  return app;
}
