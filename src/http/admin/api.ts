/**
 * The dashboard's JSON API under /api/v1/admin (API.md "Dashboard API"). Every route sits behind
 * requireApiActor; the use cases decide what the actor may see and do.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { accountsApi } from './accounts/accounts-api.ts';
import { apiKeysApi } from './accounts/api-keys-api.ts';
import { sessionApi } from './accounts/session-api.ts';
import { type AdminEnv, requireApiActor } from './auth.ts';
import { bookingsApi } from './bookings/bookings-api.ts';
import { catalogApi } from './catalog-api.ts';
import { clientsApi } from './clients/clients-api.ts';
import { feedsApi } from './feeds/feeds-api.ts';
import { webhooksApi } from './webhooks/webhooks-api.ts';

export function adminApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  // Signing in needs no credentials yet: mounted ahead of the guard (DELETE session has its own).
  api.route('/', sessionApi(deps));
  api.use('*', requireApiActor(deps));
  api.route('/bookings', bookingsApi(deps));
  api.route('/', catalogApi(deps));
  api.route('/', accountsApi(deps));
  api.route('/', feedsApi(deps));
  api.route('/webhooks', webhooksApi(deps));
  api.route('/api-keys', apiKeysApi(deps));
  api.route('/', clientsApi(deps));
  return api;
}
