/**
 * One fetch of a member's calendar feed (SPEC §8.3), whoever asks: the poll's job, "Refresh now",
 * or adding a calendar. The feed is expanded over [now − 1 day, the end of the booking horizon +
 * 1 day] with floating times read in the member's zone, and the outcome recorded: a good copy
 * replaces the stored busy time; a failure records the error and keeps the last good copy.
 */
import { addDays, dateOf, resolveTimezone, startOfDay } from '../../../core/index.ts';
import type { CalendarFeeds, Clock, Store } from '../../ports.ts';
import type { StaffCalendar } from './calendar-store.ts';

const DAY = 86_400_000;

export interface FetchCalendarDeps {
  readonly store: Pick<Store, 'getBusiness' | 'getCalendar' | 'listStaff' | 'recordCalendarFetch'>;
  readonly clock: Clock;
  readonly feeds: CalendarFeeds;
}

/** The instants a feed is expanded over at `now`: from a day ago to a day past the horizon's last date. */
export function feedWindow(now: number, horizonDays: number, zone: string): { from: number; to: number } {
  return { from: now - DAY, to: startOfDay(addDays(dateOf(now, zone), horizonDays + 2), zone) };
}

/** Fetches and records; the calendar as it then stands (unchanged if it went away meanwhile). */
export async function fetchCalendar(deps: FetchCalendarDeps, calendar: StaffCalendar): Promise<StaffCalendar> {
  const [business, staff] = await Promise.all([deps.store.getBusiness(), deps.store.listStaff()]);
  const member = staff.find((m) => m.id === calendar.staffId);
  if (!member) return calendar;
  const zone = resolveTimezone(business.timezone, member.timezone);
  const startedAt = deps.clock.now();
  const outcome = await deps.feeds.read(calendar.url, feedWindow(startedAt, business.horizonDays, zone), zone);
  const recorded = await deps.store.recordCalendarFetch(calendar.id, {
    url: calendar.url,
    startedAt,
    endedAt: deps.clock.now(),
    outcome,
  });
  return recorded ?? (await deps.store.getCalendar(calendar.id)) ?? calendar;
}

/** The poll's job (`calendar.refresh`): the calendar by id, if it still exists. */
export async function fetchCalendarById(deps: FetchCalendarDeps, calendarId: string): Promise<void> {
  const calendar = await deps.store.getCalendar(calendarId);
  if (calendar) await fetchCalendar(deps, calendar);
}
