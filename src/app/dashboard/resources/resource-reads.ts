/**
 * The dashboard's resources (SPEC §8.4): the rooms and machines services may require. Admins only:
 * a staff member gets FORBIDDEN, as for settings (they shape what the business offers).
 */
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import type { Resource } from './resource-store.ts';

export async function listResources(
  deps: { store: Pick<Store, 'listResources'> },
  actor: Actor,
): Promise<Result<Resource[]>> {
  const denied = adminOnly(actor, 'manage resources');
  return denied ?? ok(await deps.store.listResources());
}

export async function getResource(
  deps: { store: Pick<Store, 'listResources'> },
  actor: Actor,
  id: string,
): Promise<Result<Resource>> {
  const denied = adminOnly(actor, 'manage resources');
  if (denied) return denied;
  const found = (await deps.store.listResources()).find((r) => r.id === id);
  return found ? ok(found) : refuse('NOT_FOUND', `No resource ${id}.`);
}
