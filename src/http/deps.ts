/** What createApp needs; main.ts builds it, tests build their own. */
import type { MonthAvailability } from '../app/get-month-availability.ts';
import type { ImageProcessor } from '../app/images/image-processor.ts';
import type { Backups, CalendarFeeds, Clock, DevMailbox, OutboundPolicy, PasswordHasher, Store } from '../app/ports.ts';
import type { RateLimits } from '../app/rate-limits.ts';
import type { ViewCache } from '../app/view-cache.ts';
import type { RequestLogEntry } from './request-log.ts';

/** Whether this process should get traffic; reason says why not (a short sentence, no secrets). */
export type Readiness = { ok: true } | { ok: false; reason: string };

export interface AppDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** SLOTWISE_SECRET. */
  readonly secret: string;
  /** Base URL for links (payment return, emails), without a trailing slash; https turns on HSTS. */
  readonly publicUrl: string;
  /**
   * Which addresses admin-given URLs (webhooks) may point at: main.ts gives ALLOW_PRIVATE_URLS and
   * the system's resolver; tests give a resolver that answers from a table, never the network.
   */
  readonly outbound: OutboundPolicy;
  /**
   * Reads external busy calendars (SPEC §8.3) when one is added, changed or refreshed from the
   * dashboard: main.ts gives jobs/calendar-feeds.ts over `outbound`. Absent: left to the worker.
   */
  readonly calendarFeeds?: CalendarFeeds;
  /** CALENDAR_POLL_MINUTES in ms (null = off); absent = the default, 10 minutes. */
  readonly calendarPollMs?: number | null;
  /** Who may frame the public pages (FRAME_ANCESTORS, CSP source expressions); absent = 'self'. The dashboard: nobody. */
  readonly frameAncestors?: readonly string[];
  /** Month views kept while provably current (embedded mode); absent = always computed. */
  readonly monthViews?: ViewCache<MonthAvailability>;
  /**
   * Mount the demo's stand-in payment gateway at /demo/gateway — only on a local site
   * (app/local-site.ts); even then it answers only while the business's paymentUrl points at it.
   */
  readonly demoGateway?: boolean;
  /** The dev outbox, when mail is not really sent: serves /api/v1/dev/mailbox and /dev/mailbox. */
  readonly devMailbox?: DevMailbox;
  /** Called once a change that queued jobs (emails, webhooks) has committed, whatever route made it: wakes the worker. */
  readonly jobsQueued?: () => void;
  /** Where unexpected errors are reported (never to the client); the path has no manage token. */
  readonly logError: (error: unknown, context: { method: string; path: string; requestId?: string }) => void;
  /** Receives one entry per finished request (structured logs); absent = not logged. */
  readonly logRequest?: (entry: RequestLogEntry) => void;
  /** Password hashing for dashboard sign-in; absent = argon2id (tests may pass a faster one). */
  readonly hasher?: PasswordHasher;
  /** Uploaded images checked, resized and re-encoded; absent = sharp (decision 032). */
  readonly images?: ImageProcessor;
  /** The rate limits in force (config: RATE_LIMIT_PER_IP, RATE_LIMITS); absent = none (tests). */
  readonly rateLimits?: RateLimits;
  /** How many proxies in front append to X-Forwarded-For (TRUST_PROXY); absent = 0. */
  readonly trustProxy?: number;
  /** Copies of the embedded database for GET /api/v1/admin/backup; absent in server mode (pg_dump). */
  readonly backups?: Backups;
  /** Readiness for GET /readyz (database, migrations, shutting down); absent = the store answers. */
  readonly health?: { ready(): Promise<Readiness> };
}
