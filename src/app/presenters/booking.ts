/**
 * A booking as API.md's `Booking`: the JSON answer of the booking and manage API, the base of the
 * dashboard's, and the `data.booking` of webhook events (jobs/fan-out-webhook.ts). Instants are
 * ISO 8601 with the booking zone's offset, money decimal strings; what the client may still do
 * is judged at `now`.
 */
import { type Answers, formatInstant, splitSensitive, toDecimal } from '../../core/index.ts';
import { allowances, statusAt } from '../allowances.ts';
import type { BookingView } from '../booking-view.ts';
import { policyInForce } from '../cancel-terms.ts';
import type { Booking, HistoryEntry, Service } from '../model.ts';

/** What is owed and paid, in the booking's currency. */
export function presentBookingPayment(p: Booking['payment']) {
  return {
    option: p.option,
    amountDue: toDecimal(p.amountDue, p.currency),
    amountPaid: toDecimal(p.amountPaid, p.currency),
    currency: p.currency,
  };
}

export function presentBooking({ booking: b, service, business }: BookingView, now: number) {
  const allowed = allowances(b, service, business, now);
  return {
    id: b.id,
    reference: b.reference,
    // A hold past its time reads as expired even before anything rewrites its row.
    status: statusAt(b, now),
    service: { id: b.serviceId, name: b.serviceName },
    staff: { id: b.staffId, name: b.staffName },
    start: formatInstant(b.start, b.timezone),
    end: formatInstant(b.end, b.timezone),
    timezone: b.timezone,
    client: { name: b.client.name, email: b.client.email },
    notes: b.notes,
    wantsReminder: b.wantsReminder,
    locale: b.locale,
    payment: presentBookingPayment(b.payment),
    seats: b.seats ?? 1,
    seriesId: b.seriesId ?? null,
    reschedule: {
      count: allowed.reschedule.count,
      limit: allowed.reschedule.limit,
      allowed: allowed.reschedule.block === null,
    },
    cancel: { allowed: allowed.cancelAllowed },
    holdExpiresAt:
      b.holdUntil !== null &&
      (b.status === 'pending_verification' || b.status === 'awaiting_payment') &&
      b.holdUntil > now
        ? formatInstant(b.holdUntil, b.timezone)
        : null,
    // Only the open answers, judged by the questions as they are now (sensitive ones omitted).
    answers: openAnswers(b, service),
    policy: policyInForce(b, service, business, now),
    outcome: b.outcome,
    cancellation: b.cancellation
      ? {
          refund: b.cancellation.refund,
          refundDue: toDecimal(b.cancellation.refundDue, b.payment.currency),
          amountKept: toDecimal(b.cancellation.amountKept, b.payment.currency),
          by: b.cancellation.by,
          overridden: b.cancellation.overridden,
        }
      : null,
  };
}

/**
 * The answers anyone who may see the booking may see (emails to the team, webhooks, the manage
 * link): the stored open answers whose question is not sensitive now. A question made sensitive
 * after it was answered stops showing at once; one no longer defined at all is not shown either.
 */
export function openAnswers(b: Booking, service: Service | null): Answers {
  return splitSensitive(service?.questions ?? [], b.answers).open;
}

/**
 * The history of a booking (the manage API and the dashboard), in the booking's zone: moves, a
 * cancel with its refund (amounts in `currency`), outcome marks.
 */
export function presentHistory(history: readonly HistoryEntry[], zone: string, currency: string) {
  return history.map((h) => ({
    kind: h.kind,
    ...(h.refund
      ? {
          refund: h.refund.kind,
          refundDue: toDecimal(h.refund.refundDue, currency),
          amountKept: toDecimal(h.refund.amountKept, currency),
        }
      : {}),
    ...(h.outcome ? { outcome: h.outcome } : {}),
    fromStart: formatInstant(h.fromStart, zone),
    toStart: formatInstant(h.toStart, zone),
    fromStaff: h.fromStaff,
    toStaff: h.toStaff,
    reason: h.reason,
    at: formatInstant(h.at, zone),
  }));
}
