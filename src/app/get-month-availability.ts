/** Month view of availability for a service and a member (or "any"), in the viewer's zone. */
import {
  type AvailabilityInput,
  addDays,
  type DaySummary,
  datesOfMonth,
  firstAvailableDate,
  type LocalDate,
  lastBookableDate,
  monthDays,
  monthWindow,
  startOfDay,
} from '../core/index.ts';
import type { Clock, Store } from './ports.ts';
import { ok, type Result } from './result.ts';
import { loadBusy, loadScheduling } from './scheduling.ts';

export interface MonthQuery {
  readonly service: string;
  readonly staff: string;
  /** YYYY-MM, already checked. */
  readonly month: string;
  /** Viewer's IANA zone, already checked; undefined = the business zone. */
  readonly tz?: string | undefined;
}

export interface MonthAvailability {
  readonly month: string;
  readonly timezone: string;
  readonly firstAvailable: LocalDate | null;
  readonly days: DaySummary[];
}

export async function getMonthAvailability(
  deps: { store: Store; clock: Clock },
  q: MonthQuery,
): Promise<Result<MonthAvailability>> {
  const loaded = await loadScheduling(deps.store, q.service, q.staff, false);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const zone = q.tz ?? ctx.business.timezone;
  const now = deps.clock.now();
  const window = monthWindow(q.month, zone);
  if (!window) throw new Error(`month not checked: ${q.month}`);
  const input: AvailabilityInput = {
    staff: ctx.members,
    timing: ctx.timing,
    busy: await loadBusy(deps.store, ctx, window, now),
    now,
  };
  const days = monthDays(input, q.month, zone);
  let firstAvailable = days.find((d) => d.status === 'available')?.date ?? null;
  const last = lastBookableDate(input, zone);
  const monthEnd = (datesOfMonth(q.month) ?? []).at(-1) ?? q.month;
  if (firstAvailable === null && last !== null && last > monthEnd) {
    // Nothing this month: look ahead to the horizon so the calendar can open on the right month.
    const from = addDays(monthEnd, 1);
    const ahead: AvailabilityInput = {
      ...input,
      busy: await loadBusy(
        deps.store,
        ctx,
        { start: startOfDay(from, zone), end: startOfDay(addDays(last, 1), zone) },
        now,
      ),
    };
    firstAvailable = firstAvailableDate(ahead, from, zone);
  }
  return ok({ month: q.month, timezone: zone, firstAvailable, days });
}
