/**
 * Changes a staff member. An admin may change every field. A staff member may change only their
 * own profile — name, email (where their booking emails go) and time zone (their hours are
 * wall-clock times in it, and they may set their hours too) — not their key, services, setting
 * overrides or whether they are active, which shape what the business offers: FORBIDDEN.
 */
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import type { Actor } from '../actor.ts';
import { conflictRefusal } from '../catalogue/catalog-conflict.ts';
import { checkServiceIds, PROFILE_FIELDS, type StaffInput } from './staff-input.ts';
import { type AdminStaff, ownedMember, toAdminStaff } from './staff-reads.ts';

export async function updateStaff(
  deps: { store: Pick<Store, 'listServices' | 'listStaff' | 'updateStaff'> },
  actor: Actor,
  staffId: string,
  input: StaffInput,
): Promise<Result<AdminStaff>> {
  // Another member's record is NOT_FOUND before anything else: staff must not learn it exists.
  const member = await ownedMember(deps.store, actor, staffId);
  if (!member.ok) return member;
  if (actor.role === 'staff') {
    const profile: readonly string[] = PROFILE_FIELDS;
    const others = Object.keys(input).filter((k) => input[k as keyof StaffInput] !== undefined && !profile.includes(k));
    if (others.length > 0) {
      return refuse(
        'FORBIDDEN',
        `Only an admin can change ${others.join(', ')}; you may change your name, email, time zone and bio.`,
        {
          fields: others,
        },
      );
    }
  }
  const services = await checkServiceIds(deps.store, input.services);
  if (!services.ok) return services;
  const { services: _services, ...fields } = input;
  const written = await deps.store.updateStaff(staffId, fields, services.value);
  if (!written) return refuse('NOT_FOUND', `No staff member ${staffId}.`);
  if (!written.ok) return conflictRefusal(written.conflict, input.key);
  const [updated] = await toAdminStaff(deps.store, [written.value]);
  return ok(updated as AdminStaff);
}
