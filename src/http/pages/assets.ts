/**
 * The pages' stylesheet and script, read once at start and served with a content hash in their
 * URL, so browsers may cache them for a year and a new version is fetched at once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';

const read = (name: string) => readFileSync(new URL(`../assets/${name}`, import.meta.url), 'utf8');
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

const FILES = {
  'app.css': { body: read('app.css'), type: 'text/css; charset=utf-8' },
  'booker.js': { body: read('booker.js'), type: 'text/javascript; charset=utf-8' },
} as const;

export const ASSETS = {
  css: `/assets/app.css?v=${hashOf(FILES['app.css'].body)}`,
  js: `/assets/booker.js?v=${hashOf(FILES['booker.js'].body)}`,
};

export function assetRoutes(): Hono {
  const assets = new Hono();
  for (const [name, file] of Object.entries(FILES)) {
    assets.get(`/${name}`, (c) =>
      c.body(file.body, 200, { 'content-type': file.type, 'cache-control': 'public, max-age=31536000, immutable' }),
    );
  }
  return assets;
}
