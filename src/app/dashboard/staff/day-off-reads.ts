/**
 * A member's days off as the dashboard lists them. A day off is always addressed through its
 * member: one of another member (or under another member's id) answers NOT_FOUND.
 */
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import type { Actor } from '../actor.ts';
import { ownedMember } from './staff-reads.ts';
import type { StoredDayOff } from './staff-store.ts';

export async function listDaysOff(
  deps: { store: Pick<Store, 'listDaysOff' | 'listStaff'> },
  actor: Actor,
  staffId: string,
): Promise<Result<StoredDayOff[]>> {
  const member = await ownedMember(deps.store, actor, staffId);
  return member.ok ? ok(await deps.store.listDaysOff(staffId)) : member;
}

/** The day off `dayOffId` of member `staffId`, if the actor may see that member. */
export async function getDayOff(
  deps: { store: Pick<Store, 'getDayOff' | 'listStaff'> },
  actor: Actor,
  staffId: string,
  dayOffId: string,
): Promise<Result<StoredDayOff>> {
  const member = await ownedMember(deps.store, actor, staffId);
  if (!member.ok) return member;
  const dayOff = await deps.store.getDayOff(dayOffId);
  return dayOff && dayOff.staffId === staffId ? ok(dayOff) : refuse('NOT_FOUND', `No day off ${dayOffId}.`);
}
