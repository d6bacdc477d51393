/**
 * The only reader of process.env (STYLE 9): validates every variable once at boot, lists every
 * problem at once, and hands a frozen object down.
 */
import { isAbsolute, resolve } from 'node:path';
import { limitsFrom, type RateLimits } from './app/rate-limits.ts';

export interface Config {
  readonly port: number;
  readonly host: string;
  /** postgres://… for a server; null = embedded PGlite in dataDir. */
  readonly databaseUrl: string | null;
  /** Server mode: connections each process keeps to PostgreSQL (DATABASE_POOL_SIZE). */
  readonly databasePoolSize: number;
  readonly dataDir: string;
  /** smtp://… ; null = the dev outbox. */
  readonly mailUrl: string | null;
  /** The From of every email (MAIL_FROM). */
  readonly mailFrom: string;
  readonly publicUrl: string;
  /** Whether PUBLIC_URL was given; if not, the server uses the address it actually listens on. */
  readonly publicUrlSet: boolean;
  /** Public requests per minute per IP; 0 turns the per-IP limit off. */
  readonly rateLimitPerIp: number;
  /** Every rate limit in force (RATE_LIMIT_PER_IP and RATE_LIMITS over the defaults). */
  readonly rateLimits: RateLimits;
  /** TRUST_PROXY: how many proxies in front append to X-Forwarded-For (0 = use the socket's address). */
  readonly trustProxy: number;
  /** SLOTWISE_SECRET (required with databaseUrl); null = generate and keep one in the data directory (embedded mode). */
  readonly secret: string | null;
  /** How long a claimed job stays with its worker before another may take it (JOB_LEASE_SECONDS). */
  readonly jobLeaseMs: number;
  /** The job worker's pause between rounds when there was nothing to do (JOB_POLL_MS). */
  readonly jobPollMs: number;
  /** The least severe JSON log line written (LOG_LEVEL); 'silent' writes none. */
  readonly logLevel: LogLevel;
  /** Who may frame the public pages (FRAME_ANCESTORS): CSP sources, `'self'` by default. */
  readonly frameAncestors: readonly string[];
  /**
   * ALLOW_PRIVATE_URLS=1: webhook URLs (and calendar feeds) may point at private, loopback and
   * link-local addresses — for a receiver on the same machine or intranet. Off by default: an admin
   * could otherwise make the server probe the internal network.
   */
  readonly allowPrivateUrls: boolean;
  /**
   * CALENDAR_POLL_MINUTES: how often each external busy calendar is fetched again (SPEC §8.3), in
   * ms; null (0) = not polled: calendars are fetched when added and on "Refresh now" only.
   */
  readonly calendarPollMs: number | null;
}

/** The least length of SLOTWISE_SECRET or of the generated secret file (256 bits in base64url are 43). */
export const MIN_SECRET_LENGTH = 32;

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

function url(env: Env, name: string, protocols: string[], problems: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  try {
    const u = new URL(raw);
    if (!protocols.includes(u.protocol)) {
      problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${u.protocol}//…")`);
    }
    return raw;
  } catch {
    problems.push(`${name} is not a valid URL`);
    return null;
  }
}

/**
 * FRAME_ANCESTORS: the sites that may show the public booking pages in a frame, separated by
 * spaces or commas — `self` (this site), `none`, or http(s) origins such as
 * `https://www.studio.example` or `https://*.studio.example`. Quotes around self and none are
 * optional (a shell eats them). Unset: 'self'.
 */
export function parseFrameAncestors(raw: string | undefined, problems: string[]): string[] {
  const entries = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return ["'self'"];
  const out: string[] = [];
  for (const entry of entries) {
    const keyword = /^'?(self|none)'?$/i.exec(entry)?.[1]?.toLowerCase();
    const source = keyword ? `'${keyword}'` : frameOrigin(entry);
    if (source === null) {
      problems.push(
        `FRAME_ANCESTORS entries must be self, none or an http(s) origin such as https://www.studio.example (got "${entry}")`,
      );
    } else if (!out.includes(source)) out.push(source);
  }
  if (out.includes("'none'") && out.length > 1)
    problems.push('FRAME_ANCESTORS: none cannot be combined with other entries');
  return out;
}

/** `https://Host:8443/` → `https://host:8443`; `https://*.host` keeps its wildcard; null if not a bare origin. */
function frameOrigin(entry: string): string | null {
  const m = /^(https?):\/\/(\*\.)?([^/?#@\s*'";]+)\/?$/i.exec(entry);
  if (!m || !URL.canParse(`${m[1]}://${m[3]}`)) return null;
  const u = new URL(`${m[1]}://${m[3]}`);
  return `${u.protocol}//${m[2] ?? ''}${u.host}`;
}

/** Reads and checks the environment (process.env unless another is given, as tests do). */
export function loadConfig(env: Env = process.env, overrides: { port?: number } = {}): ConfigResult {
  const problems: string[] = [];
  const port = overrides.port ?? integer(env, 'PORT', 3000, 0, 65535, problems);
  const host = env.HOST?.trim() || '127.0.0.1';
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], problems);
  const databasePoolSize = integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000, problems);
  const dir = env.SLOTWISE_DATA_DIR?.trim() || './data';
  const mailUrl = url(env, 'MAIL_URL', ['smtp:', 'smtps:'], problems);
  const mailFrom = env.MAIL_FROM?.trim() || 'Slotwise <bookings@localhost>';
  if (!/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/.test(mailFrom)) {
    problems.push(`MAIL_FROM must be an address, e.g. "Lumen Studio <bookings@lumen.example>" (got "${mailFrom}")`);
  }
  const publicRaw = url(env, 'PUBLIC_URL', ['http:', 'https:'], problems);
  const rateLimitPerIp = integer(env, 'RATE_LIMIT_PER_IP', 600, 0, 1_000_000, problems);
  const limits = limitsFrom(rateLimitPerIp, env.RATE_LIMITS);
  if (!limits.ok) problems.push(...limits.problems);
  const trustProxy = integer(env, 'TRUST_PROXY', 0, 0, 10, problems);
  const secret = env.SLOTWISE_SECRET ?? null;
  // Spaces around it are not secret: they do not count (an empty value is as short as can be).
  if (secret !== null && secret.trim().length < MIN_SECRET_LENGTH) {
    problems.push(
      `SLOTWISE_SECRET must be at least ${MIN_SECRET_LENGTH} characters long (got ${secret.trim() === '' ? 'an empty value' : `${secret.trim().length}`})`,
    );
  }
  if (secret === null && env.DATABASE_URL) {
    // Every process signs and checks links with it, and there is no data directory to keep a generated one.
    problems.push(
      'SLOTWISE_SECRET is required with DATABASE_URL: set the same value (at least 32 characters, e.g. from `openssl rand -base64 32`) for every process',
    );
  }
  const jobLeaseSeconds = integer(env, 'JOB_LEASE_SECONDS', 60, 5, 86_400, problems);
  const jobPollMs = integer(env, 'JOB_POLL_MS', 1000, 50, 600_000, problems);
  const levelRaw = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  const logLevel = LOG_LEVELS.find((l) => l === levelRaw);
  if (!logLevel) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  const frameAncestors = parseFrameAncestors(env.FRAME_ANCESTORS, problems);
  const allowPrivateRaw = env.ALLOW_PRIVATE_URLS?.trim() ?? '';
  if (!['', '0', '1'].includes(allowPrivateRaw)) {
    problems.push(`ALLOW_PRIVATE_URLS must be 0 or 1 (got "${env.ALLOW_PRIVATE_URLS}")`);
  }
  const calendarPollMinutes = integer(env, 'CALENDAR_POLL_MINUTES', 10, 0, 1440, problems);
  if (problems.length > 0 || !logLevel || !limits.ok) return { ok: false, problems };
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    ok: true,
    config: Object.freeze({
      port,
      host,
      databaseUrl,
      databasePoolSize,
      dataDir: isAbsolute(dir) ? dir : resolve(dir),
      mailUrl,
      mailFrom,
      publicUrl: (publicRaw ?? `http://${shownHost}:${port}`).replace(/\/+$/, ''),
      publicUrlSet: publicRaw !== null,
      rateLimitPerIp,
      rateLimits: limits.limits,
      trustProxy,
      secret,
      jobLeaseMs: jobLeaseSeconds * 1000,
      jobPollMs,
      logLevel,
      frameAncestors,
      allowPrivateUrls: allowPrivateRaw === '1',
      calendarPollMs: calendarPollMinutes === 0 ? null : calendarPollMinutes * 60_000,
    }),
  };
}
