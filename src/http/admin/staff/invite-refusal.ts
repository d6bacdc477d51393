/**
 * Why an invitation was not sent, in the page's language: invite-staff.ts names the field at fault
 * (`staff`: the member has an account with a password; `email`: another account signs in with it),
 * and the page says it with the member's name and email, not the use case's English sentence.
 */
import type { Refusal } from '../../../app/result.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { refusalWords } from '../refusal-words.ts';

export function inviteRefusalWords(
  r: Refusal,
  member: { readonly name: string; readonly email: string },
  t: DashboardMessages,
): string {
  const fields = r.details?.fields;
  const named = fields && typeof fields === 'object' ? Object.keys(fields) : [];
  if (named.includes('staff')) return t.staff.account.hasAccount(member.name);
  if (named.includes('email')) return t.staff.account.emailTaken(member.name, member.email);
  return refusalWords(r, t);
}
