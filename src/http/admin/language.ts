/**
 * Which language the dashboard speaks to a request (SPEC §12): the signed-in user's choice, then
 * the browser's Accept-Language, then the business language — by the one fallback rule of
 * i18n/locale.ts ("fr-CA" → fr, "pt-BR" → pt, unknown → English).
 */
import type { Context } from 'hono';
import type { User } from '../../app/dashboard/accounts/account-store.ts';
import { getBusiness } from '../../app/get-business.ts';
import type { Locale } from '../../core/languages.ts';
import { type DashboardMessages, dashboardMessagesFor } from '../../i18n/dashboard/index.ts';
import { fromAcceptLanguage, supportedLocale } from '../../i18n/locale.ts';
import type { AppDeps } from '../deps.ts';
import type { AdminEnv } from './auth.ts';

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

/** The request's dashboard catalogue, for a handler that words an error before rendering. */
export async function wordsOf(c: Context<AdminEnv>, deps: AppDeps): Promise<DashboardMessages> {
  return dashboardLanguage(c, c.get('user'), (await getBusiness(deps)).locale).t;
}

/** Whether a run-time key names one of a table's own wordings (not "constructor" or "toString"). */
export const own = <T extends object>(table: T, key: string): key is Extract<keyof T, string> =>
  Object.hasOwn(table, key);
