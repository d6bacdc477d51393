/**
 * A stand-in payment gateway for the demo: it checks the signed redirect like a real gateway would,
 * lets a person click "Pay" or "Fail", then calls the real callback endpoint with a correctly
 * signed body and sends the person back to the return URL (only to this site: no open redirect).
 * No money moves — yet it signs with the business's payment secret, so it answers only on a local
 * site (main.ts) and, decided on each request from the business as it is then, only while the
 * business's payment URL points at it: once the owner sets a real gateway, every route is a 404
 * and changes nothing.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { raw } from 'hono/html';
import { pointsAtDemoGateway } from '../../app/demo-gateway-url.ts';
import { getBusiness } from '../../app/get-business.ts';
import { type PaymentRequest, paymentSignature } from '../../app/payment-link.ts';
import type { AppDeps } from '../deps.ts';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f1ea;color:#1d232b}
main{max-width:28rem;margin:3rem auto;padding:1.5rem;background:#fff;border:1px solid #ddd;border-radius:.5rem}
button{font:inherit;padding:.6rem 1.2rem;margin-right:.5rem;border-radius:.4rem;border:1px solid #888;cursor:pointer}
.pay{background:#1a56b0;color:#fff;border-color:#1a56b0}.note{color:#555;font-size:.9rem}`;

function page(title: string, body: unknown) {
  return `<!doctype html>${(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style>{raw(STYLE)}</style>
      </head>
      <body>
        <main>{body}</main>
      </body>
    </html>
  )}`;
}

function signedRequest(q: Record<string, string | undefined>, secret: string): PaymentRequest | null {
  const { amount, currency, reference, returnUrl, signature } = q;
  if (!amount || !currency || !reference || !returnUrl || !signature || !/^[0-9a-f]{64}$/.test(signature)) return null;
  const request = { amount, currency, reference, returnUrl };
  const expected = Buffer.from(paymentSignature(request, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? request : null;
}

export function demoGateway(deps: AppDeps, callback: (body: string, signature: string) => Promise<Response>): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    const { paymentUrl } = await getBusiness(deps);
    if (!pointsAtDemoGateway(paymentUrl, deps.publicUrl)) return c.notFound();
    return next();
  });

  app.get('/', async (c) => {
    const { paymentSecret } = await getBusiness(deps);
    const request = paymentSecret ? signedRequest(c.req.query(), paymentSecret) : null;
    if (!request) return c.html(page('Invalid payment link', <p>This payment link is not correctly signed.</p>), 400);
    const fields = { ...request, signature: c.req.query('signature') ?? '' };
    return c.html(
      page(
        'Demo payment',
        <>
          <h1>Demo payment</h1>
          <p>
            Pay <strong>{`${request.amount} ${request.currency}`}</strong> for booking{' '}
            <strong>{request.reference}</strong>.
          </p>
          <p class="note">This is the demo studio's stand-in gateway: no money moves.</p>
          <form method="post">
            {Object.entries(fields).map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            <button class="pay" type="submit" name="outcome" value="paid">
              Pay
            </button>
            <button type="submit" name="outcome" value="failed">
              Fail
            </button>
          </form>
        </>,
      ),
    );
  });

  app.post('/', async (c) => {
    const { paymentSecret } = await getBusiness(deps);
    // A body that is not a form (malformed multipart, JSON, none) reads as an empty form: refused below.
    const data = await c.req.formData().catch(() => new FormData());
    const form = Object.fromEntries([...data.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
    const request = paymentSecret ? signedRequest(form, paymentSecret) : null;
    const outcome = form.outcome === 'paid' ? 'paid' : 'failed';
    if (!request || !paymentSecret)
      return c.html(page('Invalid payment', <p>This payment is not correctly signed.</p>), 400);
    const body = JSON.stringify({
      reference: request.reference,
      amount: request.amount,
      currency: request.currency,
      status: outcome,
      transactionId: `demo-${randomBytes(8).toString('hex')}`,
    });
    const answer = await callback(body, `sha256=${createHmac('sha256', paymentSecret).update(body).digest('hex')}`);
    const sameSite = request.returnUrl.startsWith(`${deps.publicUrl}/`);
    if (answer.ok && sameSite) return c.redirect(request.returnUrl, 303);
    return c.html(
      page(
        outcome === 'paid' ? 'Payment sent' : 'Payment failed',
        <p>
          {answer.ok ? `The payment ${outcome === 'paid' ? 'went through' : 'failed'}.` : 'The booking refused it.'}
        </p>,
      ),
      answer.ok ? 200 : 409,
    );
  });

  return app;
}
