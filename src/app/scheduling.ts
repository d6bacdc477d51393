/**
 * Loads what availability and booking need for one service, resolving settings once per use case
 * (STYLE anti-pattern: settings re-read at many call sites).
 */
import {
  busyWindowFor,
  type Interval,
  merge,
  type Policy,
  resolvePolicy,
  resolveTimezone,
  type ServiceTiming,
  type StaffSchedule,
} from '../core/index.ts';
import type { Business, Service, StaffMember } from './model.ts';
import type { Store } from './ports.ts';
import { invalid, ok, type Result, refuse } from './result.ts';

export interface SchedulingContext {
  readonly business: Business;
  readonly service: Service;
  readonly timing: ServiceTiming;
  /** The members considered (one, or all offering the service for "any"), ordered by id. */
  readonly members: readonly StaffSchedule[];
  readonly staff: readonly StaffMember[];
}

export function businessPolicy(b: Business): Policy {
  return {
    slotStepMinutes: b.slotStepMinutes,
    gapMinutes: b.gapMinutes,
    minNoticeMinutes: b.minNoticeMinutes,
    horizonDays: b.horizonDays,
  };
}

/**
 * Schedules already made, per member object: the catalogue's read cache hands out the same
 * business and member objects until a change, so a view of "any" of 50 builds no 50 schedules
 * (and policies) per request. A pure function of two read-only objects: a memo changes no answer.
 */
const schedules = new WeakMap<StaffMember, { readonly business: Business; readonly schedule: StaffSchedule }>();

export function toSchedule(b: Business, m: StaffMember): StaffSchedule {
  const known = schedules.get(m);
  if (known?.business === b) return known.schedule;
  const schedule = buildSchedule(b, m);
  schedules.set(m, { business: b, schedule });
  return schedule;
}

function buildSchedule(b: Business, m: StaffMember): StaffSchedule {
  return {
    id: m.id,
    timezone: resolveTimezone(b.timezone, m.timezone),
    hours: m.hours,
    daysOff: m.daysOff,
    policy: resolvePolicy(businessPolicy(b), m),
    dateHours: m.dateHours,
    blocks: m.blocks,
  };
}

export function timingOf(s: Service): ServiceTiming {
  return {
    durationMinutes: s.durationMinutes,
    bufferBeforeMinutes: s.bufferBeforeMinutes,
    bufferAfterMinutes: s.bufferAfterMinutes,
  };
}

/**
 * The service (active, by id or slug) and the staff to consider: `staff` is a member id or "any".
 * `asField` says whether an unknown service is a body field (400) or the addressed resource (404).
 */
export async function loadScheduling(
  store: Pick<Store, 'findService' | 'getBusiness' | 'listStaffForService'>,
  serviceRef: string,
  staffRef: string,
  asField: boolean,
): Promise<Result<SchedulingContext>> {
  const [business, service] = await Promise.all([store.getBusiness(), store.findService(serviceRef)]);
  if (!service?.active) {
    return asField
      ? invalid('Unknown service.', { service: `no active service "${serviceRef}"` })
      : refuse('NOT_FOUND', `No active service "${serviceRef}".`);
  }
  const offering = await store.listStaffForService(service.id);
  const chosen = staffRef === 'any' ? offering : offering.filter((m) => m.id === staffRef);
  if (chosen.length === 0) {
    return staffRef === 'any'
      ? ok({ business, service, timing: timingOf(service), members: [], staff: [] })
      : invalid('This staff member does not offer this service.', {
          staff: `staff "${staffRef}" does not offer "${service.slug}"`,
        });
  }
  return ok({
    business,
    service,
    timing: timingOf(service),
    members: chosen.map((m) => toSchedule(business, m)),
    staff: chosen,
  });
}

/** A booking being moved (its member and the span it occupies). */
export interface MovedBooking {
  readonly staffId: string;
  readonly span: Interval;
}

/**
 * Whether `i` is the moved booking's own span or hold: the one interval containing its span (no
 * other can overlap it on the same member or resource), which does not stand in its way.
 */
export const heldByMoved = (exclude: MovedBooking | undefined, i: Interval): boolean =>
  exclude !== undefined && i.start <= exclude.span.start && i.end >= exclude.span.end;

/**
 * The busy time, merged per member, that can refuse a candidate starting in `window`: only what
 * touches a start from `now` on (core/busy-reach.ts), so a window in the past, whatever its
 * date, reads nothing.
 */
export async function loadBusy(
  store: Pick<Store, 'listBusy'>,
  ctx: SchedulingContext,
  window: Interval,
  now: number,
  /** A booking being moved: its own occupied span does not stand in its way (heldByMoved). */
  exclude?: MovedBooking,
): Promise<Map<string, readonly Interval[]>> {
  const ids = ctx.members.map((m) => m.id);
  const needed = busyWindowFor(window, now);
  if (needed === null) return new Map(ids.map((id) => [id, []]));
  // Merged by the store (a cache keeps each member's list merged): nothing copied per question.
  if (exclude === undefined) return store.listBusy(ids, needed, now, true);
  const raw = await store.listBusy(ids, needed, now);
  const out = new Map<string, readonly Interval[]>();
  for (const [id, list] of raw) {
    // Only the moved booking's member has a span to leave out: no copy of every member's list.
    const kept = exclude !== undefined && id === exclude.staffId ? list.filter((i) => !heldByMoved(exclude, i)) : list;
    out.set(id, merge(kept));
  }
  return out;
}
