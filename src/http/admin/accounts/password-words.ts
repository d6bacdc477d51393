/**
 * A new password's problem in the page's words: password-rules.ts says it in English, and the
 * account pages put it in a sentence ("The password must be at least 10 characters long.").
 */
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../app/dashboard/accounts/password-rules.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';

/** The rule's words; a problem this table does not know stays as the use case said it. */
export function passwordRule(t: DashboardMessages, problem: string): string {
  const r = t.accounts.rules;
  const known: Record<string, string> = {
    [`must be at least ${MIN_PASSWORD_LENGTH} characters long`]: r.tooShort(MIN_PASSWORD_LENGTH),
    [`must be at most ${MAX_PASSWORD_LENGTH} characters long`]: r.tooLong(MAX_PASSWORD_LENGTH),
    'must not be only spaces': r.onlySpaces,
    'must not contain NUL characters': r.nul,
  };
  return known[problem] ?? problem;
}
