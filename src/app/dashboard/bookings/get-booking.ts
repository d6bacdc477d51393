/** One booking as the dashboard shows it: with its service, the business rules, its move history and its payments. */
import { loadManaged, type ManagedBooking } from '../../manage-booking.ts';
import type { LedgerPayment } from '../../model.ts';
import type { Store } from '../../ports.ts';
import { ok, type Result } from '../../result.ts';
import type { Actor } from '../actor.ts';
import { findOwnBooking } from './find-own-booking.ts';

export interface DashboardBooking extends ManagedBooking {
  /** The ledger of its gateway callbacks, oldest first; an unapplied one is money to give back. */
  readonly payments: LedgerPayment[];
}

export async function getBookingFor(
  deps: { store: Pick<Store, 'findService' | 'getBooking' | 'getBusiness' | 'listHistory' | 'listPayments'> },
  actor: Actor,
  id: string,
): Promise<Result<DashboardBooking>> {
  const found = await findOwnBooking(deps.store, actor, id);
  if (!found.ok) return found;
  const [managed, payments] = await Promise.all([
    loadManaged(deps.store, found.value),
    deps.store.listPayments(found.value.id),
  ]);
  return ok({ ...managed, payments });
}
