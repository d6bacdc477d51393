/**
 * GET and POST /admin/bookings/new: a booking taken on the phone. The day's free times come from
 * the availability use case the public pages use; the booking from createBookingByStaff, the JSON
 * API's use case (same rules, staff book only for themselves, only admins skip notice and horizon).
 */
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createBookingByStaff } from '../../../app/dashboard/bookings/create-booking-by-staff.ts';
import { createSeriesByStaff } from '../../../app/dashboard/bookings/create-series-by-staff.ts';
import { listAdminServices } from '../../../app/dashboard/catalogue/service-reads.ts';
import { listAdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import { getBusiness } from '../../../app/get-business.ts';
import { getDayAvailability } from '../../../app/get-day-availability.ts';
import { dateOf, formatInstant, parseWallTime, type Slot, wallToInstant } from '../../../core/index.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { AppDeps } from '../../deps.ts';
import { STATUS } from '../../errors.ts';
import { date } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { parseFields } from '../form-kit/issue-words.ts';
import { readPosted } from '../form-kit/posted-form.ts';
import { wordsOf } from '../language.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { fieldErrors, refusalFieldErrors, refusalText } from './booking-format.ts';
import { NewBookingContent, type NewValues } from './booking-new-view.tsx';
import { refusalPage } from './booking-refusal.tsx';
import { repeatBody, seriesConflictText } from './booking-repeat-field.tsx';
import { staffBookingBody, staffBookingInput } from './bookings-api.ts';

/** The API body's paths → the form's field names. */
const RENAME = {
  'client.name': 'name',
  'client.email': 'email',
  'client.phone': 'phone',
  'client.address': 'address',
  'repeat.frequency': 'repeat',
  'repeat.count': 'repeat',
};

const BLANK = { start: '', time: '', name: '', email: '', phone: '', address: '', notes: '' };

export function newBookingPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/bookings/new', async (c) => {
    const actor = c.get('actor');
    const q = (k: string) => (c.req.query(k) ?? '').trim();
    const { timezone } = await getBusiness(deps);
    const values: NewValues = {
      ...BLANK,
      service: q('service'),
      staff: actor.role === 'staff' ? actor.staffId : q('staff') || 'any',
      date: q('date') || dateOf(deps.clock.now(), timezone),
      skip: actor.role === 'admin' && q('skip') !== '',
      reminder: true,
      notify: true,
    };
    // Step 1 until a service is chosen (the date has a default).
    return render(c, deps, values, {}, 200, q('service') !== '');
  });

  app.post('/bookings/new', async (c) => {
    const actor = c.get('actor');
    const form = await readPosted(c);
    const [{ timezone }, t] = await Promise.all([getBusiness(deps), wordsOf(c, deps)]);
    const e = t.bookings.errors;
    const values: NewValues = {
      service: form.text('service'),
      staff: actor.role === 'staff' && !form.text('staff') ? actor.staffId : form.text('staff') || 'any',
      date: form.text('date'),
      skip: form.text('skipRules') !== '',
      start: form.text('start'),
      time: form.text('time'),
      name: form.text('name'),
      email: form.text('email'),
      phone: form.text('phone'),
      address: form.text('address'),
      notes: form.text('notes'),
      reminder: form.text('reminder') !== '',
      notify: form.text('notify') !== '',
      repeat: form.text('repeat'),
      repeatCount: form.text('repeatCount'),
    };
    const start = values.skip ? typedStart(values, timezone) : values.start;
    if (start === null) return render(c, deps, values, { time: e.typeTime }, 400);
    if (start === '') return render(c, deps, values, { start: e.chooseTime }, 400);
    const body = parseFields(staffBookingBody, {
      service: values.service,
      staff: values.staff,
      start,
      client: { name: values.name, email: values.email, phone: values.phone || null, address: values.address || null },
      notes: values.notes,
      wantsReminder: values.reminder,
      skipRules: values.skip,
      notifyClient: values.notify,
      ...repeatBody(values),
    });
    if (!body.success) return render(c, deps, values, timeField(values, fieldErrors(body.fields, RENAME, t)), 400);
    const { repeat } = body.data;
    if (repeat) {
      // SPEC §9.2: a series, to the page of its first occurrence.
      const s = await createSeriesByStaff(deps, actor, { ...staffBookingInput(body.data), repeat });
      if (s.ok) return c.redirect(`/admin/bookings/${s.value.bookings[0]?.id}?done=created`, 303);
      if (s.code === 'SERIES_CONFLICT') {
        return render(c, deps, { ...values, start: '' }, { repeat: seriesConflictText(s, t) }, 409);
      }
      if (s.code === 'NOT_FOUND' || s.code === 'FORBIDDEN') return refusalPage(c, deps, s);
      return render(c, deps, values, { start: refusalText(s, actor.role === 'admin', t) }, STATUS[s.code]);
    }
    const r = await createBookingByStaff(deps, actor, staffBookingInput(body.data));
    if (r.ok)
      return c.redirect(`/admin/bookings/${r.value.id}?done=${values.notify ? 'created' : 'created-quiet'}`, 303);
    if (r.code === 'NOT_FOUND' || r.code === 'FORBIDDEN') return refusalPage(c, deps, r);
    const errors =
      r.code === 'VALIDATION_FAILED'
        ? refusalFieldErrors(r, RENAME, t)
        : { start: refusalText(r, actor.role === 'admin', t) };
    return render(c, deps, { ...values, start: '' }, timeField(values, errors), STATUS[r.code]);
  });

  return app;
}

/** The start typed in skip mode (date and time in the business zone); null when not a time of that day. */
function typedStart(v: NewValues, zone: string): string | null {
  const minutes = parseWallTime(v.time.slice(0, 5));
  if (!date.safeParse(v.date).success || minutes === null || minutes >= 1440) return null;
  const at = wallToInstant(v.date, minutes, zone);
  return at === null ? null : formatInstant(at, zone);
}

/** In skip mode the time is typed: an error about the start belongs to that field. */
function timeField(v: NewValues, errors: Record<string, string>): Record<string, string> {
  if (!v.skip || errors.start === undefined) return errors;
  const { start, ...rest } = errors;
  return { time: start, ...rest };
}

/** The page; `step2` asks for the day's free times (when the choice is valid). */
async function render(
  c: Context<AdminEnv>,
  deps: AppDeps,
  values: NewValues,
  errors: Record<string, string>,
  status: ContentfulStatusCode,
  step2 = true,
) {
  const actor = c.get('actor');
  const [shell, business, services, staff] = await Promise.all([
    shellOf(c, deps),
    getBusiness(deps),
    listAdminServices(deps, actor),
    listAdminStaff(deps, actor),
  ]);
  const own = actor.role === 'staff' ? staff.find((s) => s.member.id === actor.staffId) : undefined;
  const offered = services
    .filter((s) => s.service.active && (!own || own.member.serviceIds.includes(s.service.id)))
    .map((s) => ({ id: s.service.id, name: s.service.name }));
  const members = staff.filter((s) => s.member.active).map((s) => ({ id: s.member.id, name: s.member.name }));
  let slots: Slot[] | null = null;
  const allErrors = { ...errors };
  if (step2) {
    const day = await freeTimes(deps, values, shell.t);
    if (day.ok) slots = day.slots;
    else Object.assign(allErrors, day.errors, errors);
  }
  const view = {
    csrf: shell.csrf,
    isAdmin: actor.role === 'admin',
    values,
    services: offered,
    staff: members,
    timezone: business.timezone,
    slots,
    errors: allErrors,
    t: shell.t,
  };
  const bad = status === 200 && Object.keys(allErrors).length > 0 ? 400 : status;
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={shell.t.bookings.new.title} current="bookings">
        <NewBookingContent {...view} />
      </AdminLayout>,
    ),
    bad,
  );
}

/** The chosen day's free times (none needed in skip mode), or what is wrong with the choice. */
async function freeTimes(
  deps: AppDeps,
  v: NewValues,
  t: DashboardMessages,
): Promise<{ ok: true; slots: Slot[] } | { ok: false; errors: Record<string, string> }> {
  if (!v.service) return { ok: false, errors: { service: t.bookings.errors.chooseService } };
  if (!date.safeParse(v.date).success) return { ok: false, errors: { date: t.bookings.errors.realDate } };
  if (v.skip) return { ok: true, slots: [] };
  const day = await getDayAvailability(deps, { service: v.service, staff: v.staff, date: v.date });
  if (day.ok) return { ok: true, slots: day.value.slots };
  // The field the use case names (service or staff), with its problem in the page's words.
  return { ok: false, errors: refusalFieldErrors(day, {}, t) };
}
