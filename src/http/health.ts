/**
 * Probes for a process manager or load balancer. `/healthz`: the process answers (liveness).
 * `/readyz`: it can serve — the database answers and its schema is current — and it is not
 * shutting down (readiness: send traffic here). Never cached; no detail beyond a short reason.
 */
import { Hono } from 'hono';
import { getBusiness } from '../app/get-business.ts';
import type { AppDeps, Readiness } from './deps.ts';

const NO_STORE = { 'cache-control': 'no-store' };

/** Without a readiness check (tests, another host), ready means the business can be read. */
async function businessReadable(deps: AppDeps): Promise<Readiness> {
  try {
    await getBusiness(deps);
    return { ok: true };
  } catch {
    return { ok: false, reason: 'the database did not answer' };
  }
}

export function healthRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, NO_STORE));
  app.get('/readyz', async (c) => {
    const r = deps.health
      ? await deps.health.ready().catch((): Readiness => ({ ok: false, reason: 'the readiness check failed' }))
      : await businessReadable(deps);
    return r.ok
      ? c.json({ status: 'ready' }, 200, NO_STORE)
      : c.json({ status: 'not_ready', reason: r.reason }, 503, NO_STORE);
  });
  return app;
}
