/**
 * What a cancel of a booking decides under its service's cancellation policy (SPEC §10.2,
 * core/cancellation-policy.ts), for the client's cancel, the dashboard's, the presenters
 * (`Booking.policy`) and the pages alike, so what is shown is what is applied.
 */
import {
  type CancellationTier,
  type ClientCancelOutcome,
  clientCancelOutcome,
  effectiveTiers,
  type RefundKind,
  refundFor,
  ruleInForce,
} from '../core/index.ts';
import { statusAt } from './allowances.ts';
import type { Booking, Business, CancelTerms, Service } from './model.ts';

/**
 * The booking's deposit, in minor units: what it paid as its deposit when it chose one (that
 * amount, seats and all), else the service's deposit (none once the service is gone).
 */
export function bookingDeposit(booking: Booking, service: Service | null): number {
  return booking.payment.option === 'deposit' ? booking.payment.amountDue : (service?.deposit ?? 0);
}

const policyOf = (service: Service | null) => service?.cancellationPolicy ?? [];

/** The client's cancel at `now`: refused with why, or allowed with the tier and its amounts. */
export function clientCancel(
  booking: Booking,
  service: Service | null,
  business: Business,
  now: number,
): ClientCancelOutcome {
  return clientCancelOutcome({
    policy: policyOf(service),
    cancelNoticeHours: business.cancelNoticeHours,
    status: statusAt(booking, now),
    start: booking.start,
    now,
    amountPaid: booking.payment.amountPaid,
    deposit: bookingDeposit(booking, service),
  });
}

/** `Booking.policy`: the tier in force now for the client (null once started, or when not active). */
export function policyInForce(
  booking: Booking,
  service: Service | null,
  business: Business,
  now: number,
): CancellationTier | null {
  const status = statusAt(booking, now);
  if (status !== 'confirmed' && status !== 'pending_verification' && status !== 'awaiting_payment') return null;
  return ruleInForce(effectiveTiers(policyOf(service), business.cancelNoticeHours), booking.start, now);
}

/**
 * The tier a cancel by staff applies at `now`: the service's tiers without the client's notice
 * (the notice limits clients, not the studio); once started, the last tier. A `none_online` tier
 * means nothing is refunded unless an admin chooses otherwise.
 */
export function staffTier(booking: Booking, service: Service | null, now: number): RefundKind {
  const tiers = effectiveTiers(policyOf(service), 0);
  const tier = ruleInForce(tiers, booking.start, now) ?? tiers[tiers.length - 1];
  const kind = tier?.refund ?? 'full';
  return kind === 'none_online' ? 'none' : kind;
}

/** What a cancel records: the refund kind and its amounts for this booking. */
export function cancelTerms(
  booking: Booking,
  service: Service | null,
  refund: RefundKind,
  by: CancelTerms['by'],
  overridden: boolean,
): CancelTerms {
  const amounts = refundFor(refund, {
    amountPaid: booking.payment.amountPaid,
    deposit: bookingDeposit(booking, service),
  });
  return { refund, ...amounts, by, overridden };
}
