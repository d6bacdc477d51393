/**
 * The baseline: availability computed the way peers do it (check-then-loop). For every date, every
 * candidate time is converted with a fresh time-zone computation, and every candidate scans every
 * booking. Same rules, same answers as the core (the bench checks that), none of its structure.
 */
import { Temporal } from 'temporal-polyfill';
import type { DaySummary, Interval, ServiceTiming, StaffSchedule } from '../src/core/index.ts';

const WEEKDAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function naiveMonth(
  staff: StaffSchedule,
  timing: ServiceTiming,
  bookings: readonly Interval[],
  month: string,
  now: number,
): DaySummary[] {
  const first = Temporal.PlainDate.from(`${month}-01`);
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(staff.timezone).toPlainDate();
  const out: DaySummary[] = [];
  for (let d = first; d.month === first.month; d = d.add({ days: 1 })) {
    const ranges = staff.hours[WEEKDAY[d.dayOfWeek - 1] as (typeof WEEKDAY)[number]] ?? [];
    const off = staff.daysOff.some((o) => o.from <= d.toString() && d.toString() <= o.to);
    if (Temporal.PlainDate.compare(d, today) < 0) {
      out.push({ date: d.toString(), status: 'past', slots: 0 });
      continue;
    }
    let slots = 0;
    for (const r of off ? [] : ranges) {
      const end = d
        .toPlainDateTime({ hour: 0 })
        .add({ minutes: r.end })
        .toZonedDateTime(staff.timezone).epochMilliseconds;
      for (let m = r.start; m < r.end; m += staff.policy.slotStepMinutes) {
        const wall = d.toPlainDateTime({ hour: 0 }).add({ minutes: m });
        const zoned = wall.toZonedDateTime(staff.timezone, { disambiguation: 'earlier' });
        if (!zoned.toPlainDateTime().equals(wall)) continue; // skipped by a clock change
        const s = zoned.epochMilliseconds;
        const e = s + timing.durationMinutes * 60_000;
        if (e > end || s < now + staff.policy.minNoticeMinutes * 60_000) continue;
        const from = s - timing.bufferBeforeMinutes * 60_000;
        const to = e + (timing.bufferAfterMinutes + staff.policy.gapMinutes) * 60_000;
        let free = true;
        for (const b of bookings) {
          if (from < b.end && b.start < to) {
            free = false;
            break;
          }
        }
        if (free) slots++;
      }
    }
    const worked = !off && ranges.length > 0;
    out.push({ date: d.toString(), status: slots > 0 ? 'available' : worked ? 'full' : 'closed', slots });
  }
  return out;
}
