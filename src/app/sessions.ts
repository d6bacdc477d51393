/**
 * Busy time with a capacity service's group sessions split out (SPEC §9.1, decision 027): the
 * service's own bookings become sessions (core splitSessions), everything else stays busy time.
 * A service of capacity 1 reads busy time as before and has no sessions.
 *
 * listBusy lists one span per occupying booking (cached in embedded mode); the service's seats are
 * read alongside from the database, and their spans taken out of the member's list one for one.
 * No other booking can have the same span as a seat: the exclusion constraint lets only seats of
 * one session overlap (migration 014).
 *
 * Resources (SPEC §8.4): a session holds its resources once (migration 020). Each SeatRow's held
 * span goes into OccupyingBooking.resourceSpan here, and `sessionHolds` lists what the service's
 * sessions hold so that sources.ts keeps them out of `resources`, as the core's SessionsInput expects.
 */
import {
  busyWindowFor,
  type Interval,
  merge,
  type OccupyingBooking,
  type SessionsInput,
  splitSessions,
} from '../core/index.ts';
import type { SeatRow, Store } from './ports.ts';
import { heldByMoved, loadBusy, type MovedBooking, type SchedulingContext } from './scheduling.ts';

export interface BusyAndSessions {
  readonly busy: Map<string, readonly Interval[]>;
  /** Present for a capacity service only. */
  readonly sessions?: SessionsInput;
  /** What the service's sessions hold on resources, one entry per session (none without sessions). */
  readonly sessionHolds?: readonly SessionHold[];
}

/** A group session's hold: the span, on each of these resources. */
export interface SessionHold {
  readonly span: Interval;
  readonly resourceIds: readonly string[];
}

/** The capacity of the context's service (absent = 1: no sessions). */
export const capacityOf = (ctx: SchedulingContext): number => ctx.service.capacity ?? 1;

/** As scheduling.ts loadBusy, with the service's sessions when it sells seats. */
export async function loadBusyAndSessions(
  store: Pick<Store, 'listBusy' | 'listSessionSeats'>,
  ctx: SchedulingContext,
  window: Interval,
  now: number,
  exclude?: MovedBooking,
): Promise<BusyAndSessions> {
  const capacity = capacityOf(ctx);
  if (capacity <= 1) return { busy: await loadBusy(store, ctx, window, now, exclude) };
  const ids = ctx.members.map((m) => m.id);
  const needed = busyWindowFor(window, now);
  if (needed === null) return { busy: new Map(ids.map((id) => [id, []])), sessions: { capacity, byMember: new Map() } };
  const [raw, seats] = await Promise.all([
    store.listBusy(ids, needed, now),
    store.listSessionSeats(ctx.service.id, ids, needed, now),
  ]);
  const busy = new Map<string, Interval[]>();
  const byMember = new Map<string, ReturnType<typeof splitSessions>['sessions']>();
  const sessionHolds = new Map<string, SessionHold>();
  for (const id of ids) {
    const own = seats.get(id) ?? [];
    const others = withoutSpans(raw.get(id) ?? [], own).filter(
      (i) => !(id === exclude?.staffId && heldByMoved(exclude, i)),
    );
    const rows: OccupyingBooking[] = [
      ...others.map((span) => ({ serviceId: '', start: span.start, span, seats: 1 })),
      ...own.map((r) => ({
        serviceId: ctx.service.id,
        start: r.start,
        span: r.span,
        seats: r.seats,
        resourceSpan: r.held?.span ?? null,
      })),
    ];
    for (const r of own) if (r.held) sessionHolds.set(`${id}@${r.start}`, r.held);
    const split = splitSessions(rows, ctx.service.id);
    busy.set(id, merge(split.busy));
    byMember.set(id, split.sessions);
  }
  return { busy, sessions: { capacity, byMember }, sessionHolds: [...sessionHolds.values()] };
}

/** `spans` less one entry per seat with the same span (a multiset difference). */
function withoutSpans(spans: readonly Interval[], seats: readonly SeatRow[]): Interval[] {
  const pending = new Map<string, number>();
  for (const s of seats) {
    const key = `${s.span.start}/${s.span.end}`;
    pending.set(key, (pending.get(key) ?? 0) + 1);
  }
  const out: Interval[] = [];
  for (const span of spans) {
    const key = `${span.start}/${span.end}`;
    const n = pending.get(key) ?? 0;
    if (n > 0) pending.set(key, n - 1);
    else out.push(span);
  }
  return out;
}
