/**
 * Hono's bodyLimit for the requests that can carry a body. Hono's own middleware looks at the
 * request's body stream first, which makes @hono/node-server build a full web Request (with its
 * AbortSignal) for every GET too: about a tenth of a month-availability request's cost. A GET or
 * HEAD has no body here (the server ignores one), so it skips the check and keeps the light request.
 * Image uploads (decision 032) get their own, larger limit: 5 MB for the file plus room for the
 * multipart framing and the form's CSRF field.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_UPLOAD_BYTES } from '../app/images/image-processor.ts';
import { MAX_BODY_BYTES } from './validation.ts';

/** The routes that take an uploaded image: `…/services/{id}/image`, `…/staff/{id}/photo`. */
export const UPLOAD_PATH = /\/(?:services\/[^/]+\/image|staff\/[^/]+\/photo)$/;

export const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

export function limitBody(
  onError: (c: Context) => Response | Promise<Response>,
  onUploadError: (c: Context) => Response | Promise<Response> = onError,
): MiddlewareHandler {
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError });
  const upload = bodyLimit({ maxSize: MAX_UPLOAD_BODY_BYTES, onError: onUploadError });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return UPLOAD_PATH.test(c.req.path) ? upload(c, next) : limit(c, next);
  };
}

/** The answer to an oversized form on a page. */
export const formTooLarge = (c: Context) => c.text('The form is too large.', 413);
