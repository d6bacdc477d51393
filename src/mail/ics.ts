/**
 * The booking as an iCalendar file (RFC 5545) via ical-generator: one UID per booking for its
 * whole life, SEQUENCE raised by every reschedule (and once more on cancel), METHOD:CANCEL with
 * STATUS:CANCELLED once cancelled, so calendar apps update or remove the event they already have.
 */
import { type ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Booking } from '../app/model.ts';
import { messagesFor } from '../i18n/messages.ts';
import { calendarText } from './ics-text.ts';

export interface BookingCalendarInput {
  readonly booking: Booking;
  readonly businessName: string;
  /** Link to the client's manage page, put in the event. */
  readonly manageUrl: string | null;
  /** DTSTAMP: when the file was made. */
  readonly now: number;
}

export function bookingUid(booking: Booking): string {
  return `${booking.reference.toLowerCase()}@slotwise`;
}

export function bookingCalendar(input: BookingCalendarInput): string {
  const { booking } = input;
  const cancelled = booking.status === 'cancelled' || booking.status === 'expired';
  return calendarText(
    {
      name: input.businessName,
      prodId: {
        company: 'Slotwise',
        product: 'Slotwise',
        language: messagesFor(booking.locale).intlLocale.slice(0, 2).toUpperCase(),
      },
      method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    },
    (calendar) => addEvent(calendar, input),
  );
}

/**
 * A new series (SPEC §9.2, decisions 027 and 031): ONE file with ONE event per occurrence, each
 * with its booking's UID, so a later reschedule or cancel of one occurrence (the per-booking file
 * above, higher SEQUENCE) updates exactly that event. No RRULE: skipped periods and moved
 * occurrences would make a rule lie.
 */
export function seriesCalendar(
  input: Omit<BookingCalendarInput, 'booking'> & { bookings: readonly Booking[] },
): string {
  return calendarText(
    {
      name: input.businessName,
      prodId: { company: 'Slotwise', product: 'Slotwise', language: 'EN' },
      method: ICalCalendarMethod.REQUEST,
    },
    (calendar) => {
      for (const booking of input.bookings) addEvent(calendar, { ...input, booking });
    },
  );
}

function addEvent(calendar: ICalCalendar, input: BookingCalendarInput): void {
  const { booking } = input;
  const cancelled = booking.status === 'cancelled' || booking.status === 'expired';
  // Written in the booking's language, like the email it is attached to.
  const words = messagesFor(booking.locale).calendar;
  calendar.createEvent({
    id: bookingUid(booking),
    sequence: booking.rescheduleCount + (cancelled ? 1 : 0),
    stamp: new Date(input.now),
    start: new Date(booking.start),
    end: new Date(booking.end),
    summary: words.summary(booking.serviceName, booking.staffName),
    description: [
      `${input.businessName}: ${words.summary(booking.serviceName, booking.staffName)}.`,
      words.reference(booking.reference),
      input.manageUrl && !cancelled ? words.manage(input.manageUrl) : '',
    ]
      .filter(Boolean)
      .join('\n'),
    url: input.manageUrl && !cancelled ? input.manageUrl : null,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}
