/**
 * A new verification code on request, at most once a minute per booking (SPEC §3.4): the
 * compare-and-set on requested_at decides, so concurrent requests queue one email at most.
 * The email job makes the code (send-verification-email.ts), which replaces the previous one.
 */
import { CODE_RESEND_MS, resendWaitMs } from '../core/index.ts';
import { inTransaction } from './in-transaction.ts';
import { verificationNotice } from './notices.ts';
import type { Clock, Store } from './ports.ts';
import { overLimit, type RateLimits } from './rate-limits.ts';
import { ok, type Result, refuse } from './result.ts';
import { pendingBooking } from './verify-email.ts';

export async function resendCode(
  deps: {
    store: Pick<
      Store,
      | 'enqueueJobs'
      | 'findBookingByToken'
      | 'getVerification'
      | 'hitRateLimit'
      | 'markCodeRequested'
      | 'startVerification'
      | 'transaction'
    >;
    clock: Clock;
    rateLimits?: RateLimits;
  },
  token: string,
): Promise<Result<null>> {
  const now = deps.clock.now();
  // At most `resend-token` codes an hour (besides one a minute): with 5 tries per code, that caps
  // the guesses at a booking's code (docs/SECURITY.md has the arithmetic).
  const limited = await overLimit(deps, 'resend-token', token);
  if (limited) return limited;
  return inTransaction(deps.store, async (store) => {
    const pending = await pendingBooking(store, token, now);
    if (!pending.ok) return pending;
    const booking = pending.value;
    const state = await store.getVerification(booking.id);
    const wait = state ? resendWaitMs(state.requestedAt, now) : 0;
    let marked = false;
    if (!state) {
      await store.startVerification(booking.id, now);
      marked = true;
    } else if (wait === 0) {
      marked = await store.markCodeRequested(booking.id, now - CODE_RESEND_MS, now);
    }
    if (!marked) {
      const retryAfterSeconds = Math.max(1, Math.ceil((wait || CODE_RESEND_MS) / 1000));
      return refuse('RATE_LIMITED', `A new code can be sent once a minute; try again in ${retryAfterSeconds} s.`, {
        retryAfterSeconds,
      });
    }
    await store.enqueueJobs([verificationNotice(booking)], now);
    return ok(null);
  });
}
