/**
 * Whether a booking may be made at an instant (SPEC §2, applied to one start). A start is bookable
 * exactly when availability would list it, so the check reuses the slot computation and explains
 * a refusal with the first rule that removes it.
 */
import { dayClosure } from './availability.ts';
import { heldSpan, memberBusy, resourceHolds } from './busy.ts';
import { overlapsAny } from './interval.ts';
import { sessionResourceIndex, sessionResourcesFree, sessionVerdict } from './sessions.ts';
import { candidates, occupiedSpan } from './slots.ts';
import { dateOf } from './time.ts';
import type { ExternalBusy, HeldStart, Interval, ServiceTiming, SessionsInput, StaffSchedule } from './types.ts';

const MINUTE = 60_000;

export type SlotRefusal = 'past' | 'beyond_horizon' | 'day_off' | 'not_worked' | 'not_offered' | 'too_soon' | 'taken';

/**
 * `seatsLeft` (capacity services only): the seats one booking can still take at the start — the
 * session's seats left, or the capacity for a new session (seats.ts checkSeats compares).
 */
export type SlotCheck =
  | { ok: true; slot: Interval; seatsLeft?: number }
  | { ok: false; code: 'SLOT_UNAVAILABLE'; reason: SlotRefusal };

export interface SlotCheckInput {
  readonly staff: StaffSchedule;
  readonly timing: ServiceTiming;
  /** Occupied spans of the member's existing bookings, merged. */
  readonly busy: readonly Interval[];
  /** The member's external busy time (SPEC §8.3); absent = none. Blocks come with `staff`. */
  readonly external?: ExternalBusy;
  /** Spans held on each resource the service requires, by key (calendar.ts AvailabilityInput). */
  readonly resources?: ReadonlyMap<string, readonly Interval[]>;
  /** A capacity service (SPEC §9.1): as calendar.ts AvailabilityInput `sessions` (every member's). */
  readonly sessions?: SessionsInput;
  /** Starts held for waitlist offers for this member (SPEC §9.3), except the one being accepted. */
  readonly holds?: readonly HeldStart[];
  readonly now: number;
  readonly start: number;
  /** Admins may book past the notice and horizon (SPEC §5), never in the past or over a booking. */
  readonly skipNoticeAndHorizon?: boolean;
}

/**
 * Checks one start against rules 1-5 for one member, with every source of SPEC §8: date hours
 * and blocks (in `staff`), external busy time and resources, and the sessions and held starts of
 * §9. Busy time of any source — a booking, a block, an external event, a held resource, a start
 * held for a waitlist offer, a full session or one at another start — refuses with `taken`.
 */
export function checkSlot(input: SlotCheckInput): SlotCheck {
  const { staff, timing, busy, now, start } = input;
  const refuse = (reason: SlotRefusal): SlotCheck => ({ ok: false, code: 'SLOT_UNAVAILABLE', reason });
  if (start < now) return refuse('past');
  const date = dateOf(start, staff.timezone);
  const closure = dayClosure(staff, date, now, input.skipNoticeAndHorizon);
  if (closure !== null) return refuse(closure);
  const slot = candidates(staff, date, timing).find((c) => c.start === start);
  if (!slot) return refuse('not_offered');
  if (!input.skipNoticeAndHorizon && start < now + staff.policy.minNoticeMinutes * MINUTE) return refuse('too_soon');
  const all = memberBusy(staff, busy, input.external, now, input.holds);
  const span = occupiedSpan(slot.start, slot.end, timing, staff.policy.gapMinutes);
  if (overlapsAny(all, span)) return refuse('taken');
  const hold = heldSpan(slot.start, slot.end, timing);
  if (overlapsAny(resourceHolds(input.resources), hold)) return refuse('taken');
  const sessions = input.sessions;
  if (!sessions) return { ok: true, slot };
  const own = sessionVerdict(sessions.byMember.get(staff.id) ?? [], sessions.capacity, start, span.start, span.end);
  if (own === false) return refuse('taken');
  const index = input.resources && input.resources.size > 0 ? sessionResourceIndex(sessions) : null;
  if (index && !sessionResourcesFree(index, own, hold.start, hold.end)) return refuse('taken');
  return { ok: true, slot, seatsLeft: own ? Math.max(0, sessions.capacity - own.seatsTaken) : sessions.capacity };
}

export type RescheduleBlock = 'not_allowed_for_service' | 'limit_reached' | 'too_close' | 'not_active';

export interface ChangeFacts {
  readonly status: string;
  readonly start: number;
  readonly now: number;
}

/** Whether the client may still reschedule (SPEC §4), and why not. */
export function rescheduleBlock(
  facts: ChangeFacts & { allowRescheduling: boolean; count: number; limit: number; noticeHours: number },
): RescheduleBlock | null {
  if (facts.status !== 'confirmed') return 'not_active';
  if (!facts.allowRescheduling) return 'not_allowed_for_service';
  if (facts.count >= facts.limit) return 'limit_reached';
  if (facts.start - facts.now <= facts.noticeHours * 3_600_000) return 'too_close';
  return null;
}

/** Whether the client may still cancel (SPEC §4): until cancelNoticeHours before the start. */
export function cancelAllowed(facts: ChangeFacts & { noticeHours: number }): boolean {
  const active = ['pending_verification', 'awaiting_payment', 'confirmed'].includes(facts.status);
  return active && facts.start - facts.now > facts.noticeHours * 3_600_000;
}
