/**
 * Rate limits against abuse (docs/SECURITY.md): each limit allows `max` hits per `windowMs` for
 * one value (an address, an email, a manage token). The counters live in the database
 * (store.hitRateLimit), so a limit holds across server processes. The HTTP layer counts the
 * per-address limits (it alone knows the address); the use cases count the per-email and
 * per-token ones, before opening their transaction, so a refused attempt still counts.
 */
import { createHash } from 'node:crypto';
import type { Clock, Store } from './ports.ts';
import { type Refusal, refuse } from './result.ts';

export const LIMIT_NAMES = [
  'ip',
  'booking-ip',
  'booking-email',
  'verify-ip',
  'verify-email',
  'resend-ip',
  'resend-token',
  'payment-ip',
  'return-reference',
  'signin-ip',
  'signin-email',
  'reset-ip',
  'reset-email',
  'my-bookings-ip',
  'my-bookings-email',
  'password-ip',
  'password-user',
] as const;

export type LimitName = (typeof LIMIT_NAMES)[number];

export interface Limit {
  readonly max: number;
  readonly windowMs: number;
}

/** The limits in force; a name left out is off. */
export type RateLimits = Readonly<Partial<Record<LimitName, Limit>>>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Defaults, chosen so that a real person never meets them and a script soon does. `ip` (every
 * public request) is RATE_LIMIT_PER_IP per minute; the rest are per action.
 */
export const DEFAULT_LIMITS: Readonly<Record<LimitName, Limit>> = {
  ip: { max: 600, windowMs: MINUTE },
  'booking-ip': { max: 60, windowMs: HOUR },
  'booking-email': { max: 10, windowMs: HOUR },
  'verify-ip': { max: 60, windowMs: HOUR },
  'verify-email': { max: 20, windowMs: 24 * HOUR },
  'resend-ip': { max: 30, windowMs: HOUR },
  'resend-token': { max: 5, windowMs: HOUR },
  'payment-ip': { max: 300, windowMs: MINUTE },
  // The payment return page emails the client their link: reloading it must not fill their inbox.
  'return-reference': { max: 3, windowMs: HOUR },
  'signin-ip': { max: 30, windowMs: 15 * MINUTE },
  'signin-email': { max: 10, windowMs: 15 * MINUTE },
  'reset-ip': { max: 10, windowMs: HOUR },
  'reset-email': { max: 3, windowMs: HOUR },
  'my-bookings-ip': { max: 20, windowMs: HOUR },
  'my-bookings-email': { max: 3, windowMs: HOUR },
  // Changing one's password asks for the current one: as worth guessing as a sign-in.
  'password-ip': { max: 30, windowMs: 15 * MINUTE },
  'password-user': { max: 10, windowMs: 15 * MINUTE },
};

/** Limits keyed by the caller's address: RATE_LIMIT_PER_IP=0 turns all of them off (API.md). */
export const isPerAddress = (name: LimitName): boolean => name === 'ip' || name.endsWith('-ip');

/**
 * GCRA counters in this process's memory, for the `ip` limit alone: it is counted on every
 * public request, where a database round trip would cost more than the request (measured: 2,700
 * → 620 req/s for the month view), and it is a flood guard, not a guess guard. With N processes
 * an address gets up to N times the limit; the limits on guessing and booking stay in the
 * database. Keys whose time has passed are dropped as the map grows.
 */
export function localCounters(maxKeys = 100_000): Pick<Store, 'hitRateLimit'> {
  const tats = new Map<string, number>();
  return {
    async hitRateLimit(key, max, windowMs, now) {
      const step = Math.max(1, Math.ceil(windowMs / max));
      const held = Math.max(tats.get(key) ?? now, now);
      if (held + step - now > windowMs)
        return { allowed: false, retryAfterMs: Math.max(1, held + step - windowMs - now) };
      if (!tats.has(key) && tats.size >= maxKeys) {
        for (const [k, tat] of tats) if (tat <= now) tats.delete(k);
        // Still full of live keys: the oldest entry goes (Map keeps insertion order).
        if (tats.size >= maxKeys) tats.delete(tats.keys().next().value as string);
      }
      tats.set(key, held + step);
      return { allowed: true };
    },
  };
}

/** Limits counted in this process's memory (localCounters) rather than the database: the `ip` flood guard's. */
export function countedInProcess(deps: Omit<LimitDeps, 'store'>): LimitDeps {
  return { ...deps, store: localCounters() };
}

/** The row key of a value's counter: emails and addresses are not kept in clear; case and spaces do not make a new key. */
export function limitKey(name: LimitName, value: string): string {
  if (name !== 'ip') return hashedKey(name, value);
  // The `ip` limit hashes the caller's address on every public request (1 % of an uncached day
  // view's CPU, docs/PERFORMANCE.md): recent addresses' keys are kept, dropped whole at the cap.
  let key = ipKeys.get(value);
  if (key === undefined) {
    if (ipKeys.size >= IP_KEYS_CAP) ipKeys.clear();
    key = hashedKey(name, value);
    ipKeys.set(value, key);
  }
  return key;
}

const ipKeys = new Map<string, string>();
const IP_KEYS_CAP = 10_000;

const hashedKey = (name: LimitName, value: string) =>
  `${name}:${createHash('sha256').update(value.trim().toLowerCase()).digest('base64url')}`;

/** The limits counted per client email (erasing a client removes their counters). */
export const PER_EMAIL_LIMITS: readonly LimitName[] = ['booking-email', 'verify-email', 'my-bookings-email'];

export interface LimitDeps {
  readonly store: Pick<Store, 'hitRateLimit'>;
  readonly clock: Clock;
  readonly rateLimits?: RateLimits;
}

/**
 * Counts one hit of `value` on the limit `name`: null when allowed (or the limit is off), else
 * a RATE_LIMITED refusal saying when to try again (details.retryAfterSeconds → `Retry-After`).
 */
export async function overLimit(deps: LimitDeps, name: LimitName, value: string): Promise<Refusal | null> {
  const limit = deps.rateLimits?.[name];
  if (!limit) return null;
  const hit = await deps.store.hitRateLimit(limitKey(name, value), limit.max, limit.windowMs, deps.clock.now());
  return hit.allowed ? null : limited(hit.retryAfterMs);
}

/** A hit to count: `value` on the limit `name`. */
export interface LimitHit {
  readonly name: LimitName;
  readonly value: string;
}

export interface LimitsDeps extends Omit<LimitDeps, 'store'> {
  readonly store: Pick<Store, 'hitRateLimits'>;
}

/**
 * Counts every hit (distinct limits) in one statement (one round trip, one commit: decision 043);
 * null when all are allowed, else the refusal of the first one over its limit, in the order given.
 */
export async function overLimits(deps: LimitsDeps, hits: readonly LimitHit[]): Promise<Refusal | null> {
  const on = hits.flatMap((h) => {
    const limit = deps.rateLimits?.[h.name];
    return limit ? [{ key: limitKey(h.name, h.value), max: limit.max, windowMs: limit.windowMs }] : [];
  });
  if (on.length === 0) return null;
  const answers = await deps.store.hitRateLimits(on, deps.clock.now());
  const refused = answers.find((a) => !a.allowed);
  return refused && !refused.allowed ? limited(refused.retryAfterMs) : null;
}

/**
 * A per-address hit the HTTP layer leaves to the use case (http/rate-limit.tsx): the booking's
 * `booking-ip` goes with its `booking-email` in one statement (decision 043). Whoever takes it
 * first counts it: the use case before it writes anything, or the HTTP layer after the handler
 * when the use case never ran (a 400).
 */
export class HandedHit implements LimitHit {
  #taken = false;
  constructor(
    readonly name: LimitName,
    readonly value: string,
  ) {}
  /** True once, for the one who counts it. */
  take(): boolean {
    if (this.#taken) return false;
    this.#taken = true;
    return true;
  }
}

function limited(retryAfterMs: number): Refusal {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return refuse('RATE_LIMITED', `Too many attempts; please try again in ${wait(retryAfterSeconds)}.`, {
    retryAfterSeconds,
  });
}

function wait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `${minutes} minutes` : `${Math.ceil(minutes / 60)} hours`;
}

/**
 * The limits from RATE_LIMIT_PER_IP and RATE_LIMITS ("signin-email=5/15m,booking-ip=off"); a
 * list of problems when the text is wrong. Windows: s, m, h or d.
 */
export function limitsFrom(
  perIpPerMinute: number,
  overrides: string | undefined,
): { ok: true; limits: RateLimits } | { ok: false; problems: string[] } {
  const limits: Partial<Record<LimitName, Limit>> = {
    ...DEFAULT_LIMITS,
    ip: { max: perIpPerMinute, windowMs: MINUTE },
  };
  const problems: string[] = [];
  for (const part of (overrides ?? '').split(',').map((p) => p.trim())) {
    if (!part) continue;
    const m = /^([a-z-]+)=(?:(off)|(\d{1,7})\/(\d{1,5})([smhd]))$/.exec(part);
    const name = LIMIT_NAMES.find((n) => n === m?.[1]);
    if (!m || !name) {
      problems.push(
        `RATE_LIMITS: "${part}" is not "name=max/window" (e.g. signin-email=5/15m) or "name=off"; names: ${LIMIT_NAMES.join(', ')}`,
      );
      continue;
    }
    const max = Number(m[3]);
    const windowMs = Number(m[4]) * { s: 1000, m: MINUTE, h: HOUR, d: 24 * HOUR }[m[5] as 's' | 'm' | 'h' | 'd'];
    if (m[2]) delete limits[name];
    else if (max < 1 || windowMs < 1000 || windowMs > 7 * 24 * HOUR) {
      problems.push(`RATE_LIMITS: "${part}" needs at least 1 hit and a window from 1s to 7d`);
    } else limits[name] = { max, windowMs };
  }
  if (perIpPerMinute === 0) for (const name of LIMIT_NAMES) if (isPerAddress(name)) delete limits[name];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, limits };
}
