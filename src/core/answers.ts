/**
 * Validating a booking's `answers: {questionKey: value}` against a service's questions (SPEC
 * §10.1). One function for the API and the pages (the pages turn form fields into the same
 * object with answersFromForm), so both accept and refuse exactly the same.
 *
 * Values by type: text and longText a string (text on one line), at most 2,000 characters after
 * trimming; choice an option key; multiChoice a list of option keys, each once; yesNo true or
 * false; date `YYYY-MM-DD` (years 1900–2999); number a finite JSON number. An empty string, an
 * empty list or null is no answer. Refused: a key that is not an active question (a retired one
 * included), a value of the wrong type, an option not in the list, an over-long text, a missing
 * required answer. Answers come back trimmed, in question order, options in the listed order.
 */
import { isDate } from './date.ts';
import { type FieldProblem, isPlainObject } from './problems.ts';
import { type Answers, type AnswerValue, activeQuestions, type Question } from './questions.ts';
import { characterCount, isStorableText } from './text.ts';

export const MAX_ANSWER_CHARS = 2000;
/** Numbers beyond this are refused: no intake question needs them, and they lose precision. */
export const MAX_ANSWER_NUMBER = 1e12;

export type AnswersCheck = { ok: true; answers: Answers } | { ok: false; problems: FieldProblem[] };

/** Checks `answers` (absent or null: none given) against the service's questions. */
export function validateAnswers(questions: readonly Question[], answers: unknown): AnswersCheck {
  if (answers !== undefined && answers !== null && !isPlainObject(answers)) {
    return { ok: false, problems: [{ path: ['answers'], message: 'an object {questionKey: value}' }] };
  }
  const given: Readonly<Record<string, unknown>> = answers ?? {};
  const asked = activeQuestions(questions);
  const byKey = new Map(asked.map((q) => [q.key, q]));
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(given)) {
    if (!byKey.has(key)) problems.push({ path: ['answers', key], message: 'unknown question' });
  }
  const out: [string, AnswerValue][] = [];
  for (const q of asked) {
    const raw = Object.hasOwn(given, q.key) ? given[q.key] : undefined;
    const read = readAnswer(q, raw);
    if (typeof read === 'string') problems.push({ path: ['answers', q.key], message: read });
    else if (read.value !== null) out.push([q.key, read.value]);
    else if (q.required) problems.push({ path: ['answers', q.key], message: 'required' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: Object.fromEntries(out) };
}

/** One answer normalised ({value: null} when none was given), or what is wrong with it. */
function readAnswer(q: Question, raw: unknown): { value: AnswerValue | null } | string {
  if (raw === undefined || raw === null) return { value: null };
  switch (q.type) {
    case 'text':
    case 'longText': {
      if (typeof raw !== 'string') return 'a text';
      const text = raw.trim();
      if (characterCount(text) > MAX_ANSWER_CHARS) return `at most ${MAX_ANSWER_CHARS} characters`;
      if (!isStorableText(text)) return 'must be valid Unicode text without NUL characters';
      if (q.type === 'text' && /[\r\n]/.test(text)) return 'one line of text';
      return { value: text === '' ? null : text };
    }
    case 'choice': {
      if (typeof raw !== 'string') return 'one option key';
      if (raw === '') return { value: null };
      return optionKeys(q).includes(raw) ? { value: raw } : `one of ${optionKeys(q).join(', ')}`;
    }
    case 'multiChoice': {
      if (!Array.isArray(raw) || raw.some((k) => typeof k !== 'string')) return 'a list of option keys';
      const keys = optionKeys(q);
      // The message does not repeat what was sent: it may be any text.
      if (raw.some((k) => !keys.includes(k))) return `only ${keys.join(', ')}`;
      if (new Set(raw).size !== raw.length) return 'each option once';
      return { value: raw.length === 0 ? null : keys.filter((k) => raw.includes(k)) };
    }
    case 'yesNo':
      return typeof raw === 'boolean' ? { value: raw } : 'true or false';
    case 'date': {
      if (typeof raw !== 'string') return 'a date YYYY-MM-DD';
      if (raw === '') return { value: null };
      const year = Number(raw.slice(0, 4));
      return isDate(raw) && year >= 1900 && year <= 2999 ? { value: raw } : 'a real date YYYY-MM-DD (1900–2999)';
    }
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) && Math.abs(raw) <= MAX_ANSWER_NUMBER
        ? { value: raw }
        : `a number (at most ${MAX_ANSWER_NUMBER} either side of 0)`;
    default: {
      const never: never = q.type;
      throw new Error(`unknown question type ${String(never)}`);
    }
  }
}

function optionKeys(q: Question): string[] {
  return (q.options ?? []).map((o) => o.key);
}

/**
 * The `answers` object from a posted form, for validateAnswers: `read(key)` gives the values of
 * the question's field(s) (several for checkboxes). Typed from the strings a form can send: a
 * number field "12.5" → 12.5, a yes/no "yes" | "no" → true | false; anything else is passed on as
 * it came, so validateAnswers refuses it with the same message as the API would.
 */
export function answersFromForm(
  questions: readonly Question[],
  read: (key: string) => readonly string[],
): Record<string, unknown> {
  const out = new Map<string, unknown>();
  for (const q of activeQuestions(questions)) {
    const values = read(q.key);
    if (q.type === 'multiChoice') {
      if (values.length > 0) out.set(q.key, [...values]);
      continue;
    }
    const value = values[0];
    if (value === undefined || value.trim() === '') continue;
    if (q.type === 'number') out.set(q.key, /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value);
    else if (q.type === 'yesNo') out.set(q.key, value === 'yes' ? true : value === 'no' ? false : value);
    else out.set(q.key, value);
  }
  return Object.fromEntries(out);
}
