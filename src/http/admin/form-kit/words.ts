/**
 * The request's dashboard catalogue for the form kit's own words (the error summary's heading,
 * the problems under fields, the per-language inputs' labels). AdminLayout provides it around the
 * page's content, so every form of every area speaks the page's language without passing the
 * catalogue to each field; outside a layout (a fragment in a test) it is the English one.
 */
import { createContext, useContext } from 'hono/jsx';
import { type DashboardMessages, dashboardMessagesFor } from '../../../i18n/dashboard/index.ts';
import { own } from '../language.ts';

export const DashboardWords = createContext<DashboardMessages>(dashboardMessagesFor('en'));

export const useDashboardWords = (): DashboardMessages => useContext(DashboardWords);

const BOUND = /^must be at (least|most) (\d+)( characters| items)?$/;

/**
 * A problem in the page's language: the plain words of form-body.ts (and the use cases' most
 * common "required") have a translation; any other use-case message stays as the use case wrote
 * it (English), rather than being guessed at.
 */
export function localProblem(message: string, t: DashboardMessages): string {
  const p = t.formKit.problems;
  const fixed: Record<string, string> = {
    required: p.required,
    'must be a whole number': p.whole,
    'must be a whole number, such as 15': p.wholeExample,
    'must be an email address, such as name@example.com': p.email,
    'must be a web address starting with https://': p.webAddress,
    'choose one of the options': p.option,
  };
  const known = own(fixed, message) ? fixed[message] : undefined;
  if (known !== undefined) return known;
  const bound = BOUND.exec(message);
  if (!bound) return message;
  const n = Number(bound[2]);
  const least = bound[1] === 'least';
  if (bound[3] === ' characters') return least ? p.atLeastCharacters(n) : p.atMostCharacters(n);
  if (bound[3] === ' items') return least ? p.atLeastItems(n) : p.atMostItems(n);
  return least ? p.atLeast(n) : p.atMost(n);
}
