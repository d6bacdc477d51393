/** webhooks in SQL (the WebhookStore port). */
import type { WebhookStore } from '../app/dashboard/webhook-store.ts';
import type { ReadCache } from './read-cache.ts';
import type { Sql } from './sql.ts';

/** `invalidate` drops cached reads after a write (and again once the transaction has ended). */
export function webhookStore(
  _sql: Sql,
  _cache: ReadCache | undefined,
  _invalidate: (fn: () => void) => void,
): WebhookStore {
  return {};
}
