/** An admin adds or changes a resource (SPEC §8.4): a key (how the set-up file names it) and a name. */
import type { Store } from '../../ports.ts';
import { invalid, ok, type Refusal, type Result, refuse } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import type { Resource, ResourceFields } from './resource-store.ts';

const keyTaken = (key: string | undefined): Refusal =>
  invalid('Another resource already uses this key.', { key: `"${key}" is already used by another resource` });

export async function createResource(
  deps: { store: Pick<Store, 'createResource'> },
  actor: Actor,
  input: ResourceFields,
): Promise<Result<Resource>> {
  const denied = adminOnly(actor, 'manage resources');
  if (denied) return denied;
  const written = await deps.store.createResource(input);
  return written.ok ? ok(written.value) : keyTaken(input.key);
}

export async function updateResource(
  deps: { store: Pick<Store, 'updateResource'> },
  actor: Actor,
  id: string,
  input: Partial<ResourceFields>,
): Promise<Result<Resource>> {
  const denied = adminOnly(actor, 'manage resources');
  if (denied) return denied;
  const written = await deps.store.updateResource(id, input);
  if (!written) return refuse('NOT_FOUND', `No resource ${id}.`);
  return written.ok ? ok(written.value) : keyTaken(input.key);
}

/** Removes a resource: services stop requiring it, and bookings' holds on it go (nothing to double-book). */
export async function deleteResource(
  deps: { store: Pick<Store, 'removeResource'> },
  actor: Actor,
  id: string,
): Promise<Result<Resource>> {
  const denied = adminOnly(actor, 'manage resources');
  if (denied) return denied;
  const removed = await deps.store.removeResource(id);
  return removed ? ok(removed) : refuse('NOT_FOUND', `No resource ${id}.`);
}
