/**
 * Dashboard API: bookings (API.md "Dashboard API"): the searchable list, one booking with its
 * history, a booking taken by phone, moves and notes, cancellation. The use cases decide what the
 * actor may see and do; these handlers only check shapes and present.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { viewBooking, viewBookings } from '../../../app/booking-view.ts';
import { cancelBookingByStaff, OVERRIDE_REFUNDS } from '../../../app/dashboard/bookings/cancel-booking-by-staff.ts';
import {
  createBookingByStaff,
  type StaffBookingInput,
} from '../../../app/dashboard/bookings/create-booking-by-staff.ts';
import { createSeriesByStaff } from '../../../app/dashboard/bookings/create-series-by-staff.ts';
import { getBookingFor } from '../../../app/dashboard/bookings/get-booking.ts';
import { listBookings, MAX_LIMIT } from '../../../app/dashboard/bookings/list-bookings.ts';
import { markBookingOutcome } from '../../../app/dashboard/bookings/mark-outcome.ts';
import { moveBookingByStaff } from '../../../app/dashboard/bookings/move-booking.ts';
import { OUTCOMES } from '../../../core/index.ts';
import { bookingBody, requestOf } from '../../booking-body.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import { check, date, instant, readJson, text } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { presentAdminBooking, presentAdminBookingDetail } from './present-admin-booking.ts';

const staffId = z.string().regex(/^\d{1,18}$/, 'a staff id');

export const BOOKING_STATUSES = [
  'pending_verification',
  'awaiting_payment',
  'confirmed',
  'cancelled',
  'expired',
] as const;

export const listBookingsQuery = z.strictObject({
  from: date.optional(),
  to: date.optional(),
  staff: staffId.optional(),
  status: z.enum(BOOKING_STATUSES).optional(),
  q: text(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `a number from 1 to ${MAX_LIMIT}`)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_LIMIT))
    .optional(),
});

/** As the public create, without a payment choice (nothing is paid online), plus the dashboard's options. */
export const staffBookingBody = bookingBody.omit({ payment: true }).extend({
  skipRules: z.boolean().default(false),
  notifyClient: z.boolean().default(true),
});

export const updateBookingBody = z
  .strictObject({
    start: instant.optional(),
    staff: staffId.optional(),
    notes: text(2000).optional(),
    /** SPEC §10.3: what became of a booking that has started; sent alone. */
    outcome: z.enum(OUTCOMES).optional(),
    skipRules: z.boolean().default(false),
    notifyClient: z.boolean().default(true),
  })
  .refine(
    (b) => b.start !== undefined || b.staff !== undefined || b.notes !== undefined || b.outcome !== undefined,
    'give start, staff, notes or outcome',
  )
  .refine((b) => b.outcome === undefined || (b.start === undefined && b.staff === undefined && b.notes === undefined), {
    path: ['outcome'],
    message: 'on its own, without start, staff or notes',
  });

export const staffCancelBody = z.strictObject({
  reason: text(500).optional(),
  notifyClient: z.boolean().default(true),
  /** Admins: the refund to apply instead of the policy tier's (SPEC §10.2); `reason` is then required. */
  refund: z.enum(OVERRIDE_REFUNDS).optional(),
});

/** What a checked staff booking body asks the use case for (the API and the page share it). */
export function staffBookingInput(v: z.output<typeof staffBookingBody>): StaffBookingInput {
  return { ...requestOf(v), skipRules: v.skipRules, notifyClient: v.notifyClient };
}

export function bookingsApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();

  api.get('/', async (c) => {
    const q = check(c, listBookingsQuery, c.req.query());
    if (!q.ok) return q.response;
    const r = await listBookings(deps, c.get('actor'), q.value);
    if (!r.ok) return sendRefusal(c, r);
    const views = await viewBookings(deps, r.value.bookings);
    const now = deps.clock.now();
    return c.json({ bookings: views.map((v) => presentAdminBooking(v, now)), nextCursor: r.value.nextCursor });
  });

  api.get('/:id', async (c) => {
    const r = await getBookingFor(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json(presentAdminBookingDetail(r.value, deps.clock.now())) : sendRefusal(c, r);
  });

  api.post('/', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const input = check(c, staffBookingBody, body.value.json);
    if (!input.ok) return input.response;
    const { repeat } = input.value;
    if (repeat) {
      const s = await createSeriesByStaff(deps, c.get('actor'), { ...staffBookingInput(input.value), repeat });
      if (!s.ok) return sendRefusal(c, s);
      const now = deps.clock.now();
      const bookings = (await viewBookings(deps, s.value.bookings)).map((v) => presentAdminBooking(v, now));
      return c.json({ series: { id: s.value.seriesId, bookings, skipped: s.value.skipped } }, 201);
    }
    const r = await createBookingByStaff(deps, c.get('actor'), staffBookingInput(input.value));
    return r.ok
      ? c.json(presentAdminBooking(await viewBooking(deps, r.value), deps.clock.now()), 201)
      : sendRefusal(c, r);
  });

  api.patch('/:id', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const input = check(c, updateBookingBody, body.value.json);
    if (!input.ok) return input.response;
    const { outcome, ...change } = input.value;
    const r =
      outcome === undefined
        ? await moveBookingByStaff(deps, c.get('actor'), c.req.param('id'), change)
        : await markBookingOutcome(deps, c.get('actor'), c.req.param('id'), outcome);
    return r.ok ? c.json(presentAdminBooking(await viewBooking(deps, r.value), deps.clock.now())) : sendRefusal(c, r);
  });

  api.post('/:id/cancel', async (c) => {
    const body = await readJson(c, { emptyIs: {} });
    if (!body.ok) return body.response;
    const input = check(c, staffCancelBody, body.value.json);
    if (!input.ok) return input.response;
    const { reason, notifyClient, refund } = input.value;
    const r = await cancelBookingByStaff(deps, c.get('actor'), c.req.param('id'), {
      reason: reason ?? '',
      notifyClient,
      refund,
    });
    return r.ok ? c.json(presentAdminBooking(await viewBooking(deps, r.value), deps.clock.now())) : sendRefusal(c, r);
  });

  return api;
}
