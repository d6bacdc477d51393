/**
 * The per-address rate limits (app/rate-limits.ts): every public request counts against `ip`, and
 * the actions worth guessing or flooding count against their own limit as well. Over a limit,
 * the API answers 429 RATE_LIMITED with `Retry-After`; a page answers a short page with the same
 * status and header. The per-email and per-token limits are counted by the use cases.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { countedInProcess, HandedHit, type LimitName, overLimit } from '../app/rate-limits.ts';
import type { Refusal } from '../app/result.ts';
import type { AppDeps } from './deps.ts';
import { sendRefusal, setRetryAfter } from './errors.ts';
import { pageContext } from './pages/context.ts';
import { messagePage } from './pages/services.tsx';

/** The actions with limits of their own, by method and path (pages and API alike). */
const ACTIONS: readonly (readonly [string, RegExp, LimitName])[] = [
  ['POST', /^\/api\/v1\/bookings\/?$/, 'booking-ip'],
  ['POST', /^\/book\/[^/]+\/details\/?$/, 'booking-ip'],
  ['POST', /^\/(?:api\/v1\/)?manage\/[^/]+\/verify\/?$/, 'verify-ip'],
  ['POST', /^\/(?:api\/v1\/)?manage\/[^/]+\/resend-code\/?$/, 'resend-ip'],
  ['POST', /^\/api\/v1\/payments\/callback\/?$/, 'payment-ip'],
  ['POST', /^\/api\/v1\/admin\/session\/?$/, 'signin-ip'],
  ['POST', /^\/admin\/sign-in\/?$/, 'signin-ip'],
  ['POST', /^\/admin\/(?:forgot|password\/[^/]+)\/?$/, 'reset-ip'],
  ['POST', /^\/(?:api\/v1\/)?my-bookings\/?$/, 'my-bookings-ip'],
  ['POST', /^\/admin\/account\/password\/?$/, 'password-ip'],
];

/**
 * The API's booking: its per-address hit is counted by the use case together with its own
 * `booking-email` (one statement, decision 043): the handler passes it on (handedHit). A request
 * the use case never counts (a 400) is counted after the handler, and over the limit answered
 * 429 all the same. The use case waits for both verdicts before it writes anything. (The booking
 * form keeps its hit here: its page shows a use case's refusal in the form, a 429 needs its page.)
 */
const HANDED_OVER = /^\/api\/v1\/bookings\/?$/;

const handed = new WeakMap<Context, HandedHit>();

/** This request's per-address hit left to the use case, if any (pass it as `addressHit`). */
export function handedHit(c: Context): HandedHit | undefined {
  return handed.get(c);
}

/** Not public traffic: the dashboard (signed in; its sign-in has its own limit), files, probes. */
const NOT_PUBLIC = /^\/(?:admin|api\/v1\/admin|assets|api\/docs|healthz|readyz)(?:\/|$)/;

export function rateLimitByAddress(deps: AppDeps): MiddlewareHandler {
  // Every public request counts against `ip`: kept in this process (app/rate-limits.ts says why).
  const local = countedInProcess(deps);
  return async (c, next) => {
    const limits = deps.rateLimits;
    if (!limits) return next();
    const path = c.req.path;
    const names: LimitName[] = [];
    if (!NOT_PUBLIC.test(path)) names.push('ip');
    const action = ACTIONS.find(([method, pattern]) => method === c.req.method && pattern.test(path));
    if (action) names.push(action[2]);
    const address = clientAddress(c, deps.trustProxy ?? 0);
    let hit: HandedHit | undefined;
    for (const name of names) {
      if (name === 'booking-ip' && c.req.method === 'POST' && HANDED_OVER.test(path) && limits[name]) {
        hit = new HandedHit(name, address);
        continue;
      }
      const refused = await overLimit(name === 'ip' ? local : deps, name, address);
      if (refused) return tooMany(c, deps, refused);
    }
    if (!hit) return next();
    handed.set(c, hit);
    await next();
    const refused = hit.take() ? await overLimit(deps, hit.name, hit.value) : null;
    if (refused) c.res = await tooMany(c, deps, refused);
  };
}

async function tooMany(c: Context, deps: AppDeps, refused: Refusal): Promise<Response> {
  if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/feeds/')) return sendRefusal(c, refused);
  setRetryAfter(c, refused);
  const ctx = await pageContext(c, deps);
  return messagePage(c, ctx, ctx.m.error.tooMany, ctx.m.error.tooManyBody, 429);
}

/**
 * The caller's address: the socket's, or with `trustProxy` = n proxies in front, the n-th
 * X-Forwarded-For entry from the right (the one the outermost trusted proxy saw; entries further
 * left are the client's to forge). IPv6 addresses count by their /64, which one host usually
 * holds whole. Unknown (a test's app.request) = "unknown", still limited.
 */
export function clientAddress(c: Context, trustProxy: number): string {
  let address: string | undefined;
  if (trustProxy > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const hop = hops[hops.length - trustProxy];
    address = hop === undefined ? undefined : withoutPort(hop);
  }
  address ??= (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress;
  if (!address) return 'unknown';
  return address.includes(':') && !address.startsWith('::ffff:')
    ? ipv6Prefix(address)
    : address.replace(/^::ffff:/, '');
}

/**
 * An X-Forwarded-For entry without the port some proxies add: `1.2.3.4:5678` → `1.2.3.4`,
 * `[2001:db8::1]:443` → `2001:db8::1`; a bare IPv6 address (colons, no brackets) is left whole.
 * Otherwise each new source port of one client would count as a new address.
 */
export function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(entry);
  if (bracketed) return bracketed[1] as string;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d*$/.exec(entry);
  return v4 ? (v4[1] as string) : entry;
}

/** The first four groups (/64) of an IPv6 address, expanded so one network has one spelling. */
function ipv6Prefix(address: string): string {
  const [head = '', tail = ''] = address.split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
