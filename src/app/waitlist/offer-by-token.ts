/** An offer found by its link's token, while it can still be answered (else 410 OFFER_EXPIRED). */
import { offerLive } from '../../core/index.ts';
import type { Store } from '../ports.ts';
import { ok, type Result, refuse } from '../result.ts';
import { hashToken } from '../tokens.ts';
import type { Offer } from './waitlist-store.ts';

export const OFFER_GONE = 'This offer has lapsed or was already answered.';

export async function liveOfferByToken(
  store: Pick<Store, 'findOfferByToken'>,
  token: string,
  now: number,
): Promise<Result<Offer>> {
  const offer = await store.findOfferByToken(hashToken(token));
  if (!offer) return refuse('NOT_FOUND', 'No such offer.');
  if (offer.status !== 'live' || !offerLive(offer.expiresAt, now)) {
    return refuse('OFFER_EXPIRED', OFFER_GONE, { status: offer.status === 'live' ? 'lapsed' : offer.status });
  }
  return ok(offer);
}
