/** The page catalogue for a locale (English for any locale without one). */
import { de } from './pages/de.ts';
import { en } from './pages/en.ts';
import { es } from './pages/es.ts';
import { fr } from './pages/fr.ts';

export type PageMessages = typeof en;

const catalogues: Readonly<Record<string, PageMessages>> = { en, fr, de, es };

export function pageMessagesFor(locale: string): PageMessages {
  // Own keys only: "constructor" or "toString" are not locales.
  return (Object.hasOwn(catalogues, locale) ? catalogues[locale] : undefined) ?? en;
}
