/**
 * The dashboard's pages under /admin. Sign-in, "forgot password" and the emailed password links
 * need no session; everything registered after `requirePageActor` below does (no session: a
 * redirect to sign-in with `?next=`; a POST without its `_csrf`: 403).
 */
import { Hono } from 'hono';
import { formTooLarge, limitBody } from '../body-limit.ts';
import type { AppDeps } from '../deps.ts';
import { imagesPages } from '../images/images-pages.tsx';
import { accountPages } from './accounts/account.tsx';
import { forgotPage, submitForgot } from './accounts/forgot.tsx';
import { passwordLinkPage, submitPasswordLink } from './accounts/password.tsx';
import { signInPage, submitSignIn } from './accounts/sign-in.tsx';
import { type AdminEnv, requirePageActor } from './auth.ts';
import { bookingPages } from './bookings/booking-pages.tsx';
import { calendarPages } from './bookings/calendar.tsx';
import { calendarPages as externalCalendarPages } from './calendars/calendar-pages.tsx';
import { servicesPages } from './catalogue/services-pages.tsx';
import { reportPages } from './reports/reports-pages.tsx';
import { resourcesPages } from './resources/resources-pages.tsx';
import { settingsPages } from './settings/settings-pages.tsx';
import { staffPages } from './staff/staff-pages.tsx';
import { waitlistAdminPages } from './waitlist/waitlist-pages.tsx';
import { webhookPages } from './webhooks/webhooks-pages.tsx';

/** Dashboard pages: never cached (a key is shown once). Never framed: security-headers.ts. */
function pageHeaders(): Parameters<Hono<AdminEnv>['use']>[1] {
  return async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
}

export function adminPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', pageHeaders());
  app.use('*', limitBody(formTooLarge));

  // No session needed.
  app.get('/sign-in', (c) => signInPage(c, deps));
  app.post('/sign-in', (c) => submitSignIn(c, deps));
  app.get('/forgot', (c) => forgotPage(c, deps));
  app.post('/forgot', (c) => submitForgot(c, deps));
  app.get('/password/:token', (c) => passwordLinkPage(c, deps));
  app.post('/password/:token', (c) => submitPasswordLink(c, deps));

  // Everything below needs a signed-in session.
  app.use('*', requirePageActor(deps));
  app.route('/', accountPages(deps));
  app.route('/', calendarPages(deps));
  app.route('/', servicesPages(deps));
  app.route('/', resourcesPages(deps));
  app.route('/', staffPages(deps));
  app.route('/', externalCalendarPages(deps));
  app.route('/', settingsPages(deps));
  app.route('/', bookingPages(deps));
  app.route('/', webhookPages(deps));
  app.route('/', waitlistAdminPages(deps));
  app.route('/', reportPages(deps));
  app.route('/', imagesPages(deps));
  // A new feature's pages register here, behind the guard: a Hono<AdminEnv> router from its own
  // folder (admin/<feature>/), whose handlers render with AdminLayout (layout.tsx).

  return app;
}
