/**
 * The client follows the pay link again from their manage page (SPEC §10.4): while they are at
 * the gateway the hold is extended once by holdMinutes — from now, never shorter than it is, and
 * once per booking, so following the link again and again cannot keep a time held for ever.
 */
import { statusAt } from './allowances.ts';
import { findManagedBooking } from './manage-booking.ts';
import { payAction } from './payment-link.ts';
import type { Clock, Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';

export async function sendToGateway(
  deps: {
    readonly store: Pick<Store, 'extendGatewayHold' | 'findBookingByToken' | 'getBusiness'>;
    readonly clock: Clock;
    readonly publicUrl: string;
  },
  token: string,
): Promise<Result<{ url: string }>> {
  const found = await findManagedBooking(deps.store, token);
  if (!found.ok) return found;
  const booking = found.value;
  const now = deps.clock.now();
  const business = await deps.store.getBusiness();
  if (statusAt(booking, now) !== 'awaiting_payment' || !business.paymentUrl || !business.paymentSecret) {
    return refuse('BOOKING_NOT_PENDING', `Booking ${booking.reference} is not waiting for a payment.`);
  }
  await deps.store.extendGatewayHold(booking.id, now + business.holdMinutes * 60_000, now);
  return ok(payAction(booking, business, deps.publicUrl));
}
