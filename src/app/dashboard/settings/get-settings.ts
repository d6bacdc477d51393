/** The business settings (SPEC §1), for admins only: staff answer FORBIDDEN. */
import type { Store } from '../../ports.ts';
import { ok, type Result } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import type { BusinessSettings } from './settings-store.ts';

export async function getSettings(
  deps: { store: Pick<Store, 'getSettings'> },
  actor: Actor,
): Promise<Result<BusinessSettings>> {
  return adminOnly(actor, 'see the business settings') ?? ok(await deps.store.getSettings());
}
