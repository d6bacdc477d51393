/**
 * A calendar as the dashboard's JSON shows it: its URL masked (the secret path never appears, in
 * any answer), when it last succeeded and why the last fetch failed (null when it did not).
 */

import type { StaffCalendar } from '../../../app/dashboard/calendars/calendar-store.ts';
import { maskCalendarUrl } from '../../../app/dashboard/calendars/calendar-url.ts';
import type { CalendarDeps } from '../../../app/dashboard/calendars/subscribe-calendar.ts';
import type { AppDeps } from '../../deps.ts';

const isoOrNull = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export function presentCalendar(c: StaffCalendar) {
  return {
    id: c.id,
    staff: c.staffId,
    label: c.label,
    url: maskCalendarUrl(c.url),
    lastSuccessAt: isoOrNull(c.lastSuccessAt),
    lastAttemptAt: isoOrNull(c.lastAttemptAt),
    lastError: c.lastError,
    events: c.events,
  };
}

/** CALENDAR_POLL_MINUTES's default (config.ts) when the app is built without it (tests). */
const DEFAULT_POLL_MS = 10 * 60_000;

/** What the calendar use cases need, from the app's deps. */
export function calendarDeps(deps: AppDeps): CalendarDeps {
  return {
    ...deps,
    feeds: deps.calendarFeeds,
    calendarPollMs: deps.calendarPollMs === undefined ? DEFAULT_POLL_MS : deps.calendarPollMs,
  };
}
