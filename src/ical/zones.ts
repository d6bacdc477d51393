/**
 * Which zone a TZID names, and wall-clock → instant in it (decision 026). In order:
 * 1. an IANA name the platform knows (`Europe/Paris`; also inside a path such as
 *    `/mozilla.org/20050126_1/America/New_York`), read with the platform's tz data (core/time.ts);
 * 2. a Windows zone name (Outlook: `W. Europe Standard Time`), mapped to IANA by windows-iana;
 * 3. the feed's own VTIMEZONE of that TZID (a custom Outlook zone), read by ical.js;
 * 4. else the floating zone (the staff member's), with a warning.
 * IANA rules win over a VTIMEZONE of the same name: they know every year, where an export's
 * VTIMEZONE often holds only the current rule. UTC values (Z) are UTC; floating values (no TZID,
 * no Z) are read in the floating zone, the staff member's (RFC 5545: the viewer's local time).
 */
import ICAL from 'ical.js';
import { findIana } from 'windows-iana';
import { canonicalTimeZone, localToInstant } from '../core/index.ts';
import type { DateValue } from './read-event.ts';
import type { StepBudget } from './step-guard.ts';

type Timezone = InstanceType<typeof ICAL.Timezone>;

export type Zone =
  | { readonly kind: 'iana'; readonly name: string }
  | { readonly kind: 'vtimezone'; readonly tz: Timezone };

/** VTIMEZONE rules are expanded from their DTSTART (1601 in Outlook's): a larger allowance. */
const ZONE_STEPS = 20_000;

/** The IANA zone a TZID names directly or by a Windows name; null when none. */
export function ianaZoneOf(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  const direct = canonicalTimeZone(name);
  if (direct) return direct;
  // A path whose tail is an IANA name: try the last three, then two segments.
  const parts = name.split('/').filter((p) => p !== '');
  for (const n of [3, 2]) {
    if (parts.length > n) {
      const tail = canonicalTimeZone(parts.slice(-n).join('/'));
      if (tail) return tail;
    }
  }
  const windows = findIana(name)[0];
  return windows ? canonicalTimeZone(windows) : null;
}

export class Zones {
  private readonly known = new Map<string, Zone>();
  private readonly floating: Zone;
  readonly warnings: string[] = [];

  constructor(
    private readonly vtimezones: ReadonlyMap<string, Timezone>,
    floatingZone: string,
    private readonly budget: StepBudget,
  ) {
    this.floating = { kind: 'iana', name: floatingZone };
  }

  /** The zone a value is read in (see the header). */
  of(value: DateValue): Zone {
    if (value.utc) return UTC;
    if (value.tzid === null) return this.floating;
    const cached = this.known.get(value.tzid);
    if (cached) return cached;
    const iana = ianaZoneOf(value.tzid);
    const vtz = this.vtimezones.get(value.tzid);
    let zone: Zone;
    if (iana) zone = { kind: 'iana', name: iana };
    else if (vtz) zone = { kind: 'vtimezone', tz: vtz };
    else {
      zone = this.floating;
      this.warnings.push(`unknown time zone "${value.tzid.slice(0, 80)}" read as the staff member's`);
    }
    this.known.set(value.tzid, zone);
    return zone;
  }

  /** The instant of a wall-clock time in a zone (RFC 5545 §3.3.5 for skipped and repeated times). */
  toInstant(wall: number, zone: Zone): number {
    if (zone.kind === 'iana') return localToInstant(wall, zone.name);
    const d = new Date(wall);
    const time = ICAL.Time.fromData({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    });
    return wall - this.budget.run(() => zone.tz.utcOffset(time), ZONE_STEPS) * 1000;
  }

  /** The instant of a DATE-TIME value (a DATE reads as its midnight). */
  instant(value: DateValue): number {
    return this.toInstant(value.wall, this.of(value));
  }
}

const UTC: Zone = { kind: 'iana', name: 'UTC' };

/** The feed's VTIMEZONEs by TZID, as ical.js zones (parsed lazily by ical.js on first use). */
export function vtimezonesOf(blocks: readonly string[]): Map<string, Timezone> {
  const out = new Map<string, Timezone>();
  for (const block of blocks) {
    try {
      const component = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${block}\r\nEND:VCALENDAR`));
      const vtz = component.getFirstSubcomponent('vtimezone');
      const tzid = vtz?.getFirstPropertyValue('tzid');
      if (vtz && typeof tzid === 'string') out.set(tzid, new ICAL.Timezone({ component: vtz, tzid }));
    } catch {
      // An unreadable VTIMEZONE: its TZID falls back to IANA/Windows names or the floating zone.
    }
  }
  return out;
}
