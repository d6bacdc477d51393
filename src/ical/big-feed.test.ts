/**
 * A 2 MB export (src/ical/fixtures/big-feed.ts) expands to exactly the busy time computed
 * independently of ical.js. Its speed is measured by bench/ical.ts, not here.
 */
import { describe, expect, it } from 'vitest';
import { merge } from '../core/index.ts';
import { bigFeed } from './fixtures/big-feed.ts';
import { expandFeed } from './index.ts';

describe('a 2 MB feed', () => {
  it('gives the expected busy intervals and dates', async () => {
    const feed = bigFeed(2 * 1024 * 1024, '2027-03-01', 90);
    expect(feed.text.length).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    const from = Date.parse('2027-03-01T00:00:00Z');
    const result = await expandFeed(feed.text, { from, to: from + 90 * 86_400_000, floatingZone: 'Europe/Paris' });
    if (!result.ok) throw new Error(result.message);
    expect(result.feed.busy).toEqual(merge(feed.busy));
    expect(result.feed.dates).toEqual(feed.dates);
    // Every timed occurrence counts (unmerged); repeated all-day dates count once per event.
    expect(result.feed.instances).toBeGreaterThanOrEqual(feed.busy.length + feed.dates.length);
    expect(result.feed.warnings).toEqual([]);
    // The expectation is not empty: recurring, single and all-day events all fall in the window.
    expect(feed.busy.length).toBeGreaterThan(1000);
    expect(feed.dates.length).toBeGreaterThan(5);
  });

  it('yields to the event loop while it works (time slicing): other callbacks run meanwhile', async () => {
    const feed = bigFeed(2 * 1024 * 1024, '2027-03-01', 90);
    const from = Date.parse('2027-03-01T00:00:00Z');
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const result = await expandFeed(feed.text, { from, to: from + 90 * 86_400_000, floatingZone: 'Europe/Paris' });
    running = false;
    expect(result.ok).toBe(true);
    // Tens of milliseconds of work in 5 ms slices: the ticker got many turns, not one at the end.
    expect(turns).toBeGreaterThanOrEqual(5);
  });
});
