/**
 * Pieces both webhook pages use: the webhook's fields (URL, events, description, active), what
 * each event means, and how a receiver checks the signature (docs/WEBHOOKS.md, shown inline: the
 * docs are not served by the app, and an admin needs this at the moment they copy the secret).
 */
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../app/webhook-events.ts';
import { Input } from '../form-kit/fields.tsx';
import type { FormErrors, WebhookFormValues } from './webhooks-input.ts';

/** What each event announces, in the words of docs/WEBHOOKS.md. */
export const EVENT_INFO: Record<WebhookEvent, string> = {
  'booking.confirmed': 'a booking becomes confirmed (booked, verified or paid)',
  'booking.rescheduled': 'a confirmed booking moves to another time or staff member',
  'booking.cancelled': 'a confirmed booking is cancelled',
  'booking.paid': 'a payment (in full or a deposit) comes in',
  'payment.unapplied': 'a payment comes in that cannot be applied to its booking (to refund or rebook)',
  'waitlist.offered': 'a freed time is offered to the next client on the waitlist',
};

/** Field name → label, for the error summary's links. */
export const WEBHOOK_LABELS = { url: 'URL', events: 'Events', description: 'Description' };

export const NEW_WEBHOOK: WebhookFormValues = { url: '', events: [...WEBHOOK_EVENTS], description: '', active: true };

/** The four fields of a webhook, filled with `values`, with any errors beside them. */
export function WebhookFields({ values, errors }: { values: WebhookFormValues; errors: FormErrors }) {
  return (
    <>
      <Input
        name="url"
        label={WEBHOOK_LABELS.url}
        type="url"
        value={values.url}
        required
        hint="Where Slotwise sends a signed POST for each event: an http or https address."
        error={errors.url}
      />
      <fieldset class="webhook-events" aria-describedby={errors.events ? 'e-events' : undefined}>
        <legend>{WEBHOOK_LABELS.events}</legend>
        {errors.events ? (
          <span class="error" id="e-events">
            {errors.events}
          </span>
        ) : null}
        {WEBHOOK_EVENTS.map((event, i) => (
          <p class="check">
            <label>
              <input
                type="checkbox"
                name="events"
                value={event}
                id={i === 0 ? 'f-events' : undefined}
                checked={values.events.includes(event)}
                aria-invalid={errors.events ? 'true' : undefined}
              />
              <span>
                <code>{event}</code> — when {EVENT_INFO[event]}
              </span>
            </label>
          </p>
        ))}
      </fieldset>
      <Input
        name="description"
        label={WEBHOOK_LABELS.description}
        value={values.description}
        hint="Optional, up to 200 characters: what receives the events, e.g. “Accounting sync”."
        error={errors.description}
      />
      <p class="check webhook-active">
        <label>
          <input type="checkbox" name="active" id="f-active" checked={values.active} />
          <span>Active: send booking events to this URL (a test event is sent either way)</span>
        </label>
      </p>
    </>
  );
}

/** How a receiver checks that a request comes from Slotwise (docs/WEBHOOKS.md, "Checking the signature"). */
export function SigningHelp() {
  return (
    <section class="panel" id="verify" aria-labelledby="verify-title">
      <h2 id="verify-title">Checking the signature</h2>
      <p>Every delivery is a POST with a JSON body and these headers:</p>
      <ul class="webhook-headers">
        <li>
          <code>X-Slotwise-Timestamp</code>: the time of the attempt, in Unix seconds;
        </li>
        <li>
          <code>X-Slotwise-Signature: sha256=HMAC-SHA256(secret, "&lt;timestamp&gt;.&lt;body&gt;")</code>, in hex, keyed
          with the whole secret (<code>whsec_…</code>);
        </li>
        <li>
          <code>X-Slotwise-Event</code>: the event, and <code>X-Slotwise-Delivery</code>: the event id, the same on
          every retry, so a repeat can be ignored.
        </li>
      </ul>
      <p>
        Compute the HMAC over the raw body as received, before parsing the JSON; compare it in constant time; refuse a
        timestamp more than 5 minutes away from your clock. Answer with any 2xx within 10 seconds: anything else (a
        redirect too) is retried after 30 s, 1 min, 2 min … up to 10 attempts.
      </p>
      <details class="webhook-example">
        <summary>An example in Node.js</summary>
        <pre>
          <code>{EXAMPLE}</code>
        </pre>
      </details>
      <p class="hint">The full description is in the project's docs/WEBHOOKS.md, “Checking the signature”.</p>
    </section>
  );
}

const EXAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

/** True when a request really comes from Slotwise (rawBody: the body as received, a string). */
export function fromSlotwise(headers, rawBody, secret, toleranceSeconds = 300) {
  const timestamp = headers['x-slotwise-timestamp'] ?? '';
  const given = /^sha256=([0-9a-f]{64})$/.exec(headers['x-slotwise-signature'] ?? '')?.[1];
  if (!given || !/^\\d+$/.test(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(\`\${timestamp}.\${rawBody}\`, 'utf8').digest();
  return timingSafeEqual(Buffer.from(given, 'hex'), expected);
}`;
