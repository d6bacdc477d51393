/**
 * A parsed VEVENT (ical.js's jCal arrays, read directly: its Component API costs ~20 µs a
 * property) as plain data. ical.js accepts malformed values loosely (`DTSTART:garbage` parses),
 * so every date is checked here; an event that cannot be read gives an error message instead.
 */
import ICAL from 'ical.js';

const DAY = 86_400_000;

export type Recur = InstanceType<typeof ICAL.Recur>;

/** A DATE or DATE-TIME value: its wall-clock time as milliseconds read as if UTC. */
export interface DateValue {
  readonly wall: number;
  /** A DATE (all-day) value. */
  readonly date: boolean;
  /** Written in UTC (a trailing Z). */
  readonly utc: boolean;
  /** Its TZID parameter; null when none (UTC or floating). */
  readonly tzid: string | null;
}

/** A duration: whole days and weeks are nominal (calendar days), the rest exact (RFC 5545 §3.3.6). */
export interface Nominal {
  readonly days: number;
  readonly ms: number;
}

export interface RDate {
  readonly start: DateValue;
  /** A PERIOD's own end, when the RDATE gives one. */
  readonly end: DateValue | null;
  readonly duration: Nominal | null;
}

export interface FeedEvent {
  readonly uid: string | null;
  readonly start: DateValue;
  readonly end: DateValue | null;
  readonly duration: Nominal | null;
  readonly rrules: readonly Recur[];
  readonly rdates: readonly RDate[];
  readonly exdates: readonly DateValue[];
  readonly recurrenceId: DateValue | null;
  /** Occupies time: neither TRANSP:TRANSPARENT nor STATUS:CANCELLED (SPEC §8.3). */
  readonly busy: boolean;
}

type JProp = [string, Record<string, unknown>, string, ...unknown[]];

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z?))?$/;
// ical.js's reading of a DATE written without VALUE=DATE (`DTSTART:20270101`), seen in the wild.
const BARE_DATE = /^(\d{4}-\d{2}-\d{2})T::$/;

/** A jCal date or date-time string as a DateValue; null when it is not a real one. */
export function readDate(raw: unknown, tzid: unknown): DateValue | null {
  if (typeof raw !== 'string') return null;
  const m = DATE_TIME.exec(BARE_DATE.exec(raw)?.[1] ?? raw);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Years before 1000 are no feed's (and Date.UTC reads 0-99 as 1900-1999); :60 is a leap second.
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return null;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  const date = m[4] === undefined;
  const utc = m[7] === 'Z';
  return {
    wall: Date.UTC(y, mo - 1, d, h, mi, s),
    date,
    utc,
    tzid: !date && !utc && typeof tzid === 'string' && tzid !== '' ? tzid : null,
  };
}

function readDuration(raw: unknown): Nominal | null {
  if (typeof raw !== 'string') return null;
  try {
    const d = ICAL.Duration.fromString(raw);
    if (d.isNegative) return { days: 0, ms: 0 };
    return { days: d.weeks * 7 + d.days, ms: ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000 };
  } catch {
    return null;
  }
}

function first(props: readonly JProp[], name: string): JProp | undefined {
  return props.find((p) => p[0] === name);
}

const text = (p: JProp | undefined): string => (typeof p?.[3] === 'string' ? p[3].toUpperCase() : '');

/** Reads one VEVENT of ical.js's jCal; a string says why it cannot be used. */
export function readEvent(component: unknown): FeedEvent | string {
  const props = (Array.isArray(component) ? component[1] : []) as JProp[];
  const dtstart = first(props, 'dtstart');
  const start = dtstart && readDate(dtstart[3], dtstart[1].tzid);
  if (!start) return 'an event without a readable DTSTART';
  const dtend = first(props, 'dtend');
  const end = dtend ? readDate(dtend[3], dtend[1].tzid) : null;
  if (dtend && !end) return 'an event with an unreadable DTEND';
  const durationProp = first(props, 'duration');
  const duration = durationProp ? readDuration(durationProp[3]) : null;
  if (durationProp && !duration) return 'an event with an unreadable DURATION';
  const rrules: Recur[] = [];
  const rdates: RDate[] = [];
  const exdates: DateValue[] = [];
  let recurrenceId: DateValue | null = null;
  for (const p of props) {
    const [name, params, , ...values] = p;
    if (name === 'rrule') {
      for (const v of values) rrules.push(ICAL.Recur.fromData(v as Record<string, unknown>));
    } else if (name === 'rdate' || name === 'exdate') {
      for (const v of values) {
        const period = Array.isArray(v) ? v : null;
        const at = readDate(period ? period[0] : v, params.tzid);
        if (!at) return `an event with an unreadable ${name.toUpperCase()}`;
        if (name === 'exdate') {
          exdates.push(at);
          continue;
        }
        const periodEnd = period ? readDate(period[1], params.tzid) : null;
        const periodLength = period && !periodEnd ? readDuration(period[1]) : null;
        rdates.push({ start: at, end: periodEnd, duration: periodLength });
      }
    } else if (name === 'recurrence-id') {
      recurrenceId = readDate(values[0], params.tzid);
      if (!recurrenceId) return 'an event with an unreadable RECURRENCE-ID';
    }
  }
  const uid = first(props, 'uid')?.[3];
  return {
    uid: typeof uid === 'string' ? uid : null,
    start,
    end,
    duration,
    rrules,
    rdates,
    exdates,
    recurrenceId,
    busy: text(first(props, 'transp')) !== 'TRANSPARENT' && text(first(props, 'status')) !== 'CANCELLED',
  };
}

/** The date `YYYY-MM-DD` of a wall-clock time. */
export function dateOfWall(wall: number): string {
  return new Date(Math.floor(wall / DAY) * DAY).toISOString().slice(0, 10);
}
