/**
 * Asking for a password reset link. The answer never says whether the email has an account (the
 * caller answers the same either way); when it has, an email.account job is queued, which makes
 * the single-use link when it sends it (jobs/send-account-email.ts).
 */
import type { Clock, Store } from '../ports.ts';

export async function requestPasswordReset(
  deps: { store: Store; clock: Clock },
  input: { email: string },
): Promise<void> {
  const found = await deps.store.findUserByEmail(input.email.trim());
  if (!found) return;
  const now = deps.clock.now();
  await deps.store.transaction((tx) =>
    tx.enqueueJobs([{ kind: 'email.account', payload: { userId: found.user.id, purpose: 'reset' } }], now),
  );
}
