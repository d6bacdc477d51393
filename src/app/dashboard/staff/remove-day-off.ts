/** A member (or an admin) removes a day off: the day is offered again at once. */
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import type { Actor } from '../actor.ts';
import { getDayOff } from './day-off-reads.ts';
import type { StoredDayOff } from './staff-store.ts';

export async function removeDayOff(
  deps: { store: Pick<Store, 'getDayOff' | 'listStaff' | 'removeDayOff'> },
  actor: Actor,
  staffId: string,
  dayOffId: string,
): Promise<Result<StoredDayOff>> {
  const found = await getDayOff(deps, actor, staffId, dayOffId);
  if (!found.ok) return found;
  const removed = await deps.store.removeDayOff(dayOffId);
  return removed ? ok(removed) : refuse('NOT_FOUND', `No day off ${dayOffId}.`);
}
