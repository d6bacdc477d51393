/**
 * The in-process counters for the `ip` limit: the same GCRA answers as the database's
 * (src/store/contract/rate-limits.ts), and a bounded map.
 */

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GCRA_CASE } from '../store/contract/rate-limits.ts';
import { limitKey, localCounters, overLimit } from './rate-limits.ts';

const T0 = Date.parse('2027-03-26T11:00:00Z');

describe('localCounters', () => {
  it('allows max hits at once, refuses the next with the exact wait, and lets one more in per window/max', async () => {
    const c = localCounters();
    const seen = [];
    for (const ms of GCRA_CASE.offsets)
      seen.push(await c.hitRateLimit('k', GCRA_CASE.max, GCRA_CASE.windowMs, T0 + ms));
    expect(seen).toEqual(GCRA_CASE.expected);
  });

  it('keeps at most maxKeys: spent keys go first, then the oldest', async () => {
    const c = localCounters(2);
    await c.hitRateLimit('a', 1, 60_000, T0);
    await c.hitRateLimit('b', 1, 60_000, T0 + 30_000);
    // At T0 + 60 s 'a' is spent: it makes room for 'c'; 'b' is still held.
    await c.hitRateLimit('c', 1, 60_000, T0 + 60_000);
    expect(await c.hitRateLimit('b', 1, 60_000, T0 + 60_000)).toEqual({ allowed: false, retryAfterMs: 30_000 });
    // Full of live keys: the oldest ('b') goes for 'd'.
    await c.hitRateLimit('d', 1, 60_000, T0 + 60_000);
    expect(await c.hitRateLimit('b', 1, 60_000, T0 + 60_000)).toEqual({ allowed: true });
  });
});

describe('overLimit', () => {
  it('is off for a limit not configured, and answers RATE_LIMITED with whole seconds when over', async () => {
    const deps = { store: localCounters(), clock: { now: () => T0 }, rateLimits: { ip: { max: 1, windowMs: 90_500 } } };
    expect(await overLimit(deps, 'booking-ip', '1.2.3.4')).toBeNull();
    expect(await overLimit(deps, 'ip', '1.2.3.4')).toBeNull();
    expect(await overLimit(deps, 'ip', ' 1.2.3.4 ')).toEqual({
      ok: false,
      code: 'RATE_LIMITED',
      message: 'Too many attempts; please try again in 2 minutes.',
      details: { retryAfterSeconds: 91 },
    });
  });
});

describe('limitKey', () => {
  const hashed = (name: string, value: string) =>
    `${name}:${createHash('sha256').update(value.trim().toLowerCase()).digest('base64url')}`;

  it('is the hashed value for every limit, the ip limit from its memo too, past the memo cap', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (const value of ['127.0.0.1', '::1', ' 127.0.0.1 ', 'A@Example.test']) {
        expect(limitKey('ip', value)).toBe(hashed('ip', value));
        expect(limitKey('booking-email', value)).toBe(hashed('booking-email', value));
      }
    }
    for (let i = 0; i < 12_000; i++) limitKey('ip', `127.1.${i >> 8}.${i & 255}`);
    expect(limitKey('ip', '127.1.0.7')).toBe(hashed('ip', '127.1.0.7'));
  });
});
