/**
 * Dashboard API: clients' data (SPEC §11, admins only; staff get 403) — find clients, export
 * everything stored about one, erase one — and the embedded database's backup, streamed while the
 * server runs (the file `slotwise restore` reads).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { downloadBackup } from '../../../app/clients/download-backup.ts';
import { eraseClient } from '../../../app/clients/erase-client-data.ts';
import { exportClient } from '../../../app/clients/export-client-data.ts';
import { findClients } from '../../../app/clients/find-clients.ts';
import { getBusiness } from '../../../app/get-business.ts';
import type { AppDeps } from '../../deps.ts';
import { sendRefusal } from '../../errors.ts';
import { check, readJson, text } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { presentClient, presentClientData, presentErased } from './present-client-data.ts';

export const clientsQuery = z.strictObject({
  q: text(200).optional().meta({ description: 'part of a name, email or phone (case-insensitive)' }),
});
/** Erasing takes no options: an empty body, no body, or `{}`. */
export const eraseBody = z.strictObject({});

export function clientsApi(deps: AppDeps): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  const zone = async () => (await getBusiness(deps)).timezone;

  api.get('/clients', async (c) => {
    const q = check(c, clientsQuery, c.req.query());
    if (!q.ok) return q.response;
    const r = await findClients(deps, c.get('actor'), { q: q.value.q || null });
    if (!r.ok) return sendRefusal(c, r);
    const z = await zone();
    return c.json({ clients: r.value.map((client) => presentClient(client, z)) });
  });

  api.get('/clients/:id/export', async (c) => {
    const r = await exportClient(deps, c.get('actor'), c.req.param('id'));
    if (!r.ok) return sendRefusal(c, r);
    c.header('Cache-Control', 'no-store');
    return c.json(presentClientData(r.value, await zone(), deps.clock.now()));
  });

  api.post('/clients/:id/erase', async (c) => {
    const body = await readJson(c, { emptyIs: {} });
    if (!body.ok) return body.response;
    const input = check(c, eraseBody, body.value.json);
    if (!input.ok) return input.response;
    const r = await eraseClient(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.json(presentErased(r.value.email, r.value.erased)) : sendRefusal(c, r);
  });

  api.get('/backup', async (c) => {
    const r = await downloadBackup(deps, c.get('actor'));
    if (!r.ok) return sendRefusal(c, r);
    const day = new Date(deps.clock.now()).toISOString().slice(0, 10);
    return new Response(r.value.stream(), {
      headers: {
        'content-type': 'application/gzip',
        'content-length': String(r.value.size),
        'content-disposition': `attachment; filename="slotwise-backup-${day}.tar.gz"`,
        'cache-control': 'no-store',
      },
    });
  });

  return api;
}
