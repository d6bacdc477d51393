/**
 * The store contract on rate-limit counters: a key gets `max` hits at once, then one per
 * window/max; a refusal says exactly when the next hit fits; keys are independent; concurrent
 * hits never overshoot the limit; rows whose time has passed are deleted by later hits.
 */
import { describe, expect, it } from 'vitest';
import type { GetDb } from './fixtures.ts';

const T0 = Date.parse('2027-03-26T11:00:00Z');
const MINUTE = 60_000;

/**
 * One key, 3 hits a minute, hit at these offsets from T0, and the exact answers. The in-process
 * counters (app/rate-limits.ts, `localCounters`) must give the same, so their test runs it too.
 */
export const GCRA_CASE = {
  max: 3,
  windowMs: MINUTE,
  offsets: [0, 0, 0, 0, 19_999, 20_000, 20_000],
  expected: [
    { allowed: true },
    { allowed: true },
    { allowed: true },
    // Three hits hold the key until T0+60 s; one more fits once T0+60 s + 20 s - 60 s has come.
    { allowed: false, retryAfterMs: 20_000 },
    { allowed: false, retryAfterMs: 1 },
    { allowed: true },
    { allowed: false, retryAfterMs: 20_000 },
  ],
} as const;

export function describeRateLimits(getDb: GetDb): void {
  describe('rate limits', () => {
    const hit = (key: string, at: number, max = 3, windowMs = MINUTE) =>
      getDb().store.hitRateLimit(key, max, windowMs, at);

    it('allows max hits at once, refuses the next with the exact wait, and lets one more in per window/max', async () => {
      const seen = [];
      for (const ms of GCRA_CASE.offsets) seen.push(await hit('k', T0 + ms, GCRA_CASE.max, GCRA_CASE.windowMs));
      expect(seen).toEqual(GCRA_CASE.expected);
    });

    it('a key left alone for a whole window starts afresh', async () => {
      for (let i = 0; i < 3; i++) await hit('k', T0);
      expect(await hit('k', T0)).toEqual({ allowed: false, retryAfterMs: 20_000 });
      const later = [await hit('k', T0 + MINUTE), await hit('k', T0 + MINUTE), await hit('k', T0 + MINUTE)];
      expect(later).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
      expect(await hit('k', T0 + MINUTE)).toEqual({ allowed: false, retryAfterMs: 20_000 });
    });

    it('keys are independent', async () => {
      for (let i = 0; i < 3; i++) await hit('a', T0);
      expect(await hit('a', T0)).toMatchObject({ allowed: false });
      expect(await hit('b', T0)).toEqual({ allowed: true });
    });

    it('40 concurrent hits on a limit of 10: exactly 10 allowed', async () => {
      const results = await Promise.all(Array.from({ length: 40 }, () => hit('race', T0, 10)));
      expect(results.filter((r) => r.allowed).length).toBe(10);
    });

    it('several keys in one statement: each counted as if alone, the answers in the order asked', async () => {
      const hits = (at: number) =>
        getDb().store.hitRateLimits(
          [
            { key: 'z-email', max: 1, windowMs: MINUTE },
            { key: 'a-ip', max: 2, windowMs: MINUTE },
          ],
          at,
        );
      expect(await hits(T0)).toEqual([{ allowed: true }, { allowed: true }]);
      expect(await hits(T0)).toEqual([{ allowed: false, retryAfterMs: 60_000 }, { allowed: true }]);
      expect(await hits(T0 + 1_000)).toEqual([
        { allowed: false, retryAfterMs: 59_000 },
        { allowed: false, retryAfterMs: 29_000 },
      ]);
      // The same counters as one-key hits: a refused hit moved nothing.
      expect(await hit('a-ip', T0 + 30_000, 2)).toEqual({ allowed: true });
      expect(await hit('z-email', T0 + 60_000, 1)).toEqual({ allowed: true });
    });

    it('40 concurrent two-key hits (keys shared, asked in either order): exactly 10 allowed on each, no deadlock', async () => {
      const asks = [
        { key: 'race-a', max: 10, windowMs: MINUTE },
        { key: 'race-b', max: 10, windowMs: MINUTE },
      ];
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => getDb().store.hitRateLimits(i % 2 ? asks : [...asks].reverse(), T0)),
      );
      const allowed = (key: string) =>
        results.filter((r, i) => r[(i % 2 ? asks : [...asks].reverse()).findIndex((a) => a.key === key)]?.allowed)
          .length;
      expect([allowed('race-a'), allowed('race-b')]).toEqual([10, 10]);
    });

    it('hits on other keys delete rows whose time has passed, never a live one', async () => {
      for (let i = 0; i < 5; i++) await hit(`old-${i}`, T0);
      await hit('live', T0 + MINUTE - 1, 1, 10 * MINUTE);
      // Each old key's time is T0 + 20 s; at T0 + 2 min they are stale.
      await hit('other', T0 + 2 * MINUTE);
      const rows = await getDb().db.query<{ key: string }>('SELECT key FROM rate_limits ORDER BY key');
      expect(rows.map((r) => r.key)).toEqual(['live', 'other']);
    });
  });
}
