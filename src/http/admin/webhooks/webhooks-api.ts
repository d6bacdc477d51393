/**
 * Dashboard API: webhooks (admins only; a staff member gets 403 on every route). The secret is in
 * the answers to GET /{id}, POST and rotate-secret, not in the list. Signing: docs/WEBHOOKS.md.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { createWebhook } from '../../../app/dashboard/webhooks/create-webhook.ts';
import { rotateWebhookSecret } from '../../../app/dashboard/webhooks/rotate-webhook-secret.ts';
import { sendTestWebhook } from '../../../app/dashboard/webhooks/send-test-webhook.ts';
import { updateWebhook } from '../../../app/dashboard/webhooks/update-webhook.ts';
import { listWebhookDeliveries } from '../../../app/dashboard/webhooks/webhook-deliveries.ts';
import type { Webhook, WebhookDelivery } from '../../../app/dashboard/webhooks/webhook-store.ts';
import { MAX_WEBHOOK_URL, webhookUrlProblem } from '../../../app/dashboard/webhooks/webhook-url.ts';
import { deleteWebhook, getWebhook, listWebhooks } from '../../../app/dashboard/webhooks/webhooks.ts';
import { getBusiness } from '../../../app/get-business.ts';
import type { Result } from '../../../app/result.ts';
import { WEBHOOK_EVENTS } from '../../../app/webhook-events.ts';
import { formatInstant } from '../../../core/index.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import { check, readJson, text } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';

const url = z
  .string()
  .trim()
  .max(MAX_WEBHOOK_URL)
  .refine((u) => webhookUrlProblem(u) === null, 'an http or https URL, e.g. https://example.com/hooks/slotwise');

export const createWebhookBody = z.strictObject({
  url,
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'at least one event').max(10),
  description: text(200).optional(),
  active: z.boolean().optional(),
});

export const updateWebhookBody = createWebhookBody.partial();

export const deliveriesQuery = z.strictObject({
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'a cursor from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export function presentWebhook(w: Webhook, zone: string, opts: { secret: boolean }) {
  return {
    id: w.id,
    url: w.url,
    events: w.events,
    description: w.description,
    active: w.active,
    createdAt: formatInstant(w.createdAt, zone),
    updatedAt: formatInstant(w.updatedAt, zone),
    ...(opts.secret ? { secret: w.secret } : {}),
  };
}

export function presentDelivery(d: WebhookDelivery, zone: string) {
  return {
    id: d.id,
    event: d.event,
    eventId: d.eventId,
    attempt: d.attempt,
    ok: d.error === null,
    statusCode: d.statusCode,
    error: d.error,
    durationMs: d.durationMs,
    deliveredAt: formatInstant(d.deliveredAt, zone),
  };
}

export function webhooksApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  const zone = async () => (await getBusiness(deps)).timezone;
  const answer = async (c: Context<AdminEnv>, r: Result<Webhook>, status: 200 | 201) =>
    r.ok ? c.json(presentWebhook(r.value, await zone(), { secret: true }), status) : sendRefusal(c, r);

  api.get('/', async (c) => {
    const r = await listWebhooks(deps, c.get('actor'));
    if (!r.ok) return sendRefusal(c, r);
    const z = await zone();
    return c.json({ webhooks: r.value.map((w) => presentWebhook(w, z, { secret: false })) });
  });
  api.get('/:id', async (c) => answer(c, await getWebhook(deps, c.get('actor'), c.req.param('id')), 200));
  api.post('/', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const input = check(c, createWebhookBody, body.value.json);
    if (!input.ok) return input.response;
    return answer(c, await createWebhook(deps, c.get('actor'), input.value), 201);
  });
  api.patch('/:id', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const input = check(c, updateWebhookBody, body.value.json);
    if (!input.ok) return input.response;
    return answer(c, await updateWebhook(deps, c.get('actor'), c.req.param('id'), input.value), 200);
  });
  api.delete('/:id', async (c) => {
    const r = await deleteWebhook(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.body(null, 204) : sendRefusal(c, r);
  });
  api.post('/:id/rotate-secret', async (c) =>
    answer(c, await rotateWebhookSecret(deps, c.get('actor'), c.req.param('id')), 200),
  );
  api.get('/:id/deliveries', async (c) => {
    const query = check(c, deliveriesQuery, c.req.query());
    if (!query.ok) return query.response;
    const r = await listWebhookDeliveries(deps, c.get('actor'), {
      webhookId: c.req.param('id'),
      cursor: query.value.cursor ?? null,
      limit: query.value.limit ?? 50,
    });
    if (!r.ok) return sendRefusal(c, r);
    const z = await zone();
    return c.json({ deliveries: r.value.deliveries.map((d) => presentDelivery(d, z)), nextCursor: r.value.nextCursor });
  });
  api.post('/:id/test', async (c) => {
    const r = await sendTestWebhook(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json({ eventId: r.value.eventId, type: 'ping' }, 202) : sendRefusal(c, r);
  });
  return api;
}
