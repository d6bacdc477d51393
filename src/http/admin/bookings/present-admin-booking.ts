/**
 * A booking as the dashboard sees it: API.md's `Booking` (presentBooking) plus what staff need —
 * the client's phone and address, the service's colour, when it was made, and what staff may
 * still do with it (`actions`, which differ from the client's `reschedule` and `cancel`). One
 * booking (`GET bookings/{id}`) adds its sensitive answers, the client's no-shows and what a cancel
 * would refund now.
 */
import type { BookingView } from '../../../app/booking-view.ts';
import type { DashboardBooking } from '../../../app/dashboard/bookings/get-booking.ts';
import { OCCUPYING_STATUSES } from '../../../app/model.ts';
import { presentBooking, presentHistory } from '../../../app/presenters/booking.ts';
import { presentPayment } from '../../../app/presenters/payment.ts';
import { formatInstant, toDecimal } from '../../../core/index.ts';

export function presentAdminBooking(view: BookingView, now: number) {
  const { booking: b, service } = view;
  const base = presentBooking(view, now);
  return {
    ...base,
    service: { id: b.serviceId, name: b.serviceName, color: service?.color ?? null },
    client: { name: b.client.name, email: b.client.email, phone: b.client.phone, address: b.client.address },
    createdAt: formatInstant(b.createdAt, b.timezone),
    actions: {
      move: base.status === 'confirmed',
      cancel: OCCUPYING_STATUSES.includes(base.status),
      // SPEC §10.3: a confirmed booking from its start on.
      outcome: base.status === 'confirmed' && b.start <= now,
    },
  };
}

/** One booking with everything the dashboard's page of it shows. */
export function presentAdminBookingDetail(d: DashboardBooking, now: number) {
  const { booking: b } = d;
  const cur = b.payment.currency;
  const base = presentAdminBooking(d, now);
  return {
    ...base,
    client: { ...base.client, noShows: d.clientNoShows },
    // Shown only here: to an admin, or to the booking's own staff member (the use case checked).
    sensitiveAnswers: d.sensitiveAnswers,
    sensitiveAnswersUnreadable: d.sensitiveAnswers === null,
    cancelNow: base.actions.cancel
      ? {
          refund: d.cancelNow.refund,
          refundDue: toDecimal(d.cancelNow.refundDue, cur),
          amountKept: toDecimal(d.cancelNow.amountKept, cur),
        }
      : null,
    history: presentHistory(d.history, b.timezone, cur),
    payments: d.payments.map((p) => presentPayment(p, b.timezone)),
  };
}
