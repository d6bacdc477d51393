/**
 * The client leaves the waitlist (API.md `DELETE /waitlist/{token}`, the link in their emails):
 * the entry is closed, and a live offer it holds is passed to the next entry in the same
 * transaction. Leaving twice is fine; an unknown token is 404.
 */
import { inTransaction } from '../in-transaction.ts';
import type { Store } from '../ports.ts';
import { ok, type Result, refuse } from '../result.ts';
import { hashToken } from '../tokens.ts';
import { type OfferDeps, type OfferStore, offerIn } from './offer-freed-start.ts';

export async function leaveWaitlist(
  deps: OfferDeps & {
    readonly store: OfferStore &
      Pick<Store, 'closeWaitlistEntry' | 'closeWaitlistOffer' | 'findEntryByLeaveToken' | 'findLiveOffer'>;
  },
  token: string,
): Promise<Result<null>> {
  return inTransaction(deps.store, async (store) => {
    const now = deps.clock.now();
    const entry = await store.findEntryByLeaveToken(hashToken(token));
    if (!entry) return refuse('NOT_FOUND', 'No such waitlist entry.');
    if (!(await store.closeWaitlistEntry(entry.id, 'left'))) return ok(null);
    const offer = await store.findLiveOffer(entry.id);
    if (offer && (await store.closeWaitlistOffer(offer.id, 'declined', now))) await offerIn({ ...deps, store }, offer);
    return ok(null);
  });
}
