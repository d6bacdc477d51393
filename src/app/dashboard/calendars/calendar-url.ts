/**
 * A calendar feed's URL is a secret (SPEC §8.3): whoever has the secret address of a Google
 * calendar reads it. It is stored as given, because it must be fetched, and shown only masked —
 * scheme and host, never the path or query that carry the secret — in every answer and page.
 */
import { calendarUrlProblem } from '../../setup-schema.ts';

export const MAX_CALENDAR_URL = 2000;

/** `https://calendar.google.com/calendar/ical/…/basic.ics` → `https://calendar.google.com/…`. */
export function maskCalendarUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return '…';
  }
}

/** Why a URL cannot be a feed's (its shape; where it points is outbound-url.ts's), or null. */
export function calendarUrlShapeProblem(url: string): string | null {
  if (url.length > MAX_CALENDAR_URL) return `at most ${MAX_CALENDAR_URL} characters`;
  return calendarUrlProblem(url);
}

/** A label for a calendar given none: its host (`calendar.google.com`). */
export function defaultLabel(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'Calendar';
  }
}
