/**
 * Starting a dashboard session: a random `sws_…` token for the cookie, only its SHA-256 stored.
 * Every way of signing in (password, reset or invitation link, a password change) ends here, so
 * a session is always new: a token known before sign-in is never promoted (no session fixation).
 */
import type { Clock, PasswordHasher, Store } from '../../ports.ts';
import type { RateLimits } from '../../rate-limits.ts';
import { csrfToken, hashToken, newSecret } from '../../tokens.ts';
import type { User } from './account-store.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from './authenticate.ts';

/** What the account use cases need besides their store: now, SLOTWISE_SECRET (CSRF) and the password hasher. */
export interface AccountDeps {
  readonly clock: Clock;
  readonly secret: string;
  readonly hasher: PasswordHasher;
  /** `signin-email` and `password-user` limit tries per email and per account; absent = no limit. */
  readonly rateLimits?: RateLimits;
}

export interface SignedIn {
  /** The session token, for the cookie only. */
  readonly token: string;
  /** The session's CSRF token (forms' `_csrf`, the API's `X-CSRF-Token`). */
  readonly csrf: string;
  readonly user: User;
  /** The latest the session can live (30 days from sign-in): the cookie's expiry. */
  readonly until: number;
}

export async function startSession(
  deps: Pick<AccountDeps, 'clock' | 'secret'> & { store: Pick<Store, 'createSession'> },
  user: User,
  userAgent: string,
): Promise<SignedIn> {
  const token = newSecret('sws_');
  const now = deps.clock.now();
  await deps.store.createSession({
    tokenHash: hashToken(token),
    userId: user.id,
    userAgent,
    now,
    expiresAt: now + SESSION_IDLE_MS,
  });
  // The server ends an idle session after 7 days; the cookie may live to the 30-day cap.
  return { token, csrf: csrfToken(deps.secret, token), user, until: now + SESSION_MAX_MS };
}
