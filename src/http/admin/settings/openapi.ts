/** Dashboard business settings, as documented routes. */
import { settingsShape } from '../../openapi/admin-shapes.ts';
import { adminRoutes, ok, type RouteDoc } from '../../openapi/route-doc.ts';
import { updateSettingsBody } from './settings-body.ts';

const settings = adminRoutes('Settings (dashboard)');

export const SETTINGS_ROUTES: readonly RouteDoc[] = [
  settings('get', '/settings', 'Business settings (admins; the payment secret is never returned)', {
    responses: ok('the settings', settingsShape),
  }),
  settings('patch', '/settings', 'Change business settings (admins)', {
    body: updateSettingsBody,
    responses: ok('the settings', settingsShape),
  }),
];
