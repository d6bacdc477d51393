/**
 * Security headers on every response, decided in one place:
 *
 * - every response: `X-Content-Type-Options: nosniff`; `Referrer-Policy: same-origin` (manage
 *   links, calendar feeds and password links carry their credential in the path, so no other
 *   site — the payment gateway included — is ever sent a Referer; a handler may ask for less,
 *   as the password pages do with `no-referrer`); HSTS when PUBLIC_URL is https.
 * - HTML: a Content-Security-Policy. Scripts only from this site (`script-src 'self'`: pages
 *   use `<script src>`, no `on…` handler), plus on public pages the one inline first-visit zone
 *   script, allowed by its sha256 hash (decision 028), so an injected inline script still never runs. Styles also allow
 *   'unsafe-inline': pages carry `style` attributes (a service's colour), FullCalendar injects
 *   `<style>`, the demo gateway and dev mailbox have one, and the mailbox's sandboxed frames
 *   inherit this policy while showing email HTML, which is styled inline only. Images and fonts
 *   may also be data: URLs (swagger-ui's icons, FullCalendar's icon font). Forms may post to
 *   this site, and on public pages also to the payment gateway's origin: the details form and the
 *   code form answer with a redirect there, and browsers check form-action on that redirect.
 *   Framing: the dashboard never (`frame-ancestors 'none'`, `X-Frame-Options: DENY`); public
 *   pages by FRAME_ANCESTORS (default 'self'), with the legacy X-Frame-Options only where it can
 *   say the same thing. Behind https, also `Cross-Origin-Opener-Policy: same-origin` (no other
 *   window keeps a handle on ours).
 * - everything else (JSON, calendar files, assets, redirects): `default-src 'none';
 *   frame-ancestors 'none'`, so nothing served as data ever runs or renders as a page.
 */
import type { MiddlewareHandler } from 'hono';
import { getBusiness } from '../app/get-business.ts';
import type { AppDeps } from './deps.ts';
import { FIRST_ZONE_HASH } from './pages/first-zone.ts';

const ADMIN_PATH = /^\/admin(\/|$)/;
export const DEFAULT_FRAME_ANCESTORS: readonly string[] = ["'self'"];
export const HSTS = 'max-age=31536000; includeSubDomains';
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The page policy, with the origins forms may be sent to and the origins that may frame the page. */
export function pagePolicy(
  formTargets: readonly string[],
  frameAncestors: readonly string[],
  inlineScripts: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...inlineScripts].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${["'self'", ...formTargets].join(' ')}`,
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}

/** X-Frame-Options saying what frame-ancestors says, or null when it cannot (other sites allowed). */
export function frameOptions(frameAncestors: readonly string[]): string | null {
  if (frameAncestors.length !== 1) return null;
  if (frameAncestors[0] === "'none'") return 'DENY';
  if (frameAncestors[0] === "'self'") return 'SAMEORIGIN';
  return null;
}

/** The origin of the business's payment gateway when it is on another site, else null. */
function gatewayOrigin(paymentUrl: string | null, publicUrl: string): string | null {
  if (!paymentUrl || !URL.canParse(paymentUrl)) return null;
  const { origin } = new URL(paymentUrl);
  return origin === 'null' || origin === new URL(publicUrl).origin ? null : origin;
}

export function securityHeaders(deps: AppDeps): MiddlewareHandler {
  const hsts = deps.publicUrl.startsWith('https://');
  const publicAncestors = deps.frameAncestors ?? DEFAULT_FRAME_ANCESTORS;
  const publicFrameOptions = frameOptions(publicAncestors);
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'same-origin');
    if (hsts) headers.set('Strict-Transport-Security', HSTS);
    if (!(headers.get('content-type') ?? '').toLowerCase().startsWith('text/html')) {
      headers.set('Content-Security-Policy', DATA_CSP);
      return;
    }
    // Browsers ignore COOP outside secure contexts, and say so as a console error on every page.
    if (hsts) headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (ADMIN_PATH.test(c.req.path)) {
      headers.set('Content-Security-Policy', pagePolicy([], ["'none'"]));
      headers.set('X-Frame-Options', 'DENY');
      return;
    }
    const gateway = gatewayOrigin((await getBusiness(deps)).paymentUrl, deps.publicUrl);
    headers.set('Content-Security-Policy', pagePolicy(gateway ? [gateway] : [], publicAncestors, [FIRST_ZONE_HASH]));
    if (publicFrameOptions) headers.set('X-Frame-Options', publicFrameOptions);
    else headers.delete('X-Frame-Options');
  };
}
