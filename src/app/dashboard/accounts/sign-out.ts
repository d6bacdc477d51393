/** Signing out: this session, or every session of the user ("sign out everywhere"). */
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { hashToken } from '../../tokens.ts';
import type { Actor } from '../actor.ts';

/** Ends the session whose token the caller presented (the cookie's). */
export async function signOut(
  deps: { store: Pick<Store, 'deleteSession'> },
  _actor: Actor,
  sessionToken: string,
): Promise<void> {
  await deps.store.deleteSession(hashToken(sessionToken));
}

/** Ends every session of the signed-in user, this one included. An API key has no sessions. */
export async function signOutEverywhere(
  deps: { store: Pick<Store, 'deleteUserSessions'> },
  actor: Actor,
): Promise<Result<null>> {
  if (actor.userId === null) return refuse('FORBIDDEN', 'An API key has no sessions; revoke the key instead.');
  await deps.store.deleteUserSessions(actor.userId);
  return ok(null);
}
