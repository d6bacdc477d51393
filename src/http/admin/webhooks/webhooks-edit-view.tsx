/**
 * /admin/webhooks/:id: change the webhook, see (and rotate) its signing secret, send a test event,
 * read the delivery log, delete it. Every button is a small form of its own, so it all works
 * without script; each form carries the CSRF token.
 */
import type { Webhook } from '../../../app/dashboard/webhooks/webhook-store.ts';
import { ErrorSummary, Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import type { FormErrors, WebhookFormValues } from './webhooks-input.ts';
import { ActiveBadge } from './webhooks-list-view.tsx';
import { DeliveryLog, type DeliveryLogView } from './webhooks-log-view.tsx';
import { SigningHelp, WEBHOOK_LABELS, WebhookFields } from './webhooks-parts.tsx';

export interface WebhookEditView {
  readonly csrf: string;
  readonly webhook: Webhook;
  readonly notice?: string | undefined;
  /** Open the secret (just made or rotated). */
  readonly showSecret: boolean;
  readonly values: WebhookFormValues;
  readonly errors: FormErrors;
  readonly log: DeliveryLogView;
  readonly created: string;
}

export function WebhookEditContent(v: WebhookEditView) {
  const w = v.webhook;
  const action = `/admin/webhooks/${w.id}`;
  return (
    <>
      <p class="crumbs">
        <a href="/admin/webhooks">Webhooks</a> › this webhook
      </p>
      <h1>Webhook {w.description ? `“${w.description}”` : `to ${hostOf(w.url)}`}</h1>
      <Notice text={v.notice} />
      {/* At the top, not by the form further down: a refused save must be seen at once. */}
      <ErrorSummary errors={v.errors} labels={WEBHOOK_LABELS} title="Could not save the webhook" />
      <p class="webhook-summary">
        <code class="webhook-url">{w.url}</code> <ActiveBadge active={w.active} />{' '}
        <span class="muted">Added {v.created}.</span>
      </p>

      <section class="panel" aria-labelledby="secret-title">
        <h2 id="secret-title">Signing secret</h2>
        <p>
          Your receiver uses this secret to check that a request comes from Slotwise:{' '}
          <a href="#verify">how to check the signature</a>. Keep it out of code repositories and logs.
        </p>
        <details class="webhook-secret" open={v.showSecret}>
          <summary>Show the secret</summary>
          <code class="secret">{w.secret}</code>
        </details>
        <form method="post" action={`${action}/rotate`}>
          <Csrf token={v.csrf} />
          <p id="rotate-warning">
            Rotating makes a new secret at once: the current one stops signing straight away (retries of earlier events
            too), so put the new one in your receiver right after.
          </p>
          <button type="submit" class="secondary" aria-describedby="rotate-warning">
            Rotate secret
          </button>
        </form>
      </section>

      <section class="panel" aria-labelledby="test-title">
        <h2 id="test-title">Send a test event</h2>
        <form method="post" action={`${action}/test`}>
          <Csrf token={v.csrf} />
          <p id="test-help">
            Sends a signed <code>ping</code> event to the URL (even while the webhook is off), through the same queue,
            signature and delivery log as booking events. It shows in the log below within a few seconds.
          </p>
          <button type="submit" class="primary" aria-describedby="test-help">
            Send a test event
          </button>
        </form>
      </section>

      <DeliveryLog {...v.log} />

      <section class="panel" aria-labelledby="edit-title">
        <h2 id="edit-title">Change the webhook</h2>
        <form method="post" action={action} novalidate>
          <Csrf token={v.csrf} />
          <WebhookFields values={v.values} errors={v.errors} />
          <p class="actions">
            <button type="submit" class="primary">
              Save changes
            </button>
          </p>
        </form>
      </section>

      <SigningHelp />

      <section class="panel danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete the webhook</h2>
        <form method="post" action={`${action}/delete`}>
          <Csrf token={v.csrf} />
          <p id="delete-warning">
            Deleting stops every delivery to this URL at once, drops the ones waiting for a retry, and removes the
            delivery log. To pause deliveries instead, untick “Active” above.
          </p>
          <button type="submit" class="danger" aria-describedby="delete-warning">
            Delete webhook
          </button>
        </form>
      </section>
    </>
  );
}

/** "example.com" from a stored URL (valid by the use case's rule; the whole URL if not). */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
