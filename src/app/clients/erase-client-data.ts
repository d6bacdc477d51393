/**
 * Erasing a client (SPEC §11, GDPR's right to erasure): the person goes — name, email, phone,
 * address, notes, their copies in jobs, outbox mail, replays, links and rate-limit counters — and
 * their bookings stay as anonymous rows for the books. One transaction, then the space of the
 * changed rows is reclaimed, so the old values are gone from the database files too (API.md pins it).
 * By client id for admins (staff: FORBIDDEN), by email for `slotwise client erase`.
 */
import { type Actor, adminOnly } from '../dashboard/actor.ts';
import { atomically } from '../in-transaction.ts';
import type { Clock, Store } from '../ports.ts';
import { limitKey, PER_EMAIL_LIMITS } from '../rate-limits.ts';
import { ok, type Result, refuse } from '../result.ts';
import type { ErasedCounts } from './client-store.ts';

type Deps = {
  store: Pick<Store, 'eraseClientData' | 'getClient' | 'reclaimSpace' | 'transaction'>;
  clock: Clock;
};

export async function eraseClient(
  deps: Deps,
  actor: Actor,
  clientId: string,
): Promise<Result<{ email: string; erased: ErasedCounts }>> {
  const denied = adminOnly(actor, "erase a client's data");
  if (denied) return denied;
  const client = await deps.store.getClient(clientId);
  if (!client) return refuse('NOT_FOUND', `No client ${clientId}.`);
  return ok({ email: client.email, erased: await eraseClientByEmail(deps, client.email) });
}

export async function eraseClientByEmail(deps: Deps, email: string): Promise<ErasedCounts> {
  const address = email.trim();
  const keys = PER_EMAIL_LIMITS.map((name) => limitKey(name, address));
  const erased = await atomically(deps.store, (tx) => tx.eraseClientData(address, keys, deps.clock.now()));
  // After the commit: VACUUM cannot run inside a transaction, and must see the old rows dead.
  await deps.store.reclaimSpace();
  return erased;
}
