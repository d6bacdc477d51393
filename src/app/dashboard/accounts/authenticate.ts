/**
 * Turns a presented credential (a session cookie's token or an API key) into an Actor. Unknown,
 * expired or revoked credentials give null; the caller answers 401 or redirects to sign-in.
 */
import type { Clock, Store } from '../../ports.ts';
import { hashToken } from '../../tokens.ts';
import type { Actor } from '../actor.ts';
import type { User } from './account-store.ts';

/** Sessions last 7 days from their last use, and at most 30 days from sign-in. */
export const SESSION_IDLE_MS = 7 * 24 * 3600_000;
export const SESSION_MAX_MS = 30 * 24 * 3600_000;

export function actorOf(user: User, keyId: string | null = null): Actor {
  return user.role === 'admin' || user.staffId === null
    ? { role: 'admin', userId: user.id, keyId }
    : { role: 'staff', staffId: user.staffId, userId: user.id, keyId };
}

export interface SessionActor {
  readonly actor: Actor;
  readonly user: User;
}

/** The signed-in user of a session token, sliding its expiry when last seen over a minute ago. */
export async function authenticateSession(
  deps: { store: Pick<Store, 'findSession' | 'touchSession'>; clock: Clock },
  token: string,
): Promise<SessionActor | null> {
  if (!/^sws_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const now = deps.clock.now();
  const hash = hashToken(token);
  const session = await deps.store.findSession(hash, now);
  if (!session) return null;
  if (session.user.role === 'staff' && session.user.staffId === null) return null;
  if (now - session.lastSeenAt > 60_000) {
    const expiresAt = Math.min(now + SESSION_IDLE_MS, session.createdAt + SESSION_MAX_MS);
    await deps.store.touchSession(hash, now, expiresAt);
  }
  return { actor: actorOf(session.user), user: session.user };
}

/** The actor of an API key (`swk_…`), or null when unknown or revoked. */
export async function authenticateApiKey(
  deps: { store: Pick<Store, 'findApiKey'>; clock: Clock },
  key: string,
): Promise<Actor | null> {
  if (!/^swk_[A-Za-z0-9_-]{43}$/.test(key)) return null;
  const found = await deps.store.findApiKey(hashToken(key), deps.clock.now());
  if (!found) return null;
  if (found.role === 'staff' && found.staffId !== null) {
    return { role: 'staff', staffId: found.staffId, userId: null, keyId: found.id };
  }
  return { role: 'admin', userId: null, keyId: found.id };
}
