/** Dashboard webhooks, as documented routes. */
import { z } from 'zod';
import { adminRoutes, json, type RouteDoc } from '../../openapi/route-doc.ts';
import { createWebhookBody, deliveriesQuery, updateWebhookBody } from './webhooks-api.ts';

const webhookShape = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    description: z.string(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    secret: z.string().optional().meta({ description: 'on single-webhook answers only' }),
  })
  .meta({ id: 'Webhook' });

const deliveryShape = z.object({
  id: z.string(),
  event: z.string(),
  eventId: z.string(),
  attempt: z.number().int(),
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  deliveredAt: z.string(),
});

const URL_RULE =
  'The URL must point at a public internet address: a literal IP (in any spelling) or a host name that resolves to ' +
  'a private, loopback, link-local or other non-public address answers 400 URL_NOT_ALLOWED (details.fields.url), ' +
  'unless the server runs with ALLOW_PRIVATE_URLS=1. Deliveries check the address they connect to again.';

const webhooks = adminRoutes('Webhooks (dashboard)');

export const WEBHOOK_ROUTES: readonly RouteDoc[] = [
  webhooks('get', '/webhooks', 'Webhooks (admins; secrets left out)', {
    responses: { 200: json('the webhooks', z.object({ webhooks: z.array(webhookShape) })) },
  }),
  webhooks('get', '/webhooks/:id', 'One webhook with its signing secret', {
    responses: { 200: json('the webhook', webhookShape) },
  }),
  webhooks('post', '/webhooks', 'Add a webhook; its whsec_ secret is generated', {
    description: URL_RULE,
    body: createWebhookBody,
    responses: { 201: json('the webhook', webhookShape) },
  }),
  webhooks('patch', '/webhooks/:id', 'Change a webhook', {
    description: URL_RULE,
    body: updateWebhookBody,
    responses: { 200: json('the webhook', webhookShape) },
  }),
  webhooks('delete', '/webhooks/:id', 'Remove a webhook', { responses: { 204: { description: 'removed' } } }),
  webhooks('post', '/webhooks/:id/rotate-secret', 'Replace the signing secret', {
    responses: { 200: json('the webhook with its new secret', webhookShape) },
  }),
  webhooks('get', '/webhooks/:id/deliveries', 'The delivery log, newest first', {
    query: deliveriesQuery,
    responses: {
      200: json(
        'a page of attempts',
        z.object({ deliveries: z.array(deliveryShape), nextCursor: z.string().nullable() }),
      ),
    },
  }),
  webhooks('post', '/webhooks/:id/test', 'Send a ping event', {
    responses: { 202: json('queued', z.object({ eventId: z.string(), type: z.literal('ping') })) },
  }),
];
