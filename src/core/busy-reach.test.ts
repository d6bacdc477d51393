/**
 * The reach rule is exact enough: whatever the timing (every setting up to its maximum), the
 * window and `now`, busy time outside busyWindowFor changes no verdict on a start the rules can
 * accept (from `now` on); and a window wholly in the past needs nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  busyFloor,
  busyWindowFor,
  externalWindowFor,
  MAX_SPAN_SETTING_MINUTES,
  REACH_AHEAD_MS,
  REACH_BACK_MS,
} from './busy-reach.ts';
import { merge, overlapsAny } from './interval.ts';
import { occupiedSpan } from './slots.ts';
import type { Interval } from './types.ts';

const MIN = 60_000;
const DAY = 1440 * MIN;
const NOW = Date.parse('2027-03-26T11:00:00Z');

/** Settings with their extremes often: the reach is decided by the widest ones. */
const setting = fc.oneof(
  fc.constant(0),
  fc.constant(MAX_SPAN_SETTING_MINUTES),
  fc.integer({ min: 0, max: MAX_SPAN_SETTING_MINUTES }),
);
/** An edge of busy time around the start judged, often right at the reach's bounds. */
const edge = fc.oneof(
  fc.integer({ min: -5 * DAY, max: 5 * DAY }),
  fc.integer({ min: -2, max: 2 }).map((d) => d - REACH_BACK_MS),
  fc.integer({ min: -2, max: 2 }).map((d) => d + REACH_AHEAD_MS),
);

describe('busyWindowFor', () => {
  it('keeps every verdict: busy time outside the window it gives never refuses a start from now on', () => {
    fc.assert(
      fc.property(
        fc.record({
          durationMinutes: fc.oneof(
            fc.constant(MAX_SPAN_SETTING_MINUTES),
            fc.integer({ min: 1, max: MAX_SPAN_SETTING_MINUTES }),
          ),
          bufferBeforeMinutes: setting,
          bufferAfterMinutes: setting,
        }),
        setting,
        fc.integer({ min: -6 * DAY, max: 6 * DAY }),
        fc.integer({ min: 1, max: 2 * DAY }),
        fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })),
        fc.array(fc.tuple(edge, fc.integer({ min: 1, max: 3 * DAY }), fc.boolean()), { maxLength: 8 }),
        (timing, gap, offset, length, at, raw) => {
          const window = { start: NOW + offset, end: NOW + offset + length };
          const needed = busyWindowFor(window, NOW);
          const from = Math.max(window.start, NOW);
          if (from >= window.end) return needed === null;
          // A start the rules could accept: in the window (often its first or last instant), not before now.
          const s = at === 1 ? window.end - 1 : Math.floor(from + at * (window.end - from));
          // Each busy interval has one edge at `edge` from s: its end (true) or its start.
          const busy = merge(
            raw.map(([e, l, isEnd]) => (isEnd ? { start: s + e - l, end: s + e } : { start: s + e, end: s + e + l })),
          );
          const kept: Interval[] = needed ? busy.filter((b) => b.start < needed.end && needed.start < b.end) : [];
          const span = occupiedSpan(s, s + timing.durationMinutes * MIN, timing, gap);
          return overlapsAny(busy, span) === overlapsAny(kept, span);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('needs nothing for a window that ends by now, and nothing before the floor for any other', () => {
    expect(
      busyWindowFor({ start: Date.parse('1900-01-01T00:00:00Z'), end: Date.parse('1900-02-01T00:00:00Z') }, NOW),
    ).toBe(null);
    expect(busyWindowFor({ start: NOW - DAY, end: NOW }, NOW)).toBe(null);
    expect(busyWindowFor({ start: NOW - 30 * DAY, end: NOW + 1 }, NOW)).toEqual({
      start: busyFloor(NOW),
      end: NOW + 1 + REACH_AHEAD_MS,
    });
    expect(busyWindowFor({ start: NOW + 5 * DAY, end: NOW + 6 * DAY }, NOW)).toEqual({
      start: NOW + 5 * DAY - REACH_BACK_MS,
      end: NOW + 6 * DAY + REACH_AHEAD_MS,
    });
    expect(busyFloor(NOW)).toBe(NOW - REACH_BACK_MS);
  });
});

describe('externalWindowFor: raw external intervals, extended by the gap after reading', () => {
  it('keeps every verdict: intervals outside the window it gives never refuse a start from now on', () => {
    fc.assert(
      fc.property(
        fc.record({
          durationMinutes: fc.integer({ min: 1, max: MAX_SPAN_SETTING_MINUTES }),
          bufferBeforeMinutes: setting,
          bufferAfterMinutes: setting,
        }),
        setting,
        fc.integer({ min: -6 * DAY, max: 6 * DAY }),
        fc.integer({ min: 1, max: 2 * DAY }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.array(fc.tuple(fc.integer({ min: -7 * DAY, max: 5 * DAY }), fc.integer({ min: 1, max: 3 * DAY })), {
          maxLength: 8,
        }),
        (timing, gap, offset, length, at, raw) => {
          const window = { start: NOW + offset, end: NOW + offset + length };
          const needed = externalWindowFor(window, NOW);
          const from = Math.max(window.start, NOW);
          if (from >= window.end) return needed === null;
          const s = Math.floor(from + at * (window.end - from));
          const external = raw.map(([e, l]) => ({ start: s + e, end: s + e + l }));
          const kept = needed ? external.filter((b) => b.start < needed.end && needed.start < b.end) : [];
          const extend = (list: Interval[]) => merge(list.map((i) => ({ start: i.start, end: i.end + gap * MIN })));
          const span = occupiedSpan(s, s + timing.durationMinutes * MIN, timing, gap);
          return overlapsAny(extend(external), span) === overlapsAny(extend(kept), span);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reaches one largest gap further back than busyWindowFor', () => {
    const window = { start: NOW + 5 * DAY, end: NOW + 6 * DAY };
    expect(externalWindowFor(window, NOW)).toEqual({
      start: NOW + 5 * DAY - REACH_BACK_MS - MAX_SPAN_SETTING_MINUTES * MIN,
      end: NOW + 6 * DAY + REACH_AHEAD_MS,
    });
    expect(externalWindowFor({ start: NOW - DAY, end: NOW }, NOW)).toBe(null);
  });
});
