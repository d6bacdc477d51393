/** Dashboard bookings (/api/v1/admin/bookings), as documented routes. */
import { z } from 'zod';
import { adminBookingDetailShape, adminBookingShape } from '../../openapi/admin-shapes.ts';
import type { RouteDoc } from '../../openapi/route-doc.ts';
import { listBookingsQuery, staffBookingBody, staffCancelBody, updateBookingBody } from './bookings-api.ts';

const doc = (d: Omit<RouteDoc, 'tag' | 'auth'>): RouteDoc => ({ ...d, tag: 'Bookings (dashboard)', auth: 'dashboard' });

export const ADMIN_BOOKING_ROUTES: readonly RouteDoc[] = [
  doc({
    method: 'get',
    path: '/api/v1/admin/bookings',
    summary: 'Bookings by date range (business zone), staff, status and text; keyset pages',
    query: listBookingsQuery,
    responses: {
      200: {
        description: 'a page of bookings',
        schema: z.object({ bookings: z.array(adminBookingShape), nextCursor: z.string().nullable() }),
      },
    },
  }),
  doc({
    method: 'get',
    path: '/api/v1/admin/bookings/:id',
    summary:
      'One booking with its history, its payments, its sensitive answers and what a cancel would refund (another member’s: 404 for staff)',
    responses: { 200: { description: 'the booking', schema: adminBookingDetailShape } },
  }),
  doc({
    method: 'post',
    path: '/api/v1/admin/bookings',
    summary: 'Book for a client (by phone): confirmed at once; skipRules (admins) skips notice and horizon',
    body: staffBookingBody,
    responses: {
      201: {
        description: 'the booking; with `repeat` (SPEC §9.2), the series of every occurrence',
        schema: z.union([
          adminBookingShape,
          z.object({
            series: z.object({ id: z.string(), bookings: z.array(adminBookingShape), skipped: z.array(z.unknown()) }),
          }),
        ]),
      },
    },
  }),
  doc({
    method: 'patch',
    path: '/api/v1/admin/bookings/:id',
    summary:
      'Move a booking (start, staff) and/or change its notes; or mark a booking that has started `completed` or `no_show` (`outcome`, alone; a future one: 409 OUTCOME_NOT_ALLOWED)',
    body: updateBookingBody,
    responses: { 200: { description: 'the booking', schema: adminBookingShape } },
  }),
  doc({
    method: 'post',
    path: '/api/v1/admin/bookings/:id/cancel',
    summary:
      'Cancel a booking (the client is emailed unless notifyClient is false); the policy tier in force decides the refund unless an admin gives `refund` with a `reason`',
    body: staffCancelBody,
    responses: { 200: { description: 'the cancelled booking', schema: adminBookingShape } },
  }),
];
