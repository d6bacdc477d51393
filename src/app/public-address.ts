/**
 * Whether an IP address is on the public internet — the only place the server may send requests
 * to for an admin-given URL (webhooks; calendar feeds, SPEC §8.3) unless ALLOW_PRIVATE_URLS=1.
 * Pure: parsing and range tests only (Node's BlockList, which also matches an IPv4-mapped IPv6
 * address ::ffff:a.b.c.d against the IPv4 ranges).
 *
 * Refused: every range IANA's special-purpose registries mark not globally reachable, plus
 * multicast and the IPv6 prefixes that embed or translate an IPv4 address (NAT64, 6to4, Teredo),
 * which could lead to a private IPv4 address through a translator.
 */
import { BlockList, isIP } from 'node:net';

const RANGES: readonly (readonly [kind: string, family: 'ipv4' | 'ipv6', prefix: string, bits: number])[] = [
  ['an unspecified ("this network") address', 'ipv4', '0.0.0.0', 8],
  ['a private address', 'ipv4', '10.0.0.0', 8],
  ['a shared (carrier-grade NAT) address', 'ipv4', '100.64.0.0', 10],
  ['a loopback address', 'ipv4', '127.0.0.0', 8],
  ['a link-local address', 'ipv4', '169.254.0.0', 16],
  ['a private address', 'ipv4', '172.16.0.0', 12],
  ['a reserved address', 'ipv4', '192.0.0.0', 24],
  ['a documentation address', 'ipv4', '192.0.2.0', 24],
  ['a reserved address', 'ipv4', '192.88.99.0', 24],
  ['a private address', 'ipv4', '192.168.0.0', 16],
  ['a benchmarking address', 'ipv4', '198.18.0.0', 15],
  ['a documentation address', 'ipv4', '198.51.100.0', 24],
  ['a documentation address', 'ipv4', '203.0.113.0', 24],
  ['a multicast address', 'ipv4', '224.0.0.0', 4],
  ['a reserved address', 'ipv4', '240.0.0.0', 4],
  ['a loopback address', 'ipv6', '::1', 128],
  ['an unspecified address', 'ipv6', '::', 128],
  ['an IPv4-compatible address (deprecated)', 'ipv6', '::', 96],
  ['a NAT64 address', 'ipv6', '64:ff9b::', 96],
  ['a NAT64 address', 'ipv6', '64:ff9b:1::', 48],
  ['a discard-only address', 'ipv6', '100::', 64],
  ['a reserved address (Teredo and IETF protocol assignments)', 'ipv6', '2001::', 23],
  ['a documentation address', 'ipv6', '2001:db8::', 32],
  ['a 6to4 address', 'ipv6', '2002::', 16],
  ['a documentation address', 'ipv6', '3fff::', 20],
  ['a unique local (private) address', 'ipv6', 'fc00::', 7],
  ['a link-local address', 'ipv6', 'fe80::', 10],
  ['a site-local address', 'ipv6', 'fec0::', 10],
  ['a multicast address', 'ipv6', 'ff00::', 8],
];

const LISTS = RANGES.map(([kind, family, prefix, bits]) => {
  const list = new BlockList();
  list.addSubnet(prefix, bits, family);
  return { kind, list };
});

/**
 * Null when `address` (an IP literal: `127.0.0.1`, `::1`, `[::1]`, `fe80::1%eth0`) is public;
 * else what it is, e.g. "a loopback address". Something that is not an IP address is refused.
 */
export function nonPublicKind(address: string): string | null {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return LISTS.find(({ list }) => list.check(bare, type))?.kind ?? null;
}

/** Whether `hostname` (as a URL has it: brackets around IPv6) is an IP literal rather than a name. */
export function isIpLiteral(hostname: string): boolean {
  return isIP(hostname.replace(/^\[(.*)\]$/, '$1')) !== 0;
}
