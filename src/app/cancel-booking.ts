/**
 * The client cancels through the manage link (SPEC §4, §10.2): allowed while the booking is
 * active, before cancelNoticeHours and outside a "no online cancellation" tier of its service's
 * policy. The tier in force decides the refund; the outcome (refund kind, refund due, amount kept)
 * is recorded on the booking and in its history, and the owner's email says what to refund. The
 * slot is free at once.
 */
import { statusAt } from './allowances.ts';
import { cancelTerms, clientCancel } from './cancel-terms.ts';
import { changeManagedBooking } from './manage-booking.ts';
import type { Booking } from './model.ts';
import { bookingNotices } from './notices.ts';
import type { Clock, Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';

export async function cancelBookingByClient(
  deps: {
    store: Pick<
      Store,
      'cancelBooking' | 'enqueueJobs' | 'findBookingByToken' | 'findService' | 'getBusiness' | 'transaction'
    >;
    clock: Clock;
  },
  token: string,
  reason: string,
): Promise<Result<Booking>> {
  return changeManagedBooking(deps, token, async (store, booking, now) => {
    const [business, service] = await Promise.all([store.getBusiness(), store.findService(booking.serviceId)]);
    const outcome = clientCancel(booking, service, business, now);
    if (!outcome.ok) {
      const status = statusAt(booking, now);
      switch (outcome.reason) {
        case 'not_active':
          return refuse('CANCEL_NOT_ALLOWED', `This booking is already ${status}.`, { reason: status });
        case 'started':
          return refuse('CANCEL_NOT_ALLOWED', 'This booking has already started.', { reason: 'started' });
        case 'too_close':
          return refuse(
            'CANCEL_NOT_ALLOWED',
            `Bookings can be cancelled online until ${business.cancelNoticeHours} hours before they start.`,
            { reason: 'too_close' },
          );
        case 'no_online_cancel':
          return refuse('CANCEL_NOT_ALLOWED', 'This booking can no longer be cancelled online: contact us.', {
            reason: 'no_online_cancel',
          });
        default: {
          const never: never = outcome.reason;
          throw new Error(`unknown cancel refusal ${String(never)}`);
        }
      }
    }
    const terms = cancelTerms(booking, service, outcome.rule.refund, 'client', false);
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
