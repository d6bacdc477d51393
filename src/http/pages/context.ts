/**
 * What every public page needs, resolved once per request: the language (query, cookie,
 * Accept-Language, business default — a `?lang=` choice is remembered in a cookie), its
 * catalogue, the business, the viewer's time zone (query, cookie set by the page script from the
 * browser, business zone) and now.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { bookingIn, businessIn } from '../../app/content-language.ts';
import { getBusiness } from '../../app/get-business.ts';
import type { Booking, Business } from '../../app/model.ts';
import { canonicalTimeZone } from '../../core/index.ts';
import { type Locale, localeOf, negotiateLocale } from '../../i18n/locale.ts';
import { type PageMessages, pageMessagesFor } from '../../i18n/page-messages.ts';
import type { AppDeps } from '../deps.ts';

export interface PageContext {
  readonly locale: Locale;
  readonly m: PageMessages;
  readonly business: Business;
  /** The zone times are shown in. */
  readonly tz: string;
  /** Whether that zone was chosen (`?tz=`, a form's), not guessed: a first visit's script leaves it alone. */
  readonly tzChosen: boolean;
  readonly now: number;
  /** The request's path and query, to build the language switcher's links. */
  readonly url: URL;
}

const YEAR = 365 * 24 * 3600;

export async function pageContext(c: Context, deps: AppDeps, opts: { tz?: string } = {}): Promise<PageContext> {
  const business = await getBusiness(deps);
  const query = c.req.query('lang');
  const locale = negotiateLocale({
    query,
    cookie: getCookie(c, 'lang'),
    acceptLanguage: c.req.header('accept-language'),
    fallback: business.locale,
  });
  if (query && localeOf(query) === locale) {
    // Read by the server only; Secure behind https like every cookie of this site.
    const secure = deps.publicUrl.startsWith('https://');
    setCookie(c, 'lang', locale, { path: '/', maxAge: YEAR, sameSite: 'Lax', httpOnly: true, secure });
  }
  const chosen = zoneOf(opts.tz ?? c.req.query('tz'));
  const tz = chosen ?? zoneOf(getCookie(c, 'tz')) ?? business.timezone;
  return {
    locale,
    m: pageMessagesFor(locale),
    // The staff label in the page's language (SPEC §12); the rest of the business is one text.
    business: businessIn(business, locale),
    tz,
    tzChosen: chosen !== null,
    now: deps.clock.now(),
    url: new URL(c.req.url),
  };
}

/** A booking's service name in the page's language (SPEC §12). */
export const serviceNameOf = (ctx: PageContext, b: Pick<Booking, 'serviceName' | 'serviceNameWordings'>): string =>
  bookingIn(b, ctx.locale, ctx.business.locale).serviceName;

function zoneOf(raw: string | undefined): string | null {
  if (!raw || raw.length > 64) return null;
  return canonicalTimeZone(raw);
}

/** The current URL with some query parameters replaced (null removes one). */
export function withQuery(url: URL, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(url.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) next.delete(k);
    else next.set(k, v);
  }
  const q = next.toString();
  // A path such as "//evil.example" would be a link to another host: keep one leading slash.
  const path = url.pathname.replace(/^\/+/, '/');
  return q ? `${path}?${q}` : path;
}
