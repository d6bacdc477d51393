/**
 * Composition root: config → database → store → app → HTTP server. The only place that wires
 * adapters together; everything else receives its dependencies.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { RETENTION_TASK } from './app/clients/apply-retention.ts';
import { DEMO_GATEWAY_PATH, demoGatewayUrl } from './app/demo-gateway-url.ts';
import { isLocalUrl } from './app/local-site.ts';
import type { Backups, Clock, DevMailbox, Mailer, OutboundPolicy, Store } from './app/ports.ts';
import { ViewCache } from './app/view-cache.ts';
import { argon2Hasher } from './auth/argon2-hasher.ts';
import { type Config, MIN_SECRET_LENGTH } from './config.ts';
import { type NewSignIn, replaceDemoPasswords } from './demo/demo-accounts.ts';
import { loadDemo } from './demo/load-demo.ts';
import { createApp } from './http/app.ts';
import type { RequestLogEntry } from './http/request-log.ts';
import { sharpProcessor } from './images/sharp-processor.ts';
import { calendarFeeds } from './jobs/calendar-feeds.ts';
import { systemResolve } from './jobs/guarded-fetch.ts';
import { jobHandlers } from './jobs/handlers.ts';
import { createWorker, type Worker } from './jobs/worker.ts';
import { createLogger, type Logger } from './log.ts';
import { createDevOutboxMailer } from './mail/transports/dev-outbox.ts';
import { createSmtpMailer } from './mail/transports/smtp.ts';
import { listenForCatalogChanges } from './store/catalog-listener.ts';
import { createStore } from './store/create-store.ts';
import { DataDirError } from './store/data-dir-error.ts';
import { createDevMailbox } from './store/dev-mailbox.ts';
import { type WriteFs, writeFileDurably } from './store/durable-write.ts';
import { createJobQueue } from './store/jobs.ts';
import { type OpenedDatabase, openDatabase } from './store/open-database.ts';
import { ReadCache } from './store/read-cache.ts';
import { checkReadiness, type Readiness } from './store/readiness.ts';

export const systemClock: Clock = { now: () => Date.now() };

export interface Runtime {
  readonly config: Config;
  readonly database: OpenedDatabase;
  readonly store: Store;
  readonly secret: string;
  /** A PostgreSQL server other processes may write too: nothing read may be cached across requests. */
  readonly sharedDatabase: boolean;
  close(): Promise<void>;
}

/**
 * SLOTWISE_SECRET (config.ts checks it), or one generated once and kept in the data directory
 * (embedded mode; called while this process holds the directory's lock). It is written whole or
 * not at all, and a kept one that is empty or short (damaged, or edited by hand) stops the start:
 * links and codes signed with it would be guessable.
 */
export function resolveSecret(config: Config, fs?: WriteFs): string {
  if (config.secret) return config.secret;
  const file = join(config.dataDir, 'secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= MIN_SECRET_LENGTH) return kept;
    throw new DataDirError(
      `The secret file ${file} is ${kept === '' ? 'empty' : `too short (${kept.length} characters)`}: ` +
        `it must hold at least ${MIN_SECRET_LENGTH} characters. Restore it from a backup, or delete it to make a new ` +
        'one (links already sent in emails and open dashboard sessions then stop working), or set SLOTWISE_SECRET.',
    );
  }
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileDurably(file, `${secret}\n`, 0o600, fs);
  return secret;
}

/** Opens the database (migrating it) and builds the store. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const shared = config.databaseUrl !== null;
  const database = await openDatabase(
    config.databaseUrl !== null
      ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  // Embedded mode: this process alone writes the database (data-dir lock), so reads may be cached.
  // Server mode: other processes write the same database: busy time is always read from it, and
  // the catalogue is cached only while this process hears every change (catalog-listener.ts).
  const cache = shared ? new ReadCache({ busy: false, catalogLive: false }) : new ReadCache();
  const listener =
    config.databaseUrl !== null
      ? listenForCatalogChanges(config.databaseUrl, cache, (message, fields) =>
          createLogger({ level: config.logLevel }).warn({ component: 'catalog', ...fields }, message),
        )
      : null;
  await listener?.ready;
  const store = createStore(database.db, cache);
  // In server mode config.ts requires SLOTWISE_SECRET; embedded mode may generate one.
  let secret: string;
  try {
    secret = resolveSecret(config);
  } catch (error) {
    await listener?.close();
    await database.close();
    throw error;
  }
  return {
    config,
    database,
    store,
    secret,
    sharedDatabase: shared,
    async close() {
      await listener?.close();
      await database.close();
    },
  };
}

export interface Served {
  readonly url: string;
  readonly demoBookings: number | null;
  /** Where mail goes: "smtp" (MAIL_URL), the dev outbox at /dev/mailbox, or the outbox not served (the site is not local). */
  readonly mail: 'smtp' | 'dev-outbox' | 'dev-outbox-hidden';
  /** Whether the site is local (app/local-site.ts): the dev outbox, the demo gateway and the demo password only then. */
  readonly local: boolean;
  /** A demo that is not local: the accounts that were given a new password at this start (print once). */
  readonly newSignIns: readonly NewSignIn[];
  /** This process's job worker, as recorded in jobs.locked_by and jobs.done_by. */
  readonly workerId: string;
  /** What GET /readyz answers: the database answers, migrations are current, not shutting down. */
  ready(): Promise<Readiness>;
  /**
   * Graceful shutdown: /readyz answers 503, no new connection is accepted, requests in flight
   * finish (those still running after the grace period are cut off), the worker finishes the job
   * in hand and gives back its other claims, the mailer closes. The database stays open (the
   * caller owns the Runtime).
   */
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly demo: boolean;
  /** Structured logs (LOG_LEVEL); the default writes JSON lines to stderr at info. */
  readonly logger?: Logger;
  /** Instead of `logger` (tests): warnings and errors only, one JSON line each. */
  readonly log?: (line: string) => void;
  readonly clock?: Clock;
  /** How long shutdown waits for requests in flight and the job in hand (default 10 s). */
  readonly shutdownGraceMs?: number;
  /** Embedded database: time between checkpoints (default 10 min). */
  readonly checkpointEveryMs?: number;
}

const SHUTDOWN_GRACE_MS = 10_000;
const KEEP_ALIVE_MS = 65_000;

/** SMTP when MAIL_URL is set, else the dev outbox (kept in the database, shown at /dev/mailbox). */
async function mailTransport(
  rt: Runtime,
  clock: Clock,
): Promise<{ mailer: Mailer & { close?(): void }; devMailbox?: DevMailbox }> {
  if (rt.config.mailUrl) {
    // nodemailer itself loads with the first message (smtp.ts).
    return { mailer: createSmtpMailer({ url: rt.config.mailUrl, from: rt.config.mailFrom }) };
  }
  const devMailbox = createDevMailbox(rt.database.db);
  return { mailer: createDevOutboxMailer(devMailbox, clock), devMailbox };
}

/** Where admin-given URLs may point (ALLOW_PRIVATE_URLS), names resolved by the system: the app and the worker share it. */
function outboundPolicy(config: Config): OutboundPolicy {
  return { allowPrivate: config.allowPrivateUrls, resolve: systemResolve };
}

/** The job worker of this process: emails and reminders from the job table. */
function startWorker(
  rt: Runtime,
  mailer: Mailer,
  clock: Clock,
  publicUrl: string,
  logger: Logger,
  workerId: string,
  outbound: OutboundPolicy,
): Worker {
  const log = logger.child({ component: 'jobs', workerId });
  const worker = createWorker({
    queue: createJobQueue(rt.database.db),
    handlers: jobHandlers({ store: rt.store, mailer, clock, publicUrl, secret: rt.secret, outbound }),
    clock,
    workerId,
    leaseMs: rt.config.jobLeaseMs,
    pollMs: rt.config.jobPollMs,
    // External calendars due are fetched by one process each round (SPEC §8.3, CALENDAR_POLL_MINUTES).
    calendarPollMs: rt.config.calendarPollMs,
    log: (level, message, fields) => log[level](fields, message),
    // The daily clean-up: retention of clients' data and rows past their use (one process a day).
    tasks: [RETENTION_TASK],
  });
  worker.start();
  return worker;
}

/** Stops accepting connections and waits for the requests in flight, at most graceMs; false if some were cut off. */
async function closeHttp(server: Server, graceMs: number): Promise<boolean> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive sockets would hold close() open: close each as soon as its last response is out.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 25);
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([
    closed.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    }),
  ]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (!inTime) {
    server.closeAllConnections();
    await closed;
  }
  return inTime;
}

/** The request log: one line per request; the probes at debug, as a load balancer asks every few seconds. */
function requestLogger(logger: Logger): (entry: RequestLogEntry) => void {
  return ({ requestId, method, path, status, durationMs }) => {
    const fields = { reqId: requestId, method, path, status, ms: durationMs };
    if (path === '/healthz' || path === '/readyz') logger.debug(fields, 'request');
    else logger.info(fields, 'request');
  };
}

/** The embedded database's snapshots for GET /api/v1/admin/backup; none in server mode (pg_dump). */
function backupsOf(rt: Runtime): { backups?: Backups } {
  const snapshot = rt.database.db.snapshot;
  return snapshot ? { backups: { snapshot } } : {};
}

const CHECKPOINT_EVERY_MS = 10 * 60_000;

/**
 * A local demo takes payments through its stand-in gateway on this server: set up on first
 * start, and pointed at this start's address when the port or PUBLIC_URL changed. A business
 * whose payment URL is a real gateway is left alone.
 */
async function pointDemoGateway(rt: Runtime, publicUrl: string, justLoaded: boolean): Promise<void> {
  const business = await rt.store.getBusiness();
  const url = demoGatewayUrl(publicUrl);
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
export async function startServer(rt: Runtime, opts: ServeOptions): Promise<Served> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log;
  const logger =
    opts.logger ?? (log ? createLogger({ level: 'warn', write: log }) : createLogger({ level: rt.config.logLevel }));
  const graceMs = opts.shutdownGraceMs ?? SHUTDOWN_GRACE_MS;
  let handler: ((request: Request) => Response | Promise<Response>) | null = null;
  let draining = false;
  const server = await new Promise<Server>((resolve, reject) => {
    const unavailable = () => new Response('Starting…', { status: 503, headers: { 'retry-after': '1' } });
    const s = serve(
      {
        fetch: async (request) => {
          const response = await (handler ? handler(request) : unavailable());
          // Shutting down: tell keep-alive clients not to send another request on this connection.
          if (draining) {
            try {
              response.headers.set('connection', 'close');
            } catch {
              // Immutable headers: the connection is closed once idle all the same.
            }
          }
          return response;
        },
        port: rt.config.port,
        hostname: rt.config.host,
      },
      () => resolve(s as Server),
    );
    s.once('error', reject);
  });
  // Node closes an idle keep-alive connection after 5 s, sooner than a load balancer's idle
  // timeout (often 60 s) or a person's pause between clicks: a request sent on a connection the
  // server is just closing fails with ECONNRESET. Outlive the balancer instead.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : rt.config.port;
  const host = rt.config.host.includes(':') ? `[${rt.config.host}]` : rt.config.host;
  const publicUrl = rt.config.publicUrlSet ? rt.config.publicUrl : `http://${host}:${port}`;

  const workerId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let worker: Worker | null = null;
  const { mailer, devMailbox } = await mailTransport(rt, clock);
  // One rule for what must not be reachable from elsewhere: the dev outbox (every email, manage
  // links included), the demo's stand-in gateway and the demo's public password.
  const local = isLocalUrl(publicUrl);
  const outboxServed = devMailbox !== undefined && local;
  if (devMailbox && !outboxServed) {
    logger.warn(
      { publicUrl },
      'MAIL_URL is not set: emails are kept in the database and NOT sent; /dev/mailbox is off because this site is not local (PUBLIC_URL, or HOST without it, is not a loopback address)',
    );
  }
  const ready = async (): Promise<Readiness> =>
    draining ? { ok: false, reason: 'shutting down' } : checkReadiness(rt.database.db);
  let closing: Promise<void> | null = null;
  // The embedded database has no background checkpointer (decision 017): without one its WAL
  // grows for as long as the process runs and a crash replays all of it.
  const checkpoints = rt.sharedDatabase
    ? null
    : setInterval(() => {
        rt.database.db.exec('CHECKPOINT').catch((error) => logger.warn({ err: error }, 'checkpoint failed'));
      }, opts.checkpointEveryMs ?? CHECKPOINT_EVERY_MS);
  checkpoints?.unref();
  const close = () => {
    closing ??= (async () => {
      draining = true;
      if (checkpoints) clearInterval(checkpoints);
      const started = Date.now();
      const [inTime] = await Promise.all([closeHttp(server, graceMs), worker?.stop(graceMs)]);
      if (!inTime) logger.warn({ graceMs }, 'requests still running at shutdown were cut off');
      mailer.close?.();
      logger.info({ ms: Date.now() - started }, 'stopped serving');
    })();
    return closing;
  };

  let demoBookings: number | null = null;
  let newSignIns: NewSignIn[] = [];
  try {
    if (opts.demo && (await rt.store.isEmpty())) {
      // Several processes started with --demo on one empty server database: the first loads the
      // demo under the set-up lock, the others wait for it and then find the database not empty.
      demoBookings = await rt.store.transaction(async (tx) => {
        await tx.lockSetup();
        return (await tx.isEmpty())
          ? loadDemo({ store: tx, clock, secret: rt.secret, publicUrl, images: sharpProcessor() })
          : null;
      });
    }
    if (opts.demo && local) await pointDemoGateway(rt, publicUrl, demoBookings !== null);
    if (!local) {
      // Before the first request is served: on a site others can reach, the public password must
      // not work — also for a data directory that once held the demo, started now without --demo.
      newSignIns = await replaceDemoPasswords({ store: rt.store, clock }, argon2Hasher);
      if (opts.demo || newSignIns.length > 0) {
        logger.warn(
          { publicUrl },
          'this demo is not local: the demo gateway and /dev/mailbox are off, and demo accounts get new passwords',
        );
      }
    }
  } catch (error) {
    await close(); // a bound socket would keep the process alive
    throw error;
  }
  const outbound = outboundPolicy(rt.config);
  const app = createApp({
    outbound,
    calendarFeeds: calendarFeeds(outbound),
    calendarPollMs: rt.config.calendarPollMs,
    store: rt.store,
    clock,
    secret: rt.secret,
    publicUrl,
    frameAncestors: rt.config.frameAncestors,
    ...(rt.sharedDatabase ? {} : { monthViews: new ViewCache() }),
    demoGateway: local,
    ...(devMailbox && outboxServed ? { devMailbox } : {}),
    jobsQueued: () => worker?.nudge(),
    logError: (error, ctx) =>
      logger.error({ err: error, reqId: ctx.requestId, method: ctx.method, path: ctx.path }, 'request failed'),
    logRequest: requestLogger(logger),
    health: { ready },
    rateLimits: rt.config.rateLimits,
    trustProxy: rt.config.trustProxy,
    ...backupsOf(rt),
  });
  handler = app.fetch;
  worker = startWorker(rt, mailer, clock, publicUrl, logger, workerId, outbound);
  const url = `http://${host}:${port}`;
  logger.info({ url, workerId, database: rt.sharedDatabase ? 'postgres' : 'embedded' }, 'serving');
  return {
    url,
    demoBookings,
    mail: devMailbox ? (outboxServed ? 'dev-outbox' : 'dev-outbox-hidden') : 'smtp',
    local,
    newSignIns,
    workerId,
    ready,
    close,
  };
}
