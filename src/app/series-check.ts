/**
 * Checking a series before it is written (SPEC §9.2, decision 031): which member takes it, and
 * the 409 SERIES_CONFLICT that lists each conflicting start with the nearest free starts that day
 * and the next (core seriesAlternatives).
 */
import {
  alternativesWindow,
  checkSeats,
  checkSlot,
  formatInstant,
  type Interval,
  type Repeat,
  type SeriesPlan,
  type StaffSchedule,
  seriesAlternatives,
  seriesPlan,
  slotsBetween,
} from '../core/index.ts';
import { candidatesInOrder, optional } from './place-booking.ts';
import type { Store } from './ports.ts';
import { ok, type Refusal, type Result, refuse } from './result.ts';
import type { SchedulingContext } from './scheduling.ts';
import { loadSources } from './sources.ts';

type SourceReads = Pick<
  Store,
  'listBusy' | 'listExternalBusy' | 'listOfferHolds' | 'listResourceHolds' | 'listSessionSeats'
>;

export interface SeriesWanted {
  readonly start: number;
  readonly repeat: Repeat;
  readonly seats?: number | undefined;
  readonly skipNoticeAndHorizon?: boolean | undefined;
}

export interface ChosenMember {
  readonly member: StaffSchedule;
  /** Every occurrence's slot, by start. */
  readonly slots: readonly Interval[];
  /** The plan in the member's zone (its skipped periods are said in the answer). */
  readonly plan: SeriesPlan;
}

/**
 * The member who can take every occurrence (for "any": in the order a single booking of the first
 * start would try them, then the others), judged on every source read once for the whole span.
 * None: SERIES_CONFLICT for the member with the fewest conflicts.
 */
export async function seriesMember(
  store: SourceReads & Pick<Store, 'countBookings'>,
  ctx: SchedulingContext,
  wanted: SeriesWanted,
  now: number,
): Promise<Result<ChosenMember>> {
  const plans = new Map(ctx.members.map((m) => [m.id, seriesPlan(wanted.start, m.timezone, wanted.repeat)]));
  const starts = [...plans.values()].flatMap((p) => p.occurrences.map((o) => o.start));
  const window = { start: Math.min(...starts), end: Math.max(...starts) + 1 };
  const sources = await loadSources(store, ctx, window, now);
  let best: { member: StaffSchedule; conflicts: number[] } | null = null;
  for (const member of await memberOrder(store, ctx, wanted, now)) {
    const plan = plans.get(member.id) as SeriesPlan;
    const slots: Interval[] = [];
    const conflicts: number[] = [];
    for (const { start } of plan.occurrences) {
      const check = checkSlot({
        staff: member,
        timing: ctx.timing,
        busy: sources.busy.get(member.id) ?? [],
        ...optional('external', sources.external.get(member.id)),
        resources: sources.resources,
        ...optional('holds', sources.holds.get(member.id)),
        now,
        start,
        skipNoticeAndHorizon: wanted.skipNoticeAndHorizon ?? false,
        ...(sources.sessions ? { sessions: sources.sessions } : {}),
      });
      const seatsOk = !check.ok || check.seatsLeft === undefined || checkSeats(wanted.seats ?? 1, check.seatsLeft).ok;
      if (check.ok && seatsOk) slots.push(check.slot);
      else conflicts.push(start);
    }
    if (conflicts.length === 0) return ok({ member, slots, plan });
    if (best === null || conflicts.length < best.conflicts.length) best = { member, conflicts };
  }
  const worst = best as { member: StaffSchedule; conflicts: number[] };
  return seriesConflict(store, ctx, worst.member, worst.conflicts, now);
}

/** For "any": the members a booking of the first start would try, best first, then the others. */
async function memberOrder(
  store: SourceReads & Pick<Store, 'countBookings'>,
  ctx: SchedulingContext,
  wanted: SeriesWanted,
  now: number,
): Promise<readonly StaffSchedule[]> {
  if (ctx.members.length <= 1) return ctx.members;
  const first = await candidatesInOrder(store, ctx, wanted, now);
  const fitting = first.ok ? first.value.map((c) => c.member) : [];
  return [...fitting, ...ctx.members.filter((m) => !fitting.includes(m))];
}

/** 409 SERIES_CONFLICT: each conflicting start, with the member's nearest free starts that day and the next. */
export async function seriesConflict(
  store: SourceReads,
  ctx: SchedulingContext,
  member: StaffSchedule,
  conflicts: readonly number[],
  now: number,
): Promise<Refusal> {
  const own = { ...ctx, members: [member] };
  const zone = member.timezone;
  const listed = [];
  for (const start of conflicts) {
    const window = alternativesWindow(start, zone);
    const sources = await loadSources(store, own, window, now);
    const free = slotsBetween({ staff: [member], timing: ctx.timing, ...sources, now }, window.start, window.end);
    listed.push({
      start: formatInstant(start, zone),
      alternatives: seriesAlternatives(
        start,
        zone,
        free.map((s) => s.start),
      ).map((s) => formatInstant(s, zone)),
    });
  }
  return refuse('SERIES_CONFLICT', `${conflicts.length} occurrence(s) of the series cannot be booked.`, {
    conflicts: listed,
  });
}
