/**
 * The client's view of their booking through the manage link: the booking, its service, the
 * business rules that decide what they may still do, and the reschedule history.
 */
import type { BookingView } from './booking-view.ts';
import { inTransaction } from './in-transaction.ts';
import type { Booking, HistoryEntry } from './model.ts';
import type { Clock, Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';
import { findOccurrence } from './series-occurrence.ts';
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

/**
 * Runs a change of the booking a manage link names, in one transaction (SPEC §6): NOT_FOUND for an
 * unknown link, else whatever `change` decides, with the booking as the transaction reads it.
 */
export function changeManagedBooking<
  // getBooking only for a change that may name another occurrence of a series (reschedule-booking.ts).
  S extends Pick<Store, 'transaction' | 'findBookingByToken'> & Partial<Pick<Store, 'getBooking'>>,
  T,
>(
  deps: { store: S; clock: Clock },
  token: string,
  change: (tx: S, booking: Booking, now: number) => Promise<Result<T>>,
  /** Another occurrence of the token's series (SPEC §9.2); absent = the token's own booking. */
  occurrence?: string,
): Promise<Result<T>> {
  const now = deps.clock.now();
  return inTransaction(deps.store, async (tx) => {
    const found = await findOccurrence(tx, token, occurrence);
    return found.ok ? change(tx, found.value, now) : found;
  });
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
  deps: {
    store: Pick<Store, 'findBookingByToken' | 'findService' | 'getBusiness' | 'listHistory'> &
      Partial<Pick<Store, 'getBooking'>>;
  },
  token: string,
  /** Another occurrence of the token's series (SPEC §9.2); absent = the token's own booking. */
  occurrence?: string,
): Promise<Result<ManagedBooking>> {
  const found = await findOccurrence(deps.store, token, occurrence);
  return found.ok ? ok(await loadManaged(deps.store, found.value)) : found;
}
