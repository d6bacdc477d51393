/**
 * Replaces a webhook's secret (admins only), e.g. after it leaked. Deliveries from now on, retries
 * of earlier events included, are signed with the new one; the old one stops working at once.
 */
import type { Clock, Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import { newWebhookSecret } from './create-webhook.ts';
import type { Webhook } from './webhook-store.ts';

export async function rotateWebhookSecret(
  deps: { store: Pick<Store, 'updateWebhook'>; clock: Clock },
  actor: Actor,
  id: string,
): Promise<Result<Webhook>> {
  const forbidden = adminOnly(actor, 'change webhooks');
  if (forbidden) return forbidden;
  const updated = await deps.store.updateWebhook(id, { secret: newWebhookSecret() }, deps.clock.now());
  return updated ? ok(updated) : refuse('NOT_FOUND', `No webhook ${id}.`);
}
