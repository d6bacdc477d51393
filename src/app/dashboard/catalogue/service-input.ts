/**
 * What a service's create and update share: amounts judged together in the currency they end up
 * in, and the staff it is linked to checked against the members that exist. The shape (types,
 * ranges, formats) is checked before, at the edge; these are the rules that need stored values.
 */
import {
  businessText,
  type CancellationPolicy,
  type LocalizedText,
  problemFields,
  type Question,
  seatSettingsProblems,
  toDecimal,
  toMinor,
  wordingsOf,
} from '../../../core/index.ts';
import type { Service } from '../../model.ts';
import type { Store } from '../../ports.ts';
import { changeQuestions } from '../../question-changes.ts';
import { invalid, ok, type Result } from '../../result.ts';
import type { ServiceFields } from './service-store.ts';

/** A service's fields as the dashboard sends them: money as decimal strings, staff as ids. */
export interface ServiceInput {
  readonly slug?: string;
  /** A text, or wordings by language (SPEC §12): stored as the business language's text plus the wordings. */
  readonly name?: LocalizedText;
  readonly description?: LocalizedText;
  readonly durationMinutes?: number;
  readonly price?: string;
  readonly deposit?: string;
  /** null = the business currency. */
  readonly currency?: string | null;
  readonly imageUrl?: string | null;
  readonly color?: string | null;
  readonly allowRescheduling?: boolean;
  readonly rescheduleLimit?: number | null;
  readonly bufferBeforeMinutes?: number;
  readonly bufferAfterMinutes?: number;
  readonly active?: boolean;
  /** SPEC §9.1: seats of a session and the most one booking takes. */
  readonly capacity?: number;
  readonly maxSeatsPerBooking?: number;
  /** SPEC §9.2: clients may book a recurring series. */
  readonly allowRepeat?: boolean;
  /** The ids of the members who offer it (replaces the list). */
  readonly staff?: readonly string[];
  /** The ids of the resources a booking of it holds (SPEC §8.4; replaces the list). */
  readonly resources?: readonly string[];
  /** Checked by the body's schema (core/questions.ts); ones left out are kept, retired. */
  readonly questions?: readonly Question[];
  readonly cancellationPolicy?: CancellationPolicy;
}

export interface CheckedService {
  readonly fields: Partial<ServiceFields>;
  readonly staffIds: readonly string[] | undefined;
  readonly resourceIds: readonly string[] | undefined;
}

/**
 * The store fields for `input` over `stored` (null for a new service). Price and deposit are
 * re-expressed in the currency the service ends up with, taking stored amounts where none is
 * given, so a deposit is always judged against the price it will sit beside.
 */
export async function checkService(
  store: Pick<Store, 'getBusiness' | 'listResources' | 'listStaff'>,
  input: ServiceInput,
  stored: Service | null,
): Promise<Result<CheckedService>> {
  const business = await store.getBusiness();
  const own = input.currency === undefined ? (stored?.currency ?? null) : input.currency;
  const fields = new Map<string, string>();
  const amounts = amountsOf(input, stored, stored?.currency ?? business.currency, own ?? business.currency, fields);
  const staffIds = input.staff === undefined ? undefined : [...new Set(input.staff)];
  if (input.staff) {
    const known = new Set((await store.listStaff()).map((m) => m.id));
    input.staff.forEach((id, i) => {
      if (!known.has(id)) fields.set(`staff[${i}]`, `no staff member ${id}`);
    });
  }
  const resourceIds = input.resources === undefined ? undefined : [...new Set(input.resources)];
  if (input.resources) {
    const known = new Set((await store.listResources()).map((r) => r.id));
    input.resources.forEach((id, i) => {
      if (!known.has(id)) fields.set(`resources[${i}]`, `no resource ${id}`);
    });
  }
  // Judged with the stored value of the one not given, so lowering the capacity below it is caught.
  const seats = {
    capacity: input.capacity ?? stored?.capacity ?? 1,
    maxSeatsPerBooking: input.maxSeatsPerBooking ?? stored?.maxSeatsPerBooking ?? 1,
  };
  for (const p of seatSettingsProblems(seats)) {
    const field = p.path[0] === 'capacity' ? 'capacity' : 'maxSeatsPerBooking';
    const other = field === 'capacity' ? 'maxSeatsPerBooking' : 'capacity';
    // Name the field the request gave: a capacity below the stored maximum is the capacity's fault.
    fields.set(input[field] === undefined && input[other] !== undefined ? other : field, p.message);
  }
  const questions =
    input.questions === undefined ? undefined : changeQuestions(stored?.questions ?? [], input.questions);
  if (questions && !questions.ok) {
    for (const [path, message] of Object.entries(problemFields(questions.problems, ['questions']))) {
      fields.set(path, message);
    }
  }
  if (fields.size > 0) return invalid(`Invalid ${[...fields.keys()].join(', ')}.`, Object.fromEntries(fields));
  const {
    staff: _staff,
    resources: _resources,
    price: _price,
    deposit: _deposit,
    currency: _currency,
    questions: _q,
    name,
    description,
    ...rest
  } = input;
  const currency = input.currency === undefined ? {} : { currency: own };
  const asked = questions?.ok ? { questions: questions.questions } : {};
  const texts = {
    ...(name === undefined ? {} : { name: businessText(name, business.locale), nameWordings: wordingsOf(name) }),
    ...(description === undefined
      ? {}
      : { description: businessText(description, business.locale), descriptionWordings: wordingsOf(description) }),
  };
  return ok({ fields: { ...rest, ...texts, ...currency, ...amounts, ...asked }, staffIds, resourceIds });
}

/** "120.00" → "120", "12.50" → "12.5": a stored amount moved to a currency with fewer decimals still fits when it can. */
const plain = (amount: string) => (amount.includes('.') ? amount.replace(/0+$/, '').replace(/\.$/, '') : amount);

/** Price and deposit in minor units of `currency`, or the problems added to `fields`. */
function amountsOf(
  input: ServiceInput,
  stored: Service | null,
  storedCurrency: string,
  currency: string,
  fields: Map<string, string>,
): { price: number; deposit: number } {
  const textOf = (given: string | undefined, minor: number | undefined) =>
    plain(given ?? (minor === undefined ? '0' : toDecimal(minor, storedCurrency)));
  const price = toMinor(textOf(input.price, stored?.price), currency);
  const deposit = toMinor(textOf(input.deposit, stored?.deposit), currency);
  for (const [field, value] of [
    ['price', price],
    ['deposit', deposit],
  ] as const) {
    if (value !== null) continue;
    if (input[field] !== undefined) fields.set(field, `too many decimals for ${currency}`);
    else fields.set('currency', `the stored ${field} has too many decimals for ${currency}: give the amounts again`);
  }
  if (price !== null && deposit !== null && deposit > price) {
    if (input.deposit !== undefined || input.price === undefined)
      fields.set('deposit', `must not exceed the price (${toDecimal(price, currency)})`);
    else fields.set('price', `must not be less than the deposit (${toDecimal(deposit, currency)})`);
  }
  return { price: price ?? 0, deposit: deposit ?? 0 };
}
