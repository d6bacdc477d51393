/**
 * POST /api/v1/payments/callback: the gateway's signed report of a payment → 200 `{applied,
 * reason, booking}` (reason null when applied), or 422 for an amount that is not the amount due.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { viewBooking } from '../../app/booking-view.ts';
import { presentBooking } from '../../app/presenters/booking.ts';
import { receivePayment, verifyPaymentSignature } from '../../app/receive-payment.ts';
import { toDecimal } from '../../core/index.ts';
import type { AppDeps } from '../deps.ts';
import { errorBody, sendRefusal } from '../errors.ts';
import { check, readJson, text } from '../validation.ts';

export const callbackBody = z.strictObject({
  reference: text(40).pipe(z.string().min(1)),
  amount: z.string().regex(/^\d{1,13}(\.\d{1,3})?$/, 'a decimal amount such as "30.00"'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
  status: z.enum(['paid', 'failed']),
  transactionId: text(200).pipe(z.string().min(1)),
});

export function paymentsApi(deps: AppDeps): Hono {
  const api = new Hono();
  api.post('/callback', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    // The signature is checked on the exact bytes received, before the body is trusted at all.
    const signed = await verifyPaymentSignature(deps, body.value.raw, c.req.header('x-slotwise-signature'));
    if (!signed.ok) return sendRefusal(c, signed);
    const input = check(c, callbackBody, body.value.json);
    if (!input.ok) return input.response;
    const r = await receivePayment(deps, input.value);
    if (!r.ok) return sendRefusal(c, r);
    const { booking, applied, reason } = r.value;
    // API.md answers an amount that is not the amount due with 422, not the usual 400 — the
    // payment is in the ledger all the same (unapplied), and a replay answers the same.
    if (reason === 'amount_mismatch') {
      const { amount, currency } = input.value;
      return c.json(
        errorBody('VALIDATION_FAILED', 'The amount is not the amount due. It is recorded as not applied.', {
          fields: {
            amount: `expected ${toDecimal(booking.payment.amountDue, booking.payment.currency)} ${booking.payment.currency}, got ${amount} ${currency}`,
          },
        }),
        422,
      );
    }
    return c.json({ applied, reason, booking: presentBooking(await viewBooking(deps, booking), deps.clock.now()) });
  });
  return api;
}
