/**
 * The payment gateway's callback (API.md "Payment", SPEC §10.4): the raw body must carry a valid
 * HMAC-SHA256 signature under paymentSecret (compared in constant time) before anything else is
 * read. Every signed callback is then written into the payments ledger before anything else
 * happens, so none goes unrecorded and a repeated (transactionId, status) is a replay that
 * changes nothing. "paid" for the amount due confirms a booking awaiting payment while its hold
 * stands; one that cannot be applied (wrong amount, hold lapsed, cancelled, paid already) stays
 * in the ledger as unapplied with its reason, and the owner is emailed and webhooks are told. A
 * "failed" one moves no money: it is recorded and leaves the booking waiting.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { remindAt, toDecimal, toMinor } from '../core/index.ts';
import { statusAt } from './allowances.ts';
import { inTransaction } from './in-transaction.ts';
import type { Booking, JobSpec, LedgerPayment, UnappliedReason } from './model.ts';
import { bookingNotices } from './notices.ts';
import type { Clock, Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';
import { followSeries } from './series-confirm.ts';
import { bookingEvent, unappliedPaymentEvent } from './webhook-events.ts';

export interface PaymentCallback {
  readonly reference: string;
  readonly amount: string;
  readonly currency: string;
  readonly status: 'paid' | 'failed';
  readonly transactionId: string;
}

/** What became of a callback: the booking as it is now, and whether the payment was applied. */
export interface PaymentOutcome {
  readonly booking: Booking;
  readonly applied: boolean;
  /** Null exactly when applied. */
  readonly reason: UnappliedReason | null;
}

/** Checks `X-Slotwise-Signature: sha256=<hex>` against the raw body. */
export async function verifyPaymentSignature(
  deps: { store: Pick<Store, 'getBusiness'> },
  rawBody: string,
  header: string | undefined,
): Promise<Result<null>> {
  const { paymentSecret } = await deps.store.getBusiness();
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header ?? '')?.[1];
  if (!paymentSecret || !given) return refuse('UNAUTHORIZED', 'Missing or malformed payment signature.');
  const expected = createHmac('sha256', paymentSecret).update(rawBody, 'utf8').digest();
  const actual = Buffer.from(given, 'hex');
  return timingSafeEqual(actual, expected) ? ok(null) : refuse('UNAUTHORIZED', 'The payment signature does not match.');
}

/** Why a payment of the amount due cannot be applied to the booking as it is at `now`; null when it can. */
export function unpayableReason(booking: Booking, now: number): UnappliedReason | null {
  switch (statusAt(booking, now)) {
    case 'awaiting_payment':
      return null;
    case 'expired':
      return 'hold_expired';
    case 'cancelled':
      return 'booking_cancelled';
    case 'confirmed':
      return booking.payment.amountPaid > 0 ? 'already_paid' : 'not_awaiting_payment';
    default:
      return 'not_awaiting_payment';
  }
}

export async function receivePayment(
  deps: {
    store: Pick<
      Store,
      | 'confirmPayment'
      | 'confirmVerified'
      | 'enqueueJobs'
      | 'findBookingByReference'
      | 'findPayment'
      | 'getBooking'
      | 'getBusiness'
      | 'listSeriesBookings'
      | 'markPaymentUnapplied'
      | 'recordPayment'
      | 'transaction'
      | 'upsertClient'
    >;
    clock: Clock;
  },
  p: PaymentCallback,
): Promise<Result<PaymentOutcome>> {
  const now = deps.clock.now();
  // The whole callback is one transaction: it reads, records and changes.
  return inTransaction(deps.store, async (store) => {
    const booking = await store.findBookingByReference(p.reference);
    if (!booking) return refuse('NOT_FOUND', `No booking ${p.reference}.`);
    // In the currency the gateway named: a mismatched amount is kept as reported.
    const amountMinor = toMinor(p.amount, p.currency);
    const matches = p.currency === booking.payment.currency && amountMinor === booking.payment.amountDue;
    const entry = {
      transactionId: p.transactionId,
      bookingId: booking.id,
      amountMinor,
      amountText: p.amount,
      currency: p.currency,
      status: p.status,
      reason: matches ? null : ('amount_mismatch' as const),
    };
    const id = await store.recordPayment(entry, now);
    if (id === null) {
      const prior = await store.findPayment(p.transactionId, p.status);
      return ok({ booking, applied: prior?.applied ?? true, reason: prior?.reason ?? null });
    }
    const recorded = (reason: UnappliedReason | null): LedgerPayment => ({
      id,
      transactionId: p.transactionId,
      bookingId: booking.id,
      amount: amountMinor === null ? p.amount : toDecimal(amountMinor, p.currency),
      currency: p.currency,
      status: p.status,
      applied: reason === null,
      reason,
      receivedAt: now,
    });
    if (!matches || amountMinor === null) {
      await announceUnapplied(store, booking, recorded('amount_mismatch'), now);
      return ok({ booking, applied: false, reason: 'amount_mismatch' });
    }
    if (p.status === 'failed') {
      const reason = unpayableReason(booking, now);
      if (reason) await store.markPaymentUnapplied(id, reason);
      return ok({ booking, applied: reason === null, reason });
    }
    const business = await store.getBusiness();
    const reminder = remindAt({
      start: booking.start,
      wantsReminder: booking.wantsReminder,
      reminderHours: business.reminderHours,
      now,
    });
    const confirmed = await store.confirmPayment(booking.id, amountMinor, reminder, now);
    if (!confirmed) {
      // Read again: a concurrent payment may have confirmed it since it was first read.
      const current = (await store.getBooking(booking.id)) ?? booking;
      const reason = unpayableReason(current, now) ?? 'not_awaiting_payment';
      await store.markPaymentUnapplied(id, reason);
      await announceUnapplied(store, current, recorded(reason), now);
      return ok({ booking: current, applied: false, reason });
    }
    await store.upsertClient(confirmed.client);
    // A series is paid through its first occurrence; the others follow (series-confirm.ts).
    const series = await followSeries(store, confirmed, business, now);
    // Paid (the cause) before confirmed (the effect): the webhook events are queued in that order.
    await store.enqueueJobs(
      [bookingEvent('paid', confirmed), ...(series ?? bookingNotices('confirmed', confirmed, business))],
      now,
    );
    return ok({ booking: confirmed, applied: true, reason: null });
  });
}

/**
 * Money that moved without reaching the booking needs a person: the owner is emailed and
 * webhooks are told. A failed payment moved no money, so it is only recorded.
 */
async function announceUnapplied(
  store: Pick<Store, 'enqueueJobs'>,
  booking: Booking,
  payment: LedgerPayment,
  now: number,
): Promise<void> {
  if (payment.status !== 'paid') return;
  const jobs: JobSpec[] = [
    { kind: 'email.payment', payload: { paymentId: payment.id } },
    unappliedPaymentEvent(booking, payment),
  ];
  await store.enqueueJobs(jobs, now);
}
