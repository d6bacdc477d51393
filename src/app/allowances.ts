/**
 * What the client may still do with a booking at `now` (SPEC §4), resolved once from the
 * booking, its service and the business settings: used by the use cases that act and by the
 * presenters that show it, so the two never disagree.
 */
import { type RescheduleBlock, rescheduleBlock } from '../core/index.ts';
import { clientCancel } from './cancel-terms.ts';
import type { Booking, BookingStatus, Business, Service } from './model.ts';

export interface Allowances {
  readonly reschedule: { readonly count: number; readonly limit: number; readonly block: RescheduleBlock | null };
  readonly cancelAllowed: boolean;
}

/** The status as of `now`: a hold past its hold_until is expired, whether or not its row says so yet. */
export function statusAt(booking: Booking, now: number): BookingStatus {
  const hold = booking.status === 'pending_verification' || booking.status === 'awaiting_payment';
  return hold && booking.holdUntil !== null && booking.holdUntil <= now ? 'expired' : booking.status;
}

export function allowances(booking: Booking, service: Service | null, business: Business, now: number): Allowances {
  const limit = service?.rescheduleLimit ?? business.defaultRescheduleLimit;
  const status = statusAt(booking, now);
  return {
    reschedule: {
      count: booking.rescheduleCount,
      limit,
      block: rescheduleBlock({
        status,
        start: booking.start,
        now,
        allowRescheduling: service?.allowRescheduling ?? false,
        count: booking.rescheduleCount,
        limit,
        noticeHours: business.rescheduleNoticeHours,
      }),
    },
    // The cancellation policy and the notice together (SPEC §10.2): a `none_online` tier refuses too.
    cancelAllowed: clientCancel(booking, service, business, now).ok,
  };
}
