import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage, negotiateLocale } from './locale.ts';

describe('negotiateLocale: ?lang=, then the cookie, then Accept-Language, then the business default', () => {
  it.each([
    { title: 'query wins', s: { query: 'de', cookie: 'fr', acceptLanguage: 'es', fallback: 'en' }, expected: 'de' },
    { title: 'unsupported query falls through', s: { query: 'pt', cookie: 'fr', fallback: 'en' }, expected: 'fr' },
    { title: 'cookie before header', s: { cookie: 'es', acceptLanguage: 'de', fallback: 'en' }, expected: 'es' },
    { title: 'header by q-value', s: { acceptLanguage: 'pt;q=1, fr;q=0.4, de;q=0.8', fallback: 'en' }, expected: 'de' },
    { title: 'region tags', s: { acceptLanguage: 'fr-CA,fr;q=0.9', fallback: 'en' }, expected: 'fr' },
    { title: 'q=0 means no', s: { acceptLanguage: 'de;q=0, es;q=0.1', fallback: 'en' }, expected: 'es' },
    { title: 'nothing usable: business default', s: { acceptLanguage: 'ja, zh', fallback: 'fr' }, expected: 'fr' },
    { title: 'garbage header', s: { acceptLanguage: ';;;,=,q=x', fallback: 'de' }, expected: 'de' },
    { title: 'unsupported default: English', s: { fallback: 'it' }, expected: 'en' },
  ])('$title → $expected', ({ s, expected }) => {
    expect(negotiateLocale(s)).toBe(expected);
  });

  it('keeps header order among equal q-values', () => {
    expect(fromAcceptLanguage('es, de')).toBe('es');
  });
});
