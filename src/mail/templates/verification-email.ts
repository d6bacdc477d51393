/** The email carrying the six-digit code that confirms a client's address before a booking stands. */

import { formatInstant } from '../../i18n/format.ts';
import { messagesFor } from '../../i18n/messages.ts';
import { renderEmail } from './email-body.ts';
import type { RenderedEmail, VerificationEmailData } from './types.ts';

/** The subject, HTML and text of a verification email. */
export function verificationEmail(data: VerificationEmailData): RenderedEmail {
  const m = messagesFor(data.locale);
  const v = m.verification;
  return renderEmail(v.subject(data.code, data.businessName), {
    lang: m.intlLocale,
    businessName: data.businessName,
    greeting: m.greeting(data.clientName),
    lead: [v.intro],
    code: data.code,
    facts: [
      { label: m.labels.service, value: data.serviceName },
      { label: m.labels.when, value: formatInstant(data.start, data.timezone, m.intlLocale) },
    ],
    actions: [{ label: v.enterCode, url: data.manageUrl }],
    closing: [v.valid(data.validMinutes), v.ignore],
  });
}
