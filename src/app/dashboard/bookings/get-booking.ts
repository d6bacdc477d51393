/** One booking as the dashboard shows it: with its service, the business rules, its move history and its payments. */
import { loadManaged, type ManagedBooking } from '../../manage-booking.ts';
import type { Booking, LedgerPayment } from '../../model.ts';
import type { Clock, Store } from '../../ports.ts';
import { ok, type Result } from '../../result.ts';
import type { Actor } from '../actor.ts';
import { findOwnBooking } from './find-own-booking.ts';

export interface DashboardBooking extends ManagedBooking {
  /** The ledger of its gateway callbacks, oldest first; an unapplied one is money to give back. */
  readonly payments: LedgerPayment[];
  /** A seat of a group session: the session's other bookings (SPEC §9.1); [] otherwise. */
  readonly attendees: Booking[];
  /** An occurrence of a series: every occurrence (SPEC §9.2); [] otherwise. */
  readonly series: Booking[];
}

export async function getBookingFor(
  deps: {
    store: Pick<
      Store,
      | 'findService'
      | 'getBooking'
      | 'getBusiness'
      | 'listHistory'
      | 'listPayments'
      | 'listSeriesBookings'
      | 'listSessionAttendees'
    >;
    clock: Clock;
  },
  actor: Actor,
  id: string,
): Promise<Result<DashboardBooking>> {
  const found = await findOwnBooking(deps.store, actor, id);
  if (!found.ok) return found;
  const b = found.value;
  const [managed, payments, attendees, series] = await Promise.all([
    loadManaged(deps.store, b),
    deps.store.listPayments(b.id),
    deps.store.listSessionAttendees(b, deps.clock.now()),
    b.seriesId ? deps.store.listSeriesBookings(b.seriesId) : Promise.resolve([]),
  ]);
  return ok({ ...managed, payments, attendees, series });
}
