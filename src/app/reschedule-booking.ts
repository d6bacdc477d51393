/**
 * The client moves their booking through the manage link (SPEC §4): only a confirmed booking,
 * only while the service allows it, fewer than the limit of changes (the service's, else the
 * business default), more than rescheduleNoticeHours before the start, another staff member only
 * if the business allows it. The new start must be a slot by the same rules as a new booking;
 * the database guards the move like an insert. Each move is recorded in the history.
 */
import { allowances } from './allowances.ts';
import { changeManagedBooking } from './manage-booking.ts';
import type { Booking } from './model.ts';
import { moveToSlot } from './move-to-slot.ts';
import { bookingNotices } from './notices.ts';
import type { Clock, Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';

export interface RescheduleInput {
  readonly start: number;
  /** Another member's id; omitted = the same member. */
  readonly staff?: string | undefined;
  readonly reason: string;
  /** Another occurrence of the link's series (SPEC §9.2); absent = the link's own booking. */
  readonly bookingId?: string | undefined;
}

const BLOCK_MESSAGES = {
  not_active: 'Only a confirmed booking can be rescheduled.',
  not_allowed_for_service: 'This service cannot be rescheduled online.',
  limit_reached: 'This booking has been rescheduled as many times as allowed.',
  too_close: 'It is too close to the start to reschedule online.',
} as const;

export async function rescheduleBookingByClient(
  deps: {
    store: Pick<
      Store,
      | 'enqueueJobs'
      | 'findBookingByToken'
      | 'findService'
      | 'getBooking'
      | 'getBusiness'
      | 'listBusy'
      | 'listExternalBusy'
      | 'listOfferHolds'
      | 'listResourceHolds'
      | 'listSessionSeats'
      | 'listStaffForService'
      | 'moveBooking'
      | 'transaction'
    >;
    clock: Clock;
  },
  token: string,
  input: RescheduleInput,
): Promise<Result<Booking>> {
  return changeManagedBooking(
    deps,
    token,
    async (store, booking, now) => {
      const [business, service] = await Promise.all([store.getBusiness(), store.findService(booking.serviceId)]);
      const { block } = allowances(booking, service, business, now).reschedule;
      if (block) return refuse('RESCHEDULE_NOT_ALLOWED', BLOCK_MESSAGES[block], { reason: block });
      const staffId = input.staff ?? booking.staffId;
      if (staffId !== booking.staffId && !business.allowStaffChangeOnReschedule) {
        return refuse('RESCHEDULE_NOT_ALLOWED', 'The staff member cannot be changed when rescheduling.', {
          reason: 'staff_change_not_allowed',
        });
      }
      const moved = await moveToSlot(
        store,
        booking,
        business,
        { start: input.start, staffId, reason: input.reason },
        now,
      );
      if (!moved.ok) return moved;
      const { previous } = moved.value;
      await store.enqueueJobs(bookingNotices('rescheduled', moved.value.booking, business, { previous }), now);
      return ok(moved.value.booking);
    },
    input.bookingId,
  );
}
