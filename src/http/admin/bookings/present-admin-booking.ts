/**
 * A booking as the dashboard sees it: API.md's `Booking` (presentBooking) plus what staff need —
 * the client's phone and address, the service's colour, when it was made, and what staff may
 * still do with it (`actions`, which differ from the client's `reschedule` and `cancel`).
 */
import type { BookingView } from '../../../app/booking-view.ts';
import { OCCUPYING_STATUSES } from '../../../app/model.ts';
import { presentBooking } from '../../../app/presenters/booking.ts';
import { formatInstant } from '../../../core/index.ts';

export function presentAdminBooking(view: BookingView, now: number) {
  const { booking: b, service } = view;
  const base = presentBooking(view, now);
  return {
    ...base,
    service: { id: b.serviceId, name: b.serviceName, color: service?.color ?? null },
    client: { name: b.client.name, email: b.client.email, phone: b.client.phone, address: b.client.address },
    createdAt: formatInstant(b.createdAt, b.timezone),
    actions: { move: base.status === 'confirmed', cancel: OCCUPYING_STATUSES.includes(base.status) },
  };
}
