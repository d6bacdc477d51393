/**
 * The save-time half of the outbound URL rule (SPEC §8.3, API.md `URL_NOT_ALLOWED`): a URL the
 * server will send requests to must point at public internet addresses — its host as a literal
 * in any spelling (the WHATWG parser turns `2130706433`, `0x7f.1` or `[::ffff:127.0.0.1]` into
 * the address they mean), or every address its name resolves to now. The delivery-time half
 * (jobs/guarded-fetch.ts) checks the address each connection really goes to, as a name may
 * resolve elsewhere later; a name that does not resolve now is therefore left to it.
 */
import type { OutboundPolicy } from './ports.ts';
import { isIpLiteral, nonPublicKind } from './public-address.ts';
import { type Refusal, refuse } from './result.ts';

/**
 * Null when the server may send to `url` (an absolute http(s) URL, already checked for shape);
 * else URL_NOT_ALLOWED naming `field` and what the address is.
 */
export async function outboundUrlRefusal(url: string, policy: OutboundPolicy, field = 'url'): Promise<Refusal | null> {
  if (policy.allowPrivate) return null;
  const { hostname } = new URL(url);
  const literal = isIpLiteral(hostname);
  const addresses = literal ? [hostname] : await policy.resolve(hostname);
  for (const address of addresses) {
    const kind = nonPublicKind(address);
    if (kind === null) continue;
    const what = literal ? `${hostname} is ${kind}` : `${hostname} resolves to ${address}, ${kind}`;
    return refuse('URL_NOT_ALLOWED', `The URL must point at a public internet address: ${what}.`, {
      fields: { [field]: `a public internet address (${what})` },
    });
  }
  return null;
}
