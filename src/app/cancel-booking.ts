/**
 * The client cancels through the manage link (SPEC §4): allowed until cancelNoticeHours before
 * the start, while the booking is active. The slot is free at once.
 */
import { cancelAllowed } from '../core/index.ts';
import { statusAt } from './allowances.ts';
import { changeManagedBooking } from './manage-booking.ts';
import { type Booking, OCCUPYING_STATUSES } from './model.ts';
import { bookingNotices } from './notices.ts';
import type { Clock, Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';

export async function cancelBookingByClient(
  deps: {
    store: Pick<Store, 'cancelBooking' | 'enqueueJobs' | 'findBookingByToken' | 'getBusiness' | 'transaction'>;
    clock: Clock;
  },
  token: string,
  reason: string,
): Promise<Result<Booking>> {
  return changeManagedBooking(deps, token, async (store, booking, now) => {
    const business = await store.getBusiness();
    const status = statusAt(booking, now);
    if (!OCCUPYING_STATUSES.includes(status)) {
      return refuse('CANCEL_NOT_ALLOWED', `This booking is already ${status}.`, { reason: status });
    }
    if (
      !cancelAllowed({ status: booking.status, start: booking.start, now, noticeHours: business.cancelNoticeHours })
    ) {
      return refuse(
        'CANCEL_NOT_ALLOWED',
        `Bookings can be cancelled online until ${business.cancelNoticeHours} hours before they start.`,
        { reason: 'too_close' },
      );
    }
    const cancelled = await store.cancelBooking(booking.id, reason, now);
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
