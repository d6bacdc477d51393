/**
 * The only module that converts between wall-clock time and instants (IANA zones).
 *
 * Zone rules come from Temporal (temporal-polyfill, backed by the platform's tz data). Because a
 * Temporal conversion costs tens of microseconds, each zone's offsets are learnt as spans of
 * constant offset [from, to) bounded by real transitions, and cached; a conversion is then a
 * lookup. The cache is a memo of pure facts (zone rules), so results never depend on it.
 *
 * Rules (SPEC §2.3): a wall time that does not exist (spring forward) has no instant; a wall time
 * that occurs twice (fall back) means its first occurrence.
 */
import { Temporal } from 'temporal-polyfill';
import { dayNumber, fromDayNumber } from './date.ts';
import type { LocalDate, WallMinutes } from './types.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

interface Span {
  readonly from: number;
  readonly to: number;
  readonly offset: number; // ms to add to an instant to get wall-clock ms
}

const spans = new Map<string, Span[]>();
const canonicalZones = new Map<string, string | null>();
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * The platform's spelling of an IANA zone name ('europe/paris' → 'Europe/Paris'), or null when
 * the name is unknown. Offsets such as '+02:00' are not zone names and give null.
 */
export function canonicalTimeZone(zone: string): string | null {
  const known = canonicalZones.get(zone);
  if (known !== undefined) return known;
  let canonical: string | null = null;
  if (ZONE_NAME.test(zone)) {
    try {
      canonical = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId;
    } catch {
      canonical = null;
    }
  }
  if (canonicalZones.size > 1000) canonicalZones.clear();
  canonicalZones.set(zone, canonical);
  return canonical;
}

/** Whether `zone` is an IANA time-zone name this platform knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}

function spanAt(zone: string, ms: number): Span {
  let list = spans.get(zone);
  if (!list) {
    list = [];
    spans.set(zone, list);
  }
  // Binary search for the span containing ms.
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid] as Span;
    if (ms < s.from) hi = mid - 1;
    else if (ms >= s.to) lo = mid + 1;
    else return s;
  }
  const span = learnSpan(zone, ms);
  list.splice(lo, 0, span);
  return span;
}

function learnSpan(zone: string, ms: number): Span {
  const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  const next = zdt.getTimeZoneTransition('next');
  // 'previous' is strictly before its argument; ask from ms + 1 so a transition at ms is found.
  const prev = Temporal.Instant.fromEpochMilliseconds(ms + 1)
    .toZonedDateTimeISO(zone)
    .getTimeZoneTransition('previous');
  return {
    from: prev ? prev.epochMilliseconds : Number.NEGATIVE_INFINITY,
    to: next ? next.epochMilliseconds : Number.POSITIVE_INFINITY,
    offset: zdt.offsetNanoseconds / 1_000_000,
  };
}

/** The zone's UTC offset at an instant, in minutes (+120 for Paris in summer). */
export function offsetMinutesAt(ms: number, zone: string): number {
  return spanAt(zone, ms).offset / MINUTE;
}

/** Wall-clock milliseconds (as if UTC) of a date and minute; minute may be 1440 (next midnight). */
function wallMs(date: LocalDate, minutes: WallMinutes): number {
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  return day * DAY + minutes * MINUTE;
}

/** The instants whose wall-clock time is `local` (0, 1 or 2 of them, earliest first). */
function instantsOfWall(local: number, zone: string): number[] {
  const found: number[] = [];
  for (const probe of [local - DAY, local + DAY]) {
    const offset = spanAt(zone, probe).offset;
    const t = local - offset;
    if (spanAt(zone, t).offset === offset && !found.includes(t)) found.push(t);
  }
  return found.sort((a, b) => a - b);
}

/**
 * The instant of a wall-clock time on a date in a zone: `null` when that time does not exist
 * (skipped by a spring-forward change); its first occurrence when it occurs twice.
 */
export function wallToInstant(date: LocalDate, minutes: WallMinutes, zone: string): number | null {
  const found = instantsOfWall(wallMs(date, minutes), zone);
  return found.length === 0 ? null : (found[0] as number);
}

/**
 * The instant at which the wall clock reaches a time, for the ends of ranges: like wallToInstant,
 * but a skipped time gives the instant of the change (the first instant showing a later time).
 */
export function boundToInstant(date: LocalDate, minutes: WallMinutes, zone: string): number {
  const local = wallMs(date, minutes);
  const found = instantsOfWall(local, zone);
  if (found.length > 0) return found[0] as number;
  // In a gap: read with the offset before the change, the instant lies after it.
  const before = spanAt(zone, local - DAY).offset;
  return spanAt(zone, local - before).from;
}

/**
 * The instant of a wall-clock time given as milliseconds since 1970-01-01T00:00 read as if UTC,
 * by RFC 5545 §3.3.5 (calendar feeds): a repeated time means its first occurrence; a time that
 * does not exist is read with the offset before the change (02:30 in a 02:00→03:00 gap is 03:30).
 * Not SPEC §2.3's rule for slots, which drops such a time: a feed's event does happen.
 */
export function localToInstant(local: number, zone: string): number {
  const found = instantsOfWall(local, zone);
  if (found.length > 0) return found[0] as number;
  return local - spanAt(zone, local - DAY).offset;
}

/**
 * Converts wall-clock minutes of one date in one zone to instants. When no offset change comes
 * within two days of the date (nearly every date), a conversion is one subtraction; otherwise
 * each call takes the exact path. (A class, so no closures are built per date.)
 */
export class DayClock {
  private readonly base: number;
  private readonly offset: number | null;

  constructor(
    private readonly date: LocalDate,
    private readonly zone: string,
  ) {
    this.base = wallMs(date, 0);
    const span = spanAt(zone, this.base - 2 * DAY);
    this.offset = span.to >= this.base + 3 * DAY ? span.offset : null;
  }

  /** Like wallToInstant: null when skipped, first occurrence when repeated. */
  instant(minutes: WallMinutes): number | null {
    return this.offset === null
      ? wallToInstant(this.date, minutes, this.zone)
      : this.base + minutes * MINUTE - this.offset;
  }

  /** Like boundToInstant: a skipped time gives the instant of the change. */
  bound(minutes: WallMinutes): number {
    return this.offset === null
      ? boundToInstant(this.date, minutes, this.zone)
      : this.base + minutes * MINUTE - this.offset;
  }
}

/** A DayClock for a date in a zone. */
export function dayClock(date: LocalDate, zone: string): DayClock {
  return new DayClock(date, zone);
}

/** The first instant of a date in a zone. */
export function startOfDay(date: LocalDate, zone: string): number {
  return boundToInstant(date, 0, zone);
}

/** The wall-clock date and minute of an instant in a zone. */
export function instantToWall(ms: number, zone: string): { date: LocalDate; minutes: number } {
  const local = ms + spanAt(zone, ms).offset;
  const day = Math.floor(local / DAY);
  return { date: fromDayNumber(day), minutes: Math.floor((local - day * DAY) / MINUTE) };
}

/** The day number (date.ts dayNumber) of an instant's date in a zone, without building the date's text. */
export function dayAt(ms: number, zone: string): number {
  return Math.floor((ms + spanAt(zone, ms).offset) / DAY);
}

/** The date of an instant in a zone. */
export function dateOf(ms: number, zone: string): LocalDate {
  return instantToWall(ms, zone).date;
}

/** ISO 8601 with the zone's offset at that instant: `2027-03-29T09:00:00+02:00`. */
export function formatInstant(ms: number, zone: string): string {
  const offset = spanAt(zone, ms).offset;
  const local = new Date(ms + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / MINUTE;
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Parses ISO 8601 with an offset (or Z) to epoch ms; `null` for anything else. */
export function parseInstant(text: string): number | null {
  if (!INSTANT_RE.test(text)) return null;
  try {
    return Temporal.Instant.from(text).epochMilliseconds;
  } catch {
    return null;
  }
}
