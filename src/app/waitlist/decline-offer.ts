/**
 * The client declines an offer (API.md `POST /waitlist/offers/{token}/decline` → 204): the hold
 * ends and the start goes to the next matching entry in the same transaction. An offer already
 * answered or lapsed is 410 OFFER_EXPIRED.
 */
import { inTransaction } from '../in-transaction.ts';
import type { Clock, Store } from '../ports.ts';
import { ok, type Result, refuse } from '../result.ts';
import { liveOfferByToken, OFFER_GONE } from './offer-by-token.ts';
import { type OfferDeps, type OfferStore, offerIn } from './offer-freed-start.ts';

export async function declineOffer(
  deps: OfferDeps & {
    readonly store: OfferStore & Pick<Store, 'closeWaitlistOffer' | 'findOfferByToken'>;
    readonly clock: Clock;
  },
  token: string,
): Promise<Result<null>> {
  return inTransaction(deps.store, async (store) => {
    const now = deps.clock.now();
    const found = await liveOfferByToken(store, token, now);
    if (!found.ok) return found;
    const offer = found.value;
    if (!(await store.closeWaitlistOffer(offer.id, 'declined', now))) return refuse('OFFER_EXPIRED', OFFER_GONE);
    await offerIn({ ...deps, store }, offer);
    return ok(null);
  });
}
