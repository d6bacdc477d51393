/**
 * Dashboard account emails: a password reset link and a staff invitation. English only for now:
 * they go to the business's own people, not its clients (the client emails are translated).
 */
import { renderEmail } from './email-body.ts';
import type { RenderedEmail } from './types.ts';

export interface AccountEmailData {
  readonly purpose: 'reset' | 'invite';
  readonly businessName: string;
  /** The account holder's name; may be empty (an admin made by `slotwise create-admin`). */
  readonly name: string;
  /** The account's sign-in email. */
  readonly email: string;
  /** The single-use link to set a password. */
  readonly url: string;
  /** How long the link works, in words ("1 hour", "7 days"). */
  readonly validFor: string;
}

/** The subject, HTML and text of a reset or invitation email (every value escaped in the HTML). */
export function accountEmail(d: AccountEmailData): RenderedEmail {
  const greeting = d.name.trim() ? `Hello ${d.name.trim()},` : 'Hello,';
  if (d.purpose === 'reset') {
    return renderEmail(`Reset your password for the ${d.businessName} dashboard`, {
      lang: 'en',
      businessName: d.businessName,
      greeting,
      lead: [`Someone, hopefully you, asked to reset the password of the dashboard account ${d.email}.`],
      code: null,
      facts: [],
      actions: [{ label: 'Choose a new password', url: d.url }],
      closing: [
        `The link works once, for ${d.validFor}. Choosing a new password signs you out everywhere else.`,
        'If you did not ask for this, ignore this email: your password stays as it is.',
      ],
    });
  }
  return renderEmail(`You are invited to the ${d.businessName} dashboard`, {
    lang: 'en',
    businessName: d.businessName,
    greeting,
    lead: [
      `${d.businessName} has made you an account on its booking dashboard, where you see your bookings and keep your hours and days off up to date.`,
      `You sign in with ${d.email}. Choose your password to start.`,
    ],
    code: null,
    facts: [],
    actions: [{ label: 'Choose your password', url: d.url }],
    closing: [
      `The link works once, for ${d.validFor}. If it has expired, ask an admin to invite you again.`,
      'If you did not expect this email, you can ignore it.',
    ],
  });
}
