/**
 * Changing a booking in the dashboard (API.md PATCH /admin/bookings/{id}): a move to another start
 * and/or member, new notes, or both in one transaction. A move follows the same slot rules and
 * database guarantee as the client's reschedule (move-to-slot.ts), without the client's limits
 * (the reschedule count and notice are theirs, not the studio's) and without counting against
 * them; only a confirmed booking moves. An admin may skip notice and horizon, never an overlap.
 * A staff member changes only their own bookings and moves them only to themselves. A move
 * emails 'rescheduled'; a notes change alone emails no one.
 */
import { statusAt } from '../../allowances.ts';
import { inTransaction } from '../../in-transaction.ts';
import type { Booking } from '../../model.ts';
import { moveToSlot } from '../../move-to-slot.ts';
import type { Clock, Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import { findOwnBooking, notOwnStaff } from './find-own-booking.ts';
import { staffNotices } from './staff-notices.ts';

export interface BookingChange {
  readonly start?: number | undefined;
  /** Another member's id; omitted = the same member. */
  readonly staff?: string | undefined;
  readonly notes?: string | undefined;
  /** Admins only: skip min notice and horizon for the move. */
  readonly skipRules: boolean;
  /** False: the move is not emailed to the client. */
  readonly notifyClient: boolean;
}

/** The history's reason for a move made in the dashboard. */
export const STAFF_MOVE_REASON = 'Moved by staff';

export async function moveBookingByStaff(
  deps: {
    store: Pick<
      Store,
      | 'enqueueJobs'
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
      | 'updateNotes'
    >;
    clock: Clock;
  },
  actor: Actor,
  id: string,
  change: BookingChange,
): Promise<Result<Booking>> {
  const now = deps.clock.now();
  return inTransaction(deps.store, async (store) => {
    const found = await findOwnBooking(store, actor, id);
    if (!found.ok) return found;
    let booking = found.value;
    if (change.skipRules) {
      const refused = adminOnly(actor, 'skip the notice and horizon rules');
      if (refused) return refused;
    }
    const staffId = change.staff ?? booking.staffId;
    const notOwn = notOwnStaff(actor, staffId);
    if (notOwn) return notOwn;
    const start = change.start ?? booking.start;
    if (start !== booking.start || staffId !== booking.staffId) {
      const status = statusAt(booking, now);
      if (status !== 'confirmed') {
        return refuse('RESCHEDULE_NOT_ALLOWED', `Only a confirmed booking can be moved; this one is ${status}.`, {
          reason: 'not_active',
          status,
        });
      }
      const business = await store.getBusiness();
      const move = { start, staffId, reason: STAFF_MOVE_REASON, skipNoticeAndHorizon: change.skipRules, byStaff: true };
      const moved = await moveToSlot(store, booking, business, move, now);
      if (!moved.ok) return moved;
      booking = moved.value.booking;
      const { previous } = moved.value;
      await store.enqueueJobs(staffNotices('rescheduled', booking, business, change.notifyClient, { previous }), now);
    }
    if (change.notes !== undefined && change.notes !== booking.notes) {
      const updated = await store.updateNotes(booking.id, change.notes, now);
      if (!updated) return refuse('NOT_FOUND', `No booking ${id}.`);
      booking = updated;
    }
    return ok(booking);
  });
}
