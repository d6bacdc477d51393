/**
 * The emails of the payment path (SPEC §10.4): to the owner, a payment that could not be applied
 * (the money moved, someone must refund or rebook); to the client, from the return page, the link
 * to their booking, since the gateway's return URL carries no credential.
 */

import { formatSpan } from '../../i18n/format.ts';
import { messagesFor } from '../../i18n/messages.ts';
import { renderEmail } from './email-body.ts';
import type { ManageLinkEmailData, RenderedEmail, UnappliedPaymentEmailData } from './types.ts';

export function unappliedPaymentEmail(data: UnappliedPaymentEmailData): RenderedEmail {
  const m = messagesFor(data.locale);
  const u = m.unappliedPayment;
  const b = data.booking;
  // Exactly as the gateway reported it: a wrong amount may not fit the currency's decimals.
  const amount = `${data.amount} ${data.currency}`;
  return renderEmail(u.subject(amount, b.reference), {
    lang: m.intlLocale,
    businessName: data.businessName,
    greeting: m.greetingNoName,
    lead: [u.intro, u.reasons[data.reason]],
    code: null,
    facts: [
      { label: u.amount, value: amount },
      { label: u.transaction, value: data.transactionId },
      { label: m.labels.reference, value: b.reference },
      { label: m.labels.client, value: b.clientName },
      { label: m.labels.email, value: b.clientEmail },
      { label: m.labels.service, value: b.serviceName },
      { label: m.labels.when, value: formatSpan(b.start, b.end, b.timezone, m.intlLocale) },
    ],
    actions: [{ label: u.open, url: data.dashboardUrl }],
    closing: [],
  });
}

export function manageLinkEmail(data: ManageLinkEmailData): RenderedEmail {
  const m = messagesFor(data.locale);
  const l = m.manageLink;
  return renderEmail(l.subject(data.reference, data.businessName), {
    lang: m.intlLocale,
    businessName: data.businessName,
    greeting: m.greeting(data.clientName),
    lead: [l.intro],
    code: null,
    facts: [
      { label: m.labels.service, value: data.serviceName },
      { label: m.labels.when, value: formatSpan(data.start, data.end, data.timezone, m.intlLocale) },
      { label: m.labels.reference, value: data.reference },
    ],
    actions: [{ label: l.open, url: data.manageUrl }],
    closing: [l.ignore],
  });
}
