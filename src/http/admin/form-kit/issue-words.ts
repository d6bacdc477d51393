/**
 * A Zod issue as the form kit's plain words, read from its code and parameters (the bound, the
 * kind of value, the format), not from Zod's English message: words.ts then says those words in
 * the page's language. A message the schema wrote itself ('a real date YYYY-MM-DD', 'required')
 * is kept as it is: it is a key of t.formKit.said or of an area's table.
 */
import { z } from 'zod';
import { formatPath } from '../../../app/setup-schema.ts';

type Issue = z.core.$ZodIssue;

/** Zod's own English wording of an issue: an issue whose message differs carries the schema's words. */
const zodEnglish = z.locales.en().localeError;

function defaultMessage(issue: Issue): string | undefined {
  const said = zodEnglish?.(issue as Parameters<NonNullable<typeof zodEnglish>>[0]);
  return typeof said === 'string' ? said : said?.message;
}

function bound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const least = issue.code === 'too_small';
  const raw = Number(least ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);
  const unit =
    issue.origin === 'string' ? ' characters' : issue.origin === 'array' || issue.origin === 'set' ? ' items' : '';
  if (issue.inclusive === false) {
    // Counts are whole: "more than 2 characters" is "at least 3"; a number's strict bound stays strict.
    if (unit) return `must be at ${least ? 'least' : 'most'} ${least ? raw + 1 : raw - 1}${unit}`;
    return `must be ${least ? 'more' : 'less'} than ${raw}`;
  }
  return `must be at ${least ? 'least' : 'most'} ${raw}${unit}`;
}

function typeWords(issue: Extract<Issue, { code: 'invalid_type' }>): string {
  // The parse ran with reportInput (parseFields below): a missing value is `input: undefined`.
  if (issue.input === undefined) return 'required';
  switch (issue.expected) {
    case 'int':
      return 'must be a whole number';
    case 'number':
    case 'bigint':
      return 'must be a number';
    case 'string':
      return 'must be text';
    case 'boolean':
      return 'must be yes or no';
    case 'array':
      return 'must be a list';
    default:
      return 'is not valid';
  }
}

function formatWords(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  if (issue.format === 'email') return 'must be an email address, such as name@example.com';
  if (issue.format === 'url') return 'must be a web address starting with https://';
  return 'is not in the expected form';
}

/** The plain words of one issue (the schema's own message when it wrote one). */
export function issueWords(issue: Issue): string {
  if (issue.code !== 'unrecognized_keys' && issue.message !== defaultMessage(issue)) return issue.message;
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return bound(issue);
    case 'invalid_type':
      return typeWords(issue);
    case 'invalid_format':
      return formatWords(issue);
    case 'invalid_value':
      return 'choose one of the options';
    case 'not_multiple_of':
      return `must be a multiple of ${Number(issue.divisor)}`;
    case 'unrecognized_keys':
      return 'unknown field';
    default:
      return 'is not valid';
  }
}

/** A Zod error's fields → plain words, keyed as validation.ts's fieldsOf keys them (first issue per field). */
export function issueFields(error: z.ZodError): Record<string, string> {
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields.set(formatPath([...issue.path, key]), 'unknown field');
      continue;
    }
    const path = formatPath(issue.path) || 'body';
    if (!fields.has(path)) fields.set(path, issueWords(issue));
  }
  return Object.fromEntries(fields);
}

/** A dashboard form's parse: the API's schema, with the input kept on each issue so "required" is told apart. */
export function parseFields<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { success: true; data: z.output<S> } | { success: false; fields: Record<string, string> } {
  const r = schema.safeParse(value, { reportInput: true });
  return r.success ? { success: true, data: r.data } : { success: false, fields: issueFields(r.error) };
}
