/** The email with the single-use link to the page listing a person's bookings (SPEC §11). */
import { messagesFor } from '../../i18n/messages.ts';
import { renderEmail } from './email-body.ts';
import type { RenderedEmail } from './types.ts';

export interface MyBookingsEmailData {
  /** The language the person asked in; unknown locales fall back to English. */
  readonly locale: string;
  readonly businessName: string;
  readonly url: string;
  readonly validMinutes: number;
}

export function myBookingsEmail(data: MyBookingsEmailData): RenderedEmail {
  const m = messagesFor(data.locale);
  const t = m.myBookings;
  return renderEmail(t.subject(data.businessName), {
    lang: m.intlLocale,
    businessName: data.businessName,
    greeting: m.greetingNoName,
    lead: [t.intro(data.businessName)],
    code: null,
    facts: [],
    actions: [{ label: t.open, url: data.url }],
    closing: [t.valid(data.validMinutes), t.ignore],
  });
}
