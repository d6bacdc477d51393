/**
 * "Email me my bookings" (SPEC §11): anyone may ask for an email; the answer is the same, after
 * the same work, whether or not the address has bookings — the request only queues a job, and the
 * job alone looks the address up and, when it has bookings, sends the link (jobs/send-my-bookings-email.ts).
 * Over `my-bookings-email` no more jobs are queued (no mailbox is flooded); the answer stays the same.
 */

import { atomically } from '../in-transaction.ts';
import type { Clock, Store } from '../ports.ts';
import { overLimit, type RateLimits } from '../rate-limits.ts';

export async function requestMyBookings(
  deps: {
    store: Pick<Store, 'enqueueJobs' | 'getBusiness' | 'hitRateLimit' | 'transaction'>;
    clock: Clock;
    rateLimits?: RateLimits;
  },
  /** `locale` absent: the business's. */
  input: { email: string; locale?: string | undefined },
): Promise<void> {
  const email = input.email.trim();
  const locale = input.locale ?? (await deps.store.getBusiness()).locale;
  if (await overLimit(deps, 'my-bookings-email', email)) return;
  const now = deps.clock.now();
  await atomically(deps.store, (tx) =>
    tx.enqueueJobs([{ kind: 'email.my-bookings', payload: { email, locale } }], now),
  );
}
