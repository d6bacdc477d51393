/**
 * GET /admin/bookings/:id and its forms: notes, move, cancel. Each form calls the JSON API's use
 * case (moveBookingByStaff, cancelBookingByStaff); success redirects back with a notice (PRG), a
 * refusal re-renders the page with the message and what was typed.
 */
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { cancelBookingByStaff, OVERRIDE_REFUNDS } from '../../../app/dashboard/bookings/cancel-booking-by-staff.ts';
import { type DashboardBooking, getBookingFor } from '../../../app/dashboard/bookings/get-booking.ts';
import { markBookingOutcome } from '../../../app/dashboard/bookings/mark-outcome.ts';
import { moveBookingByStaff } from '../../../app/dashboard/bookings/move-booking.ts';
import { listAdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import type { Refusal } from '../../../app/result.ts';
import { OUTCOMES, parseWallTime, wallToInstant } from '../../../core/index.ts';
import type { AppDeps } from '../../deps.ts';
import { STATUS } from '../../errors.ts';
import { date, text } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { parseFields } from '../form-kit/issue-words.ts';
import { type PostedForm, readPosted, safeNext } from '../form-kit/posted-form.ts';
import { own, wordsOf } from '../language.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { BookingDetailContent } from './booking-detail-view.tsx';
import { fieldErrors, refusalFieldErrors, refusalText, wallParts } from './booking-format.ts';
import type { CancelValues, MoveValues } from './booking-forms-view.tsx';
import { refusalPage } from './booking-refusal.tsx';

interface Extra {
  /** A `?done=` key: the notice after a change (t.bookings.done). */
  readonly done?: string | undefined;
  readonly errors?: Record<string, string>;
  readonly notes?: string;
  readonly move?: MoveValues;
  readonly cancel?: CancelValues;
}

const moveForm = z.object({
  date,
  time: z.string().refine((t) => parseWallTime(t.slice(0, 5)) !== null && t.slice(0, 5) !== '24:00', 'a time HH:MM'),
  staff: z
    .string()
    .regex(/^\d{1,18}$/, 'a staff member')
    .optional(),
});

const checked = (form: PostedForm, name: string) => form.text(name) !== '';

export function bookingDetailPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/bookings/:id', async (c) => {
    const found = await getBookingFor(deps, c.get('actor'), c.req.param('id'));
    if (!found.ok) return refusalPage(c, deps, found);
    return render(c, deps, found.value, { done: c.req.query('done') });
  });

  app.post('/bookings/:id/notes', async (c) => {
    const form = await readPosted(c);
    const found = await getBookingFor(deps, c.get('actor'), c.req.param('id'));
    if (!found.ok) return refusalPage(c, deps, found);
    const notes = text(2000).safeParse(form.text('notes'));
    if (!notes.success) {
      const t = await wordsOf(c, deps);
      const errors = { notes: t.bookings.errors.notesTooLong };
      return render(c, deps, found.value, { errors, notes: form.text('notes') }, 400);
    }
    const change = { notes: notes.data, skipRules: false, notifyClient: false };
    const r = await moveBookingByStaff(deps, c.get('actor'), found.value.booking.id, change);
    if (!r.ok) return refused(c, deps, found.value, r, { notes: notes.data });
    return c.redirect(`/admin/bookings/${r.value.id}?done=notes`, 303);
  });

  app.post('/bookings/:id/move', async (c) => {
    const form = await readPosted(c);
    const actor = c.get('actor');
    const found = await getBookingFor(deps, actor, c.req.param('id'));
    if (!found.ok) return refusalPage(c, deps, found);
    const b = found.value.booking;
    const move: MoveValues = {
      date: form.text('date'),
      time: form.text('time'),
      staff: form.text('staff') || b.staffId,
      notify: checked(form, 'notify'),
      skipRules: checked(form, 'skipRules'),
    };
    const parsed = parseFields(moveForm, { date: move.date, time: move.time, staff: form.text('staff') || undefined });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.fields, {}, await wordsOf(c, deps));
      return render(c, deps, found.value, { errors, move }, 400);
    }
    const start = wallToInstant(parsed.data.date, parseWallTime(parsed.data.time.slice(0, 5)) ?? 0, b.timezone);
    if (start === null) {
      const t = await wordsOf(c, deps);
      const errors = { time: t.bookings.errors.clocksChange };
      return render(c, deps, found.value, { errors, move }, 400);
    }
    const r = await moveBookingByStaff(deps, actor, b.id, {
      start,
      staff: parsed.data.staff,
      skipRules: move.skipRules,
      notifyClient: move.notify,
    });
    if (!r.ok) return refused(c, deps, found.value, r, { move });
    return c.redirect(`/admin/bookings/${r.value.id}?done=${move.notify ? 'moved' : 'moved-quiet'}`, 303);
  });

  app.post('/bookings/:id/cancel', async (c) => {
    const form = await readPosted(c);
    const found = await getBookingFor(deps, c.get('actor'), c.req.param('id'));
    if (!found.ok) return refusalPage(c, deps, found);
    const cancel: CancelValues = {
      reason: form.text('reason'),
      notify: checked(form, 'notify'),
      refund: form.text('refund'),
    };
    const reason = text(500).safeParse(cancel.reason);
    if (!reason.success) {
      const t = await wordsOf(c, deps);
      const errors = { reason: t.bookings.errors.reasonTooLong };
      return render(c, deps, found.value, { errors, cancel }, 400);
    }
    const refund = OVERRIDE_REFUNDS.find((r) => r === cancel.refund);
    if (cancel.refund !== '' && refund === undefined) {
      const t = await wordsOf(c, deps);
      const errors = { refund: t.bookings.errors.chooseRefund };
      return render(c, deps, found.value, { errors, cancel }, 400);
    }
    const input = { reason: reason.data, notifyClient: cancel.notify, refund };
    const r = await cancelBookingByStaff(deps, c.get('actor'), found.value.booking.id, input);
    if (!r.ok) return refused(c, deps, found.value, r, { cancel });
    return c.redirect(`/admin/bookings/${r.value.id}?done=${cancel.notify ? 'cancelled' : 'cancelled-quiet'}`, 303);
  });

  // SPEC §10.3: from the booking's page, the list and the calendar (`back` returns to those two).
  app.post('/bookings/:id/outcome', async (c) => {
    const form = await readPosted(c);
    const found = await getBookingFor(deps, c.get('actor'), c.req.param('id'));
    if (!found.ok) return refusalPage(c, deps, found);
    const outcome = OUTCOMES.find((o) => o === form.text('outcome'));
    if (!outcome) {
      const t = await wordsOf(c, deps);
      const errors = { '': t.bookings.errors.chooseOutcome };
      return render(c, deps, found.value, { errors }, 400);
    }
    const r = await markBookingOutcome(deps, c.get('actor'), found.value.booking.id, outcome);
    if (!r.ok) return refused(c, deps, found.value, r, {});
    // safeNext falls back to '/admin': only a `back` actually given leads away from the booking.
    const back = form.text('back') === '' ? '' : safeNext(form.text('back'));
    // Back to the list, or to the calendar's "to mark" panel, when marked from there.
    const toList = back === '/admin' || back === '/admin/bookings' || back.startsWith('/admin/bookings?');
    return c.redirect(toList ? back : `/admin/bookings/${r.value.id}?done=${outcome}`, 303);
  });

  return app;
}

/** A refused change: 403/404 pages as everywhere; a rule refusal re-renders the booking with why. */
async function refused(c: Context<AdminEnv>, deps: AppDeps, managed: DashboardBooking, r: Refusal, extra: Extra) {
  if (r.code === 'NOT_FOUND' || r.code === 'FORBIDDEN') return refusalPage(c, deps, r);
  const t = await wordsOf(c, deps);
  const why = refusalText(r, c.get('actor').role === 'admin', t);
  const errors =
    r.code === 'VALIDATION_FAILED'
      ? refusalFieldErrors(r, { start: 'time' }, t)
      : { [r.code === 'SLOT_UNAVAILABLE' ? 'time' : '']: why };
  // Reload: the refusal may come from a change made meanwhile (the page must show the booking as it is).
  const fresh = await getBookingFor(deps, c.get('actor'), managed.booking.id);
  return render(c, deps, fresh.ok ? fresh.value : managed, { ...extra, errors }, STATUS[r.code]);
}

async function render(
  c: Context<AdminEnv>,
  deps: AppDeps,
  managed: DashboardBooking,
  extra: Extra,
  status: ContentfulStatusCode = 200,
) {
  const actor = c.get('actor');
  const b = managed.booking;
  const [shell, staff] = await Promise.all([shellOf(c, deps), listAdminStaff(deps, actor)]);
  const staffOptions = staff
    .filter((s) => s.member.id === b.staffId || (s.member.active && s.member.serviceIds.includes(b.serviceId)))
    .map((s) => ({ id: s.member.id, name: s.member.name }));
  const at = wallParts(b.start, b.timezone);
  const { t } = shell;
  const done = extra.done ?? '';
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={t.bookings.detail.pageTitle(b.reference)} current="bookings">
        <BookingDetailContent
          managed={managed}
          now={deps.clock.now()}
          csrf={shell.csrf}
          isAdmin={actor.role === 'admin'}
          staffOptions={staffOptions}
          notice={own(t.bookings.done, done) ? t.bookings.done[done] : undefined}
          t={t}
          errors={extra.errors}
          notes={extra.notes ?? b.notes}
          move={extra.move ?? { ...at, staff: b.staffId, notify: true, skipRules: false }}
          cancel={extra.cancel ?? { reason: '', notify: true, refund: '' }}
        />
      </AdminLayout>,
    ),
    status,
  );
}
