/**
 * Per-language text (API.md Part two: a `name`, `description`, `staffLabel`, question label or
 * option label is a string or `{en: "…", fr: "…"}`): which wording a reader gets, and what a
 * valid one looks like. Resolution: the reader's language tag (`fr-CA`), then its language
 * (`fr`), then another region of it (`fr-BE`: closer to a reader than another language), then
 * the business language the same way, then the first wording given.
 */
import type { FieldPath, FieldProblem } from './problems.ts';
import { isPlainObject } from './problems.ts';
import { characterCount, isStorableText } from './text.ts';

export type LocalizedText = string | Readonly<Record<string, string>>;

/** A language tag as the wording keys use it: `en`, `fr`, `pt-BR`, `zh-Hant`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const MAX_LABEL_CHARS = 500;

/** The wording of `text` for a reader of `lang`, with the business language `fallback`. */
export function localize(text: LocalizedText, lang: string, fallback: string): string {
  if (typeof text === 'string') return text;
  const byTag = new Map(Object.entries(text).map(([tag, value]) => [tag.toLowerCase(), value]));
  for (const tag of [lang, fallback]) {
    const lower = tag.toLowerCase();
    const language = lower.split('-')[0] ?? '';
    const found = byTag.get(lower) ?? byTag.get(language) ?? sibling(byTag, language);
    if (found !== undefined) return found;
  }
  return byTag.values().next().value ?? '';
}

/** A wording of another region of `language` (`pt-br` for `pt`), the first given. */
function sibling(byTag: ReadonlyMap<string, string>, language: string): string | undefined {
  for (const [tag, value] of byTag) if (tag.startsWith(`${language}-`)) return value;
  return undefined;
}

/** Problems with a per-language text at `path`: a non-empty string, or wordings by language tag. */
export function localizedTextProblems(value: unknown, path: FieldPath): FieldProblem[] {
  if (typeof value === 'string') return wordingProblems(value, path);
  if (!isPlainObject(value)) return [{ path, message: 'a text, or texts by language {en: "…", fr: "…"}' }];
  const entries = Object.entries(value);
  if (entries.length === 0) return [{ path, message: 'at least one language' }];
  const problems: FieldProblem[] = [];
  for (const [tag, wording] of entries) {
    if (!LANGUAGE_TAG.test(tag)) problems.push({ path: [...path, tag], message: 'not a language tag (en, fr, pt-BR)' });
    else if (typeof wording !== 'string') problems.push({ path: [...path, tag], message: 'a text' });
    else problems.push(...wordingProblems(wording, [...path, tag]));
  }
  return problems;
}

function wordingProblems(wording: string, path: FieldPath): FieldProblem[] {
  if (wording.trim() === '') return [{ path, message: 'required' }];
  if (characterCount(wording) > MAX_LABEL_CHARS) return [{ path, message: `at most ${MAX_LABEL_CHARS} characters` }];
  if (!isStorableText(wording)) return [{ path, message: 'must be valid Unicode text without NUL characters' }];
  return [];
}
