/**
 * Turning a posted form into the body the admin API takes, so a page can check it with the API's
 * own Zod schema and call the same use case: empty fields become "not given" or null, whole
 * numbers are read as numbers, ticked boxes as true. Problems are keyed by field name, which is
 * also the body's key, so Zod's paths and the use cases' `details.fields` land on the right field.
 */
import type { z } from 'zod';
import type { Refusal } from '../../../app/result.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { refusalWords } from '../refusal-words.ts';
import { issueFields } from './issue-words.ts';
import type { PostedForm } from './posted-form.ts';

export type Problems = Map<string, string>;

/**
 * A whole number typed in a field: the number, `empty` when the field is empty, and the field's
 * problem (and `empty`) when it is not a whole number.
 */
export function wholeOf<E extends null | undefined>(
  form: PostedForm,
  name: string,
  problems: Problems,
  empty: E,
): number | E {
  const text = form.text(name);
  if (text === '') return empty;
  if (!/^\d{1,9}$/.test(text)) {
    problems.set(name, 'must be a whole number, such as 15');
    return empty;
  }
  return Number(text);
}

/** Whether a check box was ticked. */
export const ticked = (form: PostedForm, name: string) => form.text(name) === 'on';

/** A text field, or null when left empty. */
export const textOrNull = (form: PostedForm, name: string) => form.text(name) || null;

/**
 * A use case's field message made to read after the field's label ("Duration: must be at least 1").
 * A refusal carries only the words, so this reads Zod's English there; the dashboard's own parses
 * read the issues themselves (issue-words.ts).
 */
export function plainMessage(message: string): string {
  const bound = /^Too (small|big): expected (number|string|array) to (?:be|have) ([<>]=?)(\d+)/.exec(message);
  if (bound) {
    const [, , kind, op, n] = bound;
    const unit = kind === 'string' ? ' characters' : kind === 'array' ? ' items' : '';
    const least = op?.startsWith('>');
    return `must be at ${least ? 'least' : 'most'} ${n}${unit}`;
  }
  if (message === 'Invalid email address') return 'must be an email address, such as name@example.com';
  if (message === 'Invalid URL') return 'must be a web address starting with https://';
  if (message.endsWith('received undefined')) return 'required';
  if (message.startsWith('Invalid input: expected int')) return 'must be a whole number';
  if (message.startsWith('Invalid option')) return 'choose one of the options';
  return message;
}

/** The fields of a Zod error, in plain words, under `rename`'s names (default: the body's keys). */
export function zodProblems(error: z.ZodError, rename: (key: string) => string = (k) => k): Problems {
  const problems: Problems = new Map();
  for (const [key, message] of Object.entries(issueFields(error))) {
    const name = rename(key);
    if (!problems.has(name)) problems.set(name, message);
  }
  return problems;
}

/** A refusal's `details.fields` as problems (its words, in the page's language, under '' when it names none). */
export function refusalProblems(
  r: Refusal,
  t: DashboardMessages,
  rename: (key: string) => string = (k) => k,
): Problems {
  const fields = r.details?.fields;
  const problems: Problems = new Map();
  if (fields && typeof fields === 'object' && !Array.isArray(fields)) {
    for (const [key, message] of Object.entries(fields as Record<string, string>)) {
      const name = rename(key);
      if (!problems.has(name)) problems.set(name, plainMessage(String(message)));
    }
  }
  if (problems.size === 0) problems.set('', refusalWords(r, t));
  return problems;
}

/** `staff[2]` → `staff`: a list's problems belong to the list's group of check boxes. */
export const listKey = (key: string) => key.replace(/\[\d+\]$/, '');

/**
 * Checks `value` against the API's schema, adding what is wrong to the problems the form reading
 * found; the parsed body only when there are none.
 */
export function checkForm<S extends z.ZodType>(
  schema: S,
  value: unknown,
  problems: Problems,
  rename?: (key: string) => string,
): z.output<S> | null {
  const r = schema.safeParse(value, { reportInput: true });
  if (!r.success) {
    for (const [k, m] of zodProblems(r.error, rename)) if (!problems.has(k)) problems.set(k, m);
  }
  return r.success && problems.size === 0 ? r.data : null;
}
