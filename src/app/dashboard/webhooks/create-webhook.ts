/**
 * Registers a webhook (admins only): an http(s) URL of a public address (app/outbound-url.ts), the
 * events it wants, and a generated `whsec_…` secret (32 random bytes) that signs every delivery;
 * the admin copies it from here.
 */
import { outboundUrlRefusal } from '../../outbound-url.ts';
import type { Clock, OutboundPolicy, Store } from '../../ports.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { newSecret } from '../../tokens.ts';
import type { WebhookEvent } from '../../webhook-events.ts';
import { type Actor, adminOnly } from '../actor.ts';
import type { Webhook } from './webhook-store.ts';
import { webhookUrlProblem } from './webhook-url.ts';

export interface WebhookInput {
  readonly url: string;
  readonly events: readonly WebhookEvent[];
  readonly description?: string;
  readonly active?: boolean;
}

export const newWebhookSecret = (): string => newSecret('whsec_');

/** The events once each, in the order given; VALIDATION_FAILED for none. */
export function checkEvents(events: readonly WebhookEvent[]): Result<WebhookEvent[]> {
  const unique = [...new Set(events)];
  return unique.length > 0 ? ok(unique) : invalid('Choose at least one event.', { events: 'at least one event' });
}

export async function createWebhook(
  deps: { store: Pick<Store, 'createWebhook'>; clock: Clock; outbound: OutboundPolicy },
  actor: Actor,
  input: WebhookInput,
): Promise<Result<Webhook>> {
  const forbidden = adminOnly(actor, 'add webhooks');
  if (forbidden) return forbidden;
  const urlProblem = webhookUrlProblem(input.url);
  if (urlProblem) return invalid(`The URL must be ${urlProblem}.`, { url: urlProblem });
  const notAllowed = await outboundUrlRefusal(input.url, deps.outbound);
  if (notAllowed) return notAllowed;
  const events = checkEvents(input.events);
  if (!events.ok) return events;
  const webhook = await deps.store.createWebhook(
    {
      url: input.url,
      secret: newWebhookSecret(),
      events: events.value,
      active: input.active ?? true,
      description: input.description ?? '',
    },
    deps.clock.now(),
  );
  return ok(webhook);
}
