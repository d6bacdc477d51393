/**
 * Moving a confirmed booking to a new start (and possibly another member), whoever asks: the
 * client through the manage link (reschedule-booking.ts, after SPEC §4's limits) or staff in the
 * dashboard (dashboard/bookings/move-booking.ts). The new start must be a slot by the same rules as a new
 * booking, the booking's own time aside; the store's compare-and-set and the exclusion constraint
 * guard the write. Runs inside the caller's transaction; queuing the emails is the caller's.
 */
import { checkSlot, heldSpan, occupiedSpan, remindAt } from '../core/index.ts';
import type { Booking, Business } from './model.ts';
import { optional } from './place-booking.ts';
import type { Store } from './ports.ts';
import { invalid, ok, type Result, refuse } from './result.ts';
import { loadScheduling } from './scheduling.ts';
import { loadSources } from './sources.ts';

export interface SlotMove {
  readonly start: number;
  readonly staffId: string;
  /** Recorded in the booking's history. */
  readonly reason: string;
  /** Admins in the dashboard: skip min notice and horizon, never the overlap. */
  readonly skipNoticeAndHorizon?: boolean;
  /** A move by staff does not use up one of the client's reschedules. */
  readonly byStaff?: boolean;
}

export interface Moved {
  readonly booking: Booking;
  /** Where the booking was: what the 'rescheduled' emails show as the old time. */
  readonly previous: { readonly start: number; readonly end: number; readonly staffName: string };
}

export async function moveToSlot(
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
    | 'moveBooking'
  >,
  booking: Booking,
  business: Business,
  move: SlotMove,
  now: number,
): Promise<Result<Moved>> {
  const loaded = await loadScheduling(store, booking.serviceId, move.staffId, true);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const member = ctx.members[0];
  if (!member) return invalid('This staff member does not offer this service.', { staff: 'does not offer it' });
  // The booking's own span and its own holds on resources do not stand in its way.
  const { busy, external, resources, holds } = await loadSources(
    store,
    ctx,
    { start: move.start, end: move.start + 1 },
    now,
    {
      staffId: booking.staffId,
      span: { start: booking.start, end: booking.end },
    },
  );
  const check = checkSlot({
    staff: member,
    timing: ctx.timing,
    busy: busy.get(member.id) ?? [],
    ...optional('external', external.get(member.id)),
    resources,
    ...optional('holds', holds.get(member.id)),
    now,
    start: move.start,
    skipNoticeAndHorizon: move.skipNoticeAndHorizon ?? false,
  });
  if (!check.ok) return refuse('SLOT_UNAVAILABLE', 'That time is not available.', { reason: check.reason });
  const moved = await store.moveBooking(
    {
      bookingId: booking.id,
      fromStart: booking.start,
      fromStaffId: booking.staffId,
      toStaffId: member.id,
      start: check.slot.start,
      end: check.slot.end,
      occupied: occupiedSpan(check.slot.start, check.slot.end, ctx.timing, member.policy.gapMinutes),
      timezone: member.timezone,
      reason: move.reason,
      remindAt: remindAt({
        start: check.slot.start,
        wantsReminder: booking.wantsReminder,
        reminderHours: business.reminderHours,
        now,
      }),
      countsAsReschedule: !move.byStaff,
      ...(ctx.service.resourceIds.length > 0 ? { held: heldSpan(check.slot.start, check.slot.end, ctx.timing) } : {}),
    },
    now,
  );
  if (moved.ok) {
    return ok({
      booking: moved.booking,
      previous: { start: booking.start, end: booking.end, staffName: booking.staffName },
    });
  }
  return moved.code === 'SLOT_UNAVAILABLE'
    ? refuse('SLOT_UNAVAILABLE', 'That time has just been taken.', { reason: 'taken' })
    : refuse('RESCHEDULE_NOT_ALLOWED', 'This booking changed meanwhile; reload it.', { reason: 'changed' });
}
