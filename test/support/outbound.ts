/**
 * The outbound URL policy for tests (app/ports.ts OutboundPolicy): host names are answered from a
 * table, never by the network — tests send traffic to loopback only. `localhost` and every name
 * under `loopback.test` resolve to 127.0.0.1 and ::1; other names (example.com, *.example.test)
 * do not resolve, so nothing is ever sent to them. Private addresses are refused unless
 * `allowPrivate` (the tests that deliver to a receiver on 127.0.0.1 opt in).
 */
import type { OutboundPolicy } from '../../src/app/ports.ts';

export const LOOPBACK_NAME = 'hooks.loopback.test';

export function testOutbound(
  opts: { allowPrivate?: boolean; names?: Readonly<Record<string, readonly string[]>> } = {},
): OutboundPolicy {
  return {
    allowPrivate: opts.allowPrivate ?? false,
    async resolve(hostname) {
      const name = hostname.toLowerCase().replace(/\.$/, '');
      const listed = opts.names?.[name];
      if (listed) return listed;
      return name === 'localhost' || name === 'loopback.test' || name.endsWith('.loopback.test')
        ? ['127.0.0.1', '::1']
        : [];
    },
  };
}
