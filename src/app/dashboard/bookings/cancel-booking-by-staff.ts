/**
 * Cancelling in the dashboard (API.md POST /admin/bookings/{id}/cancel): any booking still holding
 * time, whenever it starts — the client's cancel notice limits the client, not the studio. The
 * slot is free at once; a confirmed booking's cancellation is emailed (to the client unless staff
 * say not to). A staff member cancels only their own bookings.
 */
import { statusAt } from '../../allowances.ts';
import { inTransaction } from '../../in-transaction.ts';
import { type Booking, OCCUPYING_STATUSES } from '../../model.ts';
import type { Clock, Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import type { Actor } from '../actor.ts';
import { findOwnBooking } from './find-own-booking.ts';
import { staffNotices } from './staff-notices.ts';

export interface StaffCancelInput {
  readonly reason: string;
  /** False: no email to the client (staff and owner are still told). */
  readonly notifyClient: boolean;
}

export async function cancelBookingByStaff(
  deps: {
    store: Pick<Store, 'cancelBooking' | 'enqueueJobs' | 'getBooking' | 'getBusiness' | 'transaction'>;
    clock: Clock;
  },
  actor: Actor,
  id: string,
  input: StaffCancelInput,
): Promise<Result<Booking>> {
  const now = deps.clock.now();
  return inTransaction(deps.store, async (store) => {
    const found = await findOwnBooking(store, actor, id);
    if (!found.ok) return found;
    const booking = found.value;
    const status = statusAt(booking, now);
    if (!OCCUPYING_STATUSES.includes(status)) {
      return refuse('CANCEL_NOT_ALLOWED', `This booking is already ${status}.`, { reason: status });
    }
    const cancelled = await store.cancelBooking(booking.id, input.reason, now);
    if (!cancelled)
      return refuse('CANCEL_NOT_ALLOWED', 'This booking changed meanwhile; reload it.', { reason: 'changed' });
    // Only a confirmed booking was announced; a dropped hold needs no email.
    if (booking.status === 'confirmed') {
      const business = await store.getBusiness();
      const notices = staffNotices('cancelled', cancelled, business, input.notifyClient, {
        cancelReason: input.reason,
      });
      await store.enqueueJobs(notices, now);
    }
    return ok(cancelled);
  });
}
