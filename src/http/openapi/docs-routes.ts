/**
 * GET /api/v1/openapi.json (the document) and GET /api/docs (Swagger UI, served from the
 * swagger-ui-dist package: no CDN, no inline script). Swagger UI has no translations (its
 * issue 2488), so "its locale" is what this frame can give: the page's `lang` and its own words,
 * by the pages' rule (`?lang=`, the cookie, Accept-Language; English by default).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { negotiateLocale } from '../../i18n/locale.ts';
import { pageMessagesFor } from '../../i18n/page-messages.ts';
import { CLIENT_DATA_ROUTES } from '../admin/clients/openapi.ts';
import { ADMIN_ROUTES } from './admin-routes.ts';
import { openApiDocument } from './document.ts';
import { PUBLIC_ROUTES } from './public-routes.ts';
import type { RouteDoc } from './route-doc.ts';

export const DOCUMENTED_ROUTES: readonly RouteDoc[] = [...PUBLIC_ROUTES, ...ADMIN_ROUTES, ...CLIENT_DATA_ROUTES];

const uiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const UI_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};
const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
});
`;

export function docsRoutes(publicUrl: string): Hono {
  const app = new Hono();
  let document: string | null = null;
  app.get('/api/v1/openapi.json', (c) => {
    document ??= JSON.stringify(openApiDocument(DOCUMENTED_ROUTES, `${publicUrl}`));
    return c.body(document, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
  app.get('/api/docs', (c) => {
    const locale = negotiateLocale({
      query: c.req.query('lang'),
      cookie: getCookie(c, 'lang'),
      acceptLanguage: c.req.header('accept-language'),
      fallback: 'en',
    });
    const m = pageMessagesFor(locale);
    return c.html(html`<!doctype html>
<html lang="${m.lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${m.apiDocs.title}</title>
    <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <main id="swagger-ui"><p>${m.apiDocs.loading} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></main>
    <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/api/docs/assets/init.js"></script>
  </body>
</html>`);
  });
  app.get('/api/docs/assets/init.js', (c) =>
    c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }),
  );
  const cache = new Map<string, Buffer>();
  app.get('/api/docs/assets/:file', (c) => {
    const name = c.req.param('file');
    // Own keys only: "__proto__" or "constructor" would find Object's and ask the disk for them.
    const type = Object.hasOwn(UI_FILES, name) ? UI_FILES[name] : undefined;
    if (!type) return c.notFound();
    let body = cache.get(name);
    if (!body) {
      body = readFileSync(join(uiDir, name));
      cache.set(name, body);
    }
    return c.body(new Uint8Array(body), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
  return app;
}
