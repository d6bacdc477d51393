/**
 * A booking as the dashboard sees it: API.md's `Booking` (presentBooking) plus what staff need —
 * the client's phone and address, the service's colour, when it was made, and what staff may
 * still do with it (`actions`, which differ from the client's `reschedule` and `cancel`).
 */
import type { Booking, Business, HistoryEntry, Service } from '../../../app/model.ts';
import { OCCUPYING_STATUSES } from '../../../app/model.ts';
import type { Clock, Store } from '../../../app/ports.ts';
import { formatInstant } from '../../../core/index.ts';
import { presentBooking } from '../../presenters.ts';

export function presentAdminBooking(b: Booking, service: Service | null, business: Business, now: number) {
  const base = presentBooking(b, service, business, now);
  return {
    ...base,
    service: { id: b.serviceId, name: b.serviceName, color: service?.color ?? null },
    client: { name: b.client.name, email: b.client.email, phone: b.client.phone, address: b.client.address },
    createdAt: formatInstant(b.createdAt, b.timezone),
    actions: { move: base.status === 'confirmed', cancel: OCCUPYING_STATUSES.includes(base.status) },
  };
}

/** The moves of a booking, as in the manage API, shown in the booking's zone. */
export function presentHistory(history: readonly HistoryEntry[], zone: string) {
  return history.map((h) => ({
    fromStart: formatInstant(h.fromStart, zone),
    toStart: formatInstant(h.toStart, zone),
    fromStaff: h.fromStaff,
    toStaff: h.toStaff,
    reason: h.reason,
    at: formatInstant(h.at, zone),
  }));
}

/** Many bookings, reading the services (cached) and the business once. */
export async function presentAdminBookings(deps: { store: Store; clock: Clock }, bookings: readonly Booking[]) {
  const [services, business] = await Promise.all([deps.store.listServices(), deps.store.getBusiness()]);
  const byId = new Map(services.map((s) => [s.id, s]));
  const now = deps.clock.now();
  return bookings.map((b) => presentAdminBooking(b, byId.get(b.serviceId) ?? null, business, now));
}

export async function presentAdminStored(deps: { store: Store; clock: Clock }, b: Booking) {
  const [presented] = await presentAdminBookings(deps, [b]);
  return presented;
}
