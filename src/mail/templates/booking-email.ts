/**
 * Booking emails: confirmed / rescheduled / cancelled / reminder, for the client, the staff member
 * or the owner. The client gets the booking and its links; the team gets who booked and never the
 * client's manage link (it would let them act as the client).
 */

import { formatShort, formatSpan } from '../../i18n/format.ts';
import { type Messages, messagesFor } from '../../i18n/messages.ts';
import { bookingFacts, changeLines } from './booking-facts.ts';
import { type Action, type EmailBody, renderEmail } from './email-body.ts';
import type { BookingEmailData, RenderedEmail } from './types.ts';

/** The subject, HTML and text of one booking email. */
export function bookingEmail(data: BookingEmailData): RenderedEmail {
  const m = messagesFor(data.locale);
  const { booking: b, event } = data;
  const about = {
    reference: b.reference,
    service: b.serviceName,
    client: b.clientName,
    staff: b.staffName,
    business: data.businessName,
    when: formatShort(b.start, b.timezone, m.intlLocale),
  };
  const client = data.audience === 'client';
  const words = client ? m.booking.client : m.booking.team;
  const greeting = (() => {
    switch (data.audience) {
      case 'client':
        return m.greeting(b.clientName);
      case 'staff':
        return m.greeting(b.staffName);
      case 'owner':
        return m.greetingNoName;
      default:
        return unreachable(data.audience);
    }
  })();
  const lead = [
    words.intro[event](about),
    ...(event === 'rescheduled' ? changeLines(data, m) : []),
    ...seriesLines(data, m),
  ];
  const calendar = event === 'cancelled' ? m.booking.calendarRemove : m.booking.calendarAttached;
  const body: EmailBody = {
    lang: m.intlLocale,
    businessName: data.businessName,
    greeting,
    lead,
    code: null,
    facts: bookingFacts(data, m),
    actions: client ? clientActions(data, m) : [],
    closing: client ? [calendar] : [],
  };
  return renderEmail(words.subject[event](about), body);
}

/** Both links go to the manage page, which offers both actions; each shows only while allowed. */
function clientActions(data: BookingEmailData, m: Messages): Action[] {
  const url = data.manageUrl;
  if (url === null) return [];
  const actions: Action[] = [];
  if (data.rescheduleLeft !== null) actions.push({ label: m.booking.reschedule(data.rescheduleLeft), url });
  if (data.canCancel) actions.push({ label: m.booking.cancel, url });
  return actions;
}

/** A new series: the lead line, then each occurrence's time. */
function seriesLines(data: BookingEmailData, m: Messages): string[] {
  const list = data.occurrences ?? [];
  if (list.length === 0) return [];
  const zone = data.booking.timezone;
  return [m.booking.seriesLead(list.length), ...list.map((o) => formatSpan(o.start, o.end, zone, m.intlLocale))];
}

function unreachable(value: never): never {
  throw new Error(`unexpected audience ${String(value)}`);
}
