/**
 * The language of the public API's answers about content the business wrote (SPEC §12: service
 * names and descriptions, the staff label): the pages' rule — `?lang=`, the `lang` cookie,
 * Accept-Language, then the business language. The answer varies with them, so caches are told.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { type Locale, negotiateLocale } from '../../i18n/locale.ts';

export function apiLocale(c: Context, businessLocale: string): Locale {
  c.header('Vary', 'Accept-Language, Cookie', { append: true });
  return negotiateLocale({
    query: c.req.query('lang'),
    cookie: getCookie(c, 'lang'),
    acceptLanguage: c.req.header('accept-language'),
    fallback: businessLocale,
  });
}
