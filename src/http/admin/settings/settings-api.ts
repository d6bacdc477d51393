/** Dashboard API: the business settings (admins only). The payment secret is never sent back. */
import { Hono } from 'hono';
import { getSettings } from '../../../app/dashboard/settings/get-settings.ts';
import { noShowReach } from '../../../app/dashboard/settings/no-show-reach.ts';
import { updateSettings } from '../../../app/dashboard/settings/update-settings.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import { readBody } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { presentSettings } from './present-settings.ts';
import { updateSettingsBody } from './settings-body.ts';

export function settingsApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.get('/', async (c) => {
    const r = await getSettings(deps, c.get('actor'));
    return r.ok ? c.json(presentSettings(r.value, await noShowReach(deps, r.value))) : sendRefusal(c, r);
  });
  api.patch('/', async (c) => {
    const input = await readBody(c, updateSettingsBody);
    if (!input.ok) return input.response;
    const r = await updateSettings(deps, c.get('actor'), input.value);
    return r.ok ? c.json(presentSettings(r.value, await noShowReach(deps, r.value))) : sendRefusal(c, r);
  });
  return api;
}
