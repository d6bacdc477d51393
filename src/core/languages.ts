/**
 * The languages Slotwise speaks and the one fallback rule for a language tag ("fr-CA" → fr,
 * "pt-BR" → pt). It lives in the core because per-language content (localized.ts) chooses by the
 * same rule as the pages, emails and dashboard; src/i18n/locale.ts re-exports it for them, so
 * there is one rule, not two.
 */
export const LOCALES = ['en', 'fr', 'de', 'es', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];

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
