/**
 * One manage link serves the series (SPEC §9.2): a token of any occurrence names, with a
 * `bookingId`, any other occurrence of the same series — and nothing outside it.
 */
import { findManagedBooking } from './manage-booking.ts';
import type { Booking } from './model.ts';
import type { Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';

export async function findOccurrence(
  store: Pick<Store, 'findBookingByToken'> & Partial<Pick<Store, 'getBooking'>>,
  token: string,
  bookingId: string | undefined,
): Promise<Result<Booking>> {
  const found = await findManagedBooking(store, token);
  if (!found.ok || bookingId === undefined || bookingId === found.value.id) return found;
  const seriesId = found.value.seriesId;
  const other = seriesId && store.getBooking ? await store.getBooking(bookingId) : null;
  // The same answer whether the id exists elsewhere or not: a token tells nothing beyond its series.
  if (!other || other.seriesId !== seriesId) return refuse('NOT_FOUND', 'This link has no occurrence with that id.');
  return ok(other);
}
