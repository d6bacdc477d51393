/**
 * Group sessions and held starts (SPEC §9.1, §9.3) against a naive oracle: for random hours,
 * zones (clock-change days included), timings, sessions, bookings, holds and a shared room, the
 * day view of one member and of "any" of two, and checkSlot, agree start by start and seat by
 * seat with a plain reading of the rule (linear scans, no merging, no binary search).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayClosure } from './availability.ts';
import { checkSlot } from './booking-rules.ts';
import { heldSpan } from './busy.ts';
import { type AvailabilityInput, dayWindow, slotsBetween } from './calendar.ts';
import { addDays } from './date.ts';
import { merge } from './interval.ts';
import { candidates, occupiedSpan } from './slots.ts';
import { at, iso, staff as member } from './test-fixtures.ts';
import type { HeldStart, Interval, ServiceTiming, Session, StaffSchedule } from './types.ts';

const MINUTE = 60_000;
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Australia/Lord_Howe'];
const DATES = ['2027-03-28', '2027-10-31', '2027-03-14', '2027-11-07', '2027-04-04', '2027-06-15'];

const spans = (maxLength: number) =>
  fc.array(
    fc.record({ offset: fc.integer({ min: -6 * 60, max: 30 * 60 }), length: fc.integer({ min: 1, max: 180 }) }),
    { maxLength },
  );

const scenario = fc.record({
  zone: fc.constantFrom(...ZONES),
  date: fc.constantFrom(...DATES),
  from: fc.integer({ min: 0, max: 12 }).map((h) => h * 60),
  hours: fc.integer({ min: 2, max: 12 }).map((h) => h * 60),
  step: fc.constantFrom(15, 30, 45, 60),
  duration: fc.constantFrom(30, 45, 60, 90),
  before: fc.constantFrom(0, 0, 15),
  after: fc.constantFrom(0, 0, 10),
  gap: fc.constantFrom(0, 0, 15),
  notice: fc.constantFrom(0, 0, 120),
  capacity: fc.integer({ min: 2, max: 6 }),
  room: fc.boolean(),
  // Per member: which candidates hold a session, and the seats each has taken (0..capacity + 1).
  picks: fc.array(fc.array(fc.boolean(), { maxLength: 48 }), { minLength: 2, maxLength: 2 }),
  taken: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 96, maxLength: 96 }),
  bookings: fc.array(spans(3), { minLength: 2, maxLength: 2 }),
  holds: fc.array(spans(2), { minLength: 2, maxLength: 2 }),
  roomHolds: spans(3),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  readonly members: StaffSchedule[];
  readonly timing: ServiceTiming;
  readonly sessions: Map<string, Session[]>;
  readonly busy: Map<string, Interval[]>;
  readonly holds: Map<string, HeldStart[]>;
  readonly room: Interval[] | null;
  readonly now: number;
}

function build(s: Scenario): Built {
  const midnight = at(`${s.date}T00:00:00Z`);
  const timing: ServiceTiming = {
    durationMinutes: s.duration,
    bufferBeforeMinutes: s.before,
    bufferAfterMinutes: s.after,
  };
  const hours = { start: s.from, end: Math.min(1440, s.from + s.hours) };
  const members = ['m1', 'm2'].map((id) =>
    member({
      id,
      timezone: s.zone,
      hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [hours]])),
      policy: { slotStepMinutes: s.step, gapMinutes: s.gap, minNoticeMinutes: s.notice, horizonDays: 30 },
    }),
  );
  const toIntervals = (list: { offset: number; length: number }[]) =>
    list.map((b) => ({ start: midnight + b.offset * MINUTE, end: midnight + (b.offset + b.length) * MINUTE }));
  const sessions = new Map<string, Session[]>();
  members.forEach((m, k) => {
    const list: Session[] = [];
    candidates(m, s.date, timing).forEach((c, i) => {
      if (!s.picks[k]?.[i]) return;
      const span = occupiedSpan(c.start, c.end, timing, s.gap);
      const last = list[list.length - 1];
      if (last && span.start < last.span.end) return; // the database keeps a member's sessions apart
      const seatsTaken = s.taken[k * 48 + i] ?? 0;
      list.push({ start: c.start, span, resourceSpan: s.room ? heldSpan(c.start, c.end, timing) : null, seatsTaken });
    });
    sessions.set(m.id, list);
  });
  return {
    members,
    timing,
    sessions,
    busy: new Map(members.map((m, k) => [m.id, merge(toIntervals(s.bookings[k] ?? []))])),
    holds: new Map(
      members.map((m, k) => [m.id, toIntervals(s.holds[k] ?? []).map((span) => ({ start: span.start, span }))]),
    ),
    room: s.room ? toIntervals(s.roomHolds) : null,
    now: at(`${addDays(s.date, -1)}T12:00:00Z`),
  };
}

const overlap = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** The oracle: 'start seatsLeft' of each start the member may take, by reading the rule plainly. */
function oracle(b: Built, s: Scenario, m: StaffSchedule): string[] {
  if (dayClosure(m, s.date, b.now) !== null) return [];
  const out: string[] = [];
  const all = [...b.sessions.entries()].flatMap(([id, list]) => list.map((x) => ({ id, ...x })));
  for (const c of candidates(m, s.date, b.timing)) {
    if (c.start < b.now + s.notice * MINUTE) continue;
    const span = occupiedSpan(c.start, c.end, b.timing, s.gap);
    const held = heldSpan(c.start, c.end, b.timing);
    if ((b.busy.get(m.id) ?? []).some((x) => overlap(x, span))) continue;
    if ((b.holds.get(m.id) ?? []).some((h) => overlap(h.span, span))) continue;
    const mine = b.sessions.get(m.id) ?? [];
    const own = mine.find((x) => x.start === c.start);
    const sessionsOk = mine.every(
      (x) => !overlap(x.span, span) || (x.start === c.start && s.capacity - x.seatsTaken > 0),
    );
    if (!sessionsOk) continue;
    if (b.room) {
      if (b.room.some((x) => overlap(x, held))) continue;
      const clash = all.some(
        (x) => x.resourceSpan && overlap(x.resourceSpan, held) && !(x.id === m.id && x.start === c.start),
      );
      if (clash) continue;
    }
    out.push(`${iso(c.start)} ${own ? Math.max(0, s.capacity - own.seatsTaken) : s.capacity}`);
  }
  return out;
}

function input(b: Built, s: Scenario, members: StaffSchedule[]): AvailabilityInput {
  return {
    staff: members,
    timing: b.timing,
    busy: b.busy,
    holds: b.holds,
    sessions: { capacity: s.capacity, byMember: b.sessions },
    ...(b.room ? { resources: new Map([['room', b.room]]) } : {}),
    now: b.now,
  };
}

describe('sessions and held starts (property): the engine agrees with a plain reading of the rule', () => {
  it('one member: day view and checkSlot list exactly the oracle’s starts and seats', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const b = build(s);
        for (const m of b.members) {
          const expected = oracle(b, s, m);
          const w = dayWindow(s.date, s.zone);
          const listed = slotsBetween(input(b, s, [m]), w.start, w.end).map((x) => `${iso(x.start)} ${x.seatsLeft}`);
          expect(listed).toEqual(expected);
          const accepted: string[] = [];
          for (const c of candidates(m, s.date, b.timing)) {
            const check = checkSlot({
              staff: m,
              timing: b.timing,
              busy: b.busy.get(m.id) ?? [],
              holds: b.holds.get(m.id) ?? [],
              sessions: { capacity: s.capacity, byMember: b.sessions },
              ...(b.room ? { resources: new Map([['room', b.room]]) } : {}),
              now: b.now,
              start: c.start,
            });
            if (check.ok) accepted.push(`${iso(c.start)} ${check.seatsLeft}`);
          }
          expect(accepted).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('"any" of two: each start lists the members who can take it and the most seats one booking gets', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const b = build(s);
        const expected = new Map<string, { staff: string[]; seats: number }>();
        for (const m of b.members) {
          for (const line of oracle(b, s, m)) {
            const [start = '', seats = '0'] = line.split(' ');
            const e = expected.get(start) ?? { staff: [], seats: 0 };
            expected.set(start, { staff: [...e.staff, m.id], seats: Math.max(e.seats, Number(seats)) });
          }
        }
        const w = dayWindow(s.date, s.zone);
        const listed = slotsBetween(input(b, s, b.members), w.start, w.end);
        expect(listed.map((x) => `${iso(x.start)} ${x.seatsLeft} ${x.staff.join(',')}`)).toEqual(
          [...expected.entries()].sort().map(([start, e]) => `${start} ${e.seats} ${e.staff.join(',')}`),
        );
      }),
      { numRuns: 100 },
    );
  });
});
