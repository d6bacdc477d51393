/**
 * The client accepts an offer (API.md `POST /waitlist/offers/{token}/accept`, no body → 201 as a
 * booking): the held start becomes a booking through the one door every new booking takes
 * (create-booking.ts): the email is proven and the booking paid as usual. The booking carries the
 * offer's id, the one thing that lets it take the held start (migration 018); the offer and the
 * entry are closed in the same transaction. Lapsed, declined or accepted already: 410 OFFER_EXPIRED.
 *
 * Payment: nothing online when the service allows it, else the full price (accept takes no body).
 */

import type { PaymentOption } from '../../core/index.ts';
import { type CreateBookingDeps, type CreatedBooking, createBooking } from '../create-booking.ts';
import { inTransaction } from '../in-transaction.ts';
import type { Store } from '../ports.ts';
import { ok, type Result, refuse } from '../result.ts';
import { liveOfferByToken, OFFER_GONE } from './offer-by-token.ts';

export type AcceptDeps = CreateBookingDeps & {
  readonly store: CreateBookingDeps['store'] &
    Pick<Store, 'closeWaitlistEntry' | 'closeWaitlistOffer' | 'findOfferByToken' | 'getWaitlistEntry'>;
};

export async function acceptOffer(deps: AcceptDeps, token: string): Promise<Result<CreatedBooking>> {
  return inTransaction(deps.store, async (store) => {
    const now = deps.clock.now();
    const found = await liveOfferByToken(store, token, now);
    if (!found.ok) return found;
    const offer = found.value;
    const entry = await store.getWaitlistEntry(offer.entryId);
    if (!entry) return refuse('OFFER_EXPIRED', OFFER_GONE);
    const book = (payment: PaymentOption) =>
      createBooking(
        { ...deps, store },
        {
          service: offer.serviceId,
          staff: offer.staffId,
          start: offer.start,
          client: { ...entry.client, address: null },
          notes: '',
          wantsReminder: true,
          locale: entry.locale,
          ...(offer.seats > 1 ? { seats: offer.seats } : {}),
          payment,
          waitlistOfferId: offer.id,
        },
      );
    let booked = await book('none');
    if (!booked.ok && booked.code === 'PAYMENT_OPTION_NOT_ALLOWED') booked = await book('full');
    if (!booked.ok) return booked;
    if (!(await store.closeWaitlistOffer(offer.id, 'accepted', now, booked.value.booking.id))) {
      return refuse('OFFER_EXPIRED', OFFER_GONE);
    }
    await store.closeWaitlistEntry(entry.id, 'booked');
    return ok(booked.value);
  });
}
