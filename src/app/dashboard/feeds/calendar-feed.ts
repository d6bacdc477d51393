/**
 * A staff member's private calendar feed URL (issue 7): an admin may manage anyone's, a member
 * only their own (another's answers NOT_FOUND, as an unknown id). The URL carries 32 random bytes
 * of which only the SHA-256 is stored, so it can be shown once only; making a new one replaces the
 * hash, which revokes the old URL.
 */
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { hashToken, newManageToken } from '../../tokens.ts';
import { type Actor, notOwned } from '../actor.ts';

const noMember = (id: string) => refuse('NOT_FOUND', `No staff member ${id}.`);

/** The feed's public address for a token. */
export const feedUrl = (publicUrl: string, token: string): string => `${publicUrl}/feeds/${token}.ics`;

/** A new feed URL (the old one, if any, stops working). */
export async function createFeedUrl(
  deps: { store: Pick<Store, 'setFeedToken'>; publicUrl: string },
  actor: Actor,
  staffId: string,
): Promise<Result<{ url: string }>> {
  const hidden = notOwned(actor, staffId, 'staff member', staffId);
  if (hidden) return hidden;
  const token = newManageToken();
  if (!(await deps.store.setFeedToken(staffId, hashToken(token)))) return noMember(staffId);
  return ok({ url: feedUrl(deps.publicUrl, token) });
}

/** Revokes the member's feed URL; done even when there was none. */
export async function revokeFeed(
  deps: { store: Pick<Store, 'setFeedToken'> },
  actor: Actor,
  staffId: string,
): Promise<Result<null>> {
  const hidden = notOwned(actor, staffId, 'staff member', staffId);
  if (hidden) return hidden;
  return (await deps.store.setFeedToken(staffId, null)) ? ok(null) : noMember(staffId);
}

/** Whether the member has a feed URL (which cannot be shown again). */
export async function feedStatus(
  deps: { store: Pick<Store, 'hasFeed'> },
  actor: Actor,
  staffId: string,
): Promise<Result<{ active: boolean }>> {
  const hidden = notOwned(actor, staffId, 'staff member', staffId);
  if (hidden) return hidden;
  const active = await deps.store.hasFeed(staffId);
  return active === null ? noMember(staffId) : ok({ active });
}
