/**
 * Setting a password from an emailed link (a reset or an invitation). The link is used once
 * (compare-and-set), within its time; the new password revokes every session of the user, and
 * the person who followed the link is signed in.
 */
import { inTransaction } from '../../in-transaction.ts';
import type { Clock, Store } from '../../ports.ts';
import { invalid, ok, type Result, refuse } from '../../result.ts';
import { hashToken } from '../../tokens.ts';
import type { PasswordPurpose, User } from './account-store.ts';
import { newPasswordProblem } from './password-rules.ts';
import { type AccountDeps, type SignedIn, startSession } from './start-session.ts';

const LINK = /^[A-Za-z0-9_-]{43}$/;
const UNUSABLE = 'This link is not valid: it was already used, it has expired, or it was mistyped.';

/** Whether a link can still be used (to show its form), without using it. */
export async function checkPasswordLink(
  deps: { store: Pick<Store, 'getUser' | 'peekPasswordToken'>; clock: Clock },
  token: string,
): Promise<Result<{ purpose: PasswordPurpose; user: User }>> {
  if (!LINK.test(token)) return refuse('NOT_FOUND', UNUSABLE);
  const link = await deps.store.peekPasswordToken(hashToken(token), deps.clock.now());
  const found = link ? await deps.store.getUser(link.userId) : null;
  return link && found ? ok({ purpose: link.purpose, user: found.user }) : refuse('NOT_FOUND', UNUSABLE);
}

export interface SetPasswordInput {
  readonly token: string;
  readonly password: string;
  readonly userAgent: string;
}

export async function setPasswordFromLink(
  deps: AccountDeps & {
    store: Pick<Store, 'createSession' | 'getUser' | 'setPassword' | 'transaction' | 'usePasswordToken'>;
  },
  input: SetPasswordInput,
): Promise<Result<SignedIn>> {
  if (!LINK.test(input.token)) return refuse('NOT_FOUND', UNUSABLE);
  // A password that will be refused must not use the link up.
  const problem = newPasswordProblem(input.password);
  if (problem) return invalid(`Invalid password: it ${problem}.`, { password: problem });
  const hash = await deps.hasher.hash(input.password);
  return inTransaction(deps.store, async (tx) => {
    const now = deps.clock.now();
    const link = await tx.usePasswordToken(hashToken(input.token), now);
    const found = link ? await tx.getUser(link.userId) : null;
    if (!found) return refuse('NOT_FOUND', UNUSABLE);
    await tx.setPassword(found.user.id, hash, now);
    return ok(await startSession({ ...deps, store: tx }, { ...found.user, hasPassword: true }, input.userAgent));
  });
}
