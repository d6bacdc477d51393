/**
 * The dashboard's staff: an admin sees every member; a staff member only themselves (another
 * member answers NOT_FOUND, as an unknown id does).
 */
import type { WeeklyHours } from '../../../core/index.ts';
import type { StaffMember } from '../../model.ts';
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { type Actor, ownsStaff } from '../actor.ts';

export interface AdminStaff {
  readonly member: StaffMember;
  /** The services the member offers, with their names. */
  readonly services: readonly { readonly id: string; readonly name: string }[];
}

export async function toAdminStaff(
  store: Pick<Store, 'listServices'>,
  members: readonly StaffMember[],
): Promise<AdminStaff[]> {
  const services = await store.listServices();
  return members.map((member) => ({
    member,
    services: services.filter((s) => member.serviceIds.includes(s.id)).map((s) => ({ id: s.id, name: s.name })),
  }));
}

/** The member the actor may see, or NOT_FOUND (unknown, or another member for a staff actor). */
export async function ownedMember(
  store: Pick<Store, 'listStaff'>,
  actor: Actor,
  staffId: string,
): Promise<Result<StaffMember>> {
  const member = ownsStaff(actor, staffId) ? (await store.listStaff()).find((m) => m.id === staffId) : undefined;
  return member ? ok(member) : refuse('NOT_FOUND', `No staff member ${staffId}.`);
}

export async function listAdminStaff(
  deps: { store: Pick<Store, 'listServices' | 'listStaff'> },
  actor: Actor,
): Promise<AdminStaff[]> {
  const members = (await deps.store.listStaff()).filter((m) => ownsStaff(actor, m.id));
  return toAdminStaff(deps.store, members);
}

export async function getAdminStaff(
  deps: { store: Pick<Store, 'listServices' | 'listStaff'> },
  actor: Actor,
  staffId: string,
): Promise<Result<AdminStaff>> {
  const member = await ownedMember(deps.store, actor, staffId);
  if (!member.ok) return member;
  const [found] = await toAdminStaff(deps.store, [member.value]);
  return ok(found as AdminStaff);
}

export async function getWorkingHours(
  deps: { store: Pick<Store, 'listStaff'> },
  actor: Actor,
  staffId: string,
): Promise<Result<WeeklyHours>> {
  const member = await ownedMember(deps.store, actor, staffId);
  return member.ok ? ok(member.value.hours) : member;
}
