/** A booking the actor may see: another member's answers exactly as an unknown id does (NOT_FOUND). */
import type { Booking } from '../../model.ts';
import type { Store } from '../../ports.ts';
import { ok, type Refusal, type Result, refuse } from '../../result.ts';
import { type Actor, adminOnly, notOwned } from '../actor.ts';

export async function findOwnBooking(
  store: Pick<Store, 'getBooking'>,
  actor: Actor,
  id: string,
): Promise<Result<Booking>> {
  const booking = await store.getBooking(id);
  if (!booking) return refuse('NOT_FOUND', `No booking ${id}.`);
  return notOwned(actor, booking.staffId, 'booking', id) ?? ok(booking);
}

/** NOT_FOUND for a staff member a staff actor may not act for (anyone but themselves), else null. */
export function notOwnStaff(actor: Actor, staffId: string) {
  return notOwned(actor, staffId, 'staff member', staffId);
}

/**
 * Who a booking made from the dashboard is for, or why the actor may not make it: only an admin
 * skips the notice and horizon rules, and a staff member books for themselves ("any" is them).
 */
export function staffBookingFor(
  actor: Actor,
  input: { readonly staff: string; readonly skipRules?: boolean | undefined },
): Refusal | { readonly staff: string } {
  if (input.skipRules) {
    const refused = adminOnly(actor, 'skip the notice and horizon rules');
    if (refused) return refused;
  }
  const staff = actor.role === 'staff' && input.staff === 'any' ? actor.staffId : input.staff;
  return (staff === 'any' ? null : notOwnStaff(actor, staff)) ?? { staff };
}
