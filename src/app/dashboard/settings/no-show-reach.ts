/**
 * Where the no-show rule can apply (SPEC §10.3: "free services and businesses without a gateway
 * cannot apply the rule; the settings page says so"): off, no gateway, or on — then with the
 * active free services it cannot reach.
 */
import { noShowRuleReach } from '../../../core/index.ts';
import type { Business } from '../../model.ts';
import type { Store } from '../../ports.ts';

export interface NoShowReach {
  readonly status: 'off' | 'no_gateway' | 'on';
  readonly freeServices: readonly { readonly id: string; readonly name: string }[];
}

export async function noShowReach(
  deps: { store: Pick<Store, 'listServices'> },
  business: Business,
): Promise<NoShowReach> {
  const services = await deps.store.listServices({ activeOnly: true });
  const reach = noShowRuleReach({
    noShowLimit: business.noShowLimit,
    paymentConfigured: business.paymentUrl !== null && business.paymentSecret !== null,
    services,
  });
  const names = new Map(services.map((s) => [s.id, s.name]));
  return { status: reach.status, freeServices: reach.freeServices.map((id) => ({ id, name: names.get(id) ?? id })) };
}
