/**
 * The dashboard's JSON API under /api/v1/admin (API.md "Dashboard API"), one router per feature.
 * Every route sits behind requireApiActor; the use cases decide what the actor may see and do.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { imagesApi } from '../images/images-api.ts';
import { accountsApi } from './accounts/accounts-api.ts';
import { apiKeysApi } from './accounts/api-keys-api.ts';
import { sessionApi } from './accounts/session-api.ts';
import { type AdminEnv, requireApiActor } from './auth.ts';
import { bookingsApi } from './bookings/bookings-api.ts';
import { calendarsApi } from './calendars/calendars-api.ts';
import { servicesApi } from './catalogue/services-api.ts';
import { clientsApi } from './clients/clients-api.ts';
import { feedsApi } from './feeds/feeds-api.ts';
import { reportsApi } from './reports/reports-api.ts';
import { resourcesApi } from './resources/resources-api.ts';
import { settingsApi } from './settings/settings-api.ts';
import { scheduleApi } from './staff/schedule-api.ts';
import { sourcesApi } from './staff/sources-api.ts';
import { staffApi } from './staff/staff-api.ts';
import { waitlistAdminApi } from './waitlist/waitlist-api.ts';
import { webhooksApi } from './webhooks/webhooks-api.ts';

export function adminApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  // Signing in needs no credentials yet: mounted ahead of the guard (DELETE session has its own).
  api.route('/', sessionApi(deps));
  api.use('*', requireApiActor(deps));
  api.route('/bookings', bookingsApi(deps));
  // Every catalogue write reaches the public availability at once: the store drops its cached catalogue around each one.
  api.route('/services', servicesApi(deps));
  api.route('/staff', staffApi(deps));
  api.route('/staff', scheduleApi(deps));
  api.route('/staff', sourcesApi(deps));
  api.route('/staff', calendarsApi(deps));
  api.route('/resources', resourcesApi(deps));
  api.route('/settings', settingsApi(deps));
  api.route('/', accountsApi(deps));
  api.route('/', feedsApi(deps));
  api.route('/webhooks', webhooksApi(deps));
  api.route('/api-keys', apiKeysApi(deps));
  api.route('/', clientsApi(deps));
  api.route('/reports', reportsApi(deps));
  api.route('/waitlist', waitlistAdminApi(deps));
  api.route('/', imagesApi(deps));
  return api;
}
