/** What the offer page shows (`/waitlist/offer/{token}`): the held start, its member and service, until when. */
import { serviceIn } from '../content-language.ts';
import type { Store } from '../ports.ts';
import type { Result } from '../result.ts';
import { ok } from '../result.ts';
import { liveOfferByToken } from './offer-by-token.ts';
import type { Offer } from './waitlist-store.ts';

export interface OfferView {
  readonly offer: Offer;
  readonly serviceName: string;
  readonly staffName: string;
}

export async function viewOffer(
  deps: {
    readonly store: Pick<Store, 'findOfferByToken' | 'findService' | 'getBusiness' | 'listStaff'>;
    readonly clock: { now(): number };
  },
  token: string,
  locale: string,
): Promise<Result<OfferView>> {
  const found = await liveOfferByToken(deps.store, token, deps.clock.now());
  if (!found.ok) return found;
  const offer = found.value;
  const [business, service, staff] = await Promise.all([
    deps.store.getBusiness(),
    deps.store.findService(offer.serviceId),
    deps.store.listStaff(),
  ]);
  return ok({
    offer,
    serviceName: service ? serviceIn(service, locale, business.locale).name : '',
    staffName: staff.find((m) => m.id === offer.staffId)?.name ?? '',
  });
}
