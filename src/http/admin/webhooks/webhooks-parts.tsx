/**
 * Pieces both webhook pages use: the webhook's fields (URL, events, description, active), what
 * each event means, and how a receiver checks the signature (docs/WEBHOOKS.md, shown inline: the
 * docs are not served by the app, and an admin needs this at the moment they copy the secret).
 */
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../app/webhook-events.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { Input } from '../form-kit/fields.tsx';
import type { FormErrors, WebhookFormValues } from './webhooks-input.ts';

/** Field name → label, for the error summary's links. */
export const webhookLabels = (t: DashboardMessages) => {
  const f = t.webhooks.fields;
  return { url: f.url, events: f.events, description: f.description };
};

export const NEW_WEBHOOK: WebhookFormValues = { url: '', events: [...WEBHOOK_EVENTS], description: '', active: true };

/** The four fields of a webhook, filled with `values`, with any errors beside them. */
export function WebhookFields(p: { values: WebhookFormValues; errors: FormErrors; t: DashboardMessages }) {
  const { values, errors, t } = p;
  const wh = t.webhooks;
  const labels = webhookLabels(t);
  const info = (event: WebhookEvent) => t.webhooks.events[event];
  return (
    <>
      <Input
        name="url"
        label={labels.url}
        type="url"
        value={values.url}
        required
        hint={wh.hints.url}
        error={errors.url}
      />
      <fieldset class="webhook-events" aria-describedby={errors.events ? 'e-events' : undefined}>
        <legend>{labels.events}</legend>
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
                <code>{event}</code> {wh.eventWhen(info(event))}
              </span>
            </label>
          </p>
        ))}
      </fieldset>
      <Input
        name="description"
        label={labels.description}
        value={values.description}
        hint={wh.hints.description}
        error={errors.description}
      />
      <p class="check webhook-active">
        <label>
          <input type="checkbox" name="active" id="f-active" checked={values.active} />
          <span>{wh.activeLabel}</span>
        </label>
      </p>
    </>
  );
}

/** How a receiver checks that a request comes from Slotwise (docs/WEBHOOKS.md, "Checking the signature"). */
export function SigningHelp({ t }: { t: DashboardMessages }) {
  const k = t.webhooks.signing;
  return (
    <section class="panel" id="verify" aria-labelledby="verify-title">
      <h2 id="verify-title">{k.title}</h2>
      <p>{k.intro}</p>
      <ul class="webhook-headers">
        <li>
          <code>X-Slotwise-Timestamp</code>
          {k.timestamp}
        </li>
        <li>
          <code>X-Slotwise-Signature: sha256=HMAC-SHA256(secret, "&lt;timestamp&gt;.&lt;body&gt;")</code>
          {k.signature}
          <code>whsec_…</code>
          {k.signatureEnd}
        </li>
        <li>
          <code>X-Slotwise-Event</code>
          {k.event} <code>X-Slotwise-Delivery</code>
          {k.delivery}
        </li>
      </ul>
      <p>{k.rules}</p>
      <details class="webhook-example">
        <summary>{k.example}</summary>
        <pre>
          <code>{EXAMPLE}</code>
        </pre>
      </details>
      <p class="hint">{k.docs}</p>
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
