/**
 * Whose address a request counts against: the socket's, or behind TRUST_PROXY=n proxies the n-th
 * X-Forwarded-For entry from the right (entries further left are the client's to forge). IPv6
 * counts by its /64, spelled one way.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './rate-limit.tsx';

async function addressOf(trustProxy: number, socket: string | undefined, forwarded?: string): Promise<string> {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, trustProxy)));
  const headers: Record<string, string> = forwarded === undefined ? {} : { 'x-forwarded-for': forwarded };
  const env = socket === undefined ? undefined : { incoming: { socket: { remoteAddress: socket } } };
  return (await app.request('/', { headers }, env)).text();
}

describe('clientAddress', () => {
  it.each([
    [0, '203.0.113.5', undefined, '203.0.113.5'],
    [0, '203.0.113.5', '1.2.3.4', '203.0.113.5'],
    [0, '::ffff:203.0.113.5', undefined, '203.0.113.5'],
    [0, '2001:db8:85a3:8d3:1319:8a2e:370:7348', undefined, '2001:db8:85a3:8d3::/64'],
    [0, '2001:DB8::1', undefined, '2001:db8:0:0::/64'],
    [0, '2001:0db8:0000:0042::1', undefined, '2001:db8:0:42::/64'],
    [0, '::1', undefined, '0:0:0:0::/64'],
    [0, 'fe80::1%eth0', undefined, 'fe80:0:0:0::/64'],
    [1, '10.0.0.2', '198.51.100.7', '198.51.100.7'],
    [1, '10.0.0.2', '6.6.6.6, 198.51.100.7', '198.51.100.7'],
    [2, '10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.9', '198.51.100.7'],
    [1, '10.0.0.2', undefined, '10.0.0.2'],
    [2, '10.0.0.2', '198.51.100.7', '10.0.0.2'],
    [0, undefined, undefined, 'unknown'],
    // Proxies that add the client's source port: one client, one address, whatever its port.
    [1, '10.0.0.2', '198.51.100.7:5678', '198.51.100.7'],
    [1, '10.0.0.2', '198.51.100.7:61000', '198.51.100.7'],
    [2, '10.0.0.2', '6.6.6.6:1, 198.51.100.7:443, 10.0.0.9:80', '198.51.100.7'],
    [1, '10.0.0.2', '[2001:db8::1]:443', '2001:db8:0:0::/64'],
    [1, '10.0.0.2', '[2001:db8::1]', '2001:db8:0:0::/64'],
    [1, '10.0.0.2', '2001:db8::1', '2001:db8:0:0::/64'],
    [1, '10.0.0.2', '[::ffff:198.51.100.7]:443', '198.51.100.7'],
  ] as const)('trustProxy %i, socket %s, X-Forwarded-For %s → %s', async (trust, socket, forwarded, want) => {
    expect(await addressOf(trust, socket, forwarded)).toBe(want);
  });
});
