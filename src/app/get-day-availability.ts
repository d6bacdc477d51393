/** The free slots listed under one of the viewer's dates, for a service and a member (or "any"). */
import { dayWindow, type Interval, type LocalDate, type Slot, viewerDaySlots } from '../core/index.ts';
import type { Clock, Store } from './ports.ts';
import { ok, type Result } from './result.ts';
import { loadScheduling } from './scheduling.ts';
import { loadSources } from './sources.ts';

export interface DayQuery {
  readonly service: string;
  readonly staff: string;
  /** YYYY-MM-DD, already checked. */
  readonly date: LocalDate;
  readonly tz?: string | undefined;
  /** A booking being moved: its own time counts as free for it. */
  readonly exclude?: { readonly staffId: string; readonly span: Interval } | undefined;
}

export interface DayAvailability {
  readonly date: LocalDate;
  readonly timezone: string;
  readonly slots: Slot[];
}

export async function getDayAvailability(
  deps: {
    store: Pick<
      Store,
      | 'findService'
      | 'getBusiness'
      | 'listBusy'
      | 'listExternalBusy'
      | 'listOfferHolds'
      | 'listResourceHolds'
      | 'listSessionSeats'
      | 'listStaffForService'
    >;
    clock: Clock;
  },
  q: DayQuery,
): Promise<Result<DayAvailability>> {
  const loaded = await loadScheduling(deps.store, q.service, q.staff, false);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const zone = q.tz ?? ctx.business.timezone;
  const now = deps.clock.now();
  const sources = await loadSources(deps.store, ctx, dayWindow(q.date, zone), now, q.exclude);
  const slots = viewerDaySlots({ staff: ctx.members, timing: ctx.timing, ...sources, now }, q.date, zone);
  return ok({ date: q.date, timezone: zone, slots });
}
