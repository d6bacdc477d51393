/** An admin changes a service: only the fields given; `staff` replaces who offers it. */
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import { conflictRefusal } from './catalog-conflict.ts';
import { checkService, type ServiceInput } from './service-input.ts';
import { type AdminService, toAdminServices } from './service-reads.ts';

export async function updateService(
  deps: { store: Pick<Store, 'findService' | 'getBusiness' | 'listStaff' | 'updateService'> },
  actor: Actor,
  idOrSlug: string,
  input: ServiceInput,
): Promise<Result<AdminService>> {
  const denied = adminOnly(actor, 'change services');
  if (denied) return denied;
  const stored = await deps.store.findService(idOrSlug);
  if (!stored) return refuse('NOT_FOUND', `No service ${idOrSlug}.`);
  const checked = await checkService(deps.store, input, stored);
  if (!checked.ok) return checked;
  const written = await deps.store.updateService(stored.id, checked.value.fields, checked.value.staffIds);
  if (!written) return refuse('NOT_FOUND', `No service ${idOrSlug}.`);
  if (!written.ok) return conflictRefusal(written.conflict, input.slug);
  const [updated] = await toAdminServices(deps.store, [written.value]);
  return ok(updated as AdminService);
}
