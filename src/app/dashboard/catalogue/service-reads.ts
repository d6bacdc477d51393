/**
 * The dashboard's services: every service, inactive ones included, with the members linked to
 * it. Admins and staff alike may read them (staff need the names); only admins change them.
 */
import type { Service } from '../../model.ts';
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import type { Actor } from '../actor.ts';
import type { Resource } from '../resources/resource-store.ts';

export interface AdminService {
  readonly service: Service;
  /** The service's own currency, or the business's. */
  readonly currency: string;
  /** Every member linked to the service (inactive ones too: the admin manages the links). */
  readonly staff: readonly { readonly id: string; readonly name: string }[];
  /** The resources a booking of it holds (SPEC §8.4). */
  readonly resources: readonly Resource[];
}

/** Services with their currency, staff and resources, loading the business, staff and resources once. */
export async function toAdminServices(
  store: Pick<Store, 'getBusiness' | 'listResources' | 'listStaff'>,
  services: readonly Service[],
): Promise<AdminService[]> {
  const [business, staff, resources] = await Promise.all([
    store.getBusiness(),
    store.listStaff(),
    store.listResources(),
  ]);
  return services.map((service) => ({
    service,
    currency: service.currency ?? business.currency,
    staff: staff.filter((m) => m.serviceIds.includes(service.id)).map((m) => ({ id: m.id, name: m.name })),
    resources: resources.filter((r) => service.resourceIds.includes(r.id)),
  }));
}

export async function listAdminServices(
  deps: { store: Pick<Store, 'getBusiness' | 'listResources' | 'listServices' | 'listStaff'> },
  _actor: Actor,
): Promise<AdminService[]> {
  return toAdminServices(deps.store, await deps.store.listServices());
}

/** A service by id or slug (API.md: services may be addressed by either). */
export async function getAdminService(
  deps: { store: Pick<Store, 'findService' | 'getBusiness' | 'listResources' | 'listStaff'> },
  _actor: Actor,
  idOrSlug: string,
): Promise<Result<AdminService>> {
  const service = await deps.store.findService(idOrSlug);
  if (!service) return refuse('NOT_FOUND', `No service ${idOrSlug}.`);
  const [found] = await toAdminServices(deps.store, [service]);
  return ok(found as AdminService);
}
