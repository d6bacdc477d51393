/**
 * The dashboard's frame: skip link, the business name, the navigation for the caller's role, who
 * is signed in with a sign-out button, and the session's CSRF token in a meta tag (for scripts
 * that call the JSON API with X-CSRF-Token). Server-rendered; works without script.
 *
 * Usage in a signed-in page handler (behind requirePageActor, see pages.tsx):
 *
 *   const shell = await shellOf(c, deps);
 *   return c.html(adminPage(
 *     <AdminLayout {...shell} title="Bookings" current="bookings">
 *       <h1>Bookings</h1>
 *       <form method="post" action="/admin/…"><Csrf token={shell.csrf} />…</form>
 *     </AdminLayout>,
 *   ));
 *
 * Every form that POSTs must carry <Csrf token={shell.csrf} /> (the guard answers 403 without it).
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { User } from '../../app/dashboard/accounts/account-store.ts';
import type { Actor } from '../../app/dashboard/actor.ts';
import { getBusiness } from '../../app/get-business.ts';
import type { Locale } from '../../core/languages.ts';
import type { DashboardMessages } from '../../i18n/dashboard/index.ts';
import type { AppDeps } from '../deps.ts';
import { ASSETS } from '../pages/assets.ts';
import type { AdminEnv } from './auth.ts';
import { DashboardWords } from './form-kit/words.ts';
import { dashboardLanguage } from './language.ts';

/** Which navigation entry a page belongs to ('staff' is "My schedule" for a staff member). */
export type NavKey =
  | 'calendar'
  | 'bookings'
  | 'reports'
  | 'waitlist'
  | 'services'
  | 'resources'
  | 'staff'
  | 'settings'
  | 'webhooks'
  | 'account';

export interface AdminLayoutProps {
  /** The page's name, used in <title> (pages write their own <h1>). */
  readonly title: string;
  /** The signed-in user; null on the pages before sign-in (no navigation is shown then). */
  readonly user: User | null;
  /** The caller; decides the navigation. Null before sign-in. */
  readonly actor: Actor | null;
  /** The session's CSRF token; '' before sign-in. */
  readonly csrf: string;
  /** The business name shown as the brand. */
  readonly businessName: string;
  /** The language the dashboard speaks to this request (language.ts) and its catalogue. */
  readonly locale: Locale;
  readonly t: DashboardMessages;
  /** The navigation entry to mark as current. */
  readonly current?: NavKey | null;
  /** Extra content for <head> (a page's own script or stylesheet, served by this app). */
  readonly head?: Child;
  readonly children?: Child;
}

/** The layout's props from a signed-in request (what requirePageActor left on the context). */
export async function shellOf(c: Context<AdminEnv>, deps: AppDeps) {
  const business = await getBusiness(deps);
  const user = c.get('user');
  return {
    user,
    actor: c.get('actor'),
    csrf: c.get('csrf'),
    businessName: business.name,
    ...dashboardLanguage(c, user, business.locale),
  };
}

/** The layout's props on the pages before sign-in (sign-in, forgotten password, password links). */
export async function entryShellOf(c: Context, deps: AppDeps) {
  const business = await getBusiness(deps);
  return {
    user: null,
    actor: null,
    csrf: '',
    businessName: business.name,
    ...dashboardLanguage(c, null, business.locale),
  };
}

/** The hidden CSRF field every dashboard form that POSTs carries. */
export const Csrf = ({ token }: { token: string }) => <input type="hidden" name="_csrf" value={token} />;

interface NavItem {
  readonly key: NavKey;
  readonly label: string;
  readonly href: string;
}

/** Admins see everything; a staff member their calendar, bookings, own schedule and account. */
export function navFor(actor: Actor, t: DashboardMessages): NavItem[] {
  const nav = t.common.nav;
  if (actor.role === 'staff') {
    return [
      { key: 'calendar', label: nav.calendar, href: '/admin' },
      { key: 'bookings', label: nav.bookings, href: '/admin/bookings' },
      { key: 'reports', label: nav.reports, href: '/admin/reports' },
      { key: 'staff', label: nav.mySchedule, href: `/admin/staff/${actor.staffId}` },
      { key: 'account', label: nav.account, href: '/admin/account' },
    ];
  }
  return [
    { key: 'calendar', label: nav.calendar, href: '/admin' },
    { key: 'bookings', label: nav.bookings, href: '/admin/bookings' },
    { key: 'reports', label: nav.reports, href: '/admin/reports' },
    { key: 'waitlist', label: nav.waitlist, href: '/admin/waitlist' },
    { key: 'services', label: nav.services, href: '/admin/services' },
    { key: 'resources', label: nav.resources, href: '/admin/resources' },
    { key: 'staff', label: nav.staff, href: '/admin/staff' },
    { key: 'settings', label: nav.settings, href: '/admin/settings' },
    { key: 'webhooks', label: nav.webhooks, href: '/admin/webhooks' },
    { key: 'account', label: nav.account, href: '/admin/account' },
  ];
}

export function AdminLayout(p: AdminLayoutProps) {
  const c = p.t.common;
  return (
    <html lang={c.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        {p.csrf ? <meta name="csrf-token" content={p.csrf} /> : null}
        <title>{c.pageTitle(p.title, p.businessName)}</title>
        <link rel="stylesheet" href={ASSETS.css} />
        <link rel="stylesheet" href={ASSETS.adminCss} />
        {p.head ?? null}
      </head>
      <body>
        <a class="skip" href="#main">
          {c.skipToContent}
        </a>
        <header class="admin-top">
          <a class="brand" href="/admin">
            {p.businessName}
          </a>
          {p.actor ? (
            <nav class="admin-nav" aria-label={c.navLabel}>
              <ul>
                {navFor(p.actor, p.t).map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.key === p.current ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {p.actor ? (
            <div class="admin-user">
              <span>{p.user ? p.user.name || p.user.email : c.apiKey}</span>
              <form method="post" action="/admin/sign-out">
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary">
                  {c.signOut}
                </button>
              </form>
            </div>
          ) : null}
        </header>
        <main id="main" class={p.actor ? 'admin-main' : 'admin-main entry'} tabindex={-1}>
          <DashboardWords.Provider value={p.t}>{p.children}</DashboardWords.Provider>
        </main>
      </body>
    </html>
  );
}

/** A whole dashboard page as HTML text. */
export const adminPage = (node: unknown) => `<!doctype html>${String(node)}`;
