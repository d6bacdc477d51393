/**
 * The signed redirect to the payment gateway (API.md "Payment"): query parameters amount,
 * currency, reference, returnUrl and signature = hex HMAC-SHA256(paymentSecret) of
 * `amount=…&currency=…&reference=…&returnUrl=…` with each value encodeURIComponent-ed.
 */
import { createHmac } from 'node:crypto';
import { toDecimal } from '../core/index.ts';
import type { Booking, Business } from './model.ts';

export interface PaymentRequest {
  readonly amount: string;
  readonly currency: string;
  readonly reference: string;
  readonly returnUrl: string;
}

export function signedPayload(p: PaymentRequest): string {
  const e = encodeURIComponent;
  return `amount=${e(p.amount)}&currency=${e(p.currency)}&reference=${e(p.reference)}&returnUrl=${e(p.returnUrl)}`;
}

export function paymentSignature(p: PaymentRequest, secret: string): string {
  return createHmac('sha256', secret).update(signedPayload(p)).digest('hex');
}

/** The gateway URL with the four parameters and their signature appended. */
export function paymentLink(paymentUrl: string, p: PaymentRequest, secret: string): string {
  const url = new URL(paymentUrl);
  url.searchParams.set('amount', p.amount);
  url.searchParams.set('currency', p.currency);
  url.searchParams.set('reference', p.reference);
  url.searchParams.set('returnUrl', p.returnUrl);
  url.searchParams.set('signature', paymentSignature(p, secret));
  return url.toString();
}

/**
 * The `pay` next step of a booking awaiting payment: the signed link. The gateway sends the client
 * back to the booking's return page, which holds no credential (a URL given to a third party
 * ends up in its logs); that page emails the client their manage link.
 */
export function payAction(booking: Booking, business: Business, publicUrl: string): { action: 'pay'; url: string } {
  if (!business.paymentUrl || !business.paymentSecret) throw new Error('awaiting payment without a gateway');
  const request = {
    amount: toDecimal(booking.payment.amountDue, booking.payment.currency),
    currency: booking.payment.currency,
    reference: booking.reference,
    returnUrl: returnUrl(publicUrl, booking.reference),
  };
  return { action: 'pay', url: paymentLink(business.paymentUrl, request, business.paymentSecret) };
}

/** Where the gateway sends the client back: `/return/{reference}`. */
export const returnUrl = (publicUrl: string, reference: string): string =>
  `${publicUrl}/return/${encodeURIComponent(reference)}`;
