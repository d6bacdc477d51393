/**
 * Every dashboard area speaks every language with exactly the English keys (a wording missing or
 * left over fails here, not on a French admin's screen), the same kind of value (a phrase that
 * takes values stays a function), no empty wording, and the one fallback rule picks the catalogue.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/languages.ts';
import { AREAS, dashboardMessagesFor } from './index.ts';

/** Each leaf's path and kind ('string' | 'function' …). */
function shape(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${path}: ${typeof value}`];
  return Object.entries(value).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k));
}

function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

const cases = Object.entries(AREAS).flatMap(([area, byLocale]) =>
  LOCALES.filter((l) => l !== 'en').map((l) => [area, l, byLocale] as const),
);

describe('the dashboard catalogues', () => {
  it.each(cases)('%s in %s has exactly the English keys, each of the same kind', (_area, locale, byLocale) => {
    expect(shape(byLocale[locale]).sort()).toEqual(shape(byLocale.en).sort());
  });

  it.each(LOCALES)('%s has no empty wording', (locale) => {
    const empty = strings(dashboardMessagesFor(locale)).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each([
    ['fr-CA', 'fr'],
    ['pt-BR', 'pt'],
    ['de-AT', 'de'],
    ['es', 'es'],
    ['ja', 'en'],
  ])('"%s" gets the %s dashboard', (tag, lang) => {
    expect(dashboardMessagesFor(tag).common.lang).toBe(lang);
    expect(dashboardMessagesFor(tag)).toBe(dashboardMessagesFor(lang));
  });

  it.each(LOCALES)('%s writes dates in its own Intl locale', (locale) => {
    const intl = dashboardMessagesFor(locale).common.intlLocale;
    expect(intl.slice(0, 2)).toBe(locale);
    expect(Intl.DateTimeFormat.supportedLocalesOf([intl])).toEqual([intl]);
  });
});
