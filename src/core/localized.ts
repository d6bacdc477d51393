/**
 * Per-language text (SPEC §12, API.md Part two: a `name`, `description`, `staffLabel`, question
 * label or option label is a string or `{en: "…", pt: "…"}`): which wording a reader gets, and
 * what a valid one looks like. Resolution: the reader's tag as given, then its language by the
 * one fallback rule of languages.ts (`fr-CA` → fr), then the business language the same way,
 * then the first wording given. Keys are the languages the product speaks, nothing else: a
 * wording no reader could ever be given (`pt-BR`, when readers are negotiated to `pt`) or a
 * language the pages do not speak is refused rather than stored unseen.
 */
import { LOCALES, localeOf } from './languages.ts';
import type { FieldPath, FieldProblem } from './problems.ts';
import { isPlainObject } from './problems.ts';
import { characterCount, isStorableText } from './text.ts';

/** Wordings by language: `{en: "Portrait session", pt: "Sessão de retrato"}`. */
export type Wordings = Readonly<Record<string, string>>;
export type LocalizedText = string | Wordings;

export const MAX_LABEL_CHARS = 500;

/** The wording of `text` for a reader of `lang`, with the business language `fallback`. */
export function localize(text: LocalizedText, lang: string, fallback: string): string {
  if (typeof text === 'string') return text;
  // Own keys only: a tag such as "constructor" must not reach Object.prototype.
  const get = (key: string | null): string | undefined =>
    key !== null && Object.hasOwn(text, key) ? text[key] : undefined;
  for (const tag of [lang, fallback]) {
    const found = get(tag) ?? get(localeOf(tag));
    if (found !== undefined) return found;
  }
  return Object.values(text)[0] ?? '';
}

/** Problems with a per-language text at `path`: a non-empty string, or wordings by language. */
export function localizedTextProblems(
  value: unknown,
  path: FieldPath,
  maxChars: number = MAX_LABEL_CHARS,
): FieldProblem[] {
  if (typeof value === 'string') return wordingProblems(value, path, maxChars);
  if (!isPlainObject(value)) return [{ path, message: 'a text, or texts by language {en: "…", pt: "…"}' }];
  const entries = Object.entries(value);
  if (entries.length === 0) return [{ path, message: 'at least one language' }];
  const problems: FieldProblem[] = [];
  for (const [tag, wording] of entries) {
    if (!(LOCALES as readonly string[]).includes(tag))
      problems.push({ path: [...path, tag], message: `not a language the pages speak (${LOCALES.join(', ')})` });
    else if (typeof wording !== 'string') problems.push({ path: [...path, tag], message: 'a text' });
    else problems.push(...wordingProblems(wording, [...path, tag], maxChars));
  }
  return problems;
}

function wordingProblems(wording: string, path: FieldPath, maxChars: number): FieldProblem[] {
  if (wording.trim() === '') return [{ path, message: 'required' }];
  if (characterCount(wording) > maxChars) return [{ path, message: `at most ${maxChars} characters` }];
  if (!isStorableText(wording)) return [{ path, message: 'must be valid Unicode text without NUL characters' }];
  return [];
}

/** The text the business language reads: what a single-text column keeps (the name in a list, a slug's source). */
export function businessText(text: LocalizedText, businessLocale: string): string {
  return localize(text, businessLocale, businessLocale);
}

/** The wordings by language of a per-language text, or null for one text for every language. */
export function wordingsOf(text: LocalizedText): Wordings | null {
  return typeof text === 'string' ? null : text;
}

/** What was given back: the wordings when there are some, else the single text. */
export function givenText(text: string, wordings: Wordings | null | undefined): LocalizedText {
  return wordings && Object.keys(wordings).length > 0 ? wordings : text;
}
