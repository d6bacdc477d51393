/**
 * The payment gateway's callback (API.md "Payment"): the raw body must carry a valid
 * HMAC-SHA256 signature under paymentSecret (compared in constant time) before anything else is
 * read. A repeated transactionId changes nothing; an amount or currency that is not the amount
 * due changes nothing; "paid" confirms a booking awaiting payment while its hold stands; "failed"
 * is recorded and leaves the booking waiting until its hold expires.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { remindAt, toMinor } from '../core/index.ts';
import { inTransaction } from './in-transaction.ts';
import type { Booking } from './model.ts';
import { bookingNotices } from './notices.ts';
import type { Clock, Store } from './ports.ts';
import { invalid, ok, type Result, refuse } from './result.ts';
import { bookingEvent } from './webhook-events.ts';

export interface PaymentCallback {
  readonly reference: string;
  readonly amount: string;
  readonly currency: string;
  readonly status: 'paid' | 'failed';
  readonly transactionId: string;
}

/** Checks `X-Slotwise-Signature: sha256=<hex>` against the raw body. */
export async function verifyPaymentSignature(
  store: Store,
  rawBody: string,
  header: string | undefined,
): Promise<Result<null>> {
  const { paymentSecret } = await store.getBusiness();
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header ?? '')?.[1];
  if (!paymentSecret || !given) return refuse('UNAUTHORIZED', 'Missing or malformed payment signature.');
  const expected = createHmac('sha256', paymentSecret).update(rawBody, 'utf8').digest();
  const actual = Buffer.from(given, 'hex');
  return timingSafeEqual(actual, expected) ? ok(null) : refuse('UNAUTHORIZED', 'The payment signature does not match.');
}

export async function receivePayment(
  deps: { store: Store; clock: Clock },
  p: PaymentCallback,
): Promise<Result<Booking>> {
  const now = deps.clock.now();
  return inTransaction(deps.store, async (store) => {
    const booking = await store.findBookingByReference(p.reference);
    if (!booking) return refuse('NOT_FOUND', `No booking ${p.reference}.`);
    if (await store.paymentSeen(p.transactionId)) return ok(booking); // a replay: no change
    const amount = p.currency === booking.payment.currency ? toMinor(p.amount, p.currency) : null;
    if (amount !== booking.payment.amountDue) {
      return invalid('The amount is not the amount due.', {
        amount: `expected ${booking.payment.currency} amount due, got ${p.amount} ${p.currency}`,
      });
    }
    if (p.status === 'failed') {
      await store.recordPayment({ ...p, bookingId: booking.id, amount }, now);
      return ok(booking);
    }
    if (booking.status !== 'awaiting_payment') {
      return refuse('BOOKING_NOT_PENDING', `Booking ${booking.reference} is ${booking.status}, not awaiting payment.`);
    }
    const business = await store.getBusiness();
    const reminder = remindAt({
      start: booking.start,
      wantsReminder: booking.wantsReminder,
      reminderHours: business.reminderHours,
      now,
    });
    const confirmed = await store.confirmPayment(booking.id, amount, reminder, now);
    if (!confirmed) return refuse('HOLD_EXPIRED', `The hold on booking ${booking.reference} ran out before payment.`);
    await store.recordPayment({ ...p, bookingId: booking.id, amount }, now);
    await store.upsertClient(confirmed.client);
    // Paid (the cause) before confirmed (the effect): the webhook events are queued in that order.
    await store.enqueueJobs(
      [bookingEvent('paid', confirmed), ...bookingNotices('confirmed', confirmed, business)],
      now,
    );
    return ok(confirmed);
  });
}
