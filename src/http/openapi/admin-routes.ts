/** The dashboard routes of API.md (/api/v1/admin/…), as documented routes. */
import { z } from 'zod';
import { createApiKeyBody } from '../admin/accounts/api-keys-api.ts';
import { ADMIN_OTHER_ROUTES } from '../admin/accounts/openapi.ts';
import { ADMIN_BOOKING_ROUTES } from '../admin/bookings/openapi.ts';
import { ADMIN_CATALOG_ROUTES } from '../admin/catalogue/openapi.ts';
import type { RouteDoc } from './route-doc.ts';

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

const KEYS: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/admin/api-keys',
    tag: 'API keys',
    auth: 'dashboard',
    summary: 'API keys (staff: their own)',
    responses: { 200: { description: 'the keys', schema: z.object({ apiKeys: z.array(apiKeyShape) }) } },
  },
  {
    method: 'get',
    path: '/api/v1/admin/api-keys/:id',
    tag: 'API keys',
    auth: 'dashboard',
    summary: 'One API key (never the key itself)',
    responses: { 200: { description: 'the key', schema: apiKeyShape } },
  },
  {
    method: 'post',
    path: '/api/v1/admin/api-keys',
    tag: 'API keys',
    auth: 'dashboard',
    summary: 'Create an API key; the key is in this response only',
    body: createApiKeyBody,
    responses: { 201: { description: 'the new key', schema: apiKeyShape.extend({ key: z.string() }) } },
  },
  {
    method: 'delete',
    path: '/api/v1/admin/api-keys/:id',
    tag: 'API keys',
    auth: 'dashboard',
    summary: 'Revoke an API key',
    responses: { 200: { description: 'the revoked key', schema: apiKeyShape } },
  },
];

export const ADMIN_ROUTES: readonly RouteDoc[] = [
  ...ADMIN_BOOKING_ROUTES,
  ...ADMIN_CATALOG_ROUTES,
  ...KEYS,
  ...ADMIN_OTHER_ROUTES,
];
