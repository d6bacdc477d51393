/** Dashboard API: API keys (GET list / GET {id} / POST / DELETE {id}). The key is shown once. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiKey } from '../../../app/dashboard/accounts/account-store.ts';
import { getApiKeyFor, listApiKeys, revokeApiKey } from '../../../app/dashboard/accounts/api-keys.ts';
import { createApiKey } from '../../../app/dashboard/accounts/create-api-key.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import { check, readJson, text } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';

export const createApiKeyBody = z.strictObject({
  role: z.enum(['admin', 'staff']),
  staff: z
    .string()
    .regex(/^\d{1,18}$/, 'a staff id')
    .optional(),
  label: text(100).optional(),
});

export function presentApiKey(k: ApiKey) {
  const at = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    id: k.id,
    prefix: k.prefix,
    label: k.label,
    role: k.role,
    staff: k.staffId,
    createdAt: at(k.createdAt),
    lastUsedAt: at(k.lastUsedAt),
    revokedAt: at(k.revokedAt),
  };
}

export function apiKeysApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.get('/', async (c) => c.json({ apiKeys: (await listApiKeys(deps, c.get('actor'))).map(presentApiKey) }));
  api.get('/:id', async (c) => {
    const r = await getApiKeyFor(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json(presentApiKey(r.value)) : sendRefusal(c, r);
  });
  api.post('/', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const input = check(c, createApiKeyBody, body.value.json);
    if (!input.ok) return input.response;
    const { role, staff, label } = input.value;
    const r = await createApiKey(deps, c.get('actor'), { role, staffId: staff ?? null, label: label ?? '' });
    return r.ok ? c.json({ ...presentApiKey(r.value.apiKey), key: r.value.key }, 201) : sendRefusal(c, r);
  });
  api.delete('/:id', async (c) => {
    const r = await revokeApiKey(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json(presentApiKey(r.value)) : sendRefusal(c, r);
  });
  return api;
}
