/** Dashboard sign-in, accounts and API keys, as documented routes. */
import { z } from 'zod';
import { adminRoutes, json, type RouteDoc } from '../../openapi/route-doc.ts';
import { createApiKeyBody } from './api-keys-api.ts';
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

const apiKeyShape = z
  .object({
    id: z.string(),
    prefix: z.string(),
    label: z.string(),
    role: z.enum(['admin', 'staff']),
    staff: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

const session = adminRoutes('Sign-in');
const accounts = adminRoutes('Accounts (dashboard)');
const keys = adminRoutes('API keys');

export const API_KEY_ROUTES: readonly RouteDoc[] = [
  keys('get', '/api-keys', 'API keys (staff: their own)', {
    responses: { 200: json('the keys', z.object({ apiKeys: z.array(apiKeyShape) })) },
  }),
  keys('get', '/api-keys/:id', 'One API key (never the key itself)', {
    responses: { 200: json('the key', apiKeyShape) },
  }),
  keys('post', '/api-keys', 'Create an API key; the key is in this response only', {
    body: createApiKeyBody,
    responses: { 201: json('the new key', apiKeyShape.extend({ key: z.string() })) },
  }),
  keys('delete', '/api-keys/:id', 'Revoke an API key', {
    responses: { 200: json('the revoked key', apiKeyShape) },
  }),
];

export const ACCOUNT_ROUTES: readonly RouteDoc[] = [
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
];
