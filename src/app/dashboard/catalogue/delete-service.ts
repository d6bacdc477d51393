/**
 * An admin removes a service. A service that bookings refer to cannot go without taking their
 * history with it, so it is deactivated instead: it leaves the public pages and takes no new
 * bookings, while past and upcoming bookings keep their service. One without bookings is deleted.
 */
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import { type AdminService, toAdminServices } from './service-reads.ts';
import type { Removal } from './service-store.ts';

export async function deleteService(
  deps: { store: Pick<Store, 'findService' | 'getBusiness' | 'listStaff' | 'removeService'> },
  actor: Actor,
  idOrSlug: string,
): Promise<Result<Removal<AdminService>>> {
  const denied = adminOnly(actor, 'change services');
  if (denied) return denied;
  const stored = await deps.store.findService(idOrSlug);
  // Links go with a deleted service: read who offered it first, for the answer.
  const [before] = stored ? await toAdminServices(deps.store, [stored]) : [];
  const removed = stored ? await deps.store.removeService(stored.id) : null;
  if (!removed || !before) return refuse('NOT_FOUND', `No service ${idOrSlug}.`);
  return ok({ outcome: removed.outcome, value: { ...before, service: removed.value } });
}
