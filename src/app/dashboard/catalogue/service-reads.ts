/**
 * The dashboard's services: every service, inactive ones included, with the members linked to
 * it. Admins and staff alike may read them (staff need the names); only admins change them.
 */
import type { Service } from '../../model.ts';
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import type { Actor } from '../actor.ts';

export interface AdminService {
  readonly service: Service;
  /** The service's own currency, or the business's. */
  readonly currency: string;
  /** Every member linked to the service (inactive ones too: the admin manages the links). */
  readonly staff: readonly { readonly id: string; readonly name: string }[];
}

/** Services with their currency and staff, loading the business and staff once. */
export async function toAdminServices(
  store: Pick<Store, 'getBusiness' | 'listStaff'>,
  services: readonly Service[],
): Promise<AdminService[]> {
  const [business, staff] = await Promise.all([store.getBusiness(), store.listStaff()]);
  return services.map((service) => ({
    service,
    currency: service.currency ?? business.currency,
    staff: staff.filter((m) => m.serviceIds.includes(service.id)).map((m) => ({ id: m.id, name: m.name })),
  }));
}

export async function listAdminServices(
  deps: { store: Pick<Store, 'getBusiness' | 'listServices' | 'listStaff'> },
  _actor: Actor,
): Promise<AdminService[]> {
  return toAdminServices(deps.store, await deps.store.listServices());
}

/** A service by id or slug (API.md: services may be addressed by either). */
export async function getAdminService(
  deps: { store: Pick<Store, 'findService' | 'getBusiness' | 'listStaff'> },
  _actor: Actor,
  idOrSlug: string,
): Promise<Result<AdminService>> {
  const service = await deps.store.findService(idOrSlug);
  if (!service) return refuse('NOT_FOUND', `No service ${idOrSlug}.`);
  const [found] = await toAdminServices(deps.store, [service]);
  return ok(found as AdminService);
}
