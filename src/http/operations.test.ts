/**
 * The operations surface of createApp: /healthz and /readyz, request ids, and the request log —
 * which never holds a manage token or a query string.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../../test/support/clock.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { testOutbound } from '../../test/support/outbound.ts';
import { STUDIO, STUDIO_NOW } from '../../test/support/studio.ts';
import type { Store } from '../app/ports.ts';
import { type AppDeps, createApp } from './app.ts';
import type { RequestLogEntry } from './request-log.ts';

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await openTestDatabase();
  await tdb.store.applySetup(STUDIO, async (p) => p);
});
afterAll(async () => {
  await tdb.close();
});

function app(extra: Partial<AppDeps> = {}) {
  const logged: RequestLogEntry[] = [];
  const errors: { error: unknown; context: unknown }[] = [];
  const a = createApp({
    store: tdb.store,
    clock: testClock(STUDIO_NOW),
    secret: 'x'.repeat(40),
    publicUrl: 'http://127.0.0.1:3000',
    logError: (error, context) => errors.push({ error, context }),
    logRequest: (entry) => logged.push(entry),
    ...extra,
    outbound: extra.outbound ?? testOutbound(),
  });
  return { app: a, logged, errors };
}

/** A store whose every call fails, as when the database is gone. */
const brokenStore = new Proxy({} as Store, {
  get: () => () => Promise.reject(new Error('connection refused')),
});

describe('/healthz and /readyz', () => {
  it('/healthz answers 200 {status: "ok"} whenever the process is up, never cached', async () => {
    const res = await app({ store: brokenStore }).app.request('/healthz');
    expect([res.status, await res.json(), res.headers.get('cache-control')]).toEqual([
      200,
      { status: 'ok' },
      'no-store',
    ]);
  });

  it('/readyz follows the readiness check: 200 ready, else 503 with its reason', async () => {
    const ready = await app({ health: { ready: async () => ({ ok: true }) } }).app.request('/readyz');
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    const draining = await app({ health: { ready: async () => ({ ok: false, reason: 'shutting down' }) } }).app.request(
      '/readyz',
    );
    expect([draining.status, await draining.json()]).toEqual([503, { status: 'not_ready', reason: 'shutting down' }]);
    const thrown = await app({ health: { ready: () => Promise.reject(new Error('x')) } }).app.request('/readyz');
    expect([thrown.status, await thrown.json()]).toEqual([
      503,
      { status: 'not_ready', reason: 'the readiness check failed' },
    ]);
  });

  it('/readyz without a readiness check: ready only when the store answers', async () => {
    expect((await app().app.request('/readyz')).status).toBe(200);
    const res = await app({ store: brokenStore }).app.request('/readyz');
    expect([res.status, await res.json()]).toEqual([
      503,
      { status: 'not_ready', reason: 'the database did not answer' },
    ]);
  });
});

describe('request ids and the request log', () => {
  it('echoes a sane X-Request-Id and logs one entry per request under it', async () => {
    const { app: a, logged } = app();
    const res = await a.request('/api/v1/services?lang=fr', { headers: { 'x-request-id': 'lb-4f2a:77' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('lb-4f2a:77');
    expect(logged).toEqual([
      { requestId: 'lb-4f2a:77', method: 'GET', path: '/api/v1/services', status: 200, durationMs: expect.any(Number) },
    ]);
  });

  it('says in Server-Timing how long the app took, the duration the log has (also on a 404)', async () => {
    const { app: a, logged } = app();
    for (const path of ['/api/v1/services', '/no-such-page']) {
      const res = await a.request(path);
      const dur = /^app;dur=(\d+\.\d\d)$/.exec(res.headers.get('server-timing') ?? '')?.[1];
      expect(dur, path).toBeDefined();
      expect(Math.abs(Number(dur) - (logged.at(-1)?.durationMs ?? -1))).toBeLessThanOrEqual(0.051);
    }
  });

  it.each([
    ['too long', 'a'.repeat(101)],
    ['with spaces', 'two words'],
    ['with a percent sign', 'a%0Ab'],
    ['empty', ''],
  ])('replaces an X-Request-Id %s with a fresh UUID', async (_, id) => {
    const { app: a, logged } = app();
    const res = await a.request('/healthz', { headers: { 'x-request-id': id } });
    const echoed = res.headers.get('x-request-id');
    expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(logged.map((e) => e.requestId)).toEqual([echoed]);
  });

  it.each([
    ['/manage/Zm9vYmFyYmF6cXV4cXV1eHh5encxMjM0NTY3ODkwYWI', '/manage/:token'],
    ['/manage/Zm9vYmFyYmF6cXV4cXV1eHh5encxMjM0NTY3ODkwYWI/cancel', '/manage/:token/cancel'],
    ['/api/v1/manage/Zm9vYmFyYmF6cXV4cXV1eHh5encxMjM0NTY3ODkwYWI', '/api/v1/manage/:token'],
    ['/api/v1/manage/Zm9vYmFyYmF6cXV4cXV1eHh5encxMjM0NTY3ODkwYWI/calendar.ics', '/api/v1/manage/:token/calendar.ics'],
    ['/feeds/Zm9vYmFyYmF6cXV4cXV1eHh5encxMjM0NTY3ODkwYWI.ics', '/feeds/:token'],
    ['/admin/password/Zm9vYmFyYmF6cXV4cXV1eHh5encxMjM0NTY3ODkwYWI', '/admin/password/:token'],
  ])('never logs a token in a path: %s is logged as %s', async (path, shown) => {
    const { app: a, logged } = app();
    await a.request(path);
    expect(logged.map((e) => e.path)).toEqual([shown]);
  });

  it('an unexpected error reaches logError with the request id and no token; the client sees a bare 500', async () => {
    const { app: a, errors, logged } = app({ store: brokenStore });
    const res = await a.request('/api/v1/manage/Zm9vYmFyYmF6cXV4cXV1eHh5encxMjM0NTY3ODkwYWI', {
      headers: { 'x-request-id': 'req-1' },
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('x-request-id')).toBe('req-1');
    expect(errors.map((e) => e.context)).toEqual([
      { method: 'GET', path: '/api/v1/manage/:token', requestId: 'req-1' },
    ]);
    expect(logged.map((e) => [e.path, e.status])).toEqual([['/api/v1/manage/:token', 500]]);
  });
});
