/**
 * Asking for a password reset link. The answer never says whether the email has an account (the
 * caller answers the same either way); when it has, an email.account job is queued, which makes
 * the single-use link when it sends it (jobs/send-account-email.ts).
 */

import { atomically } from '../../in-transaction.ts';
import type { Clock, Store } from '../../ports.ts';
import { overLimit, type RateLimits } from '../../rate-limits.ts';

export async function requestPasswordReset(
  deps: {
    store: Pick<Store, 'enqueueJobs' | 'findUserByEmail' | 'hitRateLimit' | 'transaction'>;
    clock: Clock;
    rateLimits?: RateLimits;
  },
  input: { email: string },
): Promise<void> {
  // Over `reset-email`, no more links go out (no mailbox is flooded), and the answer stays the same.
  if (await overLimit(deps, 'reset-email', input.email)) return;
  const found = await deps.store.findUserByEmail(input.email.trim());
  if (!found) return;
  const now = deps.clock.now();
  await atomically(deps.store, (tx) =>
    tx.enqueueJobs([{ kind: 'email.account', payload: { userId: found.user.id, purpose: 'reset' } }], now),
  );
}
