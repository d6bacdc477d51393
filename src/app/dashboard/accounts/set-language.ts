/**
 * A signed-in user's dashboard language (SPEC §12): one of the languages the product speaks, or
 * none to follow the browser's Accept-Language. An API key has no user, so no preference.
 */
import { isLocale, type Locale } from '../../../core/languages.ts';
import type { Clock, Store } from '../../ports.ts';
import { invalid, ok, type Result, refuse } from '../../result.ts';
import type { Actor } from '../actor.ts';

export async function setLanguage(
  deps: { store: Pick<Store, 'setUserLocale'>; clock: Clock },
  actor: Actor,
  language: string,
): Promise<Result<Locale | null>> {
  if (actor.userId === null)
    return refuse('FORBIDDEN', 'An API key has no dashboard language; sign in to choose yours.');
  const locale = language === '' ? null : isLocale(language) ? language : undefined;
  if (locale === undefined) return invalid('Invalid locale.', { locale: 'is not a language the dashboard speaks' });
  await deps.store.setUserLocale(actor.userId, locale, deps.clock.now());
  return ok(locale);
}
