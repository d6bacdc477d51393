/**
 * TEST ORACLE, not product code: the availability engine (calendar.ts) as it was before the sweep
 * core with cached plans (decision 036), frozen so sweep.property.test.ts can check that the new
 * engine gives identical answers on random cases, and so the bench can show both. It takes the
 * same AvailabilityInput. Do not "fix" it to match the new engine.
 */
import { workingIntervals } from './availability.ts';
import { memberBusy, resourceHolds, TIME_OFF_LOOKBACK_MS } from './busy.ts';
import type { AvailabilityInput } from './calendar.ts';
import { addDays, datesOfMonth } from './date.ts';
import { type DaySlotsInput, freeStarts } from './oracle-slots.ts';
import { type SpanIndex, seatsLeftAt, sessionResourceIndex } from './sessions.ts';
import { dateOf, startOfDay } from './time.ts';
import { blockSpans } from './time-off.ts';
import type { DayStatus, DaySummary, Interval, LocalDate, Slot, StaffSchedule } from './types.ts';

/** One member's busy list and time off, built once per input (busy.ts), and the resources' holds. */
interface Prepared {
  readonly busy: ReadonlyMap<string, readonly Interval[]>;
  readonly timeOff: ReadonlyMap<string, readonly Interval[]>;
  readonly held: readonly Interval[];
  readonly sessionResources: SpanIndex | null;
}

// A memo of a pure function of an immutable input: firstAvailableDate asks slotsBetween week by
// week with the same input, and each question would otherwise merge every list again.
const preparedInputs = new WeakMap<AvailabilityInput, Prepared>();

function prepare(input: AvailabilityInput): Prepared {
  const known = preparedInputs.get(input);
  if (known) return known;
  const busy = new Map<string, readonly Interval[]>();
  const timeOff = new Map<string, readonly Interval[]>();
  for (const m of input.staff) {
    const holds = input.holds?.get(m.id);
    busy.set(m.id, memberBusy(m, input.busy.get(m.id) ?? [], input.external?.get(m.id), input.now, holds));
    timeOff.set(m.id, blockSpans(m.blocks, m.timezone, input.now - TIME_OFF_LOOKBACK_MS));
  }
  const held = resourceHolds(input.resources);
  // Sessions' resource spans matter only to a service that needs resources.
  const sessionResources = input.resources && input.resources.size > 0 ? sessionResourceIndex(input.sessions) : null;
  const prepared = { busy, timeOff, held, sessionResources };
  preparedInputs.set(input, prepared);
  return prepared;
}

/** The member's local dates that overlap the instants [from, to). */
function memberDates(staff: StaffSchedule, from: number, to: number): LocalDate[] {
  const out: LocalDate[] = [];
  const last = dateOf(to - 1, staff.timezone);
  for (let d = dateOf(from, staff.timezone); d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The day-slot question of one member for any of their dates, with what prepare() built (once per member). */
function memberDays(input: AvailabilityInput, p: Prepared, member: StaffSchedule): (date: LocalDate) => DaySlotsInput {
  const { timing, now, sessions } = input;
  const busy = p.busy.get(member.id) ?? [];
  const held = p.held;
  if (!sessions) return (date) => ({ staff: member, date, timing, busy, held, now });
  const own = sessions.byMember.get(member.id) ?? [];
  const { capacity } = sessions;
  const sessionResources = p.sessionResources;
  return (date) => ({ staff: member, date, timing, busy, held, now, sessions: own, capacity, sessionResources });
}

/**
 * Every free slot starting in [from, to), united over the members, sorted by start. For a
 * capacity service each slot has `seatsLeft`: the most seats a booking can take there.
 */
export function slotsBetween(input: AvailabilityInput, from: number, to: number): Slot[] {
  const byStart = new Map<number, { staff: string[]; seatsLeft: number }>();
  const prepared = prepare(input);
  const sessions = input.sessions;
  for (const member of input.staff) {
    const dayOf = memberDays(input, prepared, member);
    for (const date of from < to ? memberDates(member, from, to) : []) {
      const day = dayOf(date);
      for (const start of freeStarts(day)) {
        if (start < from || start >= to) continue;
        const seats = sessions ? seatsLeftAt(day.sessions ?? [], sessions.capacity, start) : 0;
        const entry = byStart.get(start);
        if (entry) {
          entry.staff.push(member.id);
          if (seats > entry.seatsLeft) entry.seatsLeft = seats;
        } else byStart.set(start, { staff: [member.id], seatsLeft: seats });
      }
    }
  }
  const duration = input.timing.durationMinutes * 60_000;
  return [...byStart.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([start, e]) =>
      sessions
        ? { start, end: start + duration, staff: e.staff, seatsLeft: e.seatsLeft }
        : { start, end: start + duration, staff: e.staff },
    );
}

/** The instants [start of date, start of the next date) in a zone. */
export function dayWindow(date: LocalDate, zone: string): Interval {
  return { start: startOfDay(date, zone), end: startOfDay(addDays(date, 1), zone) };
}

/** The free slots listed under a viewer's date. */
export function viewerDaySlots(input: AvailabilityInput, date: LocalDate, viewerZone: string): Slot[] {
  const w = dayWindow(date, viewerZone);
  return slotsBetween(input, w.start, w.end);
}

/** The instants covered by a month `YYYY-MM` in a zone; null when the month is malformed. */
export function monthWindow(month: string, zone: string): Interval | null {
  const dates = datesOfMonth(month);
  if (!dates) return null;
  const first = dates[0] as LocalDate;
  const last = dates[dates.length - 1] as LocalDate;
  return { start: startOfDay(first, zone), end: startOfDay(addDays(last, 1), zone) };
}

/**
 * Status of every date of a month for a viewer: `past` before the viewer's today, `available`
 * with a slot, `closed` when no working time of the members falls on it, else `full`. Working
 * time is hours (date-specific or weekly) less days off and blocks (availability.ts): bookings,
 * external busy time (timed or all-day) and taken resources leave a date `full`, not `closed`.
 */
export function monthDays(input: AvailabilityInput, month: string, viewerZone: string): DaySummary[] {
  const dates = datesOfMonth(month);
  if (!dates) return [];
  // bounds[i] is the first instant of dates[i] for the viewer; bounds[n] ends the month.
  const bounds = [...dates, addDays(dates[dates.length - 1] as LocalDate, 1)].map((d) => startOfDay(d, viewerZone));
  const to = bounds[dates.length] as number;
  const today = dateOf(input.now, viewerZone);
  // Dates before the viewer's today are `past` whatever the members did: only member dates that
  // reach today or later are looked at (a month wholly in the past costs nearly nothing).
  const from = Math.max(bounds[0] as number, startOfDay(today, viewerZone));
  // Distinct starts: a start several members offer counts once. One member needs no dedupe.
  const starts: number[] = [];
  const seen = input.staff.length > 1 ? new Set<number>() : null;
  const worked = new Uint8Array(dates.length);
  const prepared = prepare(input);
  for (const member of input.staff) {
    const dayOf = memberDays(input, prepared, member);
    const timeOff = prepared.timeOff.get(member.id) ?? [];
    const memberToday = dateOf(input.now, member.timezone);
    for (const date of from < to ? memberDates(member, from, to) : []) {
      // A session with a seat left is a start like any other; a full one is busy (sessions.ts).
      for (const start of freeStarts(dayOf(date))) {
        if (start < from || start >= to || seen?.has(start)) continue;
        seen?.add(start);
        starts.push(start);
      }
      // A member date already past still had its working time: judged as of its own start, it
      // can make the viewer's today `full` (worked, nothing left), not `closed` (SPEC §2 month view).
      const asOf = date < memberToday ? startOfDay(date, member.timezone) : input.now;
      for (const w of workingIntervals(member, date, asOf, timeOff)) {
        const first = Math.max(0, dayIndex(bounds, w.start));
        const last = Math.min(dates.length - 1, dayIndex(bounds, w.end - 1));
        for (let i = first; i <= last; i++) worked[i] = 1;
      }
    }
  }
  const count = new Uint16Array(dates.length);
  for (const start of starts) {
    const i = dayIndex(bounds, start);
    count[i] = (count[i] ?? 0) + 1;
  }
  return dates.map((date, i) => {
    const slots = count[i] ?? 0;
    let status: DayStatus;
    if (date < today) status = 'past';
    else if (slots > 0) status = 'available';
    else if (worked[i]) status = 'full';
    else status = 'closed';
    return { date, status, slots: status === 'past' ? 0 : slots };
  });
}

/** The index i with bounds[i] <= t < bounds[i + 1] (-1 before the first bound). */
function dayIndex(bounds: readonly number[], t: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((bounds[mid] as number) <= t) lo = mid;
    else hi = mid - 1;
  }
  return (bounds[0] as number) <= t ? lo : -1;
}

/** The last viewer date on which any member can still have a slot (the horizon, SPEC §2.1). */
export function lastBookableDate(input: AvailabilityInput, viewerZone: string): LocalDate | null {
  let latest: number | null = null;
  for (const m of input.staff) {
    const lastMemberDate = addDays(dateOf(input.now, m.timezone), m.policy.horizonDays);
    const end = startOfDay(addDays(lastMemberDate, 1), m.timezone);
    if (latest === null || end > latest) latest = end;
  }
  return latest === null ? null : dateOf(latest - 1, viewerZone);
}

/** The first viewer date on or after `from` with a free slot, searching up to the horizon. */
export function firstAvailableDate(input: AvailabilityInput, from: LocalDate, viewerZone: string): LocalDate | null {
  const last = lastBookableDate(input, viewerZone);
  if (last === null) return null;
  const today = dateOf(input.now, viewerZone);
  // Whole weeks at a time keeps the member-date work shared between neighbouring viewer dates.
  for (let d = from < today ? today : from; d <= last; d = addDays(d, 7)) {
    const weekEnd = addDays(d, 7);
    const stop = addDays(last, 1);
    // biome-ignore lint/complexity/useMathMinMax: these are YYYY-MM-DD strings, not numbers
    const end = stop < weekEnd ? stop : weekEnd;
    const first = slotsBetween(input, startOfDay(d, viewerZone), startOfDay(end, viewerZone))[0];
    if (first) return dateOf(first.start, viewerZone);
  }
  return null;
}
