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

/** Serves the app; with `demo`, first loads the demo studio into an empty database. */
export async function startServer(
  rt: Runtime,
  opts: { demo: boolean; log: (line: string) => void; clock?: Clock },
): Promise<Served> {
  const clock = opts.clock ?? systemClock;
  let demoBookings: number | null = null;
  if (opts.demo && (await rt.store.isEmpty())) {
    demoBookings = await loadDemo({
      store: rt.store,
      clock,
      secret: rt.secret,
      publicUrl: rt.config.publicUrl,
    });
  }
  const app = createApp({
    store: rt.store,
    clock,
    secret: rt.secret,
    publicUrl: rt.config.publicUrl,
    monthViews: new ViewCache(),
    logError: (error, ctx) =>
      opts.log(`error ${ctx.method} ${ctx.path}: ${error instanceof Error ? error.stack : String(error)}`),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: rt.config.port, hostname: rt.config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : rt.config.port;
  const host = rt.config.host.includes(':') ? `[${rt.config.host}]` : rt.config.host;
  return {
    url: `http://${host}:${port}`,
    demoBookings,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open.
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
  };
}
