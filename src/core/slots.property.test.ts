import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workingIntervals } from './availability.ts';
import { checkSlot } from './booking-rules.ts';
import { viewerDaySlots } from './calendar.ts';
import { addDays, weekdayOf } from './date.ts';
import { merge } from './interval.ts';
import { candidates, daySlots, occupiedSpan } from './slots.ts';
import { at, iso } from './test-fixtures.ts';
import { dateOf, instantToWall, wallToInstant } from './time.ts';
import type { DayOff, Interval, ServiceTiming, StaffSchedule, WallRange, Weekday, WeeklyHours } from './types.ts';
import { WEEKDAYS } from './types.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

// Zones with clock changes of one hour (both hemispheres), half an hour (Lord Howe), at midnight
// (Santiago), and fixed odd offsets (Kolkata +05:30, St John's -03:30 / -02:30).
const ZONES = [
  'UTC',
  'Europe/Paris',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/St_Johns',
];
// Change days of those zones in 2027, and an ordinary day.
const CHANGE_DAYS = ['2027-03-28', '2027-10-31', '2027-03-14', '2027-11-07', '2027-04-04', '2027-10-03', '2027-09-05'];

/** Non-overlapping ranges of one weekday: sorted distinct 5-minute marks taken in pairs. */
const dayRanges: fc.Arbitrary<WallRange[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 288 }), { maxLength: 6 })
  .map((marks) => {
    const sorted = [...marks].sort((a, b) => a - b).map((m) => m * 5);
    const ranges: WallRange[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push({ start: sorted[i] ?? 0, end: sorted[i + 1] ?? 0 });
    return ranges;
  });

const weeklyHours: fc.Arbitrary<WeeklyHours> = fc
  .tuple(...WEEKDAYS.map(() => dayRanges))
  .map((perDay) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, perDay[i] ?? []])) as Record<Weekday, WallRange[]>);

const scenario = fc.record({
  zone: fc.constantFrom(...ZONES),
  date: fc.oneof(
    fc.constantFrom(...CHANGE_DAYS),
    fc.integer({ min: 0, max: 729 }).map((n) => addDays('2027-01-01', n)),
  ),
  hours: weeklyHours,
  // The date's own weekday always gets some hours, so most runs have candidates.
  ownDay: dayRanges,
  // Days off relative to the date: [from, from + length].
  dayOff: fc.option(fc.record({ from: fc.integer({ min: -3, max: 3 }), length: fc.integer({ min: 0, max: 2 }) }), {
    freq: 2,
  }),
  step: fc.integer({ min: 5, max: 120 }),
  duration: fc.integer({ min: 5, max: 240 }),
  before: fc.integer({ min: 0, max: 60 }),
  after: fc.integer({ min: 0, max: 60 }),
  gap: fc.integer({ min: 0, max: 60 }),
  notice: fc.integer({ min: 0, max: 12 * 60 }),
  horizon: fc.integer({ min: 0, max: 30 }),
  // now, relative to UTC midnight of the date: from three days before to one day after.
  nowOffset: fc.integer({ min: -3 * DAY, max: DAY }),
  // Busy spans relative to UTC midnight of the date, in minutes.
  bookings: fc.array(
    fc.record({ offset: fc.integer({ min: -24 * 60, max: 48 * 60 }), length: fc.integer({ min: 1, max: 240 }) }),
    { maxLength: 8 },
  ),
  viewer: fc.constantFrom(...ZONES),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): {
  staff: StaffSchedule;
  timing: ServiceTiming;
  busy: Interval[];
  now: number;
  ranges: readonly WallRange[];
} {
  const midnight = at(`${s.date}T00:00:00Z`);
  const ranges = s.ownDay.length > 0 ? s.ownDay : [{ start: 540, end: 1020 }];
  const daysOff: DayOff[] = s.dayOff
    ? [{ from: addDays(s.date, s.dayOff.from), to: addDays(s.date, s.dayOff.from + s.dayOff.length) }]
    : [];
  const staff: StaffSchedule = {
    id: 'm1',
    timezone: s.zone,
    hours: { ...s.hours, [weekdayOf(s.date)]: ranges },
    daysOff,
    policy: { slotStepMinutes: s.step, gapMinutes: s.gap, minNoticeMinutes: s.notice, horizonDays: s.horizon },
  };
  const busy = merge(
    s.bookings.map((b) => ({ start: midnight + b.offset * MINUTE, end: midnight + (b.offset + b.length) * MINUTE })),
  );
  const timing: ServiceTiming = {
    durationMinutes: s.duration,
    bufferBeforeMinutes: s.before,
    bufferAfterMinutes: s.after,
  };
  return { staff, timing, busy, now: midnight + s.nowOffset, ranges };
}

describe('daySlots (property): random hours, bookings, policies and zones', () => {
  it('no slot’s occupied span overlaps a busy span', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { staff, timing, busy, now } = build(s);
        for (const slot of daySlots({ staff, date: s.date, timing, busy, now })) {
          const span = occupiedSpan(slot.start, slot.end, timing, s.gap);
          const clash = busy.find((b) => span.start < b.end && b.start < span.end);
          expect(clash, `slot ${iso(slot.start)}`).toBeUndefined();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every slot lies inside a working interval of its date, on the wall-clock grid of its range', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { staff, timing, busy, now, ranges } = build(s);
        const work = workingIntervals(staff, s.date, now);
        const slots = daySlots({ staff, date: s.date, timing, busy, now });
        for (const slot of slots) {
          expect(slot.end - slot.start).toBe(s.duration * MINUTE);
          expect(work.some((w) => w.start <= slot.start && slot.end <= w.end)).toBe(true);
          const wallTime = instantToWall(slot.start, s.zone);
          expect(wallTime.date).toBe(s.date);
          expect(dateOf(slot.start, s.zone)).toBe(s.date);
          const m = wallTime.minutes;
          expect(ranges.some((r) => r.start <= m && m < r.end && (m - r.start) % s.step === 0)).toBe(true);
          // A repeated wall time means its first occurrence.
          expect(wallToInstant(s.date, m, s.zone)).toBe(slot.start);
        }
        for (let i = 1; i < slots.length; i++) {
          expect((slots[i]?.start ?? 0) > (slots[i - 1]?.start ?? 0)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('no slot starts before now + min notice', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { staff, timing, busy, now } = build(s);
        for (const slot of daySlots({ staff, date: s.date, timing, busy, now })) {
          expect(slot.start).toBeGreaterThanOrEqual(now + s.notice * MINUTE);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('checkSlot accepts exactly the candidates daySlots lists', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { staff, timing, busy, now } = build(s);
        const slots = daySlots({ staff, date: s.date, timing, busy, now });
        for (const slot of slots) {
          expect(checkSlot({ staff, timing, busy, now, start: slot.start })).toEqual({ ok: true, slot });
        }
        const listed = new Set(slots.map((slot) => slot.start));
        for (const c of candidates(staff, s.date, timing)) {
          const check = checkSlot({ staff, timing, busy, now, start: c.start });
          expect(listed.has(c.start), `candidate ${iso(c.start)}: ${JSON.stringify(check)}`).toBe(check.ok);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every slot is listed under its date in the viewer’s zone', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { staff, timing, busy, now } = build(s);
        const input = { staff: [staff], timing, busy: new Map([['m1', busy]]), now };
        for (const slot of daySlots({ staff, date: s.date, timing, busy, now })) {
          const listed = viewerDaySlots(input, dateOf(slot.start, s.viewer), s.viewer);
          expect(listed.find((l) => l.start === slot.start)).toEqual({
            start: slot.start,
            end: slot.end,
            staff: ['m1'],
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});
