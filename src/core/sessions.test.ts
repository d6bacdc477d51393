/**
 * Group sessions in the slot engine (SPEC §9.1) through the entry points the app calls
 * (splitSessions, slotsBetween, monthDays, checkSlot), with exact instants and seat counts.
 */
import { describe, expect, it } from 'vitest';
import { checkSlot } from './booking-rules.ts';
import { heldSpan } from './busy.ts';
import { type AvailabilityInput, dayWindow, monthDays, slotsBetween } from './calendar.ts';
import { type OccupyingBooking, splitSessions } from './sessions.ts';
import { occupiedSpan } from './slots.ts';
import { at, EVERY_DAY, iso, isoSpan, span, staff, timing, weekly } from './test-fixtures.ts';
import type { Interval, ServiceTiming, Session, SessionsInput, StaffSchedule } from './types.ts';

const WORKSHOP = 'workshop';
const T60 = timing(60);

/** A session of the 60-minute workshop at `start` (UTC ISO) with `seats` taken. */
function session(start: string, seatsTaken: number, t: ServiceTiming = T60, gap = 0): Session {
  const s = at(start);
  const end = s + t.durationMinutes * 60_000;
  return { start: s, span: occupiedSpan(s, end, t, gap), resourceSpan: heldSpan(s, end, t), seatsTaken };
}

function sessions(capacity: number, byMember: Record<string, Session[]>): SessionsInput {
  return { capacity, byMember: new Map(Object.entries(byMember)) };
}

function ask(members: StaffSchedule[], extra: Partial<AvailabilityInput> = {}): AvailabilityInput {
  return { staff: members, timing: T60, busy: new Map(), now: at('2027-03-27T00:00:00Z'), ...extra };
}

/** The slots of a date in `zone` as 'start seatsLeft [staff]'. */
function seatsOn(input: AvailabilityInput, date: string, zone = 'UTC'): string[] {
  const w = dayWindow(date, zone);
  return slotsBetween(input, w.start, w.end).map((s) => `${iso(s.start)} ${s.seatsLeft} ${s.staff.join(',')}`);
}

/** Every start of the date (5-minute grid) checkSlot accepts, as 'start seatsLeft'. */
function acceptedOn(input: AvailabilityInput, member: StaffSchedule, date: string): string[] {
  const w = dayWindow(date, member.timezone);
  const out: string[] = [];
  for (let t = w.start; t < w.end; t += 5 * 60_000) {
    const check = checkSlot({
      staff: member,
      timing: input.timing,
      busy: input.busy.get(member.id) ?? [],
      ...(input.resources ? { resources: input.resources } : {}),
      ...(input.sessions ? { sessions: input.sessions } : {}),
      ...(input.holds?.get(member.id) ? { holds: input.holds.get(member.id) ?? [] } : {}),
      now: input.now,
      start: t,
    });
    if (check.ok) out.push(`${iso(t)} ${check.seatsLeft}`);
  }
  return out;
}

const member = staff({ hours: weekly(EVERY_DAY, '09:00-13:00') });

describe('splitSessions: a member’s occupying bookings → other services’ busy time + the service’s sessions', () => {
  const row = (serviceId: string, from: string, seats = 1): OccupyingBooking => {
    const s = at(from);
    return { serviceId, start: s, span: { start: s, end: s + 3_600_000 }, resourceSpan: null, seats };
  };

  it('groups the service’s bookings by start, sums their seats, merges the rest', () => {
    const { busy, sessions: list } = splitSessions(
      [
        row(WORKSHOP, '2027-03-29T10:00:00Z', 2),
        row('portrait', '2027-03-29T12:00:00Z'),
        row(WORKSHOP, '2027-03-29T10:00:00Z', 3),
        row('portrait', '2027-03-29T13:00:00Z'),
        row(WORKSHOP, '2027-03-29T08:00:00Z'),
      ],
      WORKSHOP,
    );
    expect(busy.map(isoSpan)).toEqual(['2027-03-29T12:00:00Z/2027-03-29T14:00:00Z']);
    expect(list.map((s) => [iso(s.start), isoSpan(s.span), s.seatsTaken])).toEqual([
      ['2027-03-29T08:00:00Z', '2027-03-29T08:00:00Z/2027-03-29T09:00:00Z', 1],
      ['2027-03-29T10:00:00Z', '2027-03-29T10:00:00Z/2027-03-29T11:00:00Z', 5],
    ]);
  });

  it('sessions whose spans overlap (a broken row) become one full session no start matches', () => {
    const { sessions: list } = splitSessions(
      [row(WORKSHOP, '2027-03-29T10:00:00Z'), row(WORKSHOP, '2027-03-29T10:30:00Z')],
      WORKSHOP,
    );
    expect(list.map((s) => [s.start, isoSpan(s.span), s.seatsTaken])).toEqual([
      [Number.NaN, '2027-03-29T10:00:00Z/2027-03-29T11:30:00Z', Number.POSITIVE_INFINITY],
    ]);
    const input = ask([member], { sessions: sessions(8, { m1: list }) });
    expect(seatsOn(input, '2027-03-29')).toEqual([
      '2027-03-29T09:00:00Z 8 m1',
      '2027-03-29T11:30:00Z 8 m1',
      '2027-03-29T12:00:00Z 8 m1',
    ]);
  });
});

describe('the day view of a capacity service (SPEC §9.1): seatsLeft, and a full session disappears', () => {
  it.each([
    {
      name: 'a session with 3 of 8 taken keeps its start (5 left); its neighbours that overlap it are gone',
      list: [session('2027-03-29T10:00:00Z', 3)],
      expected: [
        '2027-03-29T09:00:00Z 8 m1',
        '2027-03-29T10:00:00Z 5 m1',
        '2027-03-29T11:00:00Z 8 m1',
        '2027-03-29T11:30:00Z 8 m1',
        '2027-03-29T12:00:00Z 8 m1',
      ],
    },
    {
      name: 'a full session disappears, and so do the starts it overlaps',
      list: [session('2027-03-29T10:00:00Z', 8)],
      expected: [
        '2027-03-29T09:00:00Z 8 m1',
        '2027-03-29T11:00:00Z 8 m1',
        '2027-03-29T11:30:00Z 8 m1',
        '2027-03-29T12:00:00Z 8 m1',
      ],
    },
    {
      name: 'over capacity (capacity lowered after booking) is full, never negative',
      list: [session('2027-03-29T10:00:00Z', 11)],
      expected: [
        '2027-03-29T09:00:00Z 8 m1',
        '2027-03-29T11:00:00Z 8 m1',
        '2027-03-29T11:30:00Z 8 m1',
        '2027-03-29T12:00:00Z 8 m1',
      ],
    },
    {
      name: 'two sessions back to back, one seat left in each',
      list: [session('2027-03-29T09:00:00Z', 7), session('2027-03-29T10:00:00Z', 7)],
      expected: [
        '2027-03-29T09:00:00Z 1 m1',
        '2027-03-29T10:00:00Z 1 m1',
        '2027-03-29T11:00:00Z 8 m1',
        '2027-03-29T11:30:00Z 8 m1',
        '2027-03-29T12:00:00Z 8 m1',
      ],
    },
  ])('$name', ({ list, expected }) => {
    const input = ask([member], { sessions: sessions(8, { m1: list }) });
    expect(seatsOn(input, '2027-03-29')).toEqual(expected);
    expect(acceptedOn(input, member, '2027-03-29')).toEqual(expected.map((e) => e.replace(/ m1$/, '')));
  });

  it('a booking of another service is busy for the workshop; a workshop session is busy for another service', () => {
    const rows: OccupyingBooking[] = [
      {
        serviceId: 'portrait',
        start: at('2027-03-29T12:00:00Z'),
        span: span('2027-03-29T12:00:00Z/2027-03-29T13:00:00Z'),
        seats: 1,
      },
      {
        serviceId: WORKSHOP,
        start: at('2027-03-29T10:00:00Z'),
        span: span('2027-03-29T10:00:00Z/2027-03-29T11:00:00Z'),
        seats: 2,
      },
    ];
    const forWorkshop = splitSessions(rows, WORKSHOP);
    const workshop = ask([member], {
      busy: new Map([['m1', forWorkshop.busy]]),
      sessions: sessions(8, { m1: forWorkshop.sessions }),
    });
    expect(seatsOn(workshop, '2027-03-29')).toEqual([
      '2027-03-29T09:00:00Z 8 m1',
      '2027-03-29T10:00:00Z 6 m1',
      '2027-03-29T11:00:00Z 8 m1',
    ]);
    // For the portrait service (capacity 1) every booking is busy time: no session is for sale.
    const forPortrait = splitSessions(rows, 'portrait');
    const portrait = ask([member], {
      busy: new Map([['m1', busyWithSessions(forPortrait.busy, forPortrait.sessions)]]),
    });
    expect(seatsOn(portrait, '2027-03-29')).toEqual([
      '2027-03-29T09:00:00Z undefined m1',
      '2027-03-29T11:00:00Z undefined m1',
    ]);
  });

  it('with a 30-minute gap: the session keeps it after its end, and its own start stays on sale', () => {
    const gapped = staff({ hours: weekly(EVERY_DAY, '09:00-13:00'), policy: { gapMinutes: 30 } });
    const input = ask([gapped], { sessions: sessions(8, { m1: [session('2027-03-29T10:00:00Z', 2, T60, 30)] }) });
    // The session keeps 10:00–11:30; 09:00 would keep 09:00–10:30, 11:30 is the next free start.
    expect(seatsOn(input, '2027-03-29')).toEqual([
      '2027-03-29T10:00:00Z 6 m1',
      '2027-03-29T11:30:00Z 8 m1',
      '2027-03-29T12:00:00Z 8 m1',
    ]);
  });
});

describe('settings changed since the sessions were booked: a seat keeps the span a booking would keep now', () => {
  it('a gap grown to 30 minutes makes a 10:00 seat reach the 11:00 session: refused', () => {
    const gapped = staff({ hours: weekly(EVERY_DAY, '09:00-13:00'), policy: { gapMinutes: 30 } });
    const booked = [session('2027-03-29T10:00:00Z', 2), session('2027-03-29T11:00:00Z', 2)];
    const input = ask([gapped], { sessions: sessions(8, { m1: booked }) });
    expect(seatsOn(input, '2027-03-29')).toEqual(['2027-03-29T11:00:00Z 6 m1', '2027-03-29T12:00:00Z 8 m1']);
    expect(acceptedOn(input, gapped, '2027-03-29')).toEqual(['2027-03-29T11:00:00Z 6', '2027-03-29T12:00:00Z 8']);
  });
});

/** The spans of sessions merged into a busy list (what a capacity-1 service sees of them). */
function busyWithSessions(busy: readonly Interval[], list: readonly Session[]): Interval[] {
  return [...busy, ...list.map((s) => s.span)].sort((a, b) => a.start - b.start);
}

describe('"any" staff and shared resources with sessions', () => {
  const m1 = staff({ id: 'm1', hours: weekly(EVERY_DAY, '09:00-12:00'), policy: { slotStepMinutes: 60 } });
  const m2 = staff({ id: 'm2', hours: weekly(EVERY_DAY, '09:00-12:00'), policy: { slotStepMinutes: 60 } });

  it('seatsLeft is the most one booking can take; a member whose session is full is not listed', () => {
    const input = ask([m1, m2], {
      sessions: sessions(8, { m1: [session('2027-03-29T09:00:00Z', 6)], m2: [session('2027-03-29T10:00:00Z', 8)] }),
    });
    expect(seatsOn(input, '2027-03-29')).toEqual([
      '2027-03-29T09:00:00Z 8 m1,m2',
      '2027-03-29T10:00:00Z 8 m1',
      '2027-03-29T11:00:00Z 8 m1,m2',
    ]);
  });

  it('two members sharing the studio: a session holds it once; the other member’s same start is refused', () => {
    const room = new Map([['studio', [] as Interval[]]]);
    const input = ask([m1, m2], {
      resources: room,
      sessions: sessions(8, { m1: [session('2027-03-29T10:00:00Z', 3)] }),
    });
    expect(seatsOn(input, '2027-03-29')).toEqual([
      '2027-03-29T09:00:00Z 8 m1,m2',
      '2027-03-29T10:00:00Z 5 m1',
      '2027-03-29T11:00:00Z 8 m1,m2',
    ]);
    expect(acceptedOn(input, m2, '2027-03-29').filter((s) => s.includes('T1'))).toEqual(['2027-03-29T11:00:00Z 8']);
    expect(acceptedOn(input, m1, '2027-03-29')).toEqual([
      '2027-03-29T09:00:00Z 8',
      '2027-03-29T10:00:00Z 5',
      '2027-03-29T11:00:00Z 8',
    ]);
  });

  it('without resources the other member’s session does not touch a member', () => {
    const input = ask([m1, m2], { sessions: sessions(8, { m1: [session('2027-03-29T10:00:00Z', 3)] }) });
    expect(acceptedOn(input, m2, '2027-03-29')).toEqual([
      '2027-03-29T09:00:00Z 8',
      '2027-03-29T10:00:00Z 8',
      '2027-03-29T11:00:00Z 8',
    ]);
  });
});

describe('a month day counts sessions with a seat left (API.md pinned)', () => {
  it('one full session, one with seats, two untouched starts → 3', () => {
    const hourly = staff({ hours: weekly(EVERY_DAY, '09:00-13:00'), policy: { slotStepMinutes: 60 } });
    const input = ask([hourly], {
      sessions: sessions(8, { m1: [session('2027-03-29T09:00:00Z', 8), session('2027-03-29T10:00:00Z', 5)] }),
    });
    const days = monthDays(input, '2027-03', 'UTC');
    expect(days.filter((d) => d.date >= '2027-03-29' && d.date <= '2027-03-30')).toEqual([
      { date: '2027-03-29', status: 'available', slots: 3 },
      { date: '2027-03-30', status: 'available', slots: 4 },
    ]);
  });

  it('every session full → the date is full, not closed', () => {
    const hourly = staff({ hours: weekly(EVERY_DAY, '09:00-11:00'), policy: { slotStepMinutes: 60 } });
    const input = ask([hourly], {
      sessions: sessions(8, { m1: [session('2027-03-29T09:00:00Z', 8), session('2027-03-29T10:00:00Z', 8)] }),
    });
    expect(monthDays(input, '2027-03', 'UTC').find((d) => d.date === '2027-03-29')).toEqual({
      date: '2027-03-29',
      status: 'full',
      slots: 0,
    });
  });
});

describe('sessions on clock-change days (Europe/Paris)', () => {
  const paris = staff({
    timezone: 'Europe/Paris',
    hours: weekly(EVERY_DAY, '01:00-05:00'),
    policy: { slotStepMinutes: 60 },
  });

  it.each([
    {
      // 2027-03-28: 02:00 CET → 03:00 CEST. 01:00 CET = 00:00Z; 02:00 does not exist; 03:00 CEST = 01:00Z.
      date: '2027-03-28',
      at: '2027-03-28T01:00:00Z',
      expected: ['2027-03-28T00:00:00Z 8 m1', '2027-03-28T01:00:00Z 2 m1', '2027-03-28T02:00:00Z 8 m1'],
    },
    {
      // 2027-10-31: 03:00 CEST → 02:00 CET. 01:00 CEST = 23:00Z, 02:00 CEST (first) = 00:00Z,
      // 03:00 CET = 02:00Z, 04:00 CET = 03:00Z; 05:00 CET ends the day at 04:00Z.
      date: '2027-10-31',
      at: '2027-10-31T00:00:00Z',
      expected: [
        '2027-10-30T23:00:00Z 8 m1',
        '2027-10-31T00:00:00Z 2 m1',
        '2027-10-31T02:00:00Z 8 m1',
        '2027-10-31T03:00:00Z 8 m1',
      ],
    },
  ])('$date: the session keeps its instant and its seats', ({ date, at: start, expected }) => {
    const input = ask([paris], {
      now: at(`${date}T00:00:00Z`) - 3 * 86_400_000,
      sessions: sessions(8, { m1: [session(start, 6)] }),
    });
    expect(seatsOn(input, date, 'Europe/Paris')).toEqual(expected);
    expect(acceptedOn(input, paris, date)).toEqual(expected.map((e) => e.replace(/ m1$/, '')));
  });
});

describe('starts held for waitlist offers (SPEC §9.3): hidden from the day view and refused to others', () => {
  const held = { start: at('2027-03-29T10:00:00Z'), span: span('2027-03-29T10:00:00Z/2027-03-29T11:00:00Z') };

  it.each([
    { name: 'a one-client service', withSessions: false, seats: 'undefined' },
    { name: 'a capacity service: the whole session, seats included', withSessions: true, seats: '8' },
  ])('$name', ({ withSessions, seats }) => {
    const input = ask([member], {
      holds: new Map([['m1', [held]]]),
      ...(withSessions ? { sessions: sessions(8, { m1: [session('2027-03-29T10:00:00Z', 2)] }) } : {}),
    });
    const expected = ['09:00', '11:00', '11:30', '12:00'].map((t) => `2027-03-29T${t}:00Z ${seats} m1`);
    expect(seatsOn(input, '2027-03-29')).toEqual(expected);
    expect(acceptedOn(input, member, '2027-03-29')).toEqual(expected.map((e) => e.replace(/ m1$/, '')));
    // The offer's client books with the hold left out: the start is theirs.
    const accept = checkSlot({
      staff: member,
      timing: T60,
      busy: [],
      ...(input.sessions ? { sessions: input.sessions } : {}),
      now: input.now,
      start: held.start,
    });
    expect(accept.ok).toBe(true);
  });

  it('a hold on another member leaves this one alone', () => {
    const input = ask([member], { holds: new Map([['m2', [held]]]) });
    expect(seatsOn(input, '2027-03-29')).toEqual(
      ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00'].map((t) => `2027-03-29T${t}:00Z undefined m1`),
    );
  });
});
