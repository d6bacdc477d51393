/** The public, client and gateway routes of API.md, as documented routes. */
import { z } from 'zod';
import { UNAPPLIED_REASONS } from '../../app/model.ts';
import { cancelBody, rescheduleBody, verifyBody } from '../api/manage.ts';
import { callbackBody } from '../api/payments.ts';
import { dayQuery, monthQuery } from '../api/public.ts';
import { waitlistBody } from '../api/waitlist.ts';
import { bookingBody } from '../booking-body.ts';
import type { RouteDoc } from './route-doc.ts';
import {
  bookingShape,
  businessShape,
  createdBookingShape,
  createdSeriesShape,
  dayShape,
  mailShape,
  monthShape,
  seriesCancelledShape,
  seriesOccurrencesShape,
  serviceShape,
} from './shapes.ts';

const withHistory = bookingShape.extend({
  history: z.array(
    z.object({
      fromStart: z.string(),
      toStart: z.string(),
      fromStaff: z.object({ id: z.string(), name: z.string() }),
      toStaff: z.object({ id: z.string(), name: z.string() }),
      reason: z.string(),
      at: z.string(),
    }),
  ),
  series: seriesOccurrencesShape.optional().meta({ description: 'an occurrence of a series: every occurrence' }),
});

export const PUBLIC_ROUTES: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/business',
    tag: 'Public',
    auth: 'public',
    summary: 'The business: name, zone, currency, languages, staff label',
    responses: { 200: { description: 'the business', schema: businessShape } },
  },
  {
    method: 'get',
    path: '/api/v1/services',
    tag: 'Public',
    auth: 'public',
    summary: 'Active services with their staff and payment options',
    responses: { 200: { description: 'the services', schema: z.object({ services: z.array(serviceShape) }) } },
  },
  {
    method: 'get',
    path: '/api/v1/services/:ref',
    tag: 'Public',
    auth: 'public',
    summary: 'One service by id or slug',
    responses: { 200: { description: 'the service', schema: serviceShape } },
  },
  {
    method: 'get',
    path: '/api/v1/availability/month',
    tag: 'Public',
    auth: 'public',
    summary: 'A month of days with their status and number of free times',
    query: monthQuery,
    responses: { 200: { description: 'the month', schema: monthShape } },
  },
  {
    method: 'get',
    path: '/api/v1/availability/day',
    tag: 'Public',
    auth: 'public',
    summary: 'The free times of one day',
    query: dayQuery,
    responses: { 200: { description: 'the day', schema: dayShape } },
  },
  {
    method: 'post',
    path: '/api/v1/bookings',
    tag: 'Public',
    auth: 'public',
    summary: 'Book a time (Idempotency-Key header recommended)',
    body: bookingBody,
    responses: {
      201: {
        description: 'booked (or held for verification / payment); with `repeat`, a series answer (createdSeries)',
        schema: z.union([createdBookingShape, createdSeriesShape]),
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/manage/:token',
    tag: 'Client',
    auth: 'manage-token',
    summary: 'The client’s booking, with its history',
    responses: { 200: { description: 'the booking', schema: withHistory } },
  },
  {
    method: 'get',
    path: '/api/v1/manage/:token/calendar.ics',
    tag: 'Client',
    auth: 'manage-token',
    summary: 'The booking as an iCalendar file',
    responses: { 200: { description: 'iCalendar', contentType: 'text/calendar' } },
  },
  {
    method: 'post',
    path: '/api/v1/manage/:token/cancel',
    tag: 'Client',
    auth: 'manage-token',
    summary: 'Cancel the booking (a series: `scope` "one" or "rest", `bookingId` of any occurrence)',
    body: cancelBody,
    responses: {
      200: {
        description: 'the cancelled booking; with `scope` or `bookingId`, the series after the change',
        schema: z.union([bookingShape, seriesCancelledShape]),
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/manage/:token/reschedule',
    tag: 'Client',
    auth: 'manage-token',
    summary: 'Move the booking to another free time',
    body: rescheduleBody,
    responses: { 200: { description: 'the moved booking', schema: bookingShape } },
  },
  {
    method: 'post',
    path: '/api/v1/manage/:token/verify',
    tag: 'Client',
    auth: 'manage-token',
    summary: 'Prove the email with the emailed 6-digit code',
    body: verifyBody,
    responses: {
      200: {
        description: 'the booking after verification, and what comes next',
        schema: z.object({ booking: bookingShape, next: z.object({ action: z.string() }).loose() }),
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/manage/:token/resend-code',
    tag: 'Client',
    auth: 'manage-token',
    summary: 'Send a new verification code (once a minute)',
    body: z.strictObject({}),
    responses: { 202: { description: 'a new code is on its way (no body)' } },
  },
  {
    method: 'post',
    path: '/api/v1/waitlist',
    tag: 'Waitlist',
    auth: 'public',
    summary: 'Join the waitlist of a (full) day: service, staff or "any", date, optional earliest start and latest end',
    body: waitlistBody,
    responses: {
      201: {
        description: 'on the waitlist; `position` counted from 1 among the entries of that service and date',
        schema: z.object({ id: z.string(), position: z.number().int() }),
      },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/waitlist/:token',
    tag: 'Waitlist',
    auth: 'manage-token',
    summary: 'Leave the waitlist (the token of the link in the emails); a live offer passes to the next entry',
    responses: { 204: { description: 'left (no body)' } },
  },
  {
    method: 'post',
    path: '/api/v1/waitlist/offers/:token/accept',
    tag: 'Waitlist',
    auth: 'manage-token',
    summary: 'Accept an offer (no body): the held start becomes a booking, verification and payment as usual',
    responses: {
      201: {
        description: 'booked, as POST /bookings answers (410 OFFER_EXPIRED once lapsed or answered)',
        schema: createdBookingShape,
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/waitlist/offers/:token/decline',
    tag: 'Waitlist',
    auth: 'manage-token',
    summary: 'Decline an offer: the start goes to the next entry',
    responses: { 204: { description: 'declined (no body)' } },
  },
  {
    method: 'post',
    path: '/api/v1/payments/callback',
    tag: 'Payments',
    auth: 'gateway',
    summary: 'The payment gateway reports a payment (X-Slotwise-Signature: sha256=<HMAC of the raw body>)',
    body: callbackBody,
    responses: {
      200: {
        description: 'recorded; `applied: false` with its `reason` when it could not be applied (the owner is told)',
        schema: z.object({
          applied: z.boolean(),
          reason: z.enum(UNAPPLIED_REASONS).nullable(),
          booking: bookingShape,
        }),
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/dev/mailbox',
    tag: 'Development',
    auth: 'dev',
    summary: 'The dev outbox (only when mail is not really sent)',
    query: z.object({ to: z.string().max(320).optional() }),
    responses: { 200: { description: 'messages, newest first', schema: mailShape } },
  },
];
