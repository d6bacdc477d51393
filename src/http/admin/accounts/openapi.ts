/** Dashboard sign-in, accounts, webhooks and calendar feeds, as documented routes. */
import { z } from 'zod';
import { adminRoutes, type RouteDoc } from '../../openapi/route-doc.ts';
import { createWebhookBody, deliveriesQuery, updateWebhookBody } from '../webhooks/webhooks-api.ts';
import { signInBody } from './session-api.ts';

const userShape = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'staff']),
    staff: z.string().nullable(),
    hasPassword: z.boolean(),
  })
  .meta({ id: 'User' });

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

const session = adminRoutes('Sign-in');
const accounts = adminRoutes('Accounts (dashboard)');
const webhooks = adminRoutes('Webhooks (dashboard)');
const feeds = adminRoutes('Calendar feeds (dashboard)');
const json = (description: string, schema: z.ZodType) => ({ description, schema });

export const ADMIN_OTHER_ROUTES: readonly RouteDoc[] = [
  adminRoutes('Sign-in', 'public')('post', '/session', 'Sign in: sets the session cookie; answers the CSRF token', {
    body: signInBody,
    responses: { 201: json('signed in', z.object({ csrfToken: z.string(), user: userShape })) },
  }),
  session('delete', '/session', 'Sign this session out (cookie and X-CSRF-Token)', {
    responses: { 204: { description: 'signed out' } },
  }),
  accounts('get', '/me', 'Who is calling', {
    responses: {
      200: json(
        'the caller',
        z.object({
          role: z.enum(['admin', 'staff']),
          staff: z.string().nullable(),
          user: userShape.nullable(),
          apiKey: z.string().nullable(),
        }),
      ),
    },
  }),
  accounts('get', '/users', 'Dashboard accounts (staff: their own)', {
    responses: { 200: json('the accounts', z.object({ users: z.array(userShape) })) },
  }),
  accounts('post', '/staff/:id/invite', 'Invite a staff member to the dashboard by email (admins)', {
    responses: {
      200: json('a new invitation to an existing account', z.object({ user: userShape })),
      201: json('the new account', z.object({ user: userShape })),
    },
  }),
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
  feeds('get', '/staff/:id/feed', 'Whether the member has a calendar feed (its URL is shown only once)', {
    responses: { 200: json('the feed', z.object({ active: z.boolean() })) },
  }),
  feeds('post', '/staff/:id/feed', 'A new private iCalendar feed URL (the old one stops working)', {
    responses: { 201: json('the URL, shown once', z.object({ url: z.string() })) },
  }),
  feeds('delete', '/staff/:id/feed', 'Revoke the feed', { responses: { 204: { description: 'revoked' } } }),
];
