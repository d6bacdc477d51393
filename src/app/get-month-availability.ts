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
import { loadScheduling, type SchedulingContext } from './scheduling.ts';
import { loadSources } from './sources.ts';
import type { ViewCache } from './view-cache.ts';

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

export interface MonthDeps {
  readonly store: Pick<
    Store,
    | 'findService'
    | 'getBusiness'
    | 'listBusy'
    | 'listExternalBusy'
    | 'listOfferHolds'
    | 'listResourceHolds'
    | 'listSessionSeats'
    | 'listStaffForService'
    | 'viewToken'
  >;
  readonly clock: Clock;
  /** Computed months, reused while the store's view token says they are current. */
  readonly monthViews?: ViewCache<MonthAvailability> | undefined;
}

/**
 * The month view, from the view cache when the store can prove it current. Tokens are taken
 * before the data is read and compared after: a write in between means the result is returned
 * but not kept.
 */
export async function getMonthAvailability(deps: MonthDeps, q: MonthQuery): Promise<Result<MonthAvailability>> {
  const now = deps.clock.now();
  const catalog = deps.monthViews ? deps.store.viewToken([], now) : null;
  const loaded = await loadScheduling(deps.store, q.service, q.staff, false);
  if (!loaded.ok) return loaded;
  const ids = loaded.value.members.map((m) => m.id);
  const resources = loaded.value.service.resourceIds;
  const before = catalog ? deps.store.viewToken(ids, now, resources) : null;
  const current = before && catalog && before.token.startsWith(`${catalog.token}|`) ? before : null;
  const key = `${loaded.value.service.id}|${q.staff}|${q.month}|${q.tz ?? ''}`;
  const hit = current ? deps.monthViews?.get(key, current.token, now) : undefined;
  if (hit) return ok(hit);
  const result = await computeMonth(deps, loaded.value, q, now);
  if (current && deps.store.viewToken(ids, now, resources)?.token === current.token) {
    deps.monthViews?.set(key, current.token, current.validUntil, result);
  }
  return ok(result);
}

async function computeMonth(
  deps: MonthDeps,
  ctx: SchedulingContext,
  q: MonthQuery,
  now: number,
): Promise<MonthAvailability> {
  const zone = q.tz ?? ctx.business.timezone;
  const window = monthWindow(q.month, zone);
  if (!window) throw new Error(`month not checked: ${q.month}`);
  const input: AvailabilityInput = {
    staff: ctx.members,
    timing: ctx.timing,
    ...(await loadSources(deps.store, ctx, window, now)),
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
      ...(await loadSources(
        deps.store,
        ctx,
        { start: startOfDay(from, zone), end: startOfDay(addDays(last, 1), zone) },
        now,
      )),
    };
    firstAvailable = firstAvailableDate(ahead, from, zone);
  }
  return { month: q.month, timezone: zone, firstAvailable, days };
}
