/**
 * Probes for a process manager or load balancer. `/healthz`: the process answers (liveness).
 * `/readyz`: it can serve — the database answers and its schema is current — and it is not
 * shutting down (readiness: send traffic here). Never cached; no detail beyond a short reason.
 */
import { Hono } from 'hono';
import type { AppDeps, Readiness } from './deps.ts';

const NO_STORE = { 'cache-control': 'no-store' };

/** Without a readiness check (tests, another host), ready means the store answers. */
async function storeAnswers(deps: Pick<AppDeps, 'store'>): Promise<Readiness> {
  try {
    await deps.store.getBusiness();
    return { ok: true };
  } catch {
    return { ok: false, reason: 'the database did not answer' };
  }
}

export function healthRoutes(deps: Pick<AppDeps, 'store' | 'health'>): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, NO_STORE));
  app.get('/readyz', async (c) => {
    const r = deps.health
      ? await deps.health.ready().catch((): Readiness => ({ ok: false, reason: 'the readiness check failed' }))
      : await storeAnswers(deps);
    return r.ok
      ? c.json({ status: 'ready' }, 200, NO_STORE)
      : c.json({ status: 'not_ready', reason: r.reason }, 503, NO_STORE);
  });
  return app;
}
