/**
 * A recurring series taken in the dashboard, e.g. by phone (SPEC §9.2 "an admin books repeat"):
 * as createBookingByStaff (confirmed at once, nothing paid online, staff book only for
 * themselves, skipRules for admins) and as the client's series (every occurrence checked and
 * written in one transaction, 409 SERIES_CONFLICT with the nearest free starts). The service's
 * allowRepeat governs clients only: staff vouch for the series they book (decision 031).
 */
import type { Repeat, SkippedPeriod } from '../../../core/index.ts';
import { writeOccurrences } from '../../create-series.ts';
import { inTransaction } from '../../in-transaction.ts';
import type { Booking } from '../../model.ts';
import { seatsRefusal, slotGone } from '../../place-booking.ts';
import type { Clock, Store } from '../../ports.ts';
import { ok, type Result } from '../../result.ts';
import { loadScheduling } from '../../scheduling.ts';
import { seriesConflict, seriesMember } from '../../series-check.ts';
import { confirmedSeriesNotices } from '../../series-notices.ts';
import { hashToken, newManageToken } from '../../tokens.ts';
import type { Actor } from '../actor.ts';
import type { StaffBookingInput } from './create-booking-by-staff.ts';
import { staffBookingFor } from './find-own-booking.ts';

export interface StaffSeriesInput extends StaffBookingInput {
  readonly repeat: Repeat;
}

export async function createSeriesByStaff(
  deps: {
    store: Pick<
      Store,
      | 'countBookings'
      | 'createSeries'
      | 'enqueueJobs'
      | 'findService'
      | 'getBusiness'
      | 'insertBooking'
      | 'insertSeriesBookings'
      | 'nextBookingIds'
      | 'insertSeriesBookingsWithIds'
      | 'listBusy'
      | 'listExternalBusy'
      | 'listOfferHolds'
      | 'listResourceHolds'
      | 'listSessionSeats'
      | 'listStaffForService'
      | 'transaction'
      | 'upsertClient'
    >;
    clock: Clock;
  },
  actor: Actor,
  input: StaffSeriesInput,
): Promise<Result<{ seriesId: string; bookings: Booking[]; skipped: readonly SkippedPeriod[] }>> {
  const who = staffBookingFor(actor, input);
  if ('ok' in who) return who;
  const { staff } = who;
  const now = deps.clock.now();
  return inTransaction(deps.store, async (store) => {
    const loaded = await loadScheduling(store, input.service, staff, true);
    if (!loaded.ok) return loaded;
    const ctx = loaded.value;
    const seatProblem = seatsRefusal(input.seats, ctx.service);
    if (seatProblem) return seatProblem;
    if (ctx.members.length === 0) return slotGone('not_offered');
    const chosen = await seriesMember(store, ctx, { ...input, skipNoticeAndHorizon: input.skipRules }, now);
    if (!chosen.ok) return chosen;
    const { member, slots, plan } = chosen.value;
    const clientId = await store.upsertClient(input.client);
    const seriesId = await store.createSeries(input.repeat, now);
    // The manage links go out in the client's emails, each with a fresh token; these are never shown.
    const terms = () => ({
      request: input,
      clientId,
      status: 'confirmed' as const,
      payment: 'none' as const,
      amountDue: 0,
      manageTokenHash: hashToken(newManageToken()),
    });
    const own = { ...ctx, members: [member] };
    const written = await writeOccurrences(store, own, member, slots, terms, seriesId, now);
    if (!written.ok) return seriesConflict(store, ctx, member, written.starts, now);
    const jobs = confirmedSeriesNotices(written.bookings, ctx.business).filter(
      (j) => input.notifyClient || !(j.kind === 'email.booking' && j.payload.audience === 'client'),
    );
    await store.enqueueJobs(jobs, now);
    return ok({ seriesId, bookings: written.bookings, skipped: plan.skipped });
  });
}
