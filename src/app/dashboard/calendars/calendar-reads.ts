/**
 * A member's external calendars as the dashboard lists them (SPEC §8.3). A member (or an admin)
 * sees their own; another member's, or a calendar addressed under the wrong member, answers
 * NOT_FOUND. The URL in the answer is the stored one: presenters mask it (calendar-url.ts).
 */
import type { Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import type { Actor } from '../actor.ts';
import { ownedMember } from '../staff/staff-reads.ts';
import type { StaffCalendar } from './calendar-store.ts';

export async function listCalendars(
  deps: { store: Pick<Store, 'listCalendars' | 'listStaff'> },
  actor: Actor,
  staffId: string,
): Promise<Result<StaffCalendar[]>> {
  const member = await ownedMember(deps.store, actor, staffId);
  return member.ok ? ok(await deps.store.listCalendars(staffId)) : member;
}

export async function getCalendar(
  deps: { store: Pick<Store, 'getCalendar' | 'listStaff'> },
  actor: Actor,
  staffId: string,
  calendarId: string,
): Promise<Result<StaffCalendar>> {
  const member = await ownedMember(deps.store, actor, staffId);
  if (!member.ok) return member;
  const found = await deps.store.getCalendar(calendarId);
  return found && found.staffId === staffId ? ok(found) : refuse('NOT_FOUND', `No calendar ${calendarId}.`);
}
