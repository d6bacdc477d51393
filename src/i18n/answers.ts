/**
 * Answers to intake questions as a reader sees them (SPEC §10.1): the question's label and the
 * answer in words — an option's label, yes or no, a date written out — in the reader's language
 * with the business's as fallback (core/localized.ts). For emails, pages and the dashboard alike.
 * Only what is given is described: the caller decides which answers the reader may see.
 */
import { type Answers, type AnswerValue, localize, type Question } from '../core/index.ts';
import { longDate } from './format.ts';

export interface AnswerLine {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

export interface AnswerWords {
  readonly yes: string;
  readonly no: string;
  /** The Intl locale dates and numbers are written in. */
  readonly intlLocale: string;
}

/**
 * One line per answer, in the order the questions are asked (retired ones included, after); an
 * answer to a question no longer defined shows its key.
 */
export function answerLines(
  questions: readonly Question[],
  answers: Answers,
  lang: string,
  fallback: string,
  words: AnswerWords,
): AnswerLine[] {
  const known = new Set(questions.map((q) => q.key));
  const lines: AnswerLine[] = [];
  for (const q of questions) {
    const value = answers[q.key];
    if (value === undefined) continue;
    lines.push({
      key: q.key,
      label: localize(q.label, lang, fallback),
      value: inWords(q, value, lang, fallback, words),
    });
  }
  for (const [key, value] of Object.entries(answers)) {
    if (!known.has(key))
      lines.push({ key, label: key, value: Array.isArray(value) ? value.join(', ') : String(value) });
  }
  return lines;
}

function inWords(q: Question, value: AnswerValue, lang: string, fallback: string, words: AnswerWords): string {
  const option = (key: string) => {
    const o = q.options?.find((x) => x.key === key);
    return o ? localize(o.label, lang, fallback) : key;
  };
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.map(option).join(', ');
  if (typeof value === 'number') return new Intl.NumberFormat(words.intlLocale).format(value);
  if (q.type === 'choice') return option(value as string);
  if (q.type === 'date') return longDate(value as string, words.intlLocale);
  return String(value);
}
