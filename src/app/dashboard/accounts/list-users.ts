/** Dashboard accounts: an admin sees every account; a staff member only their own. */
import type { Store } from '../../ports.ts';
import type { Actor } from '../actor.ts';
import type { User } from './account-store.ts';

export async function listUsers(
  deps: { store: Pick<Store, 'findUserByStaff' | 'listUsers'> },
  actor: Actor,
): Promise<User[]> {
  if (actor.role === 'admin') return deps.store.listUsers();
  const own = await deps.store.findUserByStaff(actor.staffId);
  return own ? [own] : [];
}
