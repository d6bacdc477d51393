/** The dashboard routes of API.md (/api/v1/admin/…), each feature's documented beside its API. */
import { ACCOUNT_ROUTES, API_KEY_ROUTES } from '../admin/accounts/openapi.ts';
import { ADMIN_BOOKING_ROUTES } from '../admin/bookings/openapi.ts';
import { CALENDAR_ROUTES } from '../admin/calendars/openapi.ts';
import { SERVICE_ROUTES } from '../admin/catalogue/openapi.ts';
import { FEED_ROUTES } from '../admin/feeds/openapi.ts';
import { REPORT_ROUTES } from '../admin/reports/openapi.ts';
import { RESOURCE_ROUTES } from '../admin/resources/openapi.ts';
import { SETTINGS_ROUTES } from '../admin/settings/openapi.ts';
import { STAFF_ROUTES } from '../admin/staff/openapi.ts';
import { STAFF_SOURCE_ROUTES } from '../admin/staff/sources-openapi.ts';
import { WAITLIST_ROUTES } from '../admin/waitlist/openapi.ts';
import { WEBHOOK_ROUTES } from '../admin/webhooks/openapi.ts';
import { IMAGE_ROUTES } from '../images/openapi.ts';
import type { RouteDoc } from './route-doc.ts';

export const ADMIN_ROUTES: readonly RouteDoc[] = [
  ...ADMIN_BOOKING_ROUTES,
  ...SERVICE_ROUTES,
  ...STAFF_ROUTES,
  ...STAFF_SOURCE_ROUTES,
  ...CALENDAR_ROUTES,
  ...RESOURCE_ROUTES,
  ...WAITLIST_ROUTES,
  ...SETTINGS_ROUTES,
  ...API_KEY_ROUTES,
  ...ACCOUNT_ROUTES,
  ...WEBHOOK_ROUTES,
  ...FEED_ROUTES,
  ...REPORT_ROUTES,
  ...IMAGE_ROUTES,
];
