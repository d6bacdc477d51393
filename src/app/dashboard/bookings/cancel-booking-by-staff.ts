/**
 * Cancelling in the dashboard (API.md POST /admin/bookings/{id}/cancel): any booking still holding
 * time, whenever it starts — the client's cancel notice limits the client, not the studio. The
 * tier of the service's cancellation policy in force now decides the refund (cancel-terms.ts
 * staffTier); an admin may choose another refund, with a reason (SPEC §10.2). What was decided is
 * recorded on the booking and in its history. The slot is free at once; a confirmed booking's
 * cancellation is emailed (to the client unless staff say not to). A staff member cancels only
 * their own bookings.
 */
import type { RefundKind } from '../../../core/index.ts';
import { statusAt } from '../../allowances.ts';
import { cancelTerms, staffTier } from '../../cancel-terms.ts';
import { inTransaction } from '../../in-transaction.ts';
import { type Booking, OCCUPYING_STATUSES } from '../../model.ts';
import type { Clock, Store } from '../../ports.ts';
import { invalid, ok, type Result, refuse } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import { findOwnBooking } from './find-own-booking.ts';
import { staffNotices } from './staff-notices.ts';

/** The refunds an admin may choose instead of the tier's (`none_online` is not a refund). */
export const OVERRIDE_REFUNDS = ['full', 'deposit_kept', 'none'] as const satisfies readonly RefundKind[];
export type OverrideRefund = (typeof OVERRIDE_REFUNDS)[number];

export interface StaffCancelInput {
  readonly reason: string;
  /** False: no email to the client (staff and owner are still told). */
  readonly notifyClient: boolean;
  /** Admins only: the refund to apply instead of the tier's; the reason is then required. */
  readonly refund?: OverrideRefund | undefined;
}

export async function cancelBookingByStaff(
  deps: {
    store: Pick<Store, 'cancelBooking' | 'enqueueJobs' | 'findService' | 'getBooking' | 'getBusiness' | 'transaction'>;
    clock: Clock;
  },
  actor: Actor,
  id: string,
  input: StaffCancelInput,
): Promise<Result<Booking>> {
  const now = deps.clock.now();
  if (input.refund !== undefined) {
    const denied = adminOnly(actor, 'choose another refund than the cancellation policy’s');
    if (denied) return denied;
    if (input.reason.trim() === '') return invalid('Say why the refund differs.', { reason: 'required with refund' });
  }
  return inTransaction(deps.store, async (store) => {
    const found = await findOwnBooking(store, actor, id);
    if (!found.ok) return found;
    const booking = found.value;
    const status = statusAt(booking, now);
    if (!OCCUPYING_STATUSES.includes(status)) {
      return refuse('CANCEL_NOT_ALLOWED', `This booking is already ${status}.`, { reason: status });
    }
    const service = await store.findService(booking.serviceId);
    const tier = staffTier(booking, service, now);
    const refund = input.refund ?? tier;
    const terms = cancelTerms(booking, service, refund, 'staff', input.refund !== undefined && refund !== tier);
    const cancelled = await store.cancelBooking(booking.id, input.reason, now, terms);
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
