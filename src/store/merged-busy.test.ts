/**
 * The read cache's merged busy lists (merged-busy.ts, decision 044): the same busy time in every
 * window as the rows merged afresh, and never a list kept past a write or a lapsed hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Interval, merge } from '../core/index.ts';
import { mergeRows, spansWithin, withRows } from './merged-busy.ts';
import { type OccupyingRow, ReadCache } from './read-cache.ts';

const H = 3_600_000;
const NOW = Date.parse('2027-03-29T08:00:00Z');
const rows = (...r: [number, number, number | null][]): OccupyingRow[] =>
  r.map(([s, e, h]) => ({ start: NOW + s * H, end: NOW + e * H, holdUntil: h === null ? null : NOW + h * H }));
const hours = (list: readonly Interval[] | undefined) =>
  (list ?? []).map((i) => [(i.start - NOW) / H, (i.end - NOW) / H]);
const WINDOW = { start: NOW, end: NOW + 24 * H };

/** Busy time cut to a window: what a merged answer must agree on with the rows merged afresh. */
const cut = (list: readonly Interval[], w: Interval) =>
  list.map((i) => ({ start: Math.max(i.start, w.start), end: Math.min(i.end, w.end) })).filter((i) => i.end > i.start);

/** A random row of the property tests: a span of 0–30 on 0–230, held until 0–60 or not held. */
const row = fc
  .record({ start: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 0, max: 30 }) })
  .chain(({ start, length }) =>
    fc.record({
      start: fc.constant(start),
      end: fc.constant(start + length),
      holdUntil: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    }),
  );

describe('merged busy lists in the read cache', () => {
  it('joins overlapping and touching rows (seats of one session share a span) and leaves lapsed holds out', async () => {
    const cache = new ReadCache();
    const load = async () =>
      new Map([['1', rows([1, 2, null], [1, 2, null], [2, 3, null], [4, 5, 0.5], [6, 7, null])]]);
    const merged = await cache.busyFor(['1'], WINDOW, NOW, load, true);
    expect(hours(merged?.get('1'))).toEqual([
      [1, 3],
      [4, 5],
      [6, 7],
    ]);
    // The hold lapses at 0.5 h: the kept list is not answered any more, without a reload.
    expect(hours((await cache.busyFor(['1'], WINDOW, NOW + 0.5 * H, load, true))?.get('1'))).toEqual([
      [1, 3],
      [6, 7],
    ]);
    // A clock that goes back (a test's, a corrected one) is answered as of that instant too.
    expect(hours((await cache.busyFor(['1'], WINDOW, NOW, load, true))?.get('1'))).toEqual([
      [1, 3],
      [4, 5],
      [6, 7],
    ]);
  });

  it('answers the spans overlapping the window whole, sharing the kept objects between answers', async () => {
    const cache = new ReadCache();
    const load = async () => new Map([['1', rows([1, 3, null], [5, 6, null], [9, 10, null])]]);
    const narrow = { start: NOW + 2 * H, end: NOW + 5.5 * H };
    const a = (await cache.busyFor(['1'], narrow, NOW, load, true))?.get('1');
    const b = (await cache.busyFor(['1'], narrow, NOW + 1, load, true))?.get('1');
    expect(hours(a)).toEqual([
      [1, 3],
      [5, 6],
    ]);
    expect(b?.[0]).toBe(a?.[0]); // no copy of the spans per question
    expect(
      hours((await cache.busyFor(['1'], { start: NOW + 3 * H, end: NOW + 5 * H }, NOW, load, true))?.get('1')),
    ).toEqual([]);
  });

  it('shows a committed booking (addRow) and a reload after invalidateStaff: a kept list is never stale', async () => {
    const cache = new ReadCache();
    let version = 0;
    const load = async () => new Map([['1', version === 0 ? rows([1, 2, null]) : rows([1, 2, null], [8, 9, null])]]);
    expect(hours((await cache.busyFor(['1'], WINDOW, NOW, load, true))?.get('1'))).toEqual([[1, 2]]);
    cache.addRow('1', { start: NOW + 2 * H, end: NOW + 3 * H, holdUntil: null });
    expect(hours((await cache.busyFor(['1'], WINDOW, NOW, load, true))?.get('1'))).toEqual([[1, 3]]);
    version = 1; // a cancellation or move reloads the member's rows
    cache.invalidateStaff('1');
    expect(hours((await cache.busyFor(['1'], WINDOW, NOW, load, true))?.get('1'))).toEqual([
      [1, 2],
      [8, 9],
    ]);
    cache.clear();
    version = 0;
    expect(hours((await cache.busyFor(['1'], WINDOW, NOW, load, true))?.get('1'))).toEqual([[1, 2]]);
  });

  it("keeps a member's merged list across their bookings (addRow adds the span), and merges afresh when a hold is dropped", async () => {
    const cache = new ReadCache();
    // A hold on 10–11 h until 0.5 h from now: busy in the list merged now.
    const load = async () => new Map([['1', rows([1, 2, null], [5, 6, null], [10, 11, 0.5])]]);
    const before = (await cache.busyFor(['1'], WINDOW, NOW, load, true))?.get('1');
    cache.addRow('1', { start: NOW + 6 * H, end: NOW + 7 * H, holdUntil: null });
    const after = (await cache.busyFor(['1'], WINDOW, NOW, load, true))?.get('1');
    expect(hours(after)).toEqual([
      [1, 2],
      [5, 7],
      [10, 11],
    ]);
    expect(after?.[0]).toBe(before?.[0]); // the kept list went on: an untouched span is the same object
    // A booking over the hold (its insert expired it, a clock later): the hold's row is dropped, and
    // its time is no longer busy, even asked as of before the hold's end (a clock set back).
    cache.addRow('1', { start: NOW + 10.5 * H, end: NOW + 12 * H, holdUntil: null });
    expect(hours((await cache.busyFor(['1'], WINDOW, NOW, load, true))?.get('1'))).toEqual([
      [1, 2],
      [5, 7],
      [10.5, 12],
    ]);
  });

  it('gives in every window the busy time the rows overlapping it give merged afresh (property)', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -10, max: 240 }),
        fc.integer({ min: 0, max: 120 }),
        (list, now, from, width) => {
          const sorted = [...list].sort((a, b) => a.start - b.start);
          const holdEnds = sorted.flatMap((r) => (r.holdUntil === null ? [] : [r.holdUntil])).sort((a, b) => a - b);
          const m = mergeRows(sorted, holdEnds, now);
          const w = { start: from, end: from + width };
          const fresh = merge(
            sorted
              .filter((r) => r.end > w.start && r.start < w.end && (r.holdUntil === null || r.holdUntil > now))
              .map((r) => ({ start: r.start, end: r.end })),
          );
          expect(cut(spansWithin(m, w), w)).toEqual(cut(fresh, w));
          // Merged: sorted, neither overlapping nor touching.
          for (let i = 1; i < m.spans.length; i++) {
            expect((m.spans[i] as Interval).start).toBeGreaterThan((m.spans[i - 1] as Interval).end);
          }
          // Right for every instant of [from, until): the same list merged there.
          for (const t of [m.from, m.until - 1]) {
            if (Number.isFinite(t)) expect(mergeRows(sorted, holdEnds, t).spans).toEqual(m.spans);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('adds committed rows to a merged list as a full merge of all the rows would, at every instant it claims (property)', () => {
    const byStart = (list: readonly OccupyingRow[]) => [...list].sort((a, b) => a.start - b.start);
    const endsOf = (list: readonly OccupyingRow[]) =>
      list.flatMap((r) => (r.holdUntil === null ? [] : [r.holdUntil])).sort((a, b) => a - b);
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.array(row, { maxLength: 4 }),
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.integer({ min: -5, max: 70 }), { minLength: 1, maxLength: 6 }),
        (list, added, now, instants) => {
          const before = byStart(list);
          const m = withRows(mergeRows(before, endsOf(before), now), added);
          const all = byStart([...list, ...added]);
          // The instants it claims, probed at both ends and at random: the full merge's spans there.
          const probes = [m.from, m.until - 1, ...instants].filter(
            (t) => Number.isFinite(t) && t >= m.from && t < m.until,
          );
          for (const t of probes) expect(m.spans).toEqual(mergeRows(all, endsOf(all), t).spans);
          expect([...m.starts]).toEqual(m.spans.map((i) => i.start));
          expect([...m.ends]).toEqual(m.spans.map((i) => i.end));
          // Still the list of the instant it was merged at, unless a new hold ends at or before it.
          if (added.every((r) => r.holdUntil === null || r.holdUntil > now || r.end <= r.start)) {
            expect(now >= m.from && now < m.until).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('a committed booking joining its member cached rows (addRow)', () => {
  it('gives the rows, busy time, merged lists and hold ends of the rows as loaded afresh (property)', async () => {
    // A member's rows never overlap: gaps and lengths in turn, some of them holds.
    const member = fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 12 }),
        length: fc.integer({ min: 1, max: 12 }),
        holdUntil: fc.option(fc.integer({ min: -10, max: 60 }), { nil: null }),
      }),
      { maxLength: 25 },
    );
    const booking = fc.record({
      start: fc.integer({ min: -5, max: 250 }),
      length: fc.integer({ min: 0, max: 20 }),
      holdUntil: fc.option(fc.integer({ min: -10, max: 60 }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(
        member,
        booking,
        fc.array(fc.integer({ min: -10, max: 70 }), { minLength: 1, maxLength: 4 }),
        async (parts, b, instants) => {
          let at = 0;
          const loaded: OccupyingRow[] = parts.map((p) => {
            at += p.gap;
            const row = {
              start: NOW + at * H,
              end: NOW + (at + p.length) * H,
              holdUntil: p.holdUntil === null ? null : NOW + p.holdUntil * H,
            };
            at += p.length;
            return row;
          });
          const row = {
            start: NOW + b.start * H,
            end: NOW + (b.start + b.length) * H,
            holdUntil: b.holdUntil === null ? null : NOW + b.holdUntil * H,
          };
          // The oracle: the rows it overlaps dropped, placed after kept rows of the same start.
          const kept = loaded.filter((r) => !(r.start < row.end && row.start < r.end));
          const expected = [...kept, row].sort((x, y) => x.start - y.start);
          const wide = { start: NOW - 20 * H, end: NOW + 300 * H };
          const cache = new ReadCache();
          const fresh = new ReadCache();
          await cache.busyFor(['1'], wide, NOW, async () => new Map([['1', loaded]]), true); // merged before the write
          cache.addRow('1', row);
          await fresh.busyFor(['1'], wide, NOW, async () => new Map([['1', expected]]), true); // the same floor
          for (const t of instants.map((h) => NOW + h * H)) {
            for (const merged of [false, true]) {
              const got = await cache.busyFor(['1'], wide, t, async () => new Map(), merged);
              const want = await fresh.busyFor(['1'], wide, t, async () => new Map(), merged);
              expect(got?.get('1')).toEqual(want?.get('1'));
            }
            expect(cache.viewToken(['1'], t)?.validUntil).toBe(fresh.viewToken(['1'], t)?.validUntil);
          }
        },
      ),
      {
        numRuns: 1500,
        // An empty row where a kept one starts: placed after it, as the general way sorts them.
        examples: [[[{ gap: 2, length: 2, holdUntil: null }], { start: 2, length: 0, holdUntil: null }, [0]]],
      },
    );
  });
});
