/**
 * The email catalogue for a booking's locale, by the one fallback rule (locale.ts): a tag's
 * language when supported ("fr-CA" → fr), else English, so an email is always written in one language.
 */
import { de } from './de.ts';
import { en, type Messages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { type Locale, supportedLocale } from './locale.ts';
import { pt } from './pt.ts';

export type { Messages };

/** One catalogue per supported locale: a locale added to LOCALES without one does not compile. */
const CATALOGUES: Readonly<Record<Locale, Messages>> = { en, fr, de, es, pt };

export function messagesFor(locale: string): Messages {
  return CATALOGUES[supportedLocale(locale)];
}
