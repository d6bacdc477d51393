/**
 * Dashboard API: the catalogue — services, staff with their hours and days off, and the business
 * settings (mounted at /api/v1/admin/). Every write reaches the public availability at once: the
 * store drops its cached catalogue around each one.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import type { AdminEnv } from './auth.ts';
import { servicesApi } from './catalogue/services-api.ts';
import { settingsApi } from './settings/settings-api.ts';
import { scheduleApi } from './staff/schedule-api.ts';
import { staffApi } from './staff/staff-api.ts';

export function catalogApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.route('/services', servicesApi(deps));
  api.route('/staff', staffApi(deps));
  api.route('/staff', scheduleApi(deps));
  api.route('/settings', settingsApi(deps));
  return api;
}
