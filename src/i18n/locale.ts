/**
 * The languages Slotwise speaks, and which one a reader gets. One list for the pages, the emails,
 * the API and the dashboard (adding a locale here makes the compiler ask for its catalogues:
 * messages.ts, page-messages.ts), and one fallback rule: a tag's language when supported
 * ("fr-CA" → fr, "pt-BR" → pt), else English. A visitor's (SPEC §7): `?lang=`, then the `lang` cookie, then the
 * browser's Accept-Language (by its q-values), then the business default.
 */
export const LOCALES = ['en', 'fr', 'de', 'es', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  pt: 'Português',
};

export const isLocale = (tag: string | undefined | null): tag is Locale =>
  tag !== undefined && tag !== null && (LOCALES as readonly string[]).includes(tag);

/** The supported locale a language tag names ("fr-CA" → fr), or null. */
export function localeOf(tag: string): Locale | null {
  const lang = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(lang) ? lang : null;
}

/** The one fallback rule: the tag's language when supported ("fr-CA" → fr), else English. */
export function supportedLocale(tag: string): Locale {
  return localeOf(tag) ?? 'en';
}

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
