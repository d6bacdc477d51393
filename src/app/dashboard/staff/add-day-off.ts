/** A member (or an admin) adds a day off: an inclusive range of dates removed from availability. */
import type { Store } from '../../ports.ts';
import { invalid, ok, type Result } from '../../result.ts';
import type { Actor } from '../actor.ts';
import { ownedMember } from './staff-reads.ts';
import type { DayOffFields, StoredDayOff } from './staff-store.ts';

export interface DayOffInput {
  readonly from: string;
  readonly to: string;
  readonly note?: string | null;
}

/** A day off's dates in order, or the refusal naming `to`. */
export function checkDayOff(d: DayOffFields): Result<DayOffFields> {
  return d.from <= d.to
    ? ok(d)
    : invalid('A day off must not end before it starts.', { to: `must not be before "from" (${d.from})` });
}

export async function addDayOff(
  deps: { store: Pick<Store, 'addDayOff' | 'listStaff'> },
  actor: Actor,
  staffId: string,
  input: DayOffInput,
): Promise<Result<StoredDayOff>> {
  const member = await ownedMember(deps.store, actor, staffId);
  if (!member.ok) return member;
  const checked = checkDayOff({ from: input.from, to: input.to, note: input.note ?? null });
  if (!checked.ok) return checked;
  return ok(await deps.store.addDayOff(staffId, checked.value));
}
