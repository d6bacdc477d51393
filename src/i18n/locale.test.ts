import { describe, expect, it } from 'vitest';
import { fr } from './fr.ts';
import { fromAcceptLanguage, LOCALES, negotiateLocale, supportedLocale } from './locale.ts';
import { messagesFor } from './messages.ts';
import { pageMessagesFor } from './page-messages.ts';
import { pt } from './pt.ts';

describe('negotiateLocale: ?lang=, then the cookie, then Accept-Language, then the business default', () => {
  it.each([
    { title: 'query wins', s: { query: 'de', cookie: 'fr', acceptLanguage: 'es', fallback: 'en' }, expected: 'de' },
    { title: 'unsupported query falls through', s: { query: 'it', cookie: 'fr', fallback: 'en' }, expected: 'fr' },
    { title: 'cookie before header', s: { cookie: 'es', acceptLanguage: 'de', fallback: 'en' }, expected: 'es' },
    { title: 'header by q-value', s: { acceptLanguage: 'it;q=1, fr;q=0.4, de;q=0.8', fallback: 'en' }, expected: 'de' },
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

describe('one fallback rule for pages, emails and the dashboard: a tag’s language, else English', () => {
  it.each([
    ['fr-CA', 'fr'],
    ['FR_ca', 'fr'],
    [' de-AT ', 'de'],
    ['es-419', 'es'],
    ['pt-BR', 'pt'],
    ['pt-PT', 'pt'],
    ['it-IT', 'en'],
    ['', 'en'],
    ['constructor', 'en'],
  ])('"%s" → %s', (tag, expected) => {
    expect(supportedLocale(tag)).toBe(expected);
  });

  it('fr-CA reads French pages and French emails alike (the pages used to fall back to English)', () => {
    expect(pageMessagesFor('fr-CA')).toBe(pageMessagesFor('fr'));
    expect(pageMessagesFor('fr-CA').lang).toBe('fr');
    expect(messagesFor('fr-CA')).toBe(fr);
    expect(negotiateLocale({ query: 'fr-CA', fallback: 'en' })).toBe('fr');
    expect(negotiateLocale({ fallback: 'fr-CA' })).toBe('fr');
  });

  it('pt-BR reads the Portuguese pages and emails, by the same rule (no catalogue of its own)', () => {
    expect(pageMessagesFor('pt-BR')).toBe(pageMessagesFor('pt'));
    expect(pageMessagesFor('pt-BR').lang).toBe('pt');
    expect(messagesFor('pt-BR')).toBe(pt);
    expect(negotiateLocale({ query: 'pt-BR', fallback: 'en' })).toBe('pt');
    expect(negotiateLocale({ acceptLanguage: 'pt-BR,pt;q=0.9,en;q=0.5', fallback: 'en' })).toBe('pt');
    expect(negotiateLocale({ fallback: 'pt-BR' })).toBe('pt');
  });

  it('every locale of the one list has both catalogues, each in its own language', () => {
    for (const locale of LOCALES) {
      expect(pageMessagesFor(locale).lang).toBe(locale);
      expect(messagesFor(locale).intlLocale.slice(0, 2)).toBe(locale);
    }
  });
});
