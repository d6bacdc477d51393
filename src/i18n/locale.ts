/**
 * The languages Slotwise speaks, and which one a reader gets. One list for the pages, the emails,
 * the API and the dashboard (adding a locale here makes the compiler ask for its catalogues:
 * messages.ts, page-messages.ts), and one fallback rule: a tag's language when supported
 * ("fr-CA" → fr, "pt-BR" → pt), else English. A visitor's (SPEC §7): `?lang=`, then the `lang` cookie, then the
 * browser's Accept-Language (by its q-values), then the business default.
 */
import { isLocale, LOCALES, type Locale, localeOf, supportedLocale } from '../core/languages.ts';

// The list and the fallback rule live in the core (per-language content chooses by them too).
export { isLocale, LOCALES, type Locale, localeOf, supportedLocale };

export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  pt: 'Português',
};

/** The best supported locale of an Accept-Language header, or null. */
export function fromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { locale: localeOf(tag), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.locale !== null && r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.locale ?? null;
}

export interface LocaleSources {
  readonly query?: string | undefined;
  readonly cookie?: string | undefined;
  readonly acceptLanguage?: string | undefined;
  readonly fallback: string;
}

export function negotiateLocale(s: LocaleSources): Locale {
  return (
    (s.query ? localeOf(s.query) : null) ??
    (s.cookie ? localeOf(s.cookie) : null) ??
    fromAcceptLanguage(s.acceptLanguage) ??
    supportedLocale(s.fallback)
  );
}
