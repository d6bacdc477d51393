/**
 * GET /images/{sha256}.webp: a stored image from the product's origin. The name is the hash of
 * the bytes, so the answer for a name never changes: browsers and proxies may keep it a year
 * without asking again (`immutable`). `nosniff` and the data CSP (security-headers.ts) and the
 * fixed content type keep a browser from reading the bytes as anything but an image.
 */
import type { Context } from 'hono';
import { getImage } from '../../app/images/get-image.ts';
import type { AppDeps } from '../deps.ts';

const NAME = /^([0-9a-f]{64})\.webp$/;

export async function serveImage(c: Context, deps: AppDeps): Promise<Response> {
  const id = NAME.exec(c.req.param('file') ?? '')?.[1];
  const image = id ? await getImage(deps, id) : null;
  if (!image) return c.text('No such image.', 404, { 'Cache-Control': 'no-store' });
  const etag = `"${id}"`;
  const headers = {
    'Content-Type': image.contentType,
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: etag,
  };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(new Uint8Array(image.bytes), 200, headers);
}
