/**
 * The client cancels through the manage link (SPEC §4, §10.2): allowed while the booking is
 * active, before cancelNoticeHours and outside a "no online cancellation" tier of its service's
 * policy. The tier in force decides the refund; the outcome (refund kind, refund due, amount kept)
 * is recorded on the booking and in its history, and the owner's email says what to refund. The
 * slot is free at once.
 */
import { statusAt } from './allowances.ts';
import { cancelRefusal } from './cancel-refusal.ts';
import { cancelTerms, clientCancel } from './cancel-terms.ts';
import { changeManagedBooking } from './manage-booking.ts';
import type { Booking } from './model.ts';
import { bookingNotices } from './notices.ts';
import type { Clock, Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';
import { occurrenceShare } from './series-share.ts';

export async function cancelBookingByClient(
  deps: {
    store: Pick<
      Store,
      | 'cancelBooking'
      | 'enqueueJobs'
      | 'findBookingByToken'
      | 'findService'
      | 'getBusiness'
      | 'listSeriesBookings'
      | 'transaction'
    >;
    clock: Clock;
  },
  token: string,
  reason: string,
): Promise<Result<Booking>> {
  return changeManagedBooking(deps, token, async (store, booking, now) => {
    const [business, service, series] = await Promise.all([
      store.getBusiness(),
      store.findService(booking.serviceId),
      booking.seriesId ? store.listSeriesBookings(booking.seriesId) : [],
    ]);
    // An occurrence of a series is judged on its share of what the series paid (series-share.ts).
    const judged = occurrenceShare(booking, series);
    const outcome = clientCancel(judged, service, business, now);
    if (!outcome.ok) return cancelRefusal(outcome.reason, statusAt(booking, now), business);
    const terms = cancelTerms(judged, service, outcome.rule.refund, 'client', false);
    const cancelled = await store.cancelBooking(booking.id, reason, now, terms);
    if (cancelled) {
      // Only a confirmed booking was announced; a dropped hold needs no email.
      if (booking.status === 'confirmed') {
        await store.enqueueJobs(bookingNotices('cancelled', cancelled, business, { cancelReason: reason }), now);
      }
      return ok(cancelled);
    }
    return refuse('CANCEL_NOT_ALLOWED', 'This booking changed meanwhile; reload it.', { reason: 'changed' });
  });
}
