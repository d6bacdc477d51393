/**
 * Availability as a viewer sees it (SPEC §2 month view, API.md `tz`): the rules run in each staff
 * member's zone; the viewer's zone only decides under which date a slot is listed. With several
 * members ("any staff") slots are united and each lists the members who can take it.
 *
 * Each member's free starts come from a sweep of their cached month plans (plans.ts, sweep.ts,
 * decision 036); "any" dedupes starts on a minute bitset. oracle-calendar.ts keeps the engine as
 * it was before, which the property test holds this one to.
 */
import { memberBusy, resourceHolds, TIME_OFF_LOOKBACK_MS } from './busy.ts';
import { addDays, datesOfMonth } from './date.ts';
import { subtract } from './interval.ts';
import { type MonthPlan, monthPlan, PlanCache, type ViewerMonth } from './plans.ts';
import { type SpanIndex, seatsLeftAt, sessionResourceIndex } from './sessions.ts';
import { startGrid } from './start-grid.ts';
import { Cursor, Starts, type SweepRules, sweep } from './sweep.ts';
import { dateOf, dayAt, startOfDay } from './time.ts';
import { blockSpans } from './time-off.ts';
import type {
  DayStatus,
  DaySummary,
  ExternalBusy,
  HeldStart,
  Interval,
  LocalDate,
  ServiceTiming,
  SessionsInput,
  Slot,
  StaffSchedule,
} from './types.ts';

export interface AvailabilityInput {
  /** The members considered: one, or every member offering the service for "any". */
  readonly staff: readonly StaffSchedule[];
  readonly timing: ServiceTiming;
  /** Occupied spans of bookings per member id, merged (interval.ts merge). */
  readonly busy: ReadonlyMap<string, readonly Interval[]>;
  /** External busy time per member id (SPEC §8.3); a member absent has none. */
  readonly external?: ReadonlyMap<string, ExternalBusy>;
  /**
   * The resources the service requires (SPEC §8.4), each with the spans other bookings hold on
   * it (busy.ts heldSpan), any order; absent or empty: the service needs none.
   */
  readonly resources?: ReadonlyMap<string, readonly Interval[]>;
  /**
   * A service with capacity > 1 (SPEC §9.1): its capacity and each member's sessions of it
   * (sessions.ts splitSessions), kept out of `busy` and `resources`. Slots then carry `seatsLeft`.
   */
  readonly sessions?: SessionsInput;
  /**
   * Starts held for live waitlist offers (SPEC §9.3), per member id, whatever their service: each
   * keeps its span like a booking. The resources a held start's service needs go in `resources`
   * (heldSpan), as for a booking. The offer's own hold is left out when its client accepts.
   */
  readonly holds?: ReadonlyMap<string, readonly HeldStart[]>;
  readonly now: number;
  /** Where month plans are kept (plans.ts); absent: the core's shared cache (sharedPlans). */
  readonly plans?: PlanCache;
}

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

const MINUTE = 60_000;

/**
 * Month plans shared by every question that brings no cache of its own: a plan is a pure function
 * of its key (plans.ts), so sharing one can change no answer, only its cost.
 */
export const sharedPlans = new PlanCache();

/** What can refuse a member's candidates in this question (sweep.ts SweepRules). */
function memberRules(input: AvailabilityInput, p: Prepared, member: StaffSchedule): SweepRules {
  const { timing, sessions } = input;
  return {
    busy: p.busy.get(member.id) ?? [],
    held: p.held,
    before: timing.bufferBeforeMinutes * MINUTE,
    duration: timing.durationMinutes * MINUTE,
    after: (timing.bufferAfterMinutes + member.policy.gapMinutes) * MINUTE,
    holdAfter: timing.bufferAfterMinutes * MINUTE,
    earliest: input.now + member.policy.minNoticeMinutes * MINUTE,
    sessions: sessions ? (sessions.byMember.get(member.id) ?? []) : null,
    capacity: sessions?.capacity ?? 1,
    sessionResources: sessions ? p.sessionResources : null,
  };
}

/** Reused between questions: the core is synchronous, so one sweep's starts are read before the next. */
const scratch = new Starts();

/**
 * The member's free starts in [from, to), ascending (rules 1-5), in `scratch`: their plans'
 * candidates on the dates rule 1 leaves open (today to the horizon; days off and dates not
 * worked have none), swept against what can refuse them.
 */
function memberFree(input: AvailabilityInput, p: Prepared, member: StaffSchedule, from: number, to: number): Starts {
  scratch.length = 0;
  if (from >= to) return scratch;
  const zone = member.timezone;
  const today = dayAt(input.now, zone);
  const first = Math.max(dayAt(from, zone), today);
  const last = Math.min(dayAt(to - 1, zone), today + member.policy.horizonDays);
  const rules = memberRules(input, p, member);
  const cursor = new Cursor(rules, from);
  const cache = input.plans ?? sharedPlans;
  for (let day = first; day <= last; ) {
    const plan = monthPlan(cache, member, input.timing.durationMinutes, day);
    const upTo = Math.min(last, plan.firstDay + plan.days - 1);
    sweep(plan, day - plan.firstDay, upTo - plan.firstDay, rules, from, to, cursor, scratch);
    day = upTo + 1;
  }
  return scratch;
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
    const free = memberFree(input, prepared, member, from, to);
    const own = sessions ? (sessions.byMember.get(member.id) ?? []) : [];
    for (let i = 0; i < free.length; i++) {
      const start = free.data[i] as number;
      const seats = sessions ? seatsLeftAt(own, sessions.capacity, start) : 0;
      const entry = byStart.get(start);
      if (entry) {
        entry.staff.push(member.id);
        if (seats > entry.seatsLeft) entry.seatsLeft = seats;
      } else byStart.set(start, { staff: [member.id], seatsLeft: seats });
    }
  }
  const duration = input.timing.durationMinutes * MINUTE;
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
  const { dates, bounds } = viewerMonth(input.plans ?? sharedPlans, month, viewerZone);
  if (dates.length === 0) return [];
  const to = bounds[dates.length] as number;
  const today = dateOf(input.now, viewerZone);
  // Dates before the viewer's today are `past` whatever the members did: only member dates that
  // reach today or later are looked at (a month wholly in the past costs nearly nothing).
  const from = Math.max(bounds[0] as number, startOfDay(today, viewerZone));
  // Distinct starts: a start several members offer counts once. One member needs no dedupe.
  const seen = input.staff.length > 1 ? startGrid(bounds[0] as number, to) : null;
  const count = new Uint16Array(dates.length);
  const worked = new Uint8Array(dates.length);
  const prepared = prepare(input);
  for (const member of input.staff) {
    const free = memberFree(input, prepared, member, from, to);
    // Free starts ascend, and so do the viewer's dates: one pointer finds each start's date.
    let day = 0;
    let previous = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < free.length; i++) {
      const start = free.data[i] as number;
      if (seen !== null && !seen.add(start)) continue;
      if (start < previous) day = 0;
      previous = start;
      while ((bounds[day + 1] as number) <= start) day++;
      count[day] = (count[day] as number) + 1;
    }
    if (from < to) markWorked(input, prepared, member, from, to, bounds, `${month}|${viewerZone}`, worked);
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

/** A month's dates and bounds for a viewer, once per month and zone (plans.ts PlanCache). */
function viewerMonth(cache: PlanCache, month: string, zone: string): ViewerMonth {
  return cache.viewerMonth(`${month}|${zone}`, () => {
    const dates = datesOfMonth(month) ?? [];
    if (dates.length === 0) return { dates, bounds: new Float64Array(0) };
    const ends = [...dates, addDays(dates[dates.length - 1] as LocalDate, 1)];
    return { dates, bounds: Float64Array.from(ends, (d) => startOfDay(d, zone)) };
  });
}

/**
 * Marks the viewer's dates on which the member's working time falls (rule 1 as availability.ts
 * workingIntervals: hours less days off and blocks, up to the horizon). A member date already
 * past still had its working time: judged as of its own start, it can make the viewer's today
 * `full` (worked, nothing left), not `closed` (SPEC §2 month view); the horizon then counts from it.
 */
function markWorked(
  input: AvailabilityInput,
  p: Prepared,
  member: StaffSchedule,
  from: number,
  to: number,
  bounds: Float64Array,
  viewerKey: string,
  worked: Uint8Array,
): void {
  const zone = member.timezone;
  const horizon = member.policy.horizonDays;
  const today = dayAt(input.now, zone);
  const timeOff = p.timeOff.get(member.id) ?? [];
  const last = dayAt(to - 1, zone);
  const cache = input.plans ?? sharedPlans;
  const mark = (start: number, end: number) => {
    const first = Math.max(0, dayIndex(bounds, start));
    const lastDate = Math.min(worked.length - 1, dayIndex(bounds, end - 1));
    for (let i = first; i <= lastDate; i++) worked[i] = 1;
  };
  for (let day = dayAt(from, zone); day <= last; ) {
    const plan = monthPlan(cache, member, input.timing.durationMinutes, day);
    const upTo = Math.min(last, plan.firstDay + plan.days - 1);
    // Without blocks, each working range's viewer dates are a memo of the plan and the viewer's month.
    const spans = timeOff.length === 0 ? viewerSpans(plan, viewerKey, bounds) : null;
    for (; day <= upTo; day++) {
      if (day < today ? horizon < 0 : day > today + horizon) continue;
      const i = day - plan.firstDay;
      const a = plan.workStart[i] as number;
      const b = plan.workStart[i + 1] as number;
      if (spans !== null) {
        for (let k = a; k < b; k++) {
          for (let d = spans[2 * k] as number; d <= (spans[2 * k + 1] as number); d++) worked[d] = 1;
        }
        continue;
      }
      const work: Interval[] = [];
      for (let k = a; k < b; k++) work.push({ start: plan.work[2 * k] as number, end: plan.work[2 * k + 1] as number });
      for (const w of subtract(work, timeOff)) mark(w.start, w.end);
    }
  }
}

/**
 * For each working range of a plan, the first and last of the viewer's dates it falls on (last <
 * first: none), as markWorked's binary searches would find them; kept on the plan per viewer month.
 */
function viewerSpans(plan: MonthPlan, viewerKey: string, bounds: Float64Array): Int16Array {
  const known = plan.viewerSpans.get(viewerKey);
  if (known) return known;
  const n = plan.work.length / 2;
  const spans = new Int16Array(2 * n);
  for (let k = 0; k < n; k++) {
    spans[2 * k] = Math.max(0, dayIndex(bounds, plan.work[2 * k] as number));
    spans[2 * k + 1] = Math.min(bounds.length - 2, dayIndex(bounds, (plan.work[2 * k + 1] as number) - 1));
  }
  if (plan.viewerSpans.size >= 8) plan.viewerSpans.clear();
  plan.viewerSpans.set(viewerKey, spans);
  return spans;
}

/** The index i with bounds[i] <= t < bounds[i + 1] (-1 before the first bound). */
function dayIndex(bounds: Float64Array, t: number): number {
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
