/**
 * Graceful shutdown of the HTTP server (main.ts startServer → close()), in-process: a request in
 * flight when shutdown starts still gets its answer, with `Connection: close`; no new connection
 * is accepted; readiness turns to "shutting down" at once; close() waits for the requests in
 * flight, at most the grace period, then cuts the rest off. The slow request is made by a store
 * whose listServices waits for the test (no test hook in the product).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../src/app/ports.ts';
import { loadConfig } from '../src/config.ts';
import { openRuntime, type Runtime, startServer } from '../src/main.ts';
import { STUDIO } from './support/studio.ts';
import { seedDataDir } from './support/templates.ts';

let dir: string;
let rt: Runtime;

beforeAll(async () => {
  dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-shutdown-')));
  const config = loadConfig({ SLOTWISE_DATA_DIR: dir, PORT: '0' });
  if (!config.ok) throw new Error(config.problems.join('\n'));
  rt = await openRuntime(config.config);
  await rt.store.applySetup(STUDIO, async (p) => p);
}, 60_000);

afterAll(async () => {
  await rt?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The runtime with a store whose listServices (GET /api/v1/services) waits until released. */
function gated() {
  let entered: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => {
    entered = resolve;
  });
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const store: Store = {
    ...rt.store,
    listServices: async (...args) => {
      entered();
      await gate;
      return rt.store.listServices(...args);
    },
  };
  return { runtime: { ...rt, store }, inFlight, release };
}

/** Sends raw HTTP/1.1 on one connection and collects everything until the server closes it. */
function rawConnection(port: number) {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (d) => {
    received += d.toString();
  });
  const ended = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  socket.on('error', () => {});
  return { send: (path: string) => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`), ended };
}

const portOf = (url: string) => Number(new URL(url).port);

it('a request in flight at shutdown gets its answer; new connections are refused; not ready meanwhile', async () => {
  const { runtime, inFlight, release } = gated();
  const lines: string[] = [];
  const served = await startServer(runtime, { demo: false, log: (l) => lines.push(l) });
  expect((await fetch(`${served.url}/readyz`)).status).toBe(200);

  const conn = rawConnection(portOf(served.url));
  conn.send('/api/v1/services');
  await inFlight;
  let closed = false;
  const closing = served.close().then(() => {
    closed = true;
  });
  expect(await served.ready()).toEqual({ ok: false, reason: 'shutting down' });
  await expect(fetch(`${served.url}/healthz`)).rejects.toThrow();
  expect(closed).toBe(false); // still waiting for the request in flight
  release();
  const raw = await conn.ended;
  await closing;

  expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
  expect(raw).toContain('"slug":"portrait"');
  expect(raw.toLowerCase()).toContain('\r\nconnection: close\r\n'); // keep-alive clients must not send another
  expect(lines).toEqual([]);
});

it('a request still running after the grace period is cut off, and close() returns', async () => {
  const { runtime, inFlight } = gated(); // never released
  const lines: string[] = [];
  const served = await startServer(runtime, { demo: false, log: (l) => lines.push(l), shutdownGraceMs: 200 });
  const stuck = fetch(`${served.url}/api/v1/services`);
  await inFlight;
  const started = Date.now();
  await served.close();
  expect(Date.now() - started).toBeLessThan(5000);
  await expect(stuck).rejects.toThrow();
  expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['requests still running at shutdown were cut off']);
});
