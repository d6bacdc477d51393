/**
 * One booking as the dashboard shows it: with its service, the business rules, its history and its
 * payments, the client's no-shows, and its sensitive answers opened — this is where they are shown
 * (SPEC §10.1: to admins and the booking's staff member only; findOwnBooking has already refused
 * anyone else). What a cancel by staff would apply now comes with it (SPEC §10.2).
 */
import type { Answers } from '../../../core/index.ts';
import { cancelTerms, staffTier } from '../../cancel-terms.ts';
import { loadManaged, type ManagedBooking } from '../../manage-booking.ts';
import type { Booking, CancelTerms, LedgerPayment } from '../../model.ts';
import type { Clock, Store } from '../../ports.ts';
import { ok, type Result } from '../../result.ts';
import { openAnswers } from '../../sensitive-answers.ts';
import type { Actor } from '../actor.ts';
import { findOwnBooking } from './find-own-booking.ts';

export interface DashboardBooking extends ManagedBooking {
  /** The ledger of its gateway callbacks, oldest first; an unapplied one is money to give back. */
  readonly payments: LedgerPayment[];
  /**
   * The sensitive answers: {} when there are none, null when they do not open (sealed under
   * another SLOTWISE_SECRET: `slotwise reencrypt` moves them, decision 029).
   */
  readonly sensitiveAnswers: Answers | null;
  /** The client's bookings marked no-show (by email). */
  readonly clientNoShows: number;
  /** What a cancel by staff would apply now, by the service's policy. */
  readonly cancelNow: CancelTerms;
  /** A seat of a group session: the session's other bookings (SPEC §9.1); [] otherwise. */
  readonly attendees: Booking[];
  /** An occurrence of a series: every occurrence (SPEC §9.2); [] otherwise. */
  readonly series: Booking[];
}

export async function getBookingFor(
  deps: {
    store: Pick<
      Store,
      | 'countNoShows'
      | 'findService'
      | 'getBooking'
      | 'getBusiness'
      | 'listHistory'
      | 'listPayments'
      | 'listSeriesBookings'
      | 'listSessionAttendees'
    >;
    clock: Clock;
    /** SLOTWISE_SECRET: opens the sensitive answers. */
    secret: string;
  },
  actor: Actor,
  id: string,
): Promise<Result<DashboardBooking>> {
  const found = await findOwnBooking(deps.store, actor, id);
  if (!found.ok) return found;
  const booking = found.value;
  const now = deps.clock.now();
  const [managed, payments, clientNoShows, attendees, series] = await Promise.all([
    loadManaged(deps.store, booking),
    deps.store.listPayments(booking.id),
    deps.store.countNoShows(booking.client.email),
    deps.store.listSessionAttendees(booking, now),
    booking.seriesId ? deps.store.listSeriesBookings(booking.seriesId) : Promise.resolve([]),
  ]);
  const sensitiveAnswers =
    booking.sealedAnswers === null ? {} : openAnswers(booking.sealedAnswers, deps.secret, booking.reference);
  const cancelNow = cancelTerms(booking, managed.service, staffTier(booking, managed.service, now), 'staff', false);
  return ok({ ...managed, payments, sensitiveAnswers, clientNoShows, cancelNow, attendees, series });
}
