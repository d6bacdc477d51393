/**
 * Composition root: config → database → store → app → HTTP server. The only place that wires
 * adapters together; everything else receives its dependencies.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Clock, Store } from './app/ports.ts';
import { ViewCache } from './app/view-cache.ts';
import type { Config } from './config.ts';
import { loadDemo } from './demo/load-demo.ts';
import { createApp } from './http/app.ts';
import { createStore } from './store/create-store.ts';
import { type OpenedDatabase, openDatabase } from './store/open-database.ts';
import { ReadCache } from './store/read-cache.ts';

export const systemClock: Clock = { now: () => Date.now() };

export interface Runtime {
  readonly config: Config;
  readonly database: OpenedDatabase;
  readonly store: Store;
  readonly secret: string;
  close(): Promise<void>;
}

/** SLOTWISE_SECRET, or one generated once and kept in the data directory (embedded mode). */
function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  const file = join(config.dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Opens the database (migrating it) and builds the store. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const database = await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  // Embedded mode: this process alone writes the database (data-dir lock), so reads may be cached.
  const store = createStore(database.db, new ReadCache());
  return { config, database, store, secret: resolveSecret(config), close: () => database.close() };
}

export interface Served {
  readonly url: string;
  readonly demoBookings: number | null;
  close(): Promise<void>;
}

const DEMO_GATEWAY_PATH = '/demo/gateway';

/**
 * The demo takes payments through its stand-in gateway on this server: set up on first start,
 * and pointed at this start's address when the port or PUBLIC_URL changed. A business whose
 * payment URL is a real gateway is left alone.
 */
async function pointDemoGateway(rt: Runtime, publicUrl: string, justLoaded: boolean): Promise<void> {
  const business = await rt.store.getBusiness();
  const url = `${publicUrl}${DEMO_GATEWAY_PATH}`;
  const isDemoGateway = business.paymentUrl === null ? justLoaded : business.paymentUrl.endsWith(DEMO_GATEWAY_PATH);
  if (!isDemoGateway || (business.paymentUrl === url && business.paymentSecret)) return;
  await rt.store.applySetup(
    { business: { paymentUrl: url, paymentSecret: business.paymentSecret ?? randomBytes(24).toString('base64url') } },
    async (p) => p,
  );
}

/**
 * Serves the app; with `demo`, first loads the demo studio into an empty database. The socket is
 * bound first, so links (PUBLIC_URL unset) carry the real port, also with `--port 0`.
 */
export async function startServer(
  rt: Runtime,
  opts: { demo: boolean; log: (line: string) => void; clock?: Clock },
): Promise<Served> {
  const clock = opts.clock ?? systemClock;
  let handler: ((request: Request) => Response | Promise<Response>) | null = null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const unavailable = () => new Response('Starting…', { status: 503, headers: { 'retry-after': '1' } });
    const s = serve(
      {
        fetch: (request) => (handler ? handler(request) : unavailable()),
        port: rt.config.port,
        hostname: rt.config.host,
      },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : rt.config.port;
  const host = rt.config.host.includes(':') ? `[${rt.config.host}]` : rt.config.host;
  const publicUrl = rt.config.publicUrlSet ? rt.config.publicUrl : `http://${host}:${port}`;

  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Idle keep-alive sockets would hold close() open.
      (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    });

  let demoBookings: number | null = null;
  try {
    if (opts.demo && (await rt.store.isEmpty())) {
      demoBookings = await loadDemo({ store: rt.store, clock, secret: rt.secret, publicUrl });
    }
    if (opts.demo) await pointDemoGateway(rt, publicUrl, demoBookings !== null);
  } catch (error) {
    await close(); // a bound socket would keep the process alive
    throw error;
  }
  const app = createApp({
    store: rt.store,
    clock,
    secret: rt.secret,
    publicUrl,
    monthViews: new ViewCache(),
    demoGateway: opts.demo,
    logError: (error, ctx) =>
      opts.log(`error ${ctx.method} ${ctx.path}: ${error instanceof Error ? error.stack : String(error)}`),
  });
  handler = app.fetch;
  return { url: `http://${host}:${port}`, demoBookings, close };
}
