/**
 * The request's dashboard catalogue for the form kit's own words (the error summary's heading,
 * the problems under fields, the per-language inputs' labels). AdminLayout provides it around the
 * page's content, so every form of every area speaks the page's language without passing the
 * catalogue to each field; outside a layout (a fragment in a test) it is the English one.
 */
import { createContext, useContext } from 'hono/jsx';
import { type DashboardMessages, dashboardMessagesFor } from '../../../i18n/dashboard/index.ts';
import { own } from '../language.ts';
import { SHAPES } from './said-shapes.ts';

export const DashboardWords = createContext<DashboardMessages>(dashboardMessagesFor('en'));

export const useDashboardWords = (): DashboardMessages => useContext(DashboardWords);

const BOUND = /^must be at (least|most) (\d+)( characters| items)?$/;

/**
 * A field problem in the page's language: the plain words form-kit/issue-words.ts makes of a Zod
 * issue (by its code and parameters), the schemas' and the use cases' own messages (by their
 * English words, t.formKit.said), and those with a value in them (t.formKit.saidWith, by shape).
 * A message none of these knows stays as it is (field-words.test.ts checks every one in src is known).
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
    'must be a number': p.number,
    'must be text': p.text,
    'must be yes or no': p.yesNo,
    'must be a list': p.list,
    'is not valid': p.notValid,
    'is not in the expected form': p.form,
    'unknown field': p.unknownField,
  };
  const known = own(fixed, message)
    ? fixed[message]
    : own(t.formKit.said, message)
      ? t.formKit.said[message]
      : undefined;
  if (known !== undefined) return known;
  for (const [shape, words] of SHAPES) {
    const m = shape.exec(message);
    if (m) return words(t, [...m]);
  }
  return boundProblem(message, t) ?? message;
}

/** "must be at least 3 characters", "must be more than 2" and the like in the page's language. */
function boundProblem(message: string, t: DashboardMessages): string | null {
  const p = t.formKit.problems;
  const strict = /^must be (more|less) than (-?\d+(?:\.\d+)?)$/.exec(message);
  if (strict) return strict[1] === 'more' ? p.moreThan(Number(strict[2])) : p.lessThan(Number(strict[2]));
  const multiple = /^must be a multiple of (\d+(?:\.\d+)?)$/.exec(message);
  if (multiple) return p.multipleOf(Number(multiple[1]));
  const bound = BOUND.exec(message);
  if (!bound) return null;
  const n = Number(bound[2]);
  const least = bound[1] === 'least';
  if (bound[3] === ' characters') return least ? p.atLeastCharacters(n) : p.atMostCharacters(n);
  if (bound[3] === ' items') return least ? p.atLeastItems(n) : p.atMostItems(n);
  return least ? p.atLeast(n) : p.atMost(n);
}
