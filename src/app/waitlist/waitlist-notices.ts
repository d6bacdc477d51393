/**
 * What an offer and a join queue in their own transaction (the outbox, decision 009): the client's
 * email, the lapse at the hold's end, and the `waitlist.offered` webhook event.
 */
import type { JobSpec } from '../model.ts';
import { newEventId } from '../webhook-events.ts';
import type { Offer, StoredEntry } from './waitlist-store.ts';

export function offerNotices(offer: Offer, entry: StoredEntry, tokenSealed: string): JobSpec[] {
  return [
    { kind: 'email.waitlist', payload: { kind: 'offer', offerId: offer.id, tokenSealed } },
    { kind: 'waitlist.lapse', payload: { offerId: offer.id }, runAt: offer.expiresAt },
    {
      kind: 'webhook.waitlist',
      payload: {
        eventId: newEventId(),
        type: 'waitlist.offered',
        offer: {
          id: offer.id,
          entryId: offer.entryId,
          serviceId: offer.serviceId,
          staffId: offer.staffId,
          start: offer.start,
          end: offer.end,
          seats: offer.seats,
          expiresAt: offer.expiresAt,
        },
        client: { name: entry.client.name, email: entry.client.email },
      },
    },
  ];
}

export const joinedNotice = (entry: StoredEntry, tokenSealed: string): JobSpec => ({
  kind: 'email.waitlist',
  payload: { kind: 'joined', entryId: entry.id, tokenSealed },
});
