/**
 * Creates an API key: shown once, stored as its SHA-256. An admin may make admin keys and keys
 * for any staff member; a staff member only keys for themselves.
 */

import type { Clock, Store } from '../../ports.ts';
import { invalid, ok, type Result, refuse } from '../../result.ts';
import { hashToken, newSecret } from '../../tokens.ts';
import type { Actor } from '../actor.ts';
import type { ApiKey, Role } from './account-store.ts';

export interface CreateApiKeyInput {
  readonly role: Role;
  /** Required for a staff key. */
  readonly staffId?: string | null;
  readonly label?: string;
}

export async function createApiKey(
  deps: { store: Pick<Store, 'createApiKey' | 'listStaff'>; clock: Clock },
  actor: Actor,
  input: CreateApiKeyInput,
): Promise<Result<{ key: string; apiKey: ApiKey }>> {
  const staffId = input.role === 'staff' ? (input.staffId ?? (actor.role === 'staff' ? actor.staffId : null)) : null;
  if (actor.role === 'staff' && (input.role !== 'staff' || staffId !== actor.staffId)) {
    return refuse('FORBIDDEN', 'A staff member can only create keys for themselves.');
  }
  if (input.role === 'staff') {
    if (!staffId) return invalid('A staff key needs a staff member.', { staff: 'required for a staff key' });
    const members = await deps.store.listStaff();
    if (!members.some((m) => m.id === staffId)) return refuse('NOT_FOUND', `No staff member ${staffId}.`);
  }
  const key = newSecret('swk_');
  const apiKey = await deps.store.createApiKey({
    keyHash: hashToken(key),
    prefix: key.slice(0, 10),
    label: input.label ?? '',
    role: input.role,
    staffId,
    now: deps.clock.now(),
  });
  return ok({ key, apiKey });
}
