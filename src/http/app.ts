/**
 * createApp(deps): the whole HTTP surface as a Hono app. It never listens (main.ts or a test
 * does), so it can be driven with app.request() or mounted as a fetch handler in another server.
 */
import { Hono } from 'hono';
import { signalQueuedJobs } from '../app/signal-queued-jobs.ts';
import { adminApi } from './admin/api.ts';
import { feedRoutes } from './admin/feeds/feed-route.ts';
import { adminPages } from './admin/pages.tsx';
import { devApi } from './api/dev.ts';
import { manageApi } from './api/manage.ts';
import { myBookingsApi } from './api/my-bookings.ts';
import { paymentsApi } from './api/payments.ts';
import { publicApi } from './api/public.ts';
import { waitlistApi } from './api/waitlist.ts';
import { formTooLarge, limitBody } from './body-limit.ts';
import type { AppDeps } from './deps.ts';
import { errorBody, sendError } from './errors.ts';
import { healthRoutes } from './health.ts';
import { uploadTooLargeMessage } from './images/read-upload.ts';
import { serveImage } from './images/serve-image.ts';
import { docsRoutes } from './openapi/docs-routes.ts';
import { assetRoutes } from './pages/assets.ts';
import { bookPage } from './pages/book.tsx';
import { pageContext } from './pages/context.ts';
import { demoGateway } from './pages/demo-gateway.tsx';
import { detailsPage, submitDetails } from './pages/details.tsx';
import { devMailboxPage } from './pages/dev-mailbox.tsx';
import { embedScript } from './pages/embed.ts';
import { manageActions } from './pages/manage-actions.tsx';
import { myBookingsPages } from './pages/my-bookings.tsx';
import { returnPage } from './pages/return.tsx';
import { notFoundPage, servicesPage } from './pages/services.tsx';
import { waitlistPages } from './pages/waitlist.tsx';
import { submitJoin } from './pages/waitlist-join.tsx';
import { rateLimitByAddress } from './rate-limit.tsx';
import { loggedPath, requestLog } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';
import { MAX_BODY_BYTES } from './validation.ts';

export type { AppDeps, Readiness } from './deps.ts';

export function createApp(given: AppDeps): Hono {
  // The composition: every route reaches the store only through the use cases it hands `deps` to,
  // and any change that queued jobs wakes the worker once committed, whichever route made it.
  const deps: AppDeps = given.jobsQueued ? { ...given, store: signalQueuedJobs(given.store, given.jobsQueued) } : given;
  const app = new Hono();

  app.onError((error, c) => {
    deps.logError(error, { method: c.req.method, path: loggedPath(c.req.path), requestId: c.get('requestId') });
    return c.json(errorBody('INTERNAL', 'Something went wrong on our side. Please try again.'), 500);
  });

  app.notFound(async (c) => {
    if (c.req.path.startsWith('/api/')) return sendError(c, 'NOT_FOUND', `No endpoint ${c.req.method} ${c.req.path}.`);
    const ctx = await pageContext(c, deps);
    return notFoundPage(c, ctx, ctx.m.error.notFound);
  });

  app.use('*', requestLog(deps.logRequest));
  app.use('*', securityHeaders(deps));
  app.route('/', healthRoutes(deps));
  app.use('*', rateLimitByAddress(deps));

  // Past the limit is 413: from a declared Content-Length before reading, else while streaming (body-limit.ts).
  app.use(
    '/api/*',
    limitBody(
      (c) => sendError(c, 'PAYLOAD_TOO_LARGE', `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`),
      (c) => sendError(c, 'PAYLOAD_TOO_LARGE', uploadTooLargeMessage),
    ),
  );
  // The public pages' forms too (the dashboard's have their own): without it a huge form was read whole.
  for (const forms of ['/book/*', '/manage/*', '/demo/*', '/my-bookings', '/my-bookings/*', '/waitlist/*']) {
    app.use(forms, limitBody(formTooLarge));
  }
  app.route('/', docsRoutes(deps.publicUrl));
  app.route('/api/v1/admin', adminApi(deps));
  app.route('/api/v1', publicApi(deps));
  app.route('/api/v1/manage', manageApi(deps));
  app.route('/api/v1/payments', paymentsApi(deps));
  app.route('/api/v1/my-bookings', myBookingsApi(deps));
  app.route('/api/v1/waitlist', waitlistApi(deps));
  app.route('/assets', assetRoutes());
  app.get('/images/:file', (c) => serveImage(c, deps));
  app.get('/embed.js', embedScript);
  app.get('/', (c) => servicesPage(c, deps));
  app.get('/book/:slug', (c) => bookPage(c, deps));
  app.get('/book/:slug/details', (c) => detailsPage(c, deps));
  app.post('/book/:slug/details', (c) => submitDetails(c, deps));
  app.post('/book/:slug/waitlist', (c) => submitJoin(c, deps));
  app.route('/manage', manageActions(deps));
  app.get('/return/:reference', (c) => returnPage(c, deps));
  app.route('/my-bookings', myBookingsPages(deps));
  app.route('/waitlist', waitlistPages(deps));
  app.route('/admin', adminPages(deps));
  app.route('/feeds', feedRoutes(deps));
  if (deps.devMailbox) {
    const mailbox = deps.devMailbox;
    app.route('/api/v1/dev', devApi(mailbox));
    app.get('/dev/mailbox', async (c) => c.html(await devMailboxPage(mailbox, c.req.query('to'))));
  }
  if (deps.demoGateway) {
    // The demo's stand-in gateway calls the real callback endpoint, in-process.
    const callback = (body: string, signature: string) =>
      Promise.resolve(
        app.request('/api/v1/payments/callback', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-slotwise-signature': signature },
          body,
        }),
      );
    app.route('/demo/gateway', demoGateway(deps, callback));
  }
  return app;
}
