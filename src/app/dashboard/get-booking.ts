/** One booking as the dashboard shows it: with its service, the business rules and its move history. */
import type { ManagedBooking } from '../manage-booking.ts';
import type { Store } from '../ports.ts';
import { ok, type Result } from '../result.ts';
import type { Actor } from './actor.ts';
import { findOwnBooking } from './find-own-booking.ts';

export async function getBookingFor(deps: { store: Store }, actor: Actor, id: string): Promise<Result<ManagedBooking>> {
  const found = await findOwnBooking(deps.store, actor, id);
  if (!found.ok) return found;
  const booking = found.value;
  const [service, business, history] = await Promise.all([
    deps.store.findService(booking.serviceId),
    deps.store.getBusiness(),
    deps.store.listHistory(booking.id),
  ]);
  return ok({ booking, service, business, history });
}
