/**
 * An admin removes a staff member. One whom bookings (or their history) name is deactivated
 * instead, so those bookings keep their staff member: they leave the public pages and take no new
 * bookings, and their sessions, API keys and calendar feed are revoked. Upcoming bookings stay as
 * they are, for the admin to move or cancel. A member without bookings is deleted with their account.
 */
import type { Clock, Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import type { Removal } from '../catalogue/service-store.ts';
import { type AdminStaff, toAdminStaff } from './staff-reads.ts';

export async function deleteStaff(
  deps: { store: Pick<Store, 'listServices' | 'removeStaff'>; clock: Clock },
  actor: Actor,
  staffId: string,
): Promise<Result<Removal<AdminStaff>>> {
  const denied = adminOnly(actor, 'remove staff members');
  if (denied) return denied;
  const removed = await deps.store.removeStaff(staffId, deps.clock.now());
  if (!removed) return refuse('NOT_FOUND', `No staff member ${staffId}.`);
  // A deleted member's service links went with them: name the services from the last state read.
  const [value] = await toAdminStaff(deps.store, [removed.value]);
  return ok({ outcome: removed.outcome, value: value as AdminStaff });
}
