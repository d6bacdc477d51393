/**
 * The dashboard's catalogue for a locale (SPEC §12, issue 21): one area per feature folder of
 * src/http/admin (the same names), each with one file per language of the same shape as its
 * English one, so a missing wording does not compile. Chosen by the signed-in user's preference,
 * then the browser's Accept-Language, then the business language (http/admin/language.ts), with
 * the one fallback rule of locale.ts ("fr-CA" → fr, unknown → English).
 */
import { LOCALES, type Locale, supportedLocale } from '../../core/languages.ts';
import { accounts } from './accounts/index.ts';
import { bookings } from './bookings/index.ts';
import { calendars } from './calendars/index.ts';
import { catalogue } from './catalogue/index.ts';
import { clients } from './clients/index.ts';
import { common } from './common/index.ts';
import { feeds } from './feeds/index.ts';
import { formKit } from './form-kit/index.ts';
import { reports } from './reports/index.ts';
import { resources } from './resources/index.ts';
import { settings } from './settings/index.ts';
import { staff } from './staff/index.ts';
import { waitlist } from './waitlist/index.ts';
import { webhooks } from './webhooks/index.ts';

/** Every area, by the name pages read it under (`t.bookings.…`). */
export const AREAS = {
  common,
  accounts,
  bookings,
  calendars,
  catalogue,
  clients,
  feeds,
  formKit,
  reports,
  resources,
  settings,
  staff,
  waitlist,
  webhooks,
} as const;

type Areas = typeof AREAS;
export type DashboardMessages = { readonly [K in keyof Areas]: Areas[K]['en'] };

function catalogueOf(locale: Locale): DashboardMessages {
  const entries = Object.entries(AREAS).map(([name, byLocale]) => [name, byLocale[locale]]);
  return Object.fromEntries(entries) as DashboardMessages;
}

/** Built once per locale at load: a request picks one, nothing is assembled per request. */
const CATALOGUES = Object.fromEntries(LOCALES.map((l) => [l, catalogueOf(l)])) as Record<Locale, DashboardMessages>;

export function dashboardMessagesFor(locale: string): DashboardMessages {
  return CATALOGUES[supportedLocale(locale)];
}
