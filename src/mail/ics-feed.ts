/**
 * A staff member's calendar feed (RFC 5545) via ical-generator: one VEVENT per confirmed booking,
 * with the UID and SEQUENCE of the booking's own calendar file (ics.ts), so a calendar that has
 * both shows one event, and a moved booking updates in place.
 */
import { type ICalCalendar, ICalEventStatus } from 'ical-generator';
import type { Booking } from '../app/model.ts';
import { bookingUid } from './ics.ts';
import { calendarText } from './ics-text.ts';

export interface FeedCalendarInput {
  readonly businessName: string;
  readonly memberName: string;
  readonly bookings: readonly Booking[];
  /** DTSTAMP: when the feed was made. */
  readonly now: number;
}

/** How often subscribers are asked to refresh (REFRESH-INTERVAL / X-PUBLISHED-TTL), in seconds. */
const REFRESH_SECONDS = 15 * 60;

export function feedCalendar(input: FeedCalendarInput): string {
  // The library's text without its per-character folding cost (ics-text.ts): a feed has many events.
  const data = {
    name: `${input.businessName}: ${input.memberName}`,
    prodId: { company: 'Slotwise', product: 'Slotwise', language: 'EN' },
    ttl: REFRESH_SECONDS,
  };
  return calendarText(data, (calendar) => addEvents(calendar, input));
}

function addEvents(calendar: ICalCalendar, input: FeedCalendarInput): void {
  for (const b of input.bookings) {
    calendar.createEvent({
      id: bookingUid(b),
      sequence: b.rescheduleCount,
      stamp: new Date(input.now),
      start: new Date(b.start),
      end: new Date(b.end),
      summary: `${b.serviceName} — ${b.client.name}`,
      description: [
        `Reference ${b.reference}`,
        `Client: ${b.client.name}`,
        `Email: ${b.client.email}`,
        b.client.phone ? `Phone: ${b.client.phone}` : '',
        b.notes ? `Notes: ${b.notes}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      status: ICalEventStatus.CONFIRMED,
    });
  }
}
