/**
 * The business and its settings as the pages, the public API and the dashboard's frame read them
 * (from the store's cached catalogue, so a request may ask more than once). What a caller shows of
 * it is its presenter's business: the payment secret never leaves the server.
 */
import type { Business } from './model.ts';
import type { Store } from './ports.ts';

export function getBusiness(deps: { store: Pick<Store, 'getBusiness'> }): Promise<Business> {
  return deps.store.getBusiness();
}
