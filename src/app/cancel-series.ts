/**
 * The client cancels occurrences of a series through any occurrence's manage link (SPEC §9.2,
 * API.md `POST /manage/{token}/cancel {scope: "one"|"rest", bookingId?}`): "one" cancels the named
 * occurrence (default: the link's own), "rest" that one and every later one still active.
 *
 * Each occurrence is judged as a single booking's cancel is (SPEC §10.2, cancel-terms.ts), on its
 * share of what the series paid (series-share.ts): the tier in force for its start decides, and
 * what it decided (refund due, amount kept) is recorded on it and in its history; the owner's
 * email of each cancelled occurrence says what to refund. "one" of an occurrence the client may
 * not cancel gets the same refusal as a single booking. "rest" cancels the occurrences it may and
 * answers the others in `refused` (decision 035: an occurrence inside "no online cancellation"
 * stays booked; the client contacts the business for it); when it may cancel none, it is refused
 * like "one". One transaction: every allowed cancel, or none.
 */
import { statusAt } from './allowances.ts';
import { type CancelRefusalReason, cancelRefusal } from './cancel-refusal.ts';
import { cancelTerms, clientCancel } from './cancel-terms.ts';
import { inTransaction } from './in-transaction.ts';
import { type Booking, OCCUPYING_STATUSES } from './model.ts';
import { bookingNotices } from './notices.ts';
import type { Clock, Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';
import { findOccurrence } from './series-occurrence.ts';
import { occurrenceShare } from './series-share.ts';

export interface SeriesCancel {
  readonly scope: 'one' | 'rest';
  readonly bookingId?: string | undefined;
  readonly reason: string;
}

/** An occurrence "rest" left booked, and why (as a single booking's refusal says it). */
export interface RefusedOccurrence {
  readonly bookingId: string;
  readonly reason: CancelRefusalReason;
}

export interface SeriesCancelled {
  readonly seriesId: string | null;
  readonly bookings: Booking[];
  readonly refused: RefusedOccurrence[];
}

export async function cancelSeriesByClient(
  deps: {
    store: Pick<
      Store,
      | 'cancelBooking'
      | 'enqueueJobs'
      | 'findBookingByToken'
      | 'findService'
      | 'getBooking'
      | 'getBusiness'
      | 'listSeriesBookings'
      | 'transaction'
    >;
    clock: Clock;
  },
  token: string,
  input: SeriesCancel,
): Promise<Result<SeriesCancelled>> {
  const now = deps.clock.now();
  return inTransaction(deps.store, async (store) => {
    const found = await findOccurrence(store, token, input.bookingId);
    if (!found.ok) return found;
    const named = found.value;
    const [business, service, all] = await Promise.all([
      store.getBusiness(),
      store.findService(named.serviceId),
      named.seriesId ? store.listSeriesBookings(named.seriesId) : [named],
    ]);
    const active = (b: Booking) => OCCUPYING_STATUSES.includes(statusAt(b, now));
    const targets =
      input.scope === 'rest' ? all.filter((b) => b.id === named.id || (b.start > named.start && active(b))) : [named];
    const judged = targets.map((b) => {
      const share = occurrenceShare(b, all);
      return { b, share, outcome: clientCancel(share, service, business, now) };
    });
    const allowed = judged.flatMap((j) => (j.outcome.ok ? [{ ...j, rule: j.outcome.rule }] : []));
    if (allowed.length === 0) {
      const first = judged[0]?.outcome;
      return cancelRefusal(first && !first.ok ? first.reason : 'not_active', statusAt(named, now), business);
    }
    for (const { b, share, rule } of allowed) {
      const terms = cancelTerms(share, service, rule.refund, 'client', false);
      const cancelled = await store.cancelBooking(b.id, input.reason, now, terms);
      if (!cancelled)
        return refuse('CANCEL_NOT_ALLOWED', 'This series changed meanwhile; reload it.', { reason: 'changed' });
      // Only a confirmed occurrence was announced; a dropped hold needs no email.
      if (b.status === 'confirmed') {
        await store.enqueueJobs(bookingNotices('cancelled', cancelled, business, { cancelReason: input.reason }), now);
      }
    }
    const refused = judged.flatMap((j) =>
      j.outcome.ok || j.outcome.reason === 'not_active' ? [] : [{ bookingId: j.b.id, reason: j.outcome.reason }],
    );
    const after = named.seriesId ? await store.listSeriesBookings(named.seriesId) : [];
    return ok({ seriesId: named.seriesId ?? null, bookings: after, refused });
  });
}

/** The occurrences of a booking's series, for the manage answer and page; [] for a single booking. */
export async function listSeriesOf(
  deps: { store: Pick<Store, 'listSeriesBookings'> },
  booking: Booking,
): Promise<Booking[]> {
  return booking.seriesId ? deps.store.listSeriesBookings(booking.seriesId) : [];
}
