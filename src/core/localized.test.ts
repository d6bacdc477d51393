import { describe, expect, it } from 'vitest';
import { businessText, givenText, localize, localizedTextProblems, wordingsOf } from './localized.ts';
import { problemFields } from './problems.ts';

describe('localize: the reader’s tag, its language (fr-CA → fr), the business language, then the first wording', () => {
  const label = { en: 'Health', fr: 'Santé', pt: 'Saúde' };
  it.each([
    { lang: 'fr', fallback: 'en', expected: 'Santé' },
    { lang: 'fr-CA', fallback: 'en', expected: 'Santé' },
    { lang: 'FR-ca', fallback: 'en', expected: 'Santé' },
    { lang: 'pt-BR', fallback: 'en', expected: 'Saúde' },
    { lang: 'pt_PT', fallback: 'en', expected: 'Saúde' },
    { lang: 'de', fallback: 'fr', expected: 'Santé' },
    { lang: 'de', fallback: 'fr-BE', expected: 'Santé' },
    { lang: 'de', fallback: 'es', expected: 'Health' },
    { lang: 'constructor', fallback: 'toString', expected: 'Health' },
    { lang: '', fallback: 'pt', expected: 'Saúde' },
  ])('$lang (business $fallback) → $expected', ({ lang, fallback, expected }) => {
    expect(localize(label, lang, fallback)).toBe(expected);
  });

  it('a plain string is every language’s; without the reader’s or the business language, the first wording', () => {
    expect(localize('Health', 'fr', 'en')).toBe('Health');
    expect(localize({ es: 'Salud', pt: 'Saúde' }, 'de', 'en')).toBe('Salud');
    expect(localize({ es: 'Salud', pt: 'Saúde' }, 'de', 'pt-PT')).toBe('Saúde');
  });

  it('the business text is the business language’s wording; a plain string has no wordings', () => {
    expect(businessText({ en: 'Portrait', pt: 'Retrato' }, 'pt')).toBe('Retrato');
    expect(businessText({ en: 'Portrait' }, 'pt')).toBe('Portrait');
    expect(wordingsOf('Portrait')).toBeNull();
    expect(wordingsOf({ pt: 'Retrato' })).toEqual({ pt: 'Retrato' });
    expect(givenText('Retrato', { en: 'Portrait', pt: 'Retrato' })).toEqual({ en: 'Portrait', pt: 'Retrato' });
    expect(givenText('Retrato', null)).toBe('Retrato');
    expect(givenText('Retrato', {})).toBe('Retrato');
  });
});

describe('localizedTextProblems', () => {
  const unknown = 'not a language the pages speak (en, fr, de, es, pt)';
  it.each([
    { value: 'Health', expected: {} },
    { value: { en: 'Health', pt: 'Saúde' }, expected: {} },
    { value: '', expected: { label: 'required' } },
    { value: 'x'.repeat(501), expected: { label: 'at most 500 characters' } },
    { value: 'a\u0000', expected: { label: 'must be valid Unicode text without NUL characters' } },
    { value: { xx: 'Health' }, expected: { 'label.xx': unknown } },
    { value: { en: 'Health', 'pt-BR': 'Saúde' }, expected: { 'label.pt-BR': unknown } },
    { value: { EN: 'Health' }, expected: { 'label.EN': unknown } },
    { value: { en: 3 }, expected: { 'label.en': 'a text' } },
    { value: { en: ' ' }, expected: { 'label.en': 'required' } },
    { value: {}, expected: { label: 'at least one language' } },
    { value: 3, expected: { label: 'a text, or texts by language {en: "…", pt: "…"}' } },
    { value: ['Health'], expected: { label: 'a text, or texts by language {en: "…", pt: "…"}' } },
  ])('$value → $expected', ({ value, expected }) => {
    expect(problemFields(localizedTextProblems(value, ['label']))).toEqual(expected);
  });

  it('a longer limit for descriptions', () => {
    expect(problemFields(localizedTextProblems({ en: 'x'.repeat(900) }, ['description'], 1000))).toEqual({});
  });
});
