/** POST /api/v1/payments/callback: the gateway's signed report of a payment. */
import { Hono } from 'hono';
import { z } from 'zod';
import { receivePayment, verifyPaymentSignature } from '../../app/receive-payment.ts';
import type { AppDeps } from '../deps.ts';
import { errorBody, sendRefusal } from '../errors.ts';
import { presentStored } from '../presenters.ts';
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
    const signed = await verifyPaymentSignature(deps.store, body.value.raw, c.req.header('x-slotwise-signature'));
    if (!signed.ok) return sendRefusal(c, signed);
    const input = check(c, callbackBody, body.value.json);
    if (!input.ok) return input.response;
    const r = await receivePayment(deps, input.value);
    // API.md answers an amount that is not the amount due with 422, not the usual 400.
    if (!r.ok && r.code === 'VALIDATION_FAILED') return c.json(errorBody(r.code, r.message, r.details), 422);
    if (!r.ok) return sendRefusal(c, r);
    return c.json({ booking: await presentStored(deps, r.value) });
  });
  return api;
}
