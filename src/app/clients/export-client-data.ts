/**
 * Everything stored about a client (SPEC §11, GDPR's right of access): by client id for admins
 * (staff: FORBIDDEN), by email for the `slotwise client export` command. Their sensitive answers
 * are theirs too: opened here, for the admin or the operator who exports them.
 */
import { type Actor, adminOnly } from '../dashboard/actor.ts';
import type { Store } from '../ports.ts';
import { ok, type Result, refuse } from '../result.ts';
import { openAnswers } from '../sensitive-answers.ts';
import type { ClientData } from './client-store.ts';

type Deps = { store: Pick<Store, 'exportClientData' | 'getClient'>; secret: string };

export async function exportClient(deps: Deps, actor: Actor, clientId: string): Promise<Result<ClientData>> {
  const denied = adminOnly(actor, "export a client's data");
  if (denied) return denied;
  const client = await deps.store.getClient(clientId);
  if (!client) return refuse('NOT_FOUND', `No client ${clientId}.`);
  return ok(opened(await deps.store.exportClientData(client.email), deps.secret));
}

/** By email (the command line, run by whoever runs the server): also for people without a client record. */
export async function exportClientByEmail(deps: Deps, email: string): Promise<ClientData> {
  return opened(await deps.store.exportClientData(email.trim()), deps.secret);
}

function opened(data: ClientData, secret: string): ClientData {
  return {
    ...data,
    bookings: data.bookings.map((b) => ({
      ...b,
      sensitiveAnswers: b.sealedAnswers === null ? {} : openAnswers(b.sealedAnswers, secret, b.reference),
    })),
  };
}
