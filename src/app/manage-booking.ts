/**
 * The client's view of their booking through the manage link: the booking, its service, the
 * business rules that decide what they may still do, and the reschedule history.
 */
import type { BookingView } from './booking-view.ts';
import type { Booking, HistoryEntry } from './model.ts';
import type { Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';
import { hashToken } from './tokens.ts';

export interface ManagedBooking extends BookingView {
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

/** A booking with its service, the business and its move history (the client's and the dashboard's view alike). */
export async function loadManaged(
  store: Pick<Store, 'findService' | 'getBusiness' | 'listHistory'>,
  booking: Booking,
): Promise<ManagedBooking> {
  const [service, business, history] = await Promise.all([
    store.findService(booking.serviceId),
    store.getBusiness(),
    store.listHistory(booking.id),
  ]);
  return { booking, service, business, history };
}

export async function getManagedBooking(
  deps: { store: Pick<Store, 'findBookingByToken' | 'findService' | 'getBusiness' | 'listHistory'> },
  token: string,
): Promise<Result<ManagedBooking>> {
  const found = await findManagedBooking(deps.store, token);
  return found.ok ? ok(await loadManaged(deps.store, found.value)) : found;
}
