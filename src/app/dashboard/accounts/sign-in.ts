/**
 * Signing in with email and password. Every failure gives the same UNAUTHORIZED message, and an
 * unknown email or an account without a password (an invitation not yet taken up) still costs one
 * password check against a fixed hash, so neither the answer nor its timing tells which emails
 * have accounts.
 */
import type { Store } from '../../ports.ts';
import { overLimit } from '../../rate-limits.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { MAX_PASSWORD_LENGTH } from './password-rules.ts';
import { type AccountDeps, type SignedIn, startSession } from './start-session.ts';

/** An argon2id hash (same parameters as real ones) of a password no one uses: timing only. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$sX31B0OVDLBq+E68nquO4g$De/FQTq7suX5LDiq04PsEKIfAIFAiwhUpnGSvYDN0X0';

export const SIGN_IN_FAILED = 'Wrong email or password.';

export interface SignInInput {
  readonly email: string;
  readonly password: string;
  /** Stored with the session so a person can recognise their devices. */
  readonly userAgent: string;
}

export async function signIn(
  deps: AccountDeps & { store: Pick<Store, 'createSession' | 'findUserByEmail' | 'hitRateLimit'> },
  input: SignInInput,
): Promise<Result<SignedIn>> {
  // Attempts per email are limited before any password is checked (per address: http/rate-limit):
  // the sign-in page and POST /api/v1/admin/session both come through here.
  const limited = await overLimit(deps, 'signin-email', input.email);
  if (limited) return limited;
  // No password that long was ever accepted: refused without hashing it (the same for every email).
  if (input.password.length > MAX_PASSWORD_LENGTH * 4) return refuse('UNAUTHORIZED', SIGN_IN_FAILED);
  const found = await deps.store.findUserByEmail(input.email.trim());
  const hash = found?.passwordHash ?? null;
  const matches = await deps.hasher.verify(hash ?? DUMMY_HASH, input.password);
  if (!found || hash === null || !matches) return refuse('UNAUTHORIZED', SIGN_IN_FAILED);
  // A staff account whose member is gone cannot act (authenticate.ts refuses it too).
  if (found.user.role === 'staff' && found.user.staffId === null) return refuse('UNAUTHORIZED', SIGN_IN_FAILED);
  return ok(await startSession(deps, found.user, input.userAgent));
}
