/**
 * Webhooks and their delivery log in SQL (the WebhookStore port), plus the staff calendar feeds
 * (feeds.ts). None of it is held by the read cache, so no write here invalidates anything.
 */
import type { Webhook, WebhookDelivery, WebhookStore } from '../app/dashboard/webhooks/webhook-store.ts';
import type { WebhookEvent } from '../app/webhook-events.ts';
import { feedStore } from './feeds.ts';
import { mergeParts } from './merge-parts.ts';
import type { ReadCache } from './read-cache.ts';
import { iso, ms } from './rows.ts';
import type { Row, Sql } from './sql.ts';

const ID = /^\d{1,18}$/;
const COLUMNS = 'id, url, secret, events, active, description, created_at, updated_at';

function toWebhook(r: Row): Webhook {
  return {
    id: String(r.id),
    url: String(r.url),
    secret: String(r.secret),
    events: r.events as WebhookEvent[],
    active: Boolean(r.active),
    description: String(r.description),
    createdAt: ms(r.created_at),
    updatedAt: ms(r.updated_at),
  };
}

function toDelivery(r: Row): WebhookDelivery {
  return {
    id: String(r.id),
    webhookId: String(r.webhook_id),
    event: String(r.event) as WebhookDelivery['event'],
    eventId: String(r.event_id),
    attempt: Number(r.attempt),
    statusCode: r.status_code === null ? null : Number(r.status_code),
    error: r.error === null ? null : String(r.error),
    durationMs: Number(r.duration_ms),
    deliveredAt: ms(r.delivered_at),
  };
}

export function webhookStore(
  sql: Sql,
  _cache: ReadCache | undefined,
  _invalidate: (fn: () => void) => void,
): WebhookStore {
  // Merged with Object.assign: a transaction's store builds this too (merge-parts.ts).
  const hooks = {
    async listWebhooks() {
      return (await sql.query(`SELECT ${COLUMNS} FROM webhooks ORDER BY id`)).map(toWebhook);
    },
    async getWebhook(id) {
      if (!ID.test(id)) return null;
      const [r] = await sql.query(`SELECT ${COLUMNS} FROM webhooks WHERE id = $1`, [id]);
      return r ? toWebhook(r) : null;
    },
    async listWebhooksFor(event) {
      const rows = await sql.query(`SELECT ${COLUMNS} FROM webhooks WHERE active AND $1 = ANY (events) ORDER BY id`, [
        event,
      ]);
      return rows.map(toWebhook);
    },
    async createWebhook(w, now) {
      const [r] = await sql.query(
        `INSERT INTO webhooks (url, secret, events, active, description, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
        [w.url, w.secret, w.events, w.active, w.description, iso(now)],
      );
      if (!r) throw new Error('INSERT … RETURNING gave no row');
      return toWebhook(r);
    },
    async updateWebhook(id, c, now) {
      if (!ID.test(id)) return null;
      const [r] = await sql.query(
        `UPDATE webhooks SET url = COALESCE($2, url), secret = COALESCE($3, secret),
           events = COALESCE($4::text[], events), active = COALESCE($5, active),
           description = COALESCE($6, description), updated_at = $7
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, c.url ?? null, c.secret ?? null, c.events ?? null, c.active ?? null, c.description ?? null, iso(now)],
      );
      return r ? toWebhook(r) : null;
    },
    async deleteWebhook(id) {
      if (!ID.test(id)) return false;
      return (await sql.query('DELETE FROM webhooks WHERE id = $1 RETURNING id', [id])).length > 0;
    },
    async recordWebhookDelivery(d) {
      // The webhook may have been deleted while the attempt ran: then there is no log to add to.
      await sql.query(
        `INSERT INTO webhook_deliveries (webhook_id, event, event_id, attempt, status_code, error, duration_ms, delivered_at)
         SELECT id, $2, $3, $4, $5, $6, $7, $8 FROM webhooks WHERE id = $1`,
        [d.webhookId, d.event, d.eventId, d.attempt, d.statusCode, d.error, d.durationMs, iso(d.deliveredAt)],
      );
    },
    async listWebhookDeliveries(webhookId, page) {
      if (!ID.test(webhookId) || (page.before !== null && !ID.test(page.before))) return [];
      const rows = await sql.query(
        `SELECT * FROM webhook_deliveries WHERE webhook_id = $1 AND ($2::bigint IS NULL OR id < $2)
         ORDER BY id DESC LIMIT $3`,
        [webhookId, page.before, page.limit],
      );
      return rows.map(toDelivery);
    },
  } satisfies Partial<WebhookStore>;
  return mergeParts(feedStore(sql), hooks);
}
