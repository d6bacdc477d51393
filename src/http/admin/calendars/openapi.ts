/** A member's external busy calendars (SPEC §8.3), as documented routes. */
import { z } from 'zod';
import { calendarShape } from '../../openapi/admin-shapes.ts';
import { adminRoutes, ok, type RouteDoc } from '../../openapi/route-doc.ts';
import { calendarBody, updateCalendarBody } from './calendar-bodies.ts';

const calendars = adminRoutes('External calendars (dashboard)');

export const CALENDAR_ROUTES: readonly RouteDoc[] = [
  calendars('get', '/staff/:id/calendars', 'A member’s external busy calendars (URLs masked)', {
    responses: ok('the calendars', z.object({ calendars: z.array(calendarShape) })),
  }),
  calendars(
    'post',
    '/staff/:id/calendars',
    'Subscribe an iCalendar URL: fetched at once, then every CALENDAR_POLL_MINUTES',
    {
      description:
        'An http(s) URL; one pointing at a private, loopback or link-local address is refused with URL_NOT_ALLOWED unless ALLOW_PRIVATE_URLS=1. The URL is a secret: stored, never shown again unmasked.',
      body: calendarBody,
      responses: { 201: { description: 'the calendar after its first fetch', schema: calendarShape } },
    },
  ),
  calendars('get', '/staff/:id/calendars/:calendarId', 'One calendar', {
    responses: ok('the calendar', calendarShape),
  }),
  calendars('patch', '/staff/:id/calendars/:calendarId', 'Change the label or the URL (a new URL is fetched at once)', {
    body: updateCalendarBody,
    responses: ok('the calendar', calendarShape),
  }),
  calendars('delete', '/staff/:id/calendars/:calendarId', 'Unsubscribe: its busy time goes with it', {
    responses: ok('the removed calendar', calendarShape),
  }),
  calendars('post', '/staff/:id/calendars/:calendarId/refresh', 'Refresh now: fetch at once', {
    description: 'A failed fetch records lastError and keeps lastSuccessAt, events and the last good copy.',
    responses: ok('the calendar after the fetch', calendarShape),
  }),
];
