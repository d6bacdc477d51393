/**
 * The dashboard's waitlist of a day (SPEC §9.3 "the dashboard lists the waitlist per day and
 * service"): every entry of the date, grouped by service in join order, with its status and the
 * start a live offer holds for it. Admins only (it lists clients of every member), as resources.
 */
import { isDate } from '../../../core/index.ts';
import type { Store } from '../../ports.ts';
import { invalid, ok, type Result } from '../../result.ts';
import type { StoredEntry } from '../../waitlist/waitlist-store.ts';
import { type Actor, adminOnly } from '../actor.ts';

export interface WaitlistGroup {
  readonly service: { readonly id: string; readonly name: string };
  readonly entries: readonly (StoredEntry & { readonly offeredStart: number | null })[];
}

export async function listWaitlist(
  deps: { store: Pick<Store, 'listServices' | 'listWaitlistForDate'> },
  actor: Actor,
  date: string,
): Promise<Result<WaitlistGroup[]>> {
  const denied = adminOnly(actor, 'see the waitlist');
  if (denied) return denied;
  if (!isDate(date) || date < '1900-01-01' || date > '2999-12-31') {
    return invalid('Invalid date.', { date: 'a real date YYYY-MM-DD' });
  }
  const [entries, services] = await Promise.all([deps.store.listWaitlistForDate(date), deps.store.listServices()]);
  const groups = new Map<string, WaitlistGroup['entries'][number][]>();
  for (const e of entries) groups.set(e.serviceId, [...(groups.get(e.serviceId) ?? []), e]);
  return ok(
    [...groups].map(([id, list]) => ({
      service: { id, name: services.find((s) => s.id === id)?.name ?? id },
      entries: list,
    })),
  );
}
