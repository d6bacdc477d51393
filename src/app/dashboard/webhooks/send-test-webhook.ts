/**
 * "Send a test event" (admins only): queues a `ping` to one webhook, through the same delivery job,
 * signature and log as real events. It goes out even while the webhook is inactive, so an endpoint
 * can be checked before it is switched on.
 */
import { formatInstant } from '../../../core/index.ts';
import type { Clock, Store } from '../../ports.ts';
import { ok, type Result } from '../../result.ts';
import { newEventId } from '../../webhook-events.ts';
import type { Actor } from '../actor.ts';
import { getWebhook } from './webhooks.ts';

export async function sendTestWebhook(
  deps: { store: Pick<Store, 'enqueueJobs' | 'getBusiness' | 'getWebhook'>; clock: Clock },
  actor: Actor,
  id: string,
): Promise<Result<{ eventId: string }>> {
  const found = await getWebhook(deps, actor, id);
  if (!found.ok) return found;
  const now = deps.clock.now();
  const { timezone } = await deps.store.getBusiness();
  const eventId = newEventId();
  const body = JSON.stringify({
    id: eventId,
    type: 'ping',
    createdAt: formatInstant(now, timezone),
    data: { webhook: { id: found.value.id, url: found.value.url } },
  });
  await deps.store.enqueueJobs(
    [{ kind: 'webhook.deliver', payload: { webhookId: found.value.id, eventId, type: 'ping', body } }],
    now,
  );
  return ok({ eventId });
}
