/**
 * A booking with what showing it needs: its service (for its rules, and null once no row holds it)
 * and the business (its rules and zone). The API's answers and the dashboard read them here,
 * through the store's cached catalogue, and hand them to the presenters (presenters/booking.ts).
 */
import type { Booking, Business, Service } from './model.ts';
import type { Store } from './ports.ts';

export interface BookingView {
  readonly booking: Booking;
  readonly service: Service | null;
  readonly business: Business;
}

export async function viewBooking(
  deps: { store: Pick<Store, 'findService' | 'getBusiness'> },
  booking: Booking,
): Promise<BookingView> {
  const [service, business] = await Promise.all([deps.store.findService(booking.serviceId), deps.store.getBusiness()]);
  return { booking, service, business };
}

/** Many bookings, reading the services and the business once. */
export async function viewBookings(
  deps: { store: Pick<Store, 'getBusiness' | 'listServices'> },
  bookings: readonly Booking[],
): Promise<BookingView[]> {
  const [services, business] = await Promise.all([deps.store.listServices(), deps.store.getBusiness()]);
  const byId = new Map(services.map((s) => [s.id, s]));
  return bookings.map((booking) => ({ booking, service: byId.get(booking.serviceId) ?? null, business }));
}
