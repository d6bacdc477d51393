/**
 * The delivery-time half of the outbound URL rule (app/outbound-url.ts checks URLs when they are
 * saved): a fetch whose connections go only to addresses the rule allows. The check is on the
 * address each connection really goes to — a host name is resolved while connecting and every
 * address checked (a name that resolved to a public address when saved may resolve to 127.0.0.1
 * now: DNS rebinding), an IP literal is checked as it is — so a refused request fails before a
 * socket is opened: nothing is sent. Redirects are the caller's to refuse (redirect: 'manual').
 *
 * Every connection is a fresh one (undici: pipelining 0 disables keep-alive): deliveries are rare
 * and go to servers we do not control, and a kept-alive connection the receiver closed while idle
 * fails the next POST with ECONNRESET (Node's server closes idle sockets after 5 s).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { Agent } from 'undici';
import type { OutboundPolicy } from '../app/ports.ts';
import { isIpLiteral, nonPublicKind } from '../app/public-address.ts';

/** A connection the rule refuses (its message names the address and what it is). */
export class UrlNotAllowedError extends Error {
  readonly code = 'URL_NOT_ALLOWED';
}

const RESOLVE_TIMEOUT_MS = 5_000;

/** The system's resolver (getaddrinfo, as a connection uses: hosts file, DNS); [] when the name does not resolve. */
export function systemResolve(hostname: string): Promise<readonly string[]> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve([]), RESOLVE_TIMEOUT_MS);
    timer.unref();
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      clearTimeout(timer);
      resolve(error ? [] : addresses.map((a) => a.address));
    });
  });
}

const refusal = (what: string) =>
  new UrlNotAllowedError(`${what}: not a public internet address, nothing sent (ALLOW_PRIVATE_URLS=1 allows it)`);

/** net.connect's `lookup`: the policy's resolver, every address checked before any is used. */
export function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    policy.resolve(hostname).then(
      (found) => {
        const addresses = found.filter((a) => !options.family || isIP(a) === options.family);
        const first = addresses[0];
        if (first === undefined) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          return callback(error, '', 0);
        }
        const refused = policy.allowPrivate ? undefined : addresses.find((a) => nonPublicKind(a) !== null);
        if (refused !== undefined) {
          return callback(refusal(`${hostname} resolves to ${refused}, ${nonPublicKind(refused)}`), '', 0);
        }
        if (options.all) {
          const all: LookupAddress[] = addresses.map((address) => ({ address, family: isIP(address) }));
          return callback(null, all);
        }
        callback(null, first, isIP(first));
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

type Undici = typeof import('undici');
let undici: Promise<Undici> | null = null;
/** undici loads with the first outbound request, not at start-up (docs/PERFORMANCE.md, lazy imports). */
const loadUndici = () => {
  undici ??= import('undici');
  return undici;
};

/** An undici Agent whose sockets obey the policy. */
function guardedAgent({ Agent, buildConnector }: Undici, policy: OutboundPolicy): Agent {
  const connect = buildConnector({ lookup: guardedLookup(policy) });
  return new Agent({
    pipelining: 0,
    connect(opts, callback) {
      // A literal is connected to as it is, without a lookup: checked here.
      const kind = !policy.allowPrivate && isIpLiteral(opts.hostname) ? nonPublicKind(opts.hostname) : null;
      if (kind !== null) {
        callback(refusal(`${opts.hostname} is ${kind}`), null);
        return;
      }
      return connect(opts, callback);
    },
  });
}

const agents = new WeakMap<OutboundPolicy, Agent>();

/**
 * A fetch that sends only where the policy allows (one agent per policy, kept). Async because
 * undici loads on first use: awaited before a caller starts its timeout, so the load never eats
 * into a request's time (`(await guardedFetch(p))(url, { signal: AbortSignal.timeout(t) })`).
 */
export async function guardedFetch(policy: OutboundPolicy): Promise<typeof fetch> {
  const lib = await loadUndici();
  let agent = agents.get(policy);
  if (!agent) {
    agent = guardedAgent(lib, policy);
    agents.set(policy, agent);
  }
  const dispatcher = agent;
  return ((url: string, init: RequestInit) =>
    lib.fetch(url, { ...(init as object), dispatcher })) as unknown as typeof fetch;
}
