/**
 * The weekly hours editor's values. Each weekday has a few from–to slots of <input type=time>
 * (`mon-0-from`, `mon-0-to`, …); a slot left empty is not a range, a day without ranges is not
 * worked. A time input cannot hold 24:00, so an end of 00:00 means midnight at the end of the day
 * (stored as 24:00, as the set-up file writes it). The use case's problems (`hours.mon[0]`) are
 * mapped back to the slot they came from, since empty slots are skipped.
 */
import type { HoursInput } from '../../../app/dashboard/staff/set-working-hours.ts';
import { formatWallTime, WEEKDAYS, type Weekday, type WeeklyHours } from '../../../core/index.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { Problems } from '../form-kit/form-body.ts';
import type { PostedForm } from '../form-kit/posted-form.ts';

/** Slots shown per day; more when a day already has more ranges (set through the API). */
export const MIN_SLOTS = 3;
/** Slots read from a form at most: far above any real day. */
const MAX_SLOTS = 12;

export interface HoursState {
  /** `mon-0-from` → "09:00". */
  readonly values: Readonly<Record<string, string>>;
  /** How many slots each day shows. */
  readonly slots: number;
}

export const slotName = (day: Weekday, j: number, end: 'from' | 'to') => `${day}-${j}-${end}`;

/** Labels of the slots and days, for the error summary ("Monday, range 2"). */
export function hoursLabels(t: DashboardMessages, slots: number): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const day of WEEKDAYS) {
    const name = t.staff.days[day];
    labels[day] = name;
    for (let j = 0; j < slots; j++) {
      labels[slotName(day, j, 'from')] = t.staff.hours.dayRange(name, j + 1);
      labels[slotName(day, j, 'to')] = t.staff.hours.dayRange(name, j + 1);
    }
  }
  return labels;
}

export function hoursFormOf(hours: WeeklyHours): HoursState {
  const values: Record<string, string> = {};
  let slots = MIN_SLOTS;
  for (const day of WEEKDAYS) {
    const ranges = hours[day] ?? [];
    slots = Math.max(slots, ranges.length);
    ranges.forEach((r, j) => {
      values[slotName(day, j, 'from')] = formatWallTime(r.start);
      values[slotName(day, j, 'to')] = r.end === 1440 ? '00:00' : formatWallTime(r.end);
    });
  }
  return { values, slots };
}

/** "09:00:00" (a browser with seconds) → "09:00". */
const minutesOnly = (t: string) => (/^\d\d:\d\d:\d\d(\.\d+)?$/.test(t) ? t.slice(0, 5) : t);

export interface ReadHours {
  readonly state: HoursState;
  readonly input: HoursInput;
  readonly problems: Problems;
  /** For each day, the slot each submitted range came from. */
  readonly origin: Readonly<Record<string, number[]>>;
}

export function readHoursForm(form: PostedForm): ReadHours {
  const values: Record<string, string> = {};
  const problems: Problems = new Map();
  const input: Record<string, [string, string][]> = {};
  const origin: Record<string, number[]> = {};
  let slots = MIN_SLOTS;
  for (const day of WEEKDAYS) {
    const ranges: [string, string][] = [];
    origin[day] = [];
    for (let j = 0; j < MAX_SLOTS; j++) {
      const from = minutesOnly(form.text(slotName(day, j, 'from')));
      const to = minutesOnly(form.text(slotName(day, j, 'to')));
      if (!from && !to) continue;
      slots = Math.max(slots, j + 1);
      values[slotName(day, j, 'from')] = from;
      values[slotName(day, j, 'to')] = to;
      if (!from || !to) {
        problems.set(slotName(day, j, from ? 'to' : 'from'), 'give both times, or neither to leave it out');
        continue;
      }
      ranges.push([from, to === '00:00' ? '24:00' : to]);
      origin[day].push(j);
    }
    if (ranges.length > 0) input[day] = ranges;
  }
  return { state: { values, slots }, input: input as HoursInput, problems, origin };
}

/** The use case's `hours.mon[0]` / `hours.mon[0][1]` / `hours.mon` problems as the form's fields. */
export function hoursFieldOf(key: string, origin: ReadHours['origin']): string {
  const m = /^hours\.(\w+)(?:\[(\d+)\])?(?:\[(\d)\])?$/.exec(key);
  const day = m?.[1] as Weekday | undefined;
  if (!m || !day || !(WEEKDAYS as readonly string[]).includes(day)) return '';
  if (m[2] === undefined) return day;
  const slot = origin[day]?.[Number(m[2])] ?? Number(m[2]);
  return slotName(day, slot, m[3] === '1' ? 'to' : 'from');
}

/** The form's and the use case's problems with the hours, in the page's words (others: the form kit's). */
export function hoursMessage(message: string, t: DashboardMessages): string {
  const h = t.staff.hours;
  const known: Record<string, string> = {
    'give both times, or neither to leave it out': h.bothTimes,
    'the start must be before the end': h.startBeforeEnd,
    'ranges overlap': h.overlap,
  };
  return known[message] ?? message;
}
