/**
 * The client proves a known email with the emailed code (SPEC §3.4). A try is used up in its own
 * statement before the code is compared, so a wrong guess counts even though nothing else is
 * written, and concurrent guesses cannot exceed the five tries. Compared in constant time.
 * The right code moves the booking on: to awaiting_payment with a fresh hold when it is to be
 * paid, else to confirmed (client recorded, emails and reminder queued).
 */
import { CODE_MAX_ATTEMPTS, CODE_VALID_MS, remindAt } from '../core/index.ts';
import { statusAt } from './allowances.ts';
import type { NextAction } from './create-booking.ts';
import { inTransaction } from './in-transaction.ts';
import { findManagedBooking } from './manage-booking.ts';
import type { Booking } from './model.ts';
import { bookingNotices } from './notices.ts';
import { payAction } from './payment-link.ts';
import type { Clock, Store } from './ports.ts';
import { overLimit, type RateLimits } from './rate-limits.ts';
import { ok, type Result, refuse } from './result.ts';
import { followSeries } from './series-confirm.ts';
import { hashCode, sameHash } from './tokens.ts';

export interface VerifyDeps {
  readonly store: Pick<
    Store,
    | 'confirmPayment'
    | 'confirmVerified'
    | 'enqueueJobs'
    | 'findBookingByToken'
    | 'getBusiness'
    | 'hitRateLimit'
    | 'listSeriesBookings'
    | 'transaction'
    | 'upsertClient'
    | 'useCodeAttempt'
  >;
  readonly clock: Clock;
  readonly secret: string;
  readonly publicUrl: string;
  /** `verify-email` limits code tries per client email over all their bookings; absent = none. */
  readonly rateLimits?: RateLimits;
}

/** The booking must be waiting for its code, and its hold must stand. */
export async function pendingBooking(
  store: Pick<Store, 'findBookingByToken'>,
  token: string,
  now: number,
): Promise<Result<Booking>> {
  const found = await findManagedBooking(store, token);
  if (!found.ok) return found;
  const booking = found.value;
  if (statusAt(booking, now) === 'expired') {
    return refuse(
      'HOLD_EXPIRED',
      'This booking was not confirmed in time and its slot was released. Please book again.',
    );
  }
  if (booking.status !== 'pending_verification') {
    return refuse('BOOKING_NOT_PENDING', `This booking is ${booking.status}; it is not waiting for a code.`);
  }
  return ok(booking);
}

export async function verifyEmail(
  deps: VerifyDeps,
  token: string,
  code: string,
): Promise<Result<{ booking: Booking; next: NextAction }>> {
  const now = deps.clock.now();
  const pending = await pendingBooking(deps.store, token, now);
  if (!pending.ok) return pending;
  const booking = pending.value;
  // Five tries per code bound one booking; this bounds an email over every booking made in its
  // name, so new bookings cannot buy an attacker more guesses (docs/SECURITY.md).
  const limited = await overLimit(deps, 'verify-email', booking.client.email);
  if (limited) return limited;
  const attempt = await deps.store.useCodeAttempt(booking.id, now - CODE_VALID_MS, CODE_MAX_ATTEMPTS);
  if (!attempt) {
    return refuse('CODE_EXPIRED', 'This code has expired or was tried too many times. Ask for a new code.');
  }
  if (!sameHash(attempt.codeHash, hashCode(deps.secret, booking.id, code))) {
    const attemptsLeft = CODE_MAX_ATTEMPTS - attempt.attempts;
    return refuse('CODE_INVALID', 'That code is not right.', { attemptsLeft });
  }
  return inTransaction(deps.store, async (store): Promise<Result<{ booking: Booking; next: NextAction }>> => {
    const business = await store.getBusiness();
    const toPay = booking.payment.option !== 'none';
    const changed = await store.confirmVerified(
      booking.id,
      toPay
        ? { status: 'awaiting_payment', holdUntil: now + business.holdMinutes * 60_000, remindAt: null }
        : {
            status: 'confirmed',
            holdUntil: null,
            remindAt: remindAt({
              start: booking.start,
              wantsReminder: booking.wantsReminder,
              reminderHours: business.reminderHours,
              now,
            }),
          },
      now,
    );
    if (!changed) return refuse('HOLD_EXPIRED', 'This booking was not confirmed in time and its slot was released.');
    // A series' other occurrences follow its first (series-confirm.ts).
    const series = await followSeries(store, changed, business, now);
    if (toPay) return ok({ booking: changed, next: payAction(changed, business, deps.publicUrl) });
    await store.upsertClient(changed.client);
    await store.enqueueJobs(series ?? bookingNotices('confirmed', changed, business), now);
    return ok({ booking: changed, next: { action: 'done' } });
  });
}
