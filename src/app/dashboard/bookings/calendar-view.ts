/** What the bookings calendar page needs: the staff the actor may filter by, and the services' colours. */
import type { Store } from '../../ports.ts';
import { type Actor, staffScope } from '../actor.ts';

export interface CalendarView {
  /** Admin: every member (the filter's choices); staff: only themselves. */
  readonly staff: readonly { readonly id: string; readonly name: string; readonly active: boolean }[];
  readonly services: readonly { readonly id: string; readonly name: string; readonly color: string | null }[];
  readonly timezone: string;
}

export async function calendarView(
  deps: { store: Pick<Store, 'getBusiness' | 'listServices' | 'listStaff'> },
  actor: Actor,
): Promise<CalendarView> {
  const [staff, services, business] = await Promise.all([
    deps.store.listStaff(),
    deps.store.listServices(),
    deps.store.getBusiness(),
  ]);
  const scope = staffScope(actor);
  return {
    staff: staff
      .filter((m) => scope === null || m.id === scope)
      .map((m) => ({ id: m.id, name: m.name, active: m.active })),
    services: services.map((s) => ({ id: s.id, name: s.name, color: s.color })),
    timezone: business.timezone,
  };
}
