/** A webhook's delivery log (admins only): one entry per attempt, newest first, a page at a time. */
import type { Store } from '../../ports.ts';
import { ok, type Result } from '../../result.ts';
import type { Actor } from '../actor.ts';
import type { WebhookDelivery } from './webhook-store.ts';
import { getWebhook } from './webhooks.ts';

export interface DeliveryPage {
  readonly deliveries: WebhookDelivery[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  readonly nextCursor: string | null;
}

export async function listWebhookDeliveries(
  deps: { store: Pick<Store, 'getWebhook' | 'listWebhookDeliveries'> },
  actor: Actor,
  input: { webhookId: string; cursor: string | null; limit: number },
): Promise<Result<DeliveryPage>> {
  const found = await getWebhook(deps, actor, input.webhookId);
  if (!found.ok) return found;
  // One more than asked tells whether an older page exists.
  const rows = await deps.store.listWebhookDeliveries(input.webhookId, {
    before: input.cursor,
    limit: input.limit + 1,
  });
  const deliveries = rows.slice(0, input.limit);
  const last = deliveries.at(-1);
  return ok({ deliveries, nextCursor: rows.length > input.limit && last ? last.id : null });
}
