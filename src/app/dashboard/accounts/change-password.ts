/**
 * Changing one's own password: the current one must be given (a stolen session alone cannot take
 * the account over). The store revokes every session of the user with the change; the browser
 * that made it gets a fresh session so it stays signed in.
 */
import type { Store } from '../../ports.ts';
import { overLimit } from '../../rate-limits.ts';
import { invalid, ok, type Result, refuse } from '../../result.ts';
import type { Actor } from '../actor.ts';
import { newPasswordProblem } from './password-rules.ts';
import { type AccountDeps, type SignedIn, startSession } from './start-session.ts';

export interface ChangePasswordInput {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly userAgent: string;
}

export async function changePassword(
  deps: AccountDeps & { store: Pick<Store, 'createSession' | 'getUser' | 'hitRateLimit' | 'setPassword'> },
  actor: Actor,
  input: ChangePasswordInput,
): Promise<Result<SignedIn>> {
  if (actor.userId === null) return refuse('FORBIDDEN', 'An API key has no password; sign in to change yours.');
  // Tries per account are limited before the current password is checked (per address:
  // http/rate-limit), so a stolen session cannot guess its way to the account.
  const limited = await overLimit(deps, 'password-user', actor.userId);
  if (limited) return limited;
  const found = await deps.store.getUser(actor.userId);
  if (!found) return refuse('UNAUTHORIZED', 'This account no longer exists.');
  const fields: Record<string, string> = {};
  const current = found.passwordHash !== null && (await deps.hasher.verify(found.passwordHash, input.currentPassword));
  if (!current) fields.currentPassword = 'is not your current password';
  const problem = newPasswordProblem(input.newPassword);
  if (problem) fields.newPassword = problem;
  if (Object.keys(fields).length > 0) return invalid(`Invalid ${Object.keys(fields).join(', ')}.`, fields);
  const hash = await deps.hasher.hash(input.newPassword);
  await deps.store.setPassword(found.user.id, hash, deps.clock.now());
  return ok(await startSession(deps, found.user, input.userAgent));
}
