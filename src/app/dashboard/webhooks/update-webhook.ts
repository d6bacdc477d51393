/** Changes a webhook (admins only): its URL, events, description, or whether it is active. */
import { outboundUrlRefusal } from '../../outbound-url.ts';
import type { Clock, OutboundPolicy, Store } from '../../ports.ts';
import { invalid, ok, type Result, refuse } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import { checkEvents, type WebhookInput } from './create-webhook.ts';
import type { Webhook, WebhookChange } from './webhook-store.ts';
import { webhookUrlProblem } from './webhook-url.ts';

export async function updateWebhook(
  deps: { store: Pick<Store, 'updateWebhook'>; clock: Clock; outbound: OutboundPolicy },
  actor: Actor,
  id: string,
  input: Partial<WebhookInput>,
): Promise<Result<Webhook>> {
  const forbidden = adminOnly(actor, 'change webhooks');
  if (forbidden) return forbidden;
  const urlProblem = input.url === undefined ? null : webhookUrlProblem(input.url);
  if (urlProblem) return invalid(`The URL must be ${urlProblem}.`, { url: urlProblem });
  const notAllowed = input.url === undefined ? null : await outboundUrlRefusal(input.url, deps.outbound);
  if (notAllowed) return notAllowed;
  const events = input.events === undefined ? null : checkEvents(input.events);
  if (events && !events.ok) return events;
  const change: WebhookChange = {
    ...(input.url === undefined ? {} : { url: input.url }),
    ...(events ? { events: events.value } : {}),
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.active === undefined ? {} : { active: input.active }),
  };
  const updated = await deps.store.updateWebhook(id, change, deps.clock.now());
  return updated ? ok(updated) : refuse('NOT_FOUND', `No webhook ${id}.`);
}
