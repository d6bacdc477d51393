/**
 * Month plans (decision 036): a member's candidate starts for one month of their dates,
 * computed once and kept in a bounded cache, so a month or day view converts no wall-clock time
 * and parses no date string per question: it sweeps the plan (sweep.ts).
 *
 * A plan is a pure function of what its key spells: the zone, the slot step, the service's
 * duration, the month, and the content of the weekly hours, the date-specific hours and the
 * days off. Those three are keyed by a fingerprint of their JSON (memoised per object, since
 * schedules are immutable), so an edit gives a new key and an old plan is never read again; it
 * ages out of the LRU. The key is seven numbers (zone and parts by id), so a lookup builds no text. Blocks do not shape a plan: they arrive as busy time (busy.ts) and as time
 * off taken out of the working time at question time, so a key on them would only miss more.
 * `now` (today, the horizon, the notice) is applied by the sweep, never cached.
 */
import { isDayOff, workingRanges } from './availability.ts';
import { datesOfMonth, fromDayNumber, monthIndexOfDay } from './date.ts';
import { candidateStarts } from './slots.ts';
import { dayClock } from './time.ts';
import type { LocalDate, StaffSchedule } from './types.ts';

export interface MonthPlan {
  /** Day number (date.ts dayNumber) of the month's first date, and its number of dates. */
  readonly firstDay: number;
  readonly days: number;
  /** Candidate starts of the plan's date i: starts[dayStart[i]] .. starts[dayStart[i + 1] − 1]. */
  readonly dayStart: Int32Array;
  /** Every candidate start (slots.ts rules 2 and 3, rule 1's days off applied), date by date. */
  readonly starts: Float64Array;
  /** Working ranges of date i as instants: pairs work[2k], work[2k + 1] for k in workStart[i]..workStart[i + 1]. */
  readonly workStart: Int32Array;
  readonly work: Float64Array;
  /** Per viewer month (`YYYY-MM|zone`), the viewer dates of each working range (calendar.ts markWorked). */
  readonly viewerSpans: Map<string, Int16Array>;
}

/** Interned JSON of schedule parts: equal content, equal id (ids are never reused). */
const interned = new Map<string, number>();
const idOf = new WeakMap<object, number>();
let nextId = 1;
const MAX_INTERNED = 10_000;

/** The content id of a schedule part (0: absent). Memoised per object: inputs are immutable. */
export function fingerprint(part: object | undefined): number {
  if (part === undefined) return 0;
  const known = idOf.get(part);
  if (known !== undefined) return known;
  const text = JSON.stringify(part);
  let id = interned.get(text);
  if (id === undefined) {
    // Clearing only costs misses: a new id for old content finds no plan, never a wrong one.
    if (interned.size >= MAX_INTERNED) interned.clear();
    id = nextId++;
    interned.set(text, id);
  }
  idOf.set(part, id);
  return id;
}

/**
 * A bounded LRU of month plans and of viewers' month bounds. Pure data: no clock, no IO. The
 * core keeps one shared instance (calendar.ts); a caller may pass its own (tests, the bench's
 * cache-miss figure). `budget` bounds the numbers held (8 bytes each), so memory is capped
 * whatever the plans' sizes.
 */
export class PlanCache {
  private readonly plans = new Map<number, Entry>();
  private readonly months = new Map<string, ViewerMonth>();
  private held = 0;
  private clock = 0;
  /** Plans built (misses) and reused (hits) since the cache was made; for tests and the bench. */
  misses = 0;
  hits = 0;

  constructor(readonly budget = 262_144) {}

  /**
   * The plan under `key`, if held. Keys are numbers (planKey), found by their hash and checked
   * whole, so a collision is a miss, never another member's plan. A hit only stamps its entry
   * (moving it in the Map on every hit was a sixth of a 50-member month's time).
   */
  lookup(key: Float64Array): MonthPlan | undefined {
    const known = this.plans.get(hashKey(key));
    if (known === undefined || !sameKey(known.key, key)) return undefined;
    this.hits++;
    known.used = ++this.clock;
    return known.plan;
  }

  /** Keeps a plan just built under `key` (copied); over budget, the least recently stamped go. */
  store(key: Float64Array, plan: MonthPlan): void {
    this.misses++;
    const hash = hashKey(key);
    const collided = this.plans.get(hash);
    if (collided) this.held -= sizeOf(collided.plan);
    this.held += sizeOf(plan);
    this.plans.set(hash, { plan, used: ++this.clock, key: Float64Array.from(key) });
    if (this.held > this.budget) this.evict(hash);
  }

  /** Drops the least recently used plans (never `keep`, just built) until 3/4 of the budget is held. */
  private evict(keep: number): void {
    const oldest = [...this.plans].sort((a, b) => a[1].used - b[1].used);
    for (const [hash, entry] of oldest) {
      if (this.held <= (this.budget * 3) / 4) break;
      if (hash === keep) continue;
      this.plans.delete(hash);
      this.held -= sizeOf(entry.plan);
    }
  }

  /** A viewer's month (dates and their first instants), built once per month and zone. */
  viewerMonth(key: string, build: () => ViewerMonth): ViewerMonth {
    const known = this.months.get(key);
    if (known) return known;
    if (this.months.size >= 512) this.months.clear();
    const built = build();
    this.months.set(key, built);
    return built;
  }

  /** Plans held now. */
  get size(): number {
    return this.plans.size;
  }
}

interface Entry {
  readonly plan: MonthPlan;
  used: number;
  readonly key: Float64Array;
}

function hashKey(key: Float64Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ ((key[i] as number) | 0), 0x01000193);
  return h;
}

function sameKey(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A month's dates for a viewer and bounds[i] = the first instant of dates[i] (bounds[n] ends it). */
export interface ViewerMonth {
  readonly dates: readonly LocalDate[];
  readonly bounds: Float64Array;
}

function sizeOf(plan: MonthPlan): number {
  return plan.starts.length + plan.work.length + plan.days + 16;
}

/** Zones by number (ids never reused): a key holds numbers only, so a lookup builds no text. */
const zoneIds = new Map<string, number>();
let nextZone = 1;

function zoneId(zone: string): number {
  let id = zoneIds.get(zone);
  if (id === undefined) {
    if (zoneIds.size >= MAX_INTERNED) zoneIds.clear();
    id = nextZone++;
    zoneIds.set(zone, id);
  }
  return id;
}

/** The key of a member's plan for the month holding `day`: the header's list, as numbers. */
const probe = new Float64Array(7);

function planKey(staff: StaffSchedule, durationMinutes: number, day: number): Float64Array {
  probe[0] = zoneId(staff.timezone);
  probe[1] = staff.policy.slotStepMinutes;
  probe[2] = durationMinutes;
  probe[3] = monthIndexOfDay(day);
  probe[4] = fingerprint(staff.hours);
  probe[5] = fingerprint(staff.dateHours);
  probe[6] = fingerprint(staff.daysOff);
  return probe;
}

/** The member's plan for the month of their date `day` (a day number). */
export function monthPlan(cache: PlanCache, staff: StaffSchedule, durationMinutes: number, day: number): MonthPlan {
  const key = planKey(staff, durationMinutes, day);
  const known = cache.lookup(key);
  if (known) {
    // A plan of another month would stall the callers' loops over dates: fail loudly instead.
    if (day < known.firstDay || day >= known.firstDay + known.days) throw new Error('month plan of another month');
    return known;
  }
  const plan = buildPlan(staff, durationMinutes, fromDayNumber(day).slice(0, 7), day);
  cache.store(key, plan);
  return plan;
}

/**
 * Candidate starts of every date of a month (slots.ts candidateStarts, the one place of rules 2
 * and 3), and each date's working ranges as instants (as availability.ts workingIntervals reads
 * them). A day off or a date not worked has neither.
 */
function buildPlan(staff: StaffSchedule, durationMinutes: number, month: string, day: number): MonthPlan {
  const dates = datesOfMonth(month) ?? [];
  const firstDay = day - (Number(fromDayNumber(day).slice(8)) - 1);
  const timing = { durationMinutes, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
  const starts: number[] = [];
  const work: number[] = [];
  const dayStart = new Int32Array(dates.length + 1);
  const workStart = new Int32Array(dates.length + 1);
  dates.forEach((date, i) => {
    dayStart[i] = starts.length;
    workStart[i] = work.length / 2;
    const ranges = isDayOff(staff, date) ? [] : workingRanges(staff, date);
    if (ranges.length === 0) return;
    const clock = dayClock(date, staff.timezone);
    for (const range of ranges) work.push(clock.bound(range.start), clock.bound(range.end));
    for (const start of candidateStarts(staff, date, timing, undefined, clock, ranges)) starts.push(start);
  });
  dayStart[dates.length] = starts.length;
  workStart[dates.length] = work.length / 2;
  return {
    firstDay,
    days: dates.length,
    dayStart,
    starts: Float64Array.from(starts),
    workStart,
    work: Float64Array.from(work),
    viewerSpans: new Map(),
  };
}
