/** The active services a client can book, each with the staff offering it and its payment options. */
import { type PaymentOption, paymentOptions } from '../core/index.ts';
import { serviceIn } from './content-language.ts';
import type { Business, ImageRef, Service, StaffMember } from './model.ts';
import type { Store } from './ports.ts';
import { ok, type Result, refuse } from './result.ts';

/** A member offering a service, as the public pages introduce them (decision 032: photo and bio). */
export interface OfferedBy {
  readonly id: string;
  readonly name: string;
  readonly photo: ImageRef | null;
  readonly bio: string;
}

export interface ServiceOffer {
  readonly service: Service;
  readonly currency: string;
  readonly paymentOptions: PaymentOption[];
  readonly staff: readonly OfferedBy[];
}

/** `lang`: the reader's language, for the name and description (SPEC §12); absent = as stored (the business language's). */
function offer(business: Business, service: Service, staff: readonly StaffMember[], lang?: string): ServiceOffer {
  return {
    service: lang === undefined ? service : serviceIn(service, lang, business.locale),
    currency: service.currency ?? business.currency,
    paymentOptions: paymentOptions({
      paymentConfigured: business.paymentUrl !== null && business.paymentSecret !== null,
      price: service.price,
      deposit: service.deposit,
    }),
    staff: staff
      .filter((m) => m.active && m.serviceIds.includes(service.id))
      .map((m) => ({ id: m.id, name: m.name, photo: m.photo ?? null, bio: m.bio ?? '' })),
  };
}

export async function listServices(
  deps: {
    store: Pick<Store, 'getBusiness' | 'listServices' | 'listStaff'>;
  },
  lang?: string,
): Promise<ServiceOffer[]> {
  const [business, services, staff] = await Promise.all([
    deps.store.getBusiness(),
    deps.store.listServices({ activeOnly: true }),
    deps.store.listStaff(),
  ]);
  return services.map((s) => offer(business, s, staff, lang));
}

export async function getService(
  deps: { store: Pick<Store, 'findService' | 'getBusiness' | 'listStaffForService'> },
  idOrSlug: string,
  lang?: string,
): Promise<Result<ServiceOffer>> {
  const [business, service] = await Promise.all([deps.store.getBusiness(), deps.store.findService(idOrSlug)]);
  if (!service?.active) return refuse('NOT_FOUND', `No active service "${idOrSlug}".`);
  return ok(offer(business, service, await deps.store.listStaffForService(service.id), lang));
}
