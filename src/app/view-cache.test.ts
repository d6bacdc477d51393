/**
 * The month view cache's size is capped: its keys come from requests (any month, any of
 * hundreds of zones), so a caller asking `month=1900-01` with a new `tz` every time must not
 * grow it, nor push out the views real visitors keep asking for.
 */
import { describe, expect, it } from 'vitest';
import { ViewCache } from './view-cache.ts';

describe('ViewCache', () => {
  it('never holds more than its cap, whatever keys arrive', () => {
    const cache = new ViewCache<number>(100);
    for (let i = 0; i < 5_000; i++) cache.set(`svc|any|1900-01|Zone/${i}`, 't', 1_000, i);
    expect(cache.size).toBe(100);
    expect(cache.get('svc|any|1900-01|Zone/4999', 't', 0)).toBe(4999);
    expect(cache.get('svc|any|1900-01|Zone/0', 't', 0)).toBeUndefined();
  });

  it('keeps an entry in use through a stream of new keys; drops the least recently used', () => {
    const cache = new ViewCache<string>(3);
    cache.set('popular', 't', 1_000, 'month');
    for (let i = 0; i < 50; i++) {
      expect(cache.get('popular', 't', 0)).toBe('month');
      cache.set(`made-up-${i}`, 't', 1_000, 'x');
    }
    expect(cache.size).toBe(3);
    expect(cache.get('made-up-46', 't', 0)).toBeUndefined();
  });

  it('serves an entry only with its token and before validUntil', () => {
    const cache = new ViewCache<string>();
    cache.set('k', 'a', 60_000, 'v');
    expect(cache.get('k', 'a', 59_999)).toBe('v');
    expect(cache.get('k', 'b', 0)).toBeUndefined();
    expect(cache.get('k', 'a', 60_000)).toBeUndefined();
  });
});
