/** The page catalogue for a locale, by the same fallback rule as emails (locale.ts): "fr-CA" → fr, unknown → English. */
import { type Locale, supportedLocale } from './locale.ts';
import { de } from './pages/de.ts';
import { en, type PageMessages } from './pages/en.ts';
import { es } from './pages/es.ts';
import { fr } from './pages/fr.ts';
import { pt } from './pages/pt.ts';

export type { PageMessages };

/** One catalogue per supported locale: a locale added to LOCALES without one does not compile. */
const CATALOGUES: Readonly<Record<Locale, PageMessages>> = { en, fr, de, es, pt };

export function pageMessagesFor(locale: string): PageMessages {
  return CATALOGUES[supportedLocale(locale)];
}
