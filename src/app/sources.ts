/**
 * Every source of busy time for one question (SPEC §8, §9.1): bookings, external calendars,
 * resource holds and, for a capacity service, its group sessions split out of the busy time.
 */
import {
  busyWindowFor,
  type ExternalBusy,
  externalWindowFor,
  type HeldStart,
  type Interval,
  type LocalDate,
  type SessionsInput,
} from '../core/index.ts';
import type { Store } from './ports.ts';
import { heldByMoved, type MovedBooking, type SchedulingContext } from './scheduling.ts';
import { loadBusyAndSessions, type SessionHold } from './sessions.ts';

/** Every source of busy time for one question, as the core's AvailabilityInput takes it. */
export interface Sources {
  /** Occupied spans of bookings per member, merged. */
  readonly busy: Map<string, readonly Interval[]>;
  /** External calendars' busy time per member. */
  readonly external: Map<string, ExternalBusy>;
  /** Spans held on each resource the service requires, by resource id; empty when it needs none. */
  readonly resources: Map<string, Interval[]>;
  /** A capacity service's sessions (SPEC §9.1); absent for one client per slot. */
  readonly sessions?: SessionsInput;
  /**
   * Starts held for live waitlist offers per member (SPEC §9.3): busy for everyone but the offer
   * being accepted, so every view and every booking check hides them alike.
   */
  readonly holds: Map<string, HeldStart[]>;
}

const DAY = 86_400_000;
const utcDate = (ms: number): LocalDate => new Date(ms).toISOString().slice(0, 10);

/**
 * What can refuse a candidate starting in `window`, from every source: bookings (loadBusy), the
 * members' external calendars (read over core externalWindowFor's window, all-day dates from its
 * UTC dates ± 1) and the holds on the service's resources. A window wholly before `now` reads
 * nothing. `exclude`: a booking being moved; its own span and its own holds (the one hold on each
 * resource that contains its [start, end) — holds of one resource never overlap) are left out.
 */
export async function loadSources(
  store: Pick<Store, 'listBusy' | 'listExternalBusy' | 'listOfferHolds' | 'listResourceHolds' | 'listSessionSeats'>,
  ctx: SchedulingContext,
  window: Interval,
  now: number,
  exclude?: MovedBooking,
  /** The waitlist offer being accepted: its own hold does not stand in its way. */
  acceptedOffer?: string,
): Promise<Sources> {
  const ids = ctx.members.map((m) => m.id);
  const reach = externalWindowFor(window, now);
  const needed = busyWindowFor(window, now);
  const resourceIds = ctx.service.resourceIds;
  if (reach === null || needed === null) {
    return {
      busy: new Map(ids.map((id) => [id, []])),
      external: new Map(),
      resources: new Map(resourceIds.map((id) => [id, []])),
      holds: new Map(),
    };
  }
  const dates = { from: utcDate(reach.start - DAY), to: utcDate(reach.end + DAY) };
  const [{ busy, sessions, sessionHolds }, external, holds, offers] = await Promise.all([
    loadBusyAndSessions(store, ctx, window, now, exclude),
    ids.length > 0 ? store.listExternalBusy(ids, reach, dates, now) : new Map<string, ExternalBusy>(),
    resourceIds.length > 0
      ? store.listResourceHolds(resourceIds, needed, now, acceptedOffer)
      : new Map<string, Interval[]>(),
    store.listOfferHolds(ids, needed, now, acceptedOffer),
  ]);
  const resources = new Map(
    [...withoutSessionHolds(holds, sessionHolds ?? [])].map(([id, list]) => [
      id,
      exclude ? list.filter((i) => !heldByMoved(exclude, i)) : list,
    ]),
  );
  return { busy, external, resources, holds: offers, ...(sessions ? { sessions } : {}) };
}

/**
 * The holds less those of the service's own sessions, which the core reads from the sessions
 * (a session's seats share its room). Holds of one resource never overlap, so the one with a
 * session's span on a resource it holds is that session's.
 */
function withoutSessionHolds(
  holds: Map<string, Interval[]>,
  sessionHolds: readonly SessionHold[],
): Map<string, Interval[]> {
  if (sessionHolds.length === 0) return holds;
  const out = new Map<string, Interval[]>();
  for (const [id, list] of holds) {
    const own = sessionHolds.filter((h) => h.resourceIds.includes(id)).map((h) => `${h.span.start}/${h.span.end}`);
    out.set(id, own.length === 0 ? list : list.filter((i) => !own.includes(`${i.start}/${i.end}`)));
  }
  return out;
}
