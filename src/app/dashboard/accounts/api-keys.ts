/** Listing and revoking API keys: admins see all; a staff member only their own. */

import type { Clock, Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { type Actor, staffScope } from '../actor.ts';
import type { ApiKey } from './account-store.ts';

export async function listApiKeys(deps: { store: Pick<Store, 'listApiKeys'> }, actor: Actor): Promise<ApiKey[]> {
  return deps.store.listApiKeys(staffScope(actor));
}

/** Another member's key is NOT_FOUND to a staff member; admin keys are FORBIDDEN to them. */
export async function getApiKeyFor(
  deps: { store: Pick<Store, 'getApiKey'> },
  actor: Actor,
  id: string,
): Promise<Result<ApiKey>> {
  const key = await deps.store.getApiKey(id);
  if (!key) return refuse('NOT_FOUND', `No API key ${id}.`);
  if (actor.role === 'staff' && key.staffId !== actor.staffId) {
    return key.role === 'admin'
      ? refuse('FORBIDDEN', 'Only an admin can see admin keys.')
      : refuse('NOT_FOUND', `No API key ${id}.`);
  }
  return ok(key);
}

export async function revokeApiKey(
  deps: { store: Pick<Store, 'getApiKey' | 'revokeApiKey'>; clock: Clock },
  actor: Actor,
  id: string,
): Promise<Result<ApiKey>> {
  const found = await getApiKeyFor(deps, actor, id);
  if (!found.ok) return found;
  const revoked = await deps.store.revokeApiKey(id, deps.clock.now());
  return revoked ? ok(revoked) : refuse('NOT_FOUND', `API key ${id} is already revoked.`);
}
