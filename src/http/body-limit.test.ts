/**
 * The body limit behind @hono/node-server, as the server runs it: refused over the limit whether
 * the size is declared or streamed, and a declared body read without node-server building a full
 * web Request (a ReadableStream and an AbortSignal per request, ~0.1 ms of a booking).
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitBody } from './body-limit.ts';
import { MAX_BODY_BYTES } from './validation.ts';

/** Whether node-server built its full Request for this one (its lightweight request's cache). */
function fullRequestBuilt(raw: Request): boolean {
  const cache = Object.getOwnPropertySymbols(raw).find((s) => s.description === 'requestCache');
  return cache !== undefined && (raw as unknown as Record<symbol, unknown>)[cache] !== undefined;
}

let server: ReturnType<typeof serve>;
let port = 0;

beforeAll(async () => {
  const app = new Hono();
  app.use(
    '*',
    limitBody((c) => c.text('too large', 413)),
  );
  app.post('/echo', async (c) => {
    const bytes = (await c.req.arrayBuffer()).byteLength;
    return c.json({ bytes, full: fullRequestBuilt(c.req.raw) });
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      port = info.port;
      resolve();
    });
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** POSTs `body` in one piece with its Content-Length, or in chunks without one. */
function post(body: string, chunked: boolean): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/echo',
        method: 'POST',
        headers: chunked ? {} : { 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', (e) => (chunked && (e as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(e)));
    if (chunked) {
      for (let i = 0; i < body.length; i += 8192) req.write(body.slice(i, i + 8192));
      req.end();
    } else req.end(body);
  });
}

describe('limitBody behind @hono/node-server', () => {
  it('reads a declared body of exactly the limit without building a full web Request', async () => {
    const r = await post('x'.repeat(MAX_BODY_BYTES), false);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ bytes: MAX_BODY_BYTES, full: false });
  });

  it('refuses a declared body one byte over the limit with 413', async () => {
    expect(await post('x'.repeat(MAX_BODY_BYTES + 1), false)).toEqual({ status: 413, text: 'too large' });
  });

  it('streams a chunked body: read at the limit, refused one byte over it', async () => {
    const ok = await post('x'.repeat(MAX_BODY_BYTES), true);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).bytes).toBe(MAX_BODY_BYTES);
    expect(await post('x'.repeat(MAX_BODY_BYTES + 1), true)).toEqual({ status: 413, text: 'too large' });
  });
});
