/** The manage-link endpoints of API.md: the token is the credential; an unknown token is 404. */
import { Hono } from 'hono';
import { z } from 'zod';
import { viewBooking } from '../../app/booking-view.ts';
import { cancelBookingByClient } from '../../app/cancel-booking.ts';
import { bookingIn } from '../../app/content-language.ts';
import { getManagedBooking } from '../../app/manage-booking.ts';
import { presentBooking, presentHistory } from '../../app/presenters/booking.ts';
import { rescheduleBookingByClient } from '../../app/reschedule-booking.ts';
import { resendCode } from '../../app/resend-code.ts';
import { verifyEmail } from '../../app/verify-email.ts';
import { bookingCalendar } from '../../mail/ics.ts';
import type { AppDeps } from '../deps.ts';
import { sendRefusal } from '../errors.ts';
import { check, instant, readJson, text } from '../validation.ts';
import { answerSeriesCancel, seriesPart } from './series-answer.ts';

const occurrenceId = z.string().regex(/^\d{1,18}$/, 'a booking id');
export const cancelBody = z.strictObject({
  reason: text(500).optional(),
  // SPEC §9.2: for a series, which occurrences (the link's own, or `bookingId`'s, and with "rest" every later one).
  scope: z.enum(['one', 'rest']).optional(),
  bookingId: occurrenceId.optional(),
});
export const rescheduleBody = z.strictObject({
  start: instant,
  staff: z
    .string()
    .regex(/^\d{1,18}$/, 'a staff id')
    .optional(),
  reason: text(500).optional(),
  /** SPEC §9.2: another occurrence of the link's series. */
  bookingId: occurrenceId.optional(),
});

export const verifyBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits') });

export function manageApi(deps: AppDeps): Hono {
  const api = new Hono();

  api.get('/:token', async (c) => {
    const r = await getManagedBooking(deps, c.req.param('token'));
    if (!r.ok) return sendRefusal(c, r);
    return c.json({
      ...presentBooking(r.value, deps.clock.now()),
      history: presentHistory(r.value.history, r.value.booking.timezone, r.value.booking.payment.currency),
      ...(await seriesPart(deps, r.value.booking)),
    });
  });

  api.get('/:token/calendar.ics', async (c) => {
    const token = c.req.param('token');
    const r = await getManagedBooking(deps, token);
    if (!r.ok) return sendRefusal(c, r);
    const body = bookingCalendar({
      // In the booking's language, as the emailed one (SPEC §12).
      booking: bookingIn(r.value.booking, r.value.booking.locale, r.value.business.locale),
      businessName: r.value.business.name,
      manageUrl: `${deps.publicUrl}/manage/${token}`,
      now: deps.clock.now(),
    });
    return c.body(body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${r.value.booking.reference}.ics"`,
    });
  });

  api.post('/:token/cancel', async (c) => {
    const body = await readJson(c, { emptyIs: {} });
    if (!body.ok) return body.response;
    const input = check(c, cancelBody, body.value.json);
    if (!input.ok) return input.response;
    const { scope, bookingId, reason = '' } = input.value;
    if (scope !== undefined || bookingId !== undefined) {
      return answerSeriesCancel(c, deps, c.req.param('token'), { scope: scope ?? 'one', bookingId, reason });
    }
    const r = await cancelBookingByClient(deps, c.req.param('token'), reason);
    return r.ok ? c.json(presentBooking(await viewBooking(deps, r.value), deps.clock.now())) : sendRefusal(c, r);
  });

  api.post('/:token/reschedule', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const input = check(c, rescheduleBody, body.value.json);
    if (!input.ok) return input.response;
    const v = input.value;
    const r = await rescheduleBookingByClient(deps, c.req.param('token'), {
      start: v.start,
      staff: v.staff,
      reason: v.reason ?? '',
      bookingId: v.bookingId,
    });
    return r.ok ? c.json(presentBooking(await viewBooking(deps, r.value), deps.clock.now())) : sendRefusal(c, r);
  });

  api.post('/:token/verify', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const input = check(c, verifyBody, body.value.json);
    if (!input.ok) return input.response;
    const r = await verifyEmail(deps, c.req.param('token'), input.value.code);
    if (!r.ok) return sendRefusal(c, r);
    return c.json({
      booking: presentBooking(await viewBooking(deps, r.value.booking), deps.clock.now()),
      next: r.value.next,
    });
  });

  api.post('/:token/resend-code', async (c) => {
    const body = await readJson(c, { emptyIs: {} });
    if (!body.ok) return body.response;
    const input = check(c, z.strictObject({}), body.value.json);
    if (!input.ok) return input.response;
    const r = await resendCode(deps, c.req.param('token'));
    return r.ok ? c.body(null, 202) : sendRefusal(c, r);
  });

  return api;
}
