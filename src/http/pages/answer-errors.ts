/**
 * The details page's answers: read from the posted form into the object the API takes
 * (core/answers.ts answersFromForm), checked by the core's one validator, and its problems worded
 * for the reader beside each question.
 */
import {
  activeQuestions,
  answersFromForm,
  characterCount,
  MAX_ANSWER_CHARS,
  type Question,
  validateAnswers,
} from '../../core/index.ts';
import type { PageContext } from './context.ts';
import type { FormLists } from './form.ts';
import { type AnswerValues, answerField } from './question-fields.tsx';

export interface PostedAnswers {
  /** As typed, to show again. */
  readonly values: AnswerValues;
  /** The `answers` object for the booking body. */
  readonly answers: Record<string, unknown>;
}

export function readAnswers(questions: readonly Question[], form: FormLists): PostedAnswers {
  const values: Record<string, string[]> = {};
  for (const q of activeQuestions(questions)) values[q.key] = form.all(answerField(q.key));
  return { values, answers: answersFromForm(questions, (key) => values[key] ?? []) };
}

/** Problems with the answers, by form field, in the reader's words; {} when they are fine. */
export function answerErrors(ctx: PageContext, questions: readonly Question[], posted: PostedAnswers) {
  const checked = validateAnswers(questions, posted.answers);
  if (checked.ok) return {};
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const errors: Record<string, string> = {};
  for (const problem of checked.problems) {
    const key = String(problem.path[1] ?? '');
    const q = byKey.get(key);
    if (!q || errors[answerField(key)]) continue;
    errors[answerField(key)] = wording(ctx, q, problem.message, posted.values[key] ?? []);
  }
  return errors;
}

function wording(ctx: PageContext, q: Question, message: string, typed: readonly string[]): string {
  const a = ctx.m.details.answer;
  if (message === 'required') return a.required;
  switch (q.type) {
    case 'text':
    case 'longText':
      return characterCount(typed[0] ?? '') > MAX_ANSWER_CHARS ? a.tooLong : a.invalid;
    case 'number':
      return a.number;
    case 'date':
      return a.date;
    case 'choice':
    case 'multiChoice':
    case 'yesNo':
      return a.option;
    default:
      return a.invalid;
  }
}
