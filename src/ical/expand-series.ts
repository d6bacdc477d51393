/**
 * The occurrences of one series — a master event and the overrides that share its UID — in a
 * window of instants (RFC 5545 §3.8.5): DTSTART is always the first; each RRULE adds its own
 * (ical.js's iterator, COUNT and all); each RDATE adds one more (so RDATEs add to COUNT); an
 * EXDATE removes one; an override (RECURRENCE-ID) replaces the occurrence it names with its own
 * time, or removes it when cancelled or transparent.
 *
 * Rules are expanded in wall-clock time of DTSTART's zone (a weekly 09:00 stays 09:00 across a
 * change of offset) and each occurrence read as an instant in that zone (zones.ts). A rule that
 * started long ago without COUNT is moved ahead to shortly before the window by whole periods of
 * its frequency (`skipAhead`): every BY-part of RFC 5545 selects within a period (a day, a week,
 * a month, a year) counted from DTSTART, so the moved start leaves the later occurrences as they
 * were; the moved start itself, which may not match the rule, lies before the window and is
 * dropped there. UNTIL is applied here on instants (ical.js would compare it with floating
 * times), and ical.js gets the window's end as its own UNTIL so that it stops by itself.
 */
import ICAL from 'ical.js';
import type { DateValue, FeedEvent, Nominal, Recur } from './read-event.ts';
import { dateOfWall } from './read-event.ts';
import type { StepBudget } from './step-guard.ts';
import type { Zone, Zones } from './zones.ts';

const DAY = 86_400_000;

/** What a busy occurrence occupies: instants, or whole dates for an all-day event. */
export type Found =
  | { readonly kind: 'timed'; readonly start: number; readonly end: number }
  | { readonly kind: 'dates'; readonly first: string; readonly days: number };

export interface Window {
  readonly from: number;
  readonly to: number;
  readonly zones: Zones;
  readonly budget: StepBudget;
}

/** A tick: no occurrence, but a moment at which the caller may yield to the event loop. */
export const TICK = null;

function timeOf(wall: number, isDate: boolean): InstanceType<typeof ICAL.Time> {
  const d = new Date(wall);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: isDate ? 0 : d.getUTCHours(),
    minute: isDate ? 0 : d.getUTCMinutes(),
    second: isDate ? 0 : d.getUTCSeconds(),
    isDate,
  });
}

const wallOf = (t: InstanceType<typeof ICAL.Time>) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

const FIXED: Record<string, number> = {
  SECONDLY: 1000,
  MINUTELY: 60_000,
  HOURLY: 3_600_000,
  DAILY: DAY,
  WEEKLY: 7 * DAY,
};

/** A wall time a whole number of the rule's periods after `start`, at or before `target`. */
export function skipAhead(rule: Recur, start: number, target: number): number {
  if (target <= start || rule.count) return start;
  const interval = Math.max(1, rule.interval || 1);
  const fixed = FIXED[rule.freq];
  if (fixed !== undefined) return start + Math.floor((target - start) / (fixed * interval)) * fixed * interval;
  const months = rule.freq === 'YEARLY' ? 12 : 1;
  const s = new Date(start);
  const t = new Date(target);
  const span = (t.getUTCFullYear() - s.getUTCFullYear()) * 12 + t.getUTCMonth() - s.getUTCMonth();
  // Back off whole periods until the day exists in the month landed on (31st, 29 February).
  for (let k = Math.floor(span / (months * interval)) - 1; k > 0; k--) {
    const moved = new Date(start);
    moved.setUTCDate(1);
    moved.setUTCMonth(moved.getUTCMonth() + k * months * interval);
    moved.setUTCDate(s.getUTCDate());
    if (moved.getUTCDate() === s.getUTCDate()) return moved.getTime();
  }
  return start;
}

/** How long each occurrence lasts: from DTEND (exact), DURATION, or RFC 5545's defaults. */
function lengthOf(event: FeedEvent, zones: Zones): Nominal {
  if (event.end) {
    if (event.start.date) return { days: Math.max(1, Math.round((event.end.wall - event.start.wall) / DAY)), ms: 0 };
    return { days: 0, ms: Math.max(0, zones.instant(event.end) - zones.instant(event.start)) };
  }
  if (event.duration) {
    if (!event.start.date) return event.duration;
    return { days: Math.max(1, event.duration.days + Math.ceil(event.duration.ms / DAY)), ms: 0 };
  }
  // No DTEND, no DURATION: a DATE lasts one day, a DATE-TIME is an instant (occupies nothing).
  return event.start.date ? { days: 1, ms: 0 } : { days: 0, ms: 0 };
}

/** Keys of EXDATE / RECURRENCE-ID values: an instant, or a date (`D:YYYY-MM-DD`) for DATEs and all-day series. */
function keyOf(value: DateValue, zones: Zones, allDay: boolean): number | string {
  return value.date || allDay ? `D:${dateOfWall(value.wall)}` : zones.instant(value);
}

/**
 * Busy occurrences of a series that overlap the window, with TICKs between steps so the
 * caller can slice the work. `masters`: the events of the UID without RECURRENCE-ID (one, or
 * none when only overrides are in the feed, or several when a feed repeats itself).
 * Throws StepLimit (step-guard.ts) past the budget; ical.js errors for broken rules pass through.
 */
export function* expandSeries(
  masters: readonly FeedEvent[],
  overrides: readonly FeedEvent[],
  w: Window,
): Generator<Found | typeof TICK> {
  const { zones } = w;
  const lastDate = dateOfWall(w.to + DAY);
  const firstDate = dateOfWall(w.from - DAY);
  for (const master of masters) {
    const length = lengthOf(master, zones);
    const allDay = master.start.date;
    const replaced = overrides.flatMap((o) => o.recurrenceId ?? []);
    const skip = new Set([...master.exdates, ...replaced].map((v) => keyOf(v, zones, allDay)));
    const seen = new Set<number | string>();
    const zone = zones.of(master.start);

    /** The occurrence starting at a wall time of `z` (a PERIOD RDATE brings its own end). */
    const occurrence = (wall: number, z: Zone, ownEnd: number | null): Found | null => {
      if (allDay) {
        const first = dateOfWall(wall);
        const key = `D:${first}`;
        if (skip.has(key) || seen.has(key)) return null;
        seen.add(key);
        return first <= lastDate && first >= addDate(firstDate, -length.days)
          ? { kind: 'dates', first, days: length.days }
          : null;
      }
      const start = zones.toInstant(wall, z);
      if (skip.has(start) || skip.has(`D:${dateOfWall(wall)}`) || seen.has(start)) return null;
      seen.add(start);
      const end = ownEnd ?? (length.days > 0 ? zones.toInstant(wall + length.days * DAY, z) : start) + length.ms;
      return end > w.from && start < w.to && end > start ? { kind: 'timed', start, end } : null;
    };

    if (master.busy) {
      const firstOne = occurrence(master.start.wall, zone, null);
      if (firstOne) yield firstOne;
      for (const rule of master.rrules) yield* ruleOccurrences(master, rule, length, zone, w, occurrence);
      for (const r of master.rdates) {
        const z = zones.of(r.start);
        const ownEnd = r.end
          ? zones.instant(r.end)
          : r.duration
            ? zones.toInstant(r.start.wall, z) + r.duration.days * DAY + r.duration.ms
            : null;
        const found = occurrence(r.start.wall, z, ownEnd);
        if (found) yield found;
      }
    }
  }
  const master = masters[0];
  for (const o of overrides) {
    if (!o.busy) continue;
    const inherit = !o.end && !o.duration && master ? lengthOf(master, zones) : null;
    const found = single(o, inherit, w, firstDate, lastDate);
    if (found) yield found;
  }
}

function addDate(date: string, days: number): string {
  return dateOfWall(Date.parse(`${date}T00:00:00Z`) + days * DAY);
}

/** One event on its own (an override), its length inherited from the master when it gives none. */
function single(
  event: FeedEvent,
  inherit: Nominal | null,
  w: Window,
  firstDate: string,
  lastDate: string,
): Found | null {
  const length = inherit ?? lengthOf(event, w.zones);
  if (event.start.date) {
    const first = dateOfWall(event.start.wall);
    const days = Math.max(1, length.days);
    return first <= lastDate && first >= addDate(firstDate, -days) ? { kind: 'dates', first, days } : null;
  }
  const zone = w.zones.of(event.start);
  const start = w.zones.toInstant(event.start.wall, zone);
  const end = (length.days > 0 ? w.zones.toInstant(event.start.wall + length.days * DAY, zone) : start) + length.ms;
  return end > w.from && start < w.to && end > start ? { kind: 'timed', start, end } : null;
}

/** The occurrences one RRULE adds (the header's rules), with a TICK every 64 steps. */
function* ruleOccurrences(
  master: FeedEvent,
  rule: Recur,
  length: Nominal,
  zone: Zone,
  w: Window,
  occurrence: (wall: number, z: Zone, ownEnd: number | null) => Found | null,
): Generator<Found | typeof TICK> {
  const isDate = master.start.date;
  const until = rule.until;
  let untilInstant = Number.POSITIVE_INFINITY;
  let untilDate: string | null = null;
  if (until) {
    const value = {
      wall: wallOf(until),
      date: until.isDate,
      utc: until.zone === ICAL.Timezone.utcTimezone,
      tzid: null,
    };
    if (until.isDate || isDate) untilDate = dateOfWall(value.wall);
    else untilInstant = value.utc ? value.wall : w.zones.toInstant(value.wall, zone);
  }
  // Wall times are within a day of instants in any zone; two days of margin, and the length.
  const target = w.from - 2 * DAY - length.days * DAY - length.ms;
  const moved = skipAhead(rule, master.start.wall, target);
  rule.until = timeOf(w.to + 3 * DAY, isDate);
  if (rule.count && moved === master.start.wall) {
    // DTSTART is the first of COUNT (RFC 5545 §3.3.10) even when the rule would not give it;
    // ical.js then starts at the first match and counts from there: one fewer is its share.
    const probe = w.budget.run(() => rule.iterator(timeOf(moved, isDate)).next());
    if (probe && wallOf(probe) !== moved) {
      if (rule.count <= 1) return;
      rule.count -= 1;
    }
  }
  const iterator = w.budget.run(() => rule.iterator(timeOf(moved, isDate)));
  for (let n = 1; ; n++) {
    const next = w.budget.run(() => iterator.next());
    if (!next) return;
    const wall = wallOf(next);
    if (untilDate !== null ? dateOfWall(wall) > untilDate : w.zones.toInstant(wall, zone) > untilInstant) return;
    if (wall > w.to + 2 * DAY) return;
    const found = occurrence(wall, zone, null);
    if (found) yield found;
    else if (n % 64 === 0) yield TICK;
  }
}
