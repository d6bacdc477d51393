/**
 * Staff mark what became of a booking (API.md PATCH /admin/bookings/{id} {outcome}, SPEC §10.3):
 * `completed` or `no_show`, once it has started and only a confirmed one (core/outcomes.ts). A
 * cancelled or expired booking never took place: 400 on `outcome`; one not yet started, or still
 * waiting for its code or payment: 409 OUTCOME_NOT_ALLOWED. A staff member marks only their own.
 * Marking again replaces the mark; each mark is in the booking's history.
 */
import { type Outcome, outcomeRefusal } from '../../../core/index.ts';
import { statusAt } from '../../allowances.ts';
import { inTransaction } from '../../in-transaction.ts';
import type { Booking } from '../../model.ts';
import type { Clock, Store } from '../../ports.ts';
import { invalid, type Result, refuse } from '../../result.ts';
import type { Actor } from '../actor.ts';
import { findOwnBooking } from './find-own-booking.ts';

export async function markBookingOutcome(
  deps: { store: Pick<Store, 'getBooking' | 'markOutcome' | 'transaction'>; clock: Clock },
  actor: Actor,
  id: string,
  outcome: Outcome,
): Promise<Result<Booking>> {
  const now = deps.clock.now();
  return inTransaction(deps.store, async (store) => {
    const found = await findOwnBooking(store, actor, id);
    if (!found.ok) return found;
    const booking = found.value;
    const refusal = outcomeRefusal({ status: statusAt(booking, now), start: booking.start, now });
    switch (refusal) {
      case 'cancelled':
      case 'expired':
        return invalid(`This booking is ${refusal}: it did not take place.`, {
          outcome: `not for a ${refusal} booking`,
        });
      case 'not_confirmed':
        return refuse('OUTCOME_NOT_ALLOWED', 'Only a confirmed booking can be marked.', { reason: 'not_confirmed' });
      case 'not_started':
        return refuse('OUTCOME_NOT_ALLOWED', 'This booking has not started yet.', { reason: 'not_started' });
      case null:
        break;
      default: {
        const never: never = refusal;
        throw new Error(`unknown outcome refusal ${String(never)}`);
      }
    }
    const marked = await store.markOutcome(booking.id, outcome, now);
    return marked ? { ok: true, value: marked } : refuse('OUTCOME_NOT_ALLOWED', 'This booking changed meanwhile.');
  });
}
