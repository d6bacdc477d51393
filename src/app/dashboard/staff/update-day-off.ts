/** A member (or an admin) changes a day off: the fields given, judged with the stored ones. */
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import type { Actor } from '../actor.ts';
import { checkDayOff, type DayOffInput } from './add-day-off.ts';
import { getDayOff } from './day-off-reads.ts';
import type { StoredDayOff } from './staff-store.ts';

export async function updateDayOff(
  deps: { store: Pick<Store, 'getDayOff' | 'listStaff' | 'updateDayOff'> },
  actor: Actor,
  staffId: string,
  dayOffId: string,
  input: Partial<DayOffInput>,
): Promise<Result<StoredDayOff>> {
  const found = await getDayOff(deps, actor, staffId, dayOffId);
  if (!found.ok) return found;
  const d = found.value;
  const checked = checkDayOff({
    from: input.from ?? d.from,
    to: input.to ?? d.to,
    note: input.note === undefined ? d.note : input.note,
  });
  if (!checked.ok) return checked;
  const updated = await deps.store.updateDayOff(dayOffId, checked.value);
  return updated ? ok(updated) : refuse('NOT_FOUND', `No day off ${dayOffId}.`);
}
