/**
 * A member subscribes, changes, refreshes and drops external busy calendars (SPEC §8.3). A member
 * (or an admin) manages their own; another member's answers NOT_FOUND. A URL must be an http(s)
 * URL (400 VALIDATION_FAILED) pointing at public addresses unless ALLOW_PRIVATE_URLS=1 (400
 * URL_NOT_ALLOWED, outbound-url.ts); it is fetched when added or changed, and then by the poll.
 */
import { outboundUrlRefusal } from '../../outbound-url.ts';
import type { CalendarFeeds, Clock, OutboundPolicy, Store } from '../../ports.ts';
import { invalid, ok, type Refusal, type Result, refuse } from '../../result.ts';
import type { Actor } from '../actor.ts';
import { ownedMember } from '../staff/staff-reads.ts';
import { getCalendar } from './calendar-reads.ts';
import type { StaffCalendar } from './calendar-store.ts';
import { calendarUrlShapeProblem, defaultLabel } from './calendar-url.ts';
import { fetchCalendar } from './fetch-calendar.ts';

export interface CalendarDeps {
  readonly store: Pick<
    Store,
    | 'addCalendar'
    | 'getBusiness'
    | 'getCalendar'
    | 'listStaff'
    | 'recordCalendarFetch'
    | 'removeCalendar'
    | 'updateCalendar'
  >;
  readonly clock: Clock;
  readonly outbound: OutboundPolicy;
  /** Absent: a new or changed calendar is left to the worker's next sweep (due at once). */
  readonly feeds?: CalendarFeeds | undefined;
  /** CALENDAR_POLL_MINUTES in ms; null = not polled (fetched when added and on "Refresh now"). */
  readonly calendarPollMs: number | null;
}

export interface CalendarInput {
  readonly url: string;
  readonly label?: string | undefined;
}

/** Null when the URL may be subscribed; else the refusal naming `url`. */
async function urlRefusal(url: string, outbound: OutboundPolicy): Promise<Refusal | null> {
  const problem = calendarUrlShapeProblem(url);
  if (problem) return invalid(`The URL must be ${problem}.`, { url: problem });
  return outboundUrlRefusal(url, outbound);
}

/** When the poll fetches a calendar next after one fetched now; with no reader, at once (the worker's). */
const nextFetch = (deps: CalendarDeps, now: number) =>
  !deps.feeds ? now : deps.calendarPollMs === null ? null : now + deps.calendarPollMs;

export async function addCalendar(
  deps: CalendarDeps,
  actor: Actor,
  staffId: string,
  input: CalendarInput,
): Promise<Result<StaffCalendar>> {
  const member = await ownedMember(deps.store, actor, staffId);
  if (!member.ok) return member;
  const refused = await urlRefusal(input.url, deps.outbound);
  if (refused) return refused;
  const now = deps.clock.now();
  const label = input.label || defaultLabel(input.url);
  const added = await deps.store.addCalendar(staffId, { url: input.url, label }, now, nextFetch(deps, now));
  if (!added) return refuse('NOT_FOUND', `No staff member ${staffId}.`);
  return ok(deps.feeds ? await fetchCalendar({ ...deps, feeds: deps.feeds }, added) : added);
}

export async function updateCalendar(
  deps: CalendarDeps,
  actor: Actor,
  staffId: string,
  calendarId: string,
  input: Partial<CalendarInput>,
): Promise<Result<StaffCalendar>> {
  const found = await getCalendar(deps, actor, staffId, calendarId);
  if (!found.ok) return found;
  const newUrl = input.url !== undefined && input.url !== found.value.url;
  if (newUrl) {
    const refused = await urlRefusal(input.url as string, deps.outbound);
    if (refused) return refused;
  }
  const now = deps.clock.now();
  const fields = {
    ...(input.url === undefined ? {} : { url: input.url }),
    ...(input.label === undefined ? {} : { label: input.label || defaultLabel(input.url ?? found.value.url) }),
  };
  const updated = await deps.store.updateCalendar(calendarId, fields, nextFetch(deps, now));
  if (!updated) return refuse('NOT_FOUND', `No calendar ${calendarId}.`);
  return ok(newUrl && deps.feeds ? await fetchCalendar({ ...deps, feeds: deps.feeds }, updated) : updated);
}

export async function removeCalendar(
  deps: Pick<CalendarDeps, 'store'>,
  actor: Actor,
  staffId: string,
  calendarId: string,
): Promise<Result<StaffCalendar>> {
  const found = await getCalendar(deps, actor, staffId, calendarId);
  if (!found.ok) return found;
  const removed = await deps.store.removeCalendar(calendarId);
  return removed ? ok(removed) : refuse('NOT_FOUND', `No calendar ${calendarId}.`);
}

/** "Refresh now": fetched at once; the answer is the calendar after the fetch (its error, if any). */
export async function refreshCalendar(
  deps: CalendarDeps,
  actor: Actor,
  staffId: string,
  calendarId: string,
): Promise<Result<StaffCalendar>> {
  const found = await getCalendar(deps, actor, staffId, calendarId);
  if (!found.ok) return found;
  if (!deps.feeds) return refuse('INTERNAL', 'Calendar feeds cannot be read by this server.');
  return ok(await fetchCalendar({ ...deps, feeds: deps.feeds }, found.value));
}
