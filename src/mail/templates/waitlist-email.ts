/** The waitlist's emails (SPEC §9.3): an offer with its link and hold end, and the joined confirmation. */
import { formatInstant, formatShort, formatSpan, longDate } from '../../i18n/format.ts';
import { messagesFor } from '../../i18n/messages.ts';
import { renderEmail } from './email-body.ts';
import type { RenderedEmail } from './types.ts';

export interface OfferEmailData {
  readonly locale: string;
  readonly businessName: string;
  readonly clientName: string;
  readonly serviceName: string;
  readonly staffName: string;
  readonly start: number;
  readonly end: number;
  readonly expiresAt: number;
  /** The client's zone (the one their entry was made in): times are written in it. */
  readonly timezone: string;
  /** `/waitlist/offer/{token}` (API.md pinned). */
  readonly url: string;
}

export function offerEmail(d: OfferEmailData): RenderedEmail {
  const m = messagesFor(d.locale);
  const t = m.waitlist;
  return renderEmail(t.offerSubject(d.serviceName, formatShort(d.start, d.timezone, m.intlLocale)), {
    lang: m.intlLocale,
    businessName: d.businessName,
    greeting: m.greeting(d.clientName),
    lead: [t.offerIntro(d.businessName)],
    code: null,
    facts: [
      { label: m.labels.service, value: d.serviceName },
      { label: m.labels.staff, value: d.staffName },
      { label: m.labels.when, value: formatSpan(d.start, d.end, d.timezone, m.intlLocale) },
    ],
    actions: [{ label: t.accept, url: d.url }],
    closing: [t.offerUntil(formatInstant(d.expiresAt, d.timezone, m.intlLocale))],
  });
}

export interface JoinedEmailData {
  readonly locale: string;
  readonly businessName: string;
  readonly clientName: string;
  readonly serviceName: string;
  readonly date: string;
  /** The page that confirms leaving (`/waitlist/leave/{token}`). */
  readonly leaveUrl: string;
}

export function joinedEmail(d: JoinedEmailData): RenderedEmail {
  const m = messagesFor(d.locale);
  const t = m.waitlist;
  return renderEmail(t.joinedSubject(d.businessName), {
    lang: m.intlLocale,
    businessName: d.businessName,
    greeting: m.greeting(d.clientName),
    lead: [t.joinedIntro(longDate(d.date, m.intlLocale))],
    code: null,
    facts: [{ label: m.labels.service, value: d.serviceName }],
    actions: [{ label: t.leave, url: d.leaveUrl }],
    closing: [],
  });
}
