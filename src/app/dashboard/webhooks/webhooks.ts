/**
 * Reading and deleting webhooks. Webhooks are a kind of resource staff may not touch at all
 * (API.md): every webhook use case answers FORBIDDEN to a staff member, whatever the id.
 */
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import type { Webhook } from './webhook-store.ts';

export async function listWebhooks(
  deps: { store: Pick<Store, 'listWebhooks'> },
  actor: Actor,
): Promise<Result<Webhook[]>> {
  return adminOnly(actor, 'see webhooks') ?? ok(await deps.store.listWebhooks());
}

export async function getWebhook(
  deps: { store: Pick<Store, 'getWebhook'> },
  actor: Actor,
  id: string,
): Promise<Result<Webhook>> {
  const forbidden = adminOnly(actor, 'see webhooks');
  if (forbidden) return forbidden;
  const webhook = await deps.store.getWebhook(id);
  return webhook ? ok(webhook) : refuse('NOT_FOUND', `No webhook ${id}.`);
}

/** Deletes a webhook and its delivery log; deliveries still queued for it are dropped when they run. */
export async function deleteWebhook(
  deps: { store: Pick<Store, 'deleteWebhook'> },
  actor: Actor,
  id: string,
): Promise<Result<null>> {
  const forbidden = adminOnly(actor, 'delete webhooks');
  if (forbidden) return forbidden;
  return (await deps.store.deleteWebhook(id)) ? ok(null) : refuse('NOT_FOUND', `No webhook ${id}.`);
}
