/**
 * Runs a `webhook.waitlist` job: the `waitlist.offered` event's body, built once from the offer as
 * it was made, and one `webhook.deliver` job per active webhook subscribed (as fan-out-webhook.ts
 * does for booking events).
 */
import type { ClaimedJob, JobSpec, WaitlistEventJob } from '../app/model.ts';
import { formatInstant } from '../core/index.ts';
import type { WebhookJobDeps } from './deliver-webhook.ts';

export async function fanOutWaitlistEvent(
  deps: WebhookJobDeps,
  event: WaitlistEventJob,
  job: ClaimedJob,
): Promise<void> {
  const webhooks = await deps.store.listWebhooksFor(event.type);
  if (webhooks.length === 0) return;
  const { timezone } = await deps.store.getBusiness();
  const o = event.offer;
  const body = JSON.stringify({
    id: event.eventId,
    type: event.type,
    createdAt: formatInstant(job.createdAt, timezone),
    data: {
      offer: {
        id: o.id,
        entryId: o.entryId,
        serviceId: o.serviceId,
        staffId: o.staffId,
        start: formatInstant(o.start, timezone),
        end: formatInstant(o.end, timezone),
        seats: o.seats,
        expiresAt: formatInstant(o.expiresAt, timezone),
      },
      client: event.client,
    },
  });
  const deliveries: JobSpec[] = webhooks.map((w) => ({
    kind: 'webhook.deliver',
    payload: { webhookId: w.id, eventId: event.eventId, type: event.type, body },
  }));
  await deps.store.enqueueJobs(deliveries, deps.clock.now());
}
