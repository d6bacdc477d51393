/**
 * The message catalogue for a booking's locale. A tag without its own catalogue falls back to its
 * language ("en-US" → en), then to English, so an email is always written in one language.
 */
import * as catalogues from './catalogues.ts';
import { en } from './en.ts';

/** The shape every locale's catalogue has (that of the English one). */
export type Messages = typeof en;

const byTag: ReadonlyMap<string, Messages> = new Map(Object.entries(catalogues));

/** The catalogue for a locale tag ("fr", "fr-CA", "EN"); English for any tag without one. */
export function messagesFor(locale: string): Messages {
  const tag = locale.trim().toLowerCase().replaceAll('_', '-');
  return byTag.get(tag) ?? byTag.get(tag.split('-')[0] ?? '') ?? en;
}
