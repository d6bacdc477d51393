/**
 * Runs a `webhook.event` job: builds the event's body once — the booking as API.md's Booking, as
 * it was when the change happened (the snapshot in the job, its allowances at the job's
 * created_at), with the ledger entry for `payment.unapplied` — and queues one `webhook.deliver` job per active webhook subscribed to the event,
 * so each endpoint is tried, timed out and retried on its own.
 */

import type { ClaimedJob, JobSpec } from '../app/model.ts';
import { presentBooking } from '../app/presenters/booking.ts';
import { presentPayment } from '../app/presenters/payment.ts';
import type { WebhookEventJob } from '../app/webhook-events.ts';
import { formatInstant } from '../core/index.ts';
import type { WebhookJobDeps } from './deliver-webhook.ts';

export async function fanOutWebhookEvent(deps: WebhookJobDeps, event: WebhookEventJob, job: ClaimedJob): Promise<void> {
  const webhooks = await deps.store.listWebhooksFor(event.type);
  if (webhooks.length === 0) return;
  const [business, service] = await Promise.all([
    deps.store.getBusiness(),
    deps.store.findService(event.booking.serviceId),
  ]);
  const body = JSON.stringify({
    id: event.eventId,
    type: event.type,
    createdAt: formatInstant(job.createdAt, business.timezone),
    data: {
      booking: presentBooking({ booking: event.booking, service, business }, job.createdAt),
      ...(event.payment ? { payment: presentPayment(event.payment, business.timezone) } : {}),
    },
  });
  const deliveries: JobSpec[] = webhooks.map((w) => ({
    kind: 'webhook.deliver',
    payload: { webhookId: w.id, eventId: event.eventId, type: event.type, body },
  }));
  await deps.store.enqueueJobs(deliveries, deps.clock.now());
}
