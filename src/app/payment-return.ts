/**
 * The page the gateway sends the client back to, `/return/{reference}` (SPEC §10.4). A reference
 * is short and guessable, so this says only how the payment went, and the way on is an email to
 * the client's own address with a fresh manage link (queued like every email; at most
 * `return-reference` of them per booking, so reloading cannot fill the inbox). A confirmed
 * booking's confirmation email carries its link already, as does a code email.
 */
import { statusAt } from './allowances.ts';
import type { LedgerPayment } from './model.ts';
import type { Clock, Store } from './ports.ts';
import { overLimit, type RateLimits } from './rate-limits.ts';
import { ok, type Result, refuse } from './result.ts';

export type ReturnOutcome =
  /** Paid (or nothing to pay) and confirmed. */
  | 'confirmed'
  /** Still awaiting the gateway's word while the hold stands. */
  | 'waiting'
  /** The gateway said the payment failed; the client may try again while the hold stands. */
  | 'failed'
  /** Money arrived but could not be applied (hold lapsed, cancelled): the owner has been told. */
  | 'unapplied'
  /** The hold lapsed with no payment. */
  | 'lapsed'
  | 'cancelled';

/** What a return URL may name; anything else is not a booking's. */
const REFERENCE = /^[A-Za-z0-9-]{1,40}$/;

export async function paymentReturn(
  deps: {
    readonly store: Pick<Store, 'enqueueJobs' | 'findBookingByReference' | 'hitRateLimit' | 'listPayments'>;
    readonly clock: Clock;
    readonly rateLimits?: RateLimits;
  },
  reference: string,
): Promise<Result<ReturnOutcome>> {
  const booking = REFERENCE.test(reference) ? await deps.store.findBookingByReference(reference) : null;
  if (!booking) return refuse('NOT_FOUND', 'No booking has this reference.');
  const now = deps.clock.now();
  const status = statusAt(booking, now);
  const outcome = outcomeOf(status, await deps.store.listPayments(booking.id));
  if (status === 'confirmed' || status === 'pending_verification') return ok(outcome);
  // Over the limit the page still answers: the earlier emails hold a working link.
  const limited = await overLimit(deps, 'return-reference', booking.id);
  if (!limited) await deps.store.enqueueJobs([{ kind: 'email.manage-link', payload: { bookingId: booking.id } }], now);
  return ok(outcome);
}

function outcomeOf(status: ReturnType<typeof statusAt>, payments: readonly LedgerPayment[]): ReturnOutcome {
  switch (status) {
    case 'confirmed':
      return 'confirmed';
    case 'awaiting_payment': {
      const last = payments.at(-1);
      if (last?.status === 'failed') return 'failed';
      return last?.status === 'paid' && !last.applied ? 'unapplied' : 'waiting';
    }
    case 'pending_verification':
      return 'waiting';
    default:
      if (payments.some((p) => p.status === 'paid' && !p.applied)) return 'unapplied';
      return status === 'cancelled' ? 'cancelled' : 'lapsed';
  }
}
