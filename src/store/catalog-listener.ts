/**
 * Server mode: one dedicated connection LISTENs on `slotwise_catalog` (migration 008: triggers on
 * every catalogue table notify at commit) and drops this process's cached catalogue on each
 * notification, so a change made through any process — or by hand in psql — is seen by all.
 *
 * While the connection is down, changes could go unheard: the cache then keeps nothing (every
 * read goes to the database) until LISTEN works again, retried with back-off. The window between
 * another process's commit and this notification arriving is milliseconds; bookings never depend
 * on it, because the database's exclusion constraint decides overlaps, not the cache.
 */
import type pg from 'pg';
import type { ReadCache } from './read-cache.ts';

export const CATALOG_CHANNEL = 'slotwise_catalog';

export interface CatalogListener {
  /** Resolves once listening (or after the first failed try: the cache then stays off). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export function listenForCatalogChanges(
  url: string,
  cache: ReadCache,
  log: (message: string, fields: Record<string, unknown>) => void = () => {},
): CatalogListener {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let delay = 500;
  let firstTry: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    firstTry = resolve;
  });

  const lost = (error: unknown) => {
    if (closed) return;
    cache.setCatalogLive(false);
    client?.removeAllListeners();
    client?.end().catch(() => {});
    client = null;
    log('catalogue listener lost; reading the catalogue from the database until it is back', {
      error: error instanceof Error ? error.message : String(error),
      retryInMs: delay,
    });
    retry = setTimeout(connect, delay);
    retry.unref();
    delay = Math.min(delay * 2, 30_000);
  };

  const connect = async () => {
    retry = null;
    // Loaded on first use (server mode only), not at start-up.
    const { default: pgModule } = await import('pg');
    if (closed) return firstTry(); // closed while the driver loaded: connect nothing
    // A connect that hangs (a loaded or unreachable server) fails after 5 s and is retried, instead
    // of leaving the cache off for good; keep-alive finds a connection the network dropped silently.
    const c = new pgModule.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    client = c;
    c.on('error', lost);
    c.on('end', () => lost(new Error('connection ended')));
    c.on('notification', (n) => {
      if (n.channel === CATALOG_CHANNEL) cache.invalidateCatalog();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CATALOG_CHANNEL}`);
      if (closed) return;
      // Anything cached before now may predate a change we did not hear: start clean.
      cache.setCatalogLive(true);
      // A loss was logged: its end is too, so the two read as one episode.
      if (delay > 500) log('catalogue listener back; the catalogue is cached again', {});
      delay = 500;
    } catch (error) {
      if (client === c) lost(error);
    } finally {
      firstTry();
    }
  };

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      cache.setCatalogLive(false);
      const c = client;
      client = null;
      c?.removeAllListeners();
      await c?.end().catch(() => {});
    },
  };
}
