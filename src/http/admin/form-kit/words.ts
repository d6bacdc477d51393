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

/** The field messages with a value in them, by their English shape → the words with that value. */
const SHAPES: readonly [RegExp, (t: DashboardMessages, m: string[]) => string][] = [
  [/^at most (\d+) tiers$/, (t, m) => t.formKit.saidWith.atMostTiers(m[1] ?? '')],
  [/^at most (\d+) questions$/, (t, m) => t.formKit.saidWith.atMostQuestions(m[1] ?? '')],
  [/^at most (\d+) options$/, (t, m) => t.formKit.saidWith.atMostOptions(m[1] ?? '')],
  [/^at most (\d+) characters$/, (t, m) => t.formKit.saidWith.atMostChars(m[1] ?? '')],
  [/^at most (\d+) days ahead$/, (t, m) => t.formKit.saidWith.daysAhead(m[1] ?? '')],
  [/^at most (\d+) per booking$/, (t, m) => t.formKit.saidWith.perBooking(m[1] ?? '')],
  [/^one of (.+)$/, (t, m) => t.formKit.saidWith.oneOf(m[1] ?? '')],
  [/^a whole number of hours from 0 to (\d+)$/, (t, m) => t.formKit.saidWith.wholeHoursUpTo(m[1] ?? '')],
  [
    /^less than the tier before \((.*)\): tiers go in descending order$/,
    (t, m) => t.formKit.saidWith.tierDescending(m[1] ?? ''),
  ],
  [/^not a language the pages speak \((.*)\)$/, (t, m) => t.formKit.saidWith.notPageLanguage(m[1] ?? '')],
  [/^a whole number from (\d+) to (\d+)$/, (t, m) => t.formKit.saidWith.wholeFromTo(m[1] ?? '', m[2] ?? '')],
  [/^a whole number from 1 to the capacity \((\d+)\)$/, (t, m) => t.formKit.saidWith.upToCapacity(m[1] ?? '')],
  [/^"(.*)" is used by another question$/, (t, m) => t.formKit.saidWith.usedByQuestion(m[1] ?? '')],
  [/^"(.*)" is used by another option$/, (t, m) => t.formKit.saidWith.usedByOption(m[1] ?? '')],
  [/^an? [a-z ]+ id$/, (t) => t.formKit.saidWith.anId],
  [/^a number from (\d+) to (\d+)$/, (t, m) => t.formKit.saidWith.numberFrom(m[1] ?? '', m[2] ?? '')],
  [/^at most (\d+) days$/, (t, m) => t.formKit.saidWith.atMostDays(m[1] ?? '')],
  [/^at most (\d+) dates$/, (t, m) => t.formKit.saidWith.atMostDates(m[1] ?? '')],
  [/^no staff member (\S+)$/, (t, m) => t.formKit.saidWith.noStaffMember(m[1] ?? '')],
  [/^no service (\S+)$/, (t, m) => t.formKit.saidWith.noService(m[1] ?? '')],
  [/^no resource (\S+)$/, (t, m) => t.formKit.saidWith.noResource(m[1] ?? '')],
  [/^no active service "(.*)"$/, (t, m) => t.formKit.saidWith.noActiveService(m[1] ?? '')],
  [/^staff "(.*)" does not offer "(.*)"$/, (t) => t.formKit.saidWith.staffDoesNotOffer],
  [/^too many decimals for ([A-Z]{3})$/, (t, m) => t.formKit.saidWith.tooManyDecimals(m[1] ?? '')],
  [
    /^the stored \w+ has too many decimals for ([A-Z]{3}): give the amounts again$/,
    (t, m) => t.formKit.saidWith.storedDecimals(m[1] ?? ''),
  ],
  [/^must not exceed the price \((.*)\)$/, (t, m) => t.formKit.saidWith.notAbovePrice(m[1] ?? '')],
  [/^must not be less than the deposit \((.*)\)$/, (t, m) => t.formKit.saidWith.notBelowDeposit(m[1] ?? '')],
  [/^must not be before "from" \((.*)\)$/, (t, m) => t.formKit.saidWith.notBeforeFrom(m[1] ?? '')],
  [/^"(.*)" is already used by another service$/, (t, m) => t.formKit.saidWith.usedByService(m[1] ?? '')],
  [/^"(.*)" is already used by another staff member$/, (t, m) => t.formKit.saidWith.usedByStaff(m[1] ?? '')],
  [/^"(.*)" is already used by another resource$/, (t, m) => t.formKit.saidWith.usedByResource(m[1] ?? '')],
  [
    /^not for a (\w+) booking$/,
    (t, m) =>
      t.formKit.saidWith.notForStatus(
        own(t.bookings.statuses, m[1] ?? '') ? t.bookings.statuses[m[1] as 'cancelled'] : '',
      ),
  ],
  [
    /^a public internet address \(((\S+) (?:is|resolves to) .*)\)$/,
    (t, m) => t.formKit.saidWith.publicAddress(m[2] ?? '', m[1] ?? ''),
  ],
  [
    /^"(.*)" was a \w+ question: retire it and add a new one to ask another way$/,
    (t, m) => t.formKit.saidWith.questionType(m[1] ?? ''),
  ],
  [
    /^change the amounts of "(.*)" first, or give it its own currency$/,
    (t, m) => t.formKit.saidWith.ownCurrency(m[1] ?? ''),
  ],
];

/**
 * A field problem in the page's language: the plain words form-kit/issue-words.ts makes of a Zod
 * issue (by its code and parameters), the schemas' and the use cases' own messages (by their
 * English words, t.formKit.said), and those with a value in them (t.formKit.saidWith, by shape).
 * A message none of these knows stays as it is (words.test.ts checks every one in src is known).
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
