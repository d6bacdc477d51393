/**
 * The calendar's "still to mark" list (SPEC §10.3): the actor's confirmed bookings of the last
 * week (business zone, today included) that have started and carry no outcome yet, oldest first,
 * so staff can mark them completed or no-show from the calendar page without opening each one.
 */
import { addDays, dateOf } from '../../../core/index.ts';
import type { Booking } from '../../model.ts';
import type { Clock, Store } from '../../ports.ts';
import type { Actor } from '../actor.ts';
import { listBookings } from './list-bookings.ts';

const DAYS = 7;
const LIMIT = 50;

export async function unmarkedBookings(
  deps: { store: Pick<Store, 'getBusiness' | 'listBookings' | 'listStaff'>; clock: Clock },
  actor: Actor,
): Promise<Booking[]> {
  const now = deps.clock.now();
  const today = dateOf(now, (await deps.store.getBusiness()).timezone);
  const page = await listBookings(deps, actor, {
    from: addDays(today, -DAYS),
    to: today,
    status: 'confirmed',
    limit: LIMIT,
  });
  return page.ok ? page.value.bookings.filter((b) => b.start <= now && b.outcome === null) : [];
}
