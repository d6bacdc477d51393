/**
 * The schemas' and use cases' field messages that carry a value ("no staff member 42", "too many
 * decimals for JPY"), matched by their English shape and said again with that value in the page's
 * language (t.formKit.saidWith). form-kit/words.ts tries them after the fixed messages.
 */
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { own } from '../language.ts';

/** The field messages with a value in them, by their English shape → the words with that value. */
export const SHAPES: readonly [RegExp, (t: DashboardMessages, m: string[]) => string][] = [
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
