/**
 * CPU of a POST with a small JSON body behind @hono/node-server: Hono's bodyLimit (which reads
 * the request's body stream, so node-server builds a full web Request with a ReadableStream and
 * an AbortSignal) against our limitBody (the limit from Content-Length, the body read directly).
 * Server and client share this process: the client's part is the same for both, so the
 * difference is the server's. Alternating rounds, medians.
 *
 *   node --import tsx bench/body-limit-cpu.ts
 */
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { limitBody } from '../src/http/body-limit.ts';
import { MAX_BODY_BYTES } from '../src/http/validation.ts';
import { median } from './figures.ts';

const ROUNDS = 8;
const N = 3000;
const body = JSON.stringify({
  service: 'portrait',
  staff: 'any',
  start: '2027-03-29T09:00:00+02:00',
  client: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+33 6 12 34 56 78' },
  notes: 'x'.repeat(200),
  wantsReminder: true,
});

function start(limit: MiddlewareHandler): Promise<{ port: number; close: () => void }> {
  const app = new Hono();
  app.use('*', limit);
  app.post('/b', async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }));
  return new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ port: info.port, close: () => s.close() }),
    );
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const post = (port: number) =>
  new Promise<void>((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = httpRequest({ host: '127.0.0.1', port, path: '/b', method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end(body);
  });

const servers = {
  'hono bodyLimit': await start(bodyLimit({ maxSize: MAX_BODY_BYTES })),
  limitBody: await start(limitBody((c) => c.text('too large', 413))),
};
type Side = keyof typeof servers;
const cpu: Record<Side, number[]> = { 'hono bodyLimit': [], limitBody: [] };
for (let round = 0; round < ROUNDS; round++) {
  const order: Side[] = round % 2 === 0 ? ['hono bodyLimit', 'limitBody'] : ['limitBody', 'hono bodyLimit'];
  for (const side of order) {
    for (let i = 0; i < 300; i++) await post(servers[side].port);
    const before = process.cpuUsage();
    for (let i = 0; i < N; i++) await post(servers[side].port);
    const used = process.cpuUsage(before);
    cpu[side].push((used.user + used.system) / N);
  }
}
for (const side of Object.keys(cpu) as Side[]) {
  const list = cpu[side];
  console.log(
    `${side.padEnd(15)} CPU µs per request (server + client): median ${median(list).toFixed(0)} (${list.map((x) => x.toFixed(0)).join('/')})`,
  );
}
for (const s of Object.values(servers)) s.close();
agent.destroy();
