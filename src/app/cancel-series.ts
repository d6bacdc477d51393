/**
 * The client cancels occurrences of a series through any occurrence's manage link (SPEC §9.2,
 * API.md `POST /manage/{token}/cancel {scope: "one"|"rest", bookingId?}`): "one" cancels the named
 * occurrence (default: the link's own), "rest" that one and every later one still active. The
 * named occurrence must be cancellable by the usual rules (SPEC §4); a later one starts later, so
 * it is too. One transaction: all of them or none.
 */
import { cancelAllowed } from '../core/index.ts';
import { statusAt } from './allowances.ts';
import { inTransaction } from './in-transaction.ts';
import { type Booking, OCCUPYING_STATUSES } from './model.ts';
import { bookingNotices } from './notices.ts';
import type { Clock, Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';
import { findOccurrence } from './series-occurrence.ts';

export interface SeriesCancel {
  readonly scope: 'one' | 'rest';
  readonly bookingId?: string | undefined;
  readonly reason: string;
}

export async function cancelSeriesByClient(
  deps: {
    store: Pick<
      Store,
      | 'cancelBooking'
      | 'enqueueJobs'
      | 'findBookingByToken'
      | 'getBooking'
      | 'getBusiness'
      | 'listSeriesBookings'
      | 'transaction'
    >;
    clock: Clock;
  },
  token: string,
  input: SeriesCancel,
): Promise<Result<{ seriesId: string | null; bookings: Booking[] }>> {
  const now = deps.clock.now();
  return inTransaction(deps.store, async (store) => {
    const found = await findOccurrence(store, token, input.bookingId);
    if (!found.ok) return found;
    const named = found.value;
    const business = await store.getBusiness();
    const all = named.seriesId ? await store.listSeriesBookings(named.seriesId) : [named];
    const active = (b: Booking) => OCCUPYING_STATUSES.includes(statusAt(b, now));
    const targets =
      input.scope === 'rest' ? all.filter((b) => b.start >= named.start && active(b)) : active(named) ? [named] : [];
    const first = targets[0];
    if (!first) {
      return refuse('CANCEL_NOT_ALLOWED', `This booking is already ${statusAt(named, now)}.`, {
        reason: statusAt(named, now),
      });
    }
    if (!cancelAllowed({ status: first.status, start: first.start, now, noticeHours: business.cancelNoticeHours })) {
      return refuse(
        'CANCEL_NOT_ALLOWED',
        `Bookings can be cancelled online until ${business.cancelNoticeHours} hours before they start.`,
        { reason: 'too_close' },
      );
    }
    for (const b of targets) {
      const cancelled = await store.cancelBooking(b.id, input.reason, now);
      if (!cancelled)
        return refuse('CANCEL_NOT_ALLOWED', 'This series changed meanwhile; reload it.', { reason: 'changed' });
      // Only a confirmed occurrence was announced; a dropped hold needs no email.
      if (b.status === 'confirmed') {
        await store.enqueueJobs(bookingNotices('cancelled', cancelled, business, { cancelReason: input.reason }), now);
      }
    }
    const after = named.seriesId ? await store.listSeriesBookings(named.seriesId) : [];
    return ok({ seriesId: named.seriesId ?? null, bookings: after });
  });
}

/** The occurrences of a booking's series, for the manage answer and page; [] for a single booking. */
export async function listSeriesOf(
  deps: { store: Pick<Store, 'listSeriesBookings'> },
  booking: Booking,
): Promise<Booking[]> {
  return booking.seriesId ? deps.store.listSeriesBookings(booking.seriesId) : [];
}
