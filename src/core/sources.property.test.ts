/**
 * Property tests for availability from every source (SPEC §8): with random date hours, blocks,
 * external busy time and resource holds, a start is bookable exactly when it is listed, and no
 * listed slot touches busy time of any source.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSlot } from './booking-rules.ts';
import { heldSpan } from './busy.ts';
import { dayWindow, slotsBetween } from './calendar.ts';
import { addDays } from './date.ts';
import { merge } from './interval.ts';
import { candidates, occupiedSpan } from './slots.ts';
import { at, iso } from './test-fixtures.ts';
import { formatInstant, startOfDay } from './time.ts';
import { blockSpan } from './time-off.ts';
import type { Interval, ServiceTiming, StaffSchedule, TimeBlock } from './types.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'Australia/Lord_Howe'];
const DATES = ['2027-03-28', '2027-10-31', '2027-03-14', '2027-11-07', '2027-04-04', '2027-10-03', '2027-06-15'];

/** Relative spans in minutes from UTC midnight of the date. */
const spans = (max: number) =>
  fc.array(
    fc.record({ offset: fc.integer({ min: -24 * 60, max: 48 * 60 }), length: fc.integer({ min: 1, max: 300 }) }),
    {
      maxLength: max,
    },
  );

const scenario = fc.record({
  zone: fc.constantFrom(...ZONES),
  date: fc.constantFrom(...DATES),
  dateHours: fc.option(
    fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 }).map((marks) => {
      const sorted = [...marks].sort((a, b) => a - b).map((m) => m * 15);
      const out: { start: number; end: number }[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: sorted[i] ?? 0, end: sorted[i + 1] ?? 0 });
      return out;
    }),
    { freq: 2 },
  ),
  blocks: spans(3),
  external: spans(4),
  allDay: fc.array(fc.integer({ min: -1, max: 1 }), { maxLength: 2 }),
  holds: spans(4),
  step: fc.constantFrom(15, 20, 30, 45, 60),
  duration: fc.integer({ min: 5, max: 180 }),
  before: fc.integer({ min: 0, max: 45 }),
  after: fc.integer({ min: 0, max: 45 }),
  gap: fc.integer({ min: 0, max: 45 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** A local date-time text of an instant in a zone (minutes precision). */
function local(ms: number, zone: string): string {
  return formatInstant(ms, zone).slice(0, 16);
}

function build(s: Scenario) {
  const midnight = at(`${s.date}T00:00:00Z`);
  const abs = (r: { offset: number; length: number }): Interval => ({
    start: midnight + r.offset * MINUTE,
    end: midnight + (r.offset + r.length) * MINUTE,
  });
  const blocks: TimeBlock[] = s.blocks.map((b) => {
    const i = abs(b);
    return { from: local(i.start, s.zone), to: local(i.end, s.zone) };
  });
  const staff: StaffSchedule = {
    id: 'm1',
    timezone: s.zone,
    hours: { mon: [{ start: 480, end: 1080 }], tue: [{ start: 0, end: 1440 }], wed: [{ start: 540, end: 1020 }] },
    daysOff: [],
    policy: { slotStepMinutes: s.step, gapMinutes: s.gap, minNoticeMinutes: 0, horizonDays: 30 },
    ...(s.dateHours ? { dateHours: { [s.date]: s.dateHours } } : {}),
    blocks,
  };
  // Sundays (most change days) get hours too.
  const withSunday: StaffSchedule = { ...staff, hours: { ...staff.hours, sun: [{ start: 0, end: 1440 }] } };
  const external = {
    intervals: merge(s.external.map(abs)),
    dates: s.allDay.map((d) => addDays(s.date, d)),
  };
  const timing: ServiceTiming = {
    durationMinutes: s.duration,
    bufferBeforeMinutes: s.before,
    bufferAfterMinutes: s.after,
  };
  const resources = new Map([['room', s.holds.map(abs)]]);
  return { staff: withSunday, external, timing, resources, now: midnight - 2 * DAY };
}

describe('availability from every source (property)', () => {
  it('checkSlot accepts exactly the candidates slotsBetween lists', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { staff, external, timing, resources, now } = build(s);
        const w = dayWindow(s.date, s.zone);
        const input = {
          staff: [staff],
          timing,
          busy: new Map(),
          external: new Map([['m1', external]]),
          resources,
          now,
        };
        const listed = new Set(slotsBetween(input, w.start, w.end).map((slot) => slot.start));
        for (const c of candidates(staff, s.date, timing)) {
          const check = checkSlot({ staff, timing, busy: [], external, resources, now, start: c.start });
          expect(check.ok, `candidate ${iso(c.start)}: ${JSON.stringify(check)}`).toBe(listed.has(c.start));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no listed slot touches a block, an external event (gap included) or a held resource', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { staff, external, timing, resources, now } = build(s);
        const w = dayWindow(s.date, s.zone);
        const input = {
          staff: [staff],
          timing,
          busy: new Map(),
          external: new Map([['m1', external]]),
          resources,
          now,
        };
        // Busy time of each source on its own (no merge), the gap after each.
        const gap = s.gap * MINUTE;
        const busy: Interval[] = [
          ...external.intervals,
          ...external.dates.map((d) => ({ start: startOfDay(d, s.zone), end: startOfDay(addDays(d, 1), s.zone) })),
          ...(staff.blocks ?? []).flatMap((b) => blockSpan(b, s.zone) ?? []),
        ].map((i) => ({ start: i.start, end: i.end + gap }));
        for (const slot of slotsBetween(input, w.start, w.end)) {
          const occ = occupiedSpan(slot.start, slot.end, timing, s.gap);
          for (const b of busy) {
            expect(b.start < occ.end && occ.start < b.end, `slot ${iso(slot.start)}`).toBe(false);
          }
          const held = heldSpan(slot.start, slot.end, timing);
          for (const h of resources.get('room') ?? []) {
            expect(h.start < held.end && held.start < h.end, `slot ${iso(slot.start)} vs room`).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
