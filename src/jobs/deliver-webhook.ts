/**
 * Runs a `webhook.deliver` job: one signed POST of the event's body to one webhook (docs/WEBHOOKS.md).
 * Every attempt is logged in webhook_deliveries — written after the attempt and before failing it,
 * so a failure is logged too — and anything but a 2xx throws, so the worker retries with its
 * back-off (30 s, 1 min, 2 min, … at most 1 h, 10 tries). Redirects are not followed: a 3xx is a
 * failure, so a delivery never lands at an address the admin did not register. The connection
 * goes only to a public address unless ALLOW_PRIVATE_URLS=1 (guarded-fetch.ts), checked as it is
 * made: a refused one is logged as a failed attempt, with nothing sent.
 */
import { createHmac } from 'node:crypto';
import type { Webhook } from '../app/dashboard/webhooks/webhook-store.ts';
import type { ClaimedJob } from '../app/model.ts';
import type { Clock, OutboundPolicy, Store } from '../app/ports.ts';
import type { WebhookDeliveryJob } from '../app/webhook-events.ts';
import { guardedFetch } from './guarded-fetch.ts';

export interface WebhookJobDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** Where deliveries may go (ALLOW_PRIVATE_URLS) and how names resolve; the same rule as at save time. */
  readonly outbound: OutboundPolicy;
  /** The HTTP client; absent = guardedFetch(outbound): a fresh connection per attempt, to allowed addresses only. */
  readonly fetch?: typeof fetch;
  /** How long one attempt may take; absent = 10 s. */
  readonly webhookTimeoutMs?: number;
}

const TIMEOUT_MS = 10_000;

const MAX_ERROR = 500;

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the whole secret>`. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** Generic over the deps, as jobHandlers is: a wider object (a test harness's) may be handed as it is. */
export async function deliverWebhook<D extends WebhookJobDeps>(
  deps: D,
  job: WebhookDeliveryJob,
  claimed: ClaimedJob,
): Promise<void> {
  const webhook = await deps.store.getWebhook(job.webhookId);
  // Deleted, switched off or unsubscribed since the event: nothing to send. A ping goes regardless.
  if (!webhook) return;
  if (job.type !== 'ping' && (!webhook.active || !webhook.events.includes(job.type))) return;
  const started = performance.now();
  const outcome = await post(deps, webhook, job);
  await deps.store.recordWebhookDelivery({
    webhookId: webhook.id,
    event: job.type,
    eventId: job.eventId,
    attempt: claimed.attempts,
    statusCode: outcome.status,
    error: outcome.error === null ? null : outcome.error.slice(0, MAX_ERROR),
    durationMs: Math.round(performance.now() - started),
    deliveredAt: deps.clock.now(),
  });
  if (outcome.error !== null) throw new Error(`webhook ${webhook.id}: ${outcome.error}`);
}

type Outcome = { status: number | null; error: string | null };

async function post(deps: WebhookJobDeps, webhook: Webhook, job: WebhookDeliveryJob): Promise<Outcome> {
  const timestamp = Math.floor(deps.clock.now() / 1000);
  const timeout = deps.webhookTimeoutMs ?? TIMEOUT_MS;
  try {
    const response = await (deps.fetch ?? (await guardedFetch(deps.outbound)))(webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Slotwise-Webhooks/1',
        'x-slotwise-event': job.type,
        'x-slotwise-delivery': job.eventId,
        'x-slotwise-timestamp': String(timestamp),
        'x-slotwise-signature': webhookSignature(webhook.secret, timestamp, job.body),
      },
      body: job.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeout),
    });
    // The answer's body is not read: only the status counts, and the connection is freed now.
    await response.body?.cancel().catch(() => {});
    const { status } = response;
    if (status >= 200 && status < 300) return { status, error: null };
    return {
      status,
      error: status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}`,
    };
  } catch (error) {
    return { status: null, error: failure(error, timeout) };
  }
}

/** A network failure in words: fetch's "fetch failed" alone says nothing, its cause does. */
function failure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  return cause ? `${message}: ${cause}` : message;
}
