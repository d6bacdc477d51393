/** An admin adds a staff member (SPEC §1): profile, the services they offer, setting overrides. */
import type { Store } from '../../ports.ts';
import { ok, type Result } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import { conflictRefusal } from '../catalogue/catalog-conflict.ts';
import { checkServiceIds, type StaffInput } from './staff-input.ts';
import { type AdminStaff, toAdminStaff } from './staff-reads.ts';

export interface NewStaffInput extends StaffInput {
  readonly name: string;
  readonly email: string;
}

export async function createStaff(
  deps: { store: Pick<Store, 'createStaff' | 'listServices'> },
  actor: Actor,
  input: NewStaffInput,
): Promise<Result<AdminStaff>> {
  const denied = adminOnly(actor, 'add staff members');
  if (denied) return denied;
  const services = await checkServiceIds(deps.store, input.services);
  if (!services.ok) return services;
  const written = await deps.store.createStaff(
    {
      key: input.key ?? null,
      name: input.name,
      email: input.email,
      timezone: input.timezone ?? null,
      slotStepMinutes: input.slotStepMinutes ?? null,
      gapMinutes: input.gapMinutes ?? null,
      minNoticeMinutes: input.minNoticeMinutes ?? null,
      active: input.active ?? true,
      bio: input.bio ?? '',
    },
    services.value ?? [],
  );
  if (!written.ok) return conflictRefusal(written.conflict, input.key);
  const [created] = await toAdminStaff(deps.store, [written.value]);
  return ok(created as AdminStaff);
}
