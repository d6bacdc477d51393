/** Admins look clients up by name, email or phone (SPEC §11: to answer a client's request). */
import { type Actor, adminOnly } from '../dashboard/actor.ts';
import type { Store } from '../ports.ts';
import { ok, type Result } from '../result.ts';
import type { ClientRecord } from './client-store.ts';

/** At most this many clients per answer: a search narrows it. */
export const CLIENTS_LIMIT = 100;

export async function findClients(
  deps: { store: Pick<Store, 'searchClients'> },
  actor: Actor,
  input: { q: string | null },
): Promise<Result<ClientRecord[]>> {
  const denied = adminOnly(actor, "see the clients' records");
  if (denied) return denied;
  return ok(await deps.store.searchClients(input.q, CLIENTS_LIMIT));
}
