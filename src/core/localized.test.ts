import { describe, expect, it } from 'vitest';
import { localize, localizedTextProblems } from './localized.ts';
import { problemFields } from './problems.ts';

describe('localize: the reader’s tag, its language, the business language, then the first wording', () => {
  const label = { en: 'Health', fr: 'Santé', 'pt-BR': 'Saúde' };
  it.each([
    { lang: 'fr-CA', fallback: 'en', expected: 'Santé' },
    { lang: 'fr', fallback: 'en', expected: 'Santé' },
    { lang: 'pt-BR', fallback: 'en', expected: 'Saúde' },
    { lang: 'pt-br', fallback: 'en', expected: 'Saúde' },
    { lang: 'de', fallback: 'fr', expected: 'Santé' },
    { lang: 'de', fallback: 'fr-BE', expected: 'Santé' },
    { lang: 'de', fallback: 'es', expected: 'Health' },
  ])('$lang (business $fallback) → $expected', ({ lang, fallback, expected }) => {
    expect(localize(label, lang, fallback)).toBe(expected);
  });

  it('a plain string is every language’s; another region of the language comes before the business language', () => {
    expect(localize('Health', 'fr', 'en')).toBe('Health');
    expect(localize({ es: 'Salud', 'pt-BR': 'Saúde' }, 'pt', 'es')).toBe('Saúde');
    expect(localize({ es: 'Salud', 'pt-BR': 'Saúde' }, 'pt-PT', 'es')).toBe('Saúde');
    expect(localize({ es: 'Salud', 'pt-BR': 'Saúde' }, 'de', 'en')).toBe('Salud');
    expect(localize({ es: 'Salud', 'pt-BR': 'Saúde' }, 'de', 'pt')).toBe('Saúde');
  });
});

describe('localizedTextProblems', () => {
  it.each([
    { value: 'Health', expected: {} },
    { value: { en: 'Health', 'pt-BR': 'Saúde' }, expected: {} },
    { value: '', expected: { label: 'required' } },
    { value: 'x'.repeat(501), expected: { label: 'at most 500 characters' } },
    { value: 'a\u0000', expected: { label: 'must be valid Unicode text without NUL characters' } },
    { value: { EN: 'Health' }, expected: { 'label.EN': 'not a language tag (en, fr, pt-BR)' } },
    { value: { en: 3 }, expected: { 'label.en': 'a text' } },
    { value: {}, expected: { label: 'at least one language' } },
    { value: 3, expected: { label: 'a text, or texts by language {en: "…", fr: "…"}' } },
    { value: ['Health'], expected: { label: 'a text, or texts by language {en: "…", fr: "…"}' } },
  ])('$value → $expected', ({ value, expected }) => {
    expect(problemFields(localizedTextProblems(value, ['label']))).toEqual(expected);
  });
});
