/**
 * An offer's hold ends unanswered (the `waitlist.lapse` job, queued at its expiry with the offer):
 * it is marked lapsed and the start goes to the next matching entry, in one transaction, so a
 * restart between the two loses nothing. An offer answered meanwhile is left alone; a job that
 * runs early (another process's clock) waits for the expiry.
 */
import { atomically } from '../in-transaction.ts';
import type { Store } from '../ports.ts';
import { type OfferDeps, type OfferStore, offerIn } from './offer-freed-start.ts';

export async function lapseOffer(
  deps: OfferDeps & { readonly store: OfferStore & Pick<Store, 'closeWaitlistOffer' | 'getWaitlistOffer'> },
  offerId: string,
): Promise<'lapsed' | 'answered' | 'not_yet'> {
  return atomically(deps.store, async (store) => {
    const now = deps.clock.now();
    const offer = await store.getWaitlistOffer(offerId);
    if (offer?.status !== 'live') return 'answered';
    if (now < offer.expiresAt) {
      await store.enqueueJobs([{ kind: 'waitlist.lapse', payload: { offerId }, runAt: offer.expiresAt }], now);
      return 'not_yet';
    }
    if (!(await store.closeWaitlistOffer(offer.id, 'lapsed', now))) return 'answered';
    await offerIn({ ...deps, store }, offer);
    return 'lapsed';
  });
}
