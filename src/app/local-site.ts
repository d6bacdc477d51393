/**
 * "Is this site local?" — the one rule for what must never be reachable from another machine:
 * the dev outbox (every email, manage links included), the demo's stand-in gateway (it signs
 * "paid" with the business's payment secret) and the demo's well-known password
 * (docs/SECURITY.md). A site is local when the address it hands out in links — PUBLIC_URL, or
 * without it the address it listens on — names this machine: localhost or a name under
 * .localhost, 127.0.0.0/8, or ::1 (also written as an IPv4-mapped address). `0.0.0.0` listens on
 * every interface, so a site that names it is not local.
 */
export function isLocalUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  // The URL parser has already turned decimal, hex and short IPv4 forms into dotted quads.
  const host = new URL(url).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  // ::1, and 127.x.y.z mapped into IPv6 (the parser writes it as ::ffff:7fxx:yyzz).
  return host === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
}
