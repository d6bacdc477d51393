/**
 * The client's view of their booking through the manage link: the booking, its service, the
 * business rules that decide what they may still do, and the reschedule history.
 */
import type { Booking, Business, HistoryEntry, Service } from './model.ts';
import type { Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';
import { hashToken } from './tokens.ts';

export interface ManagedBooking {
  readonly booking: Booking;
  readonly service: Service | null;
  readonly business: Business;
  readonly history: HistoryEntry[];
}

/** A manage token's shape: 32 bytes, base64url (43 characters). Anything else is unknown. */
export const isTokenShape = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export async function findManagedBooking(
  store: Pick<Store, 'findBookingByToken'>,
  token: string,
): Promise<Result<Booking>> {
  const booking = isTokenShape(token) ? await store.findBookingByToken(hashToken(token)) : null;
  return booking ? ok(booking) : refuse('NOT_FOUND', 'No booking has this link. It may be mistyped.');
}

export async function getManagedBooking(deps: { store: Store }, token: string): Promise<Result<ManagedBooking>> {
  const found = await findManagedBooking(deps.store, token);
  if (!found.ok) return found;
  const booking = found.value;
  const [service, business, history] = await Promise.all([
    deps.store.findService(booking.serviceId),
    deps.store.getBusiness(),
    deps.store.listHistory(booking.id),
  ]);
  return ok({ booking, service, business, history });
}
