/**
 * Which language the dashboard speaks to a request (SPEC §12): the signed-in user's choice, then
 * the browser's Accept-Language, then the business language — by the one fallback rule of
 * i18n/locale.ts ("fr-CA" → fr, "pt-BR" → pt, unknown → English).
 */
import type { Context } from 'hono';
import type { User } from '../../app/dashboard/accounts/account-store.ts';
import type { Locale } from '../../core/languages.ts';
import { type DashboardMessages, dashboardMessagesFor } from '../../i18n/dashboard/index.ts';
import { fromAcceptLanguage, supportedLocale } from '../../i18n/locale.ts';

export function dashboardLocale(user: User | null, acceptLanguage: string | undefined, businessLocale: string): Locale {
  return user?.locale ?? fromAcceptLanguage(acceptLanguage) ?? supportedLocale(businessLocale);
}

/** The request's dashboard language and its catalogue (`t`, read as `t.bookings.title`). */
export function dashboardLanguage(
  c: Context,
  user: User | null,
  businessLocale: string,
): { readonly locale: Locale; readonly t: DashboardMessages } {
  const locale = dashboardLocale(user, c.req.header('accept-language'), businessLocale);
  return { locale, t: dashboardMessagesFor(locale) };
}
