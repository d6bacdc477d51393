/**
 * GET /embed.js: the one-tag embed (decision 028). Its URL has no content hash — host sites
 * write it once in their pages — so browsers revalidate it after an hour instead of a year.
 */
import { readFileSync } from 'node:fs';
import type { Context } from 'hono';
import { SRC } from '../../source-root.ts';

export const EMBED_JS = readFileSync(new URL('http/assets/embed.js', SRC), 'utf8');

export function embedScript(c: Context) {
  return c.body(EMBED_JS, 200, {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=3600',
    // Loaded by other sites' pages with <script src>: no CORS needed, nothing else to allow.
  });
}
