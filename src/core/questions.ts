/**
 * Intake questions (SPEC §10.1): a service's question definitions, what a valid list looks like
 * (set-up file `services[].questions`, admin API, dashboard), and which answers are sensitive.
 *
 * A question is retired, never deleted, so its past answers keep their meaning: a retired
 * question is not asked and not accepted, and its key stays taken (a new question may not reuse
 * it with another meaning). The order of the list is the order asked.
 */
import { type LocalizedText, localizedTextProblems } from './localized.ts';
import { type FieldProblem, isPlainObject } from './problems.ts';

export const QUESTION_TYPES = ['text', 'longText', 'choice', 'multiChoice', 'yesNo', 'date', 'number'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface QuestionOption {
  readonly key: string;
  readonly label: LocalizedText;
}

export interface Question {
  readonly key: string;
  readonly type: QuestionType;
  readonly label: LocalizedText;
  readonly required: boolean;
  /** Health data and the like (SPEC §10.1): encrypted at rest, never in emails, webhooks or logs. */
  readonly sensitive: boolean;
  /** For `choice` and `multiChoice` only; at least one. */
  readonly options?: readonly QuestionOption[];
  readonly retired?: boolean;
}

/** One answer once validated (answers.ts): text, yes/no, number, or option keys. */
export type AnswerValue = string | boolean | number | readonly string[];
export type Answers = Readonly<Record<string, AnswerValue>>;

export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 100;
/** Keys of questions and options: a letter, then letters, digits, `_` or `-`; at most 40. */
const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const QUESTION_FIELDS = new Set(['key', 'type', 'label', 'required', 'sensitive', 'options', 'retired']);

/** The questions asked now, in order. */
export function activeQuestions(questions: readonly Question[]): Question[] {
  return questions.filter((q) => q.retired !== true);
}

/**
 * Problems with a list of question definitions, paths from the list (the caller prefixes
 * `questions` or `services[0].questions`).
 */
export function questionsProblems(value: unknown): FieldProblem[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return [{ path: [], message: 'a list of questions' }];
  if (value.length > MAX_QUESTIONS) return [{ path: [], message: `at most ${MAX_QUESTIONS} questions` }];
  const problems: FieldProblem[] = [];
  const keys = new Set<string>();
  value.forEach((q: unknown, i) => {
    if (!isPlainObject(q)) {
      problems.push({ path: [i], message: 'an object {key, type, label, …}' });
      return;
    }
    for (const field of Object.keys(q)) {
      if (!QUESTION_FIELDS.has(field)) problems.push({ path: [i, field], message: 'unknown field' });
    }
    if (typeof q.key !== 'string' || !KEY.test(q.key)) {
      problems.push({ path: [i, 'key'], message: 'a letter, then letters, digits, _ or - (at most 40)' });
    } else if (keys.has(q.key)) {
      problems.push({ path: [i, 'key'], message: `"${q.key}" is used by another question` });
    } else keys.add(q.key);
    const typed = QUESTION_TYPES.includes(q.type as QuestionType);
    if (!typed) problems.push({ path: [i, 'type'], message: `one of ${QUESTION_TYPES.join(', ')}` });
    problems.push(...localizedTextProblems(q.label, [i, 'label']));
    for (const flag of ['required', 'sensitive', 'retired'] as const) {
      if (q[flag] !== undefined && typeof q[flag] !== 'boolean')
        problems.push({ path: [i, flag], message: 'true or false' });
    }
    if (typed) problems.push(...optionsProblems(q.type as QuestionType, q.options, i));
  });
  return problems;
}

function optionsProblems(type: QuestionType, options: unknown, i: number): FieldProblem[] {
  const path = [i, 'options'];
  if (type !== 'choice' && type !== 'multiChoice') {
    return options === undefined ? [] : [{ path, message: 'only for choice and multiChoice questions' }];
  }
  if (!Array.isArray(options) || options.length === 0) return [{ path, message: 'at least one option {key, label}' }];
  if (options.length > MAX_OPTIONS) return [{ path, message: `at most ${MAX_OPTIONS} options` }];
  const problems: FieldProblem[] = [];
  const keys = new Set<string>();
  options.forEach((o: unknown, j) => {
    if (!isPlainObject(o)) {
      problems.push({ path: [...path, j], message: 'an object {key, label}' });
      return;
    }
    for (const field of Object.keys(o)) {
      if (field !== 'key' && field !== 'label') problems.push({ path: [...path, j, field], message: 'unknown field' });
    }
    if (typeof o.key !== 'string' || !KEY.test(o.key)) {
      problems.push({ path: [...path, j, 'key'], message: 'a letter, then letters, digits, _ or - (at most 40)' });
    } else if (keys.has(o.key)) {
      problems.push({ path: [...path, j, 'key'], message: `"${o.key}" is used by another option` });
    } else keys.add(o.key);
    problems.push(...localizedTextProblems(o.label, [...path, j, 'label']));
  });
  return problems;
}

/**
 * Stored answers split for who may see them: `open` (staff and owner emails, webhooks, the public
 * manage API) and `sensitive` (encrypted at rest; admins and the booking's staff member in the
 * dashboard and admin API only). An answer whose question is no longer defined at all counts as
 * sensitive: when in doubt, do not show.
 */
export function splitSensitive(
  questions: readonly Question[],
  answers: Answers,
): { open: Answers; sensitive: Answers } {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const open: [string, AnswerValue][] = [];
  const sensitive: [string, AnswerValue][] = [];
  for (const [key, value] of Object.entries(answers)) {
    const q = byKey.get(key);
    (q && !q.sensitive ? open : sensitive).push([key, value]);
  }
  return { open: Object.fromEntries(open), sensitive: Object.fromEntries(sensitive) };
}
