/**
 * Hono's bodyLimit for the requests that can carry a body. Hono's own middleware looks at the
 * request's body stream first, which makes @hono/node-server build a full web Request (a
 * ReadableStream over the socket, an AbortSignal, undici's Request and Headers) for every request
 * it sees: about a tenth of a month-availability request's cost, and ~0.1 ms of a booking's.
 * So the limit is decided from the headers where they settle it, and the body is then read by
 * node-server's direct path (`arrayBuffer()` from the socket, no stream):
 * - a GET or HEAD has no body here (the server ignores one): no check;
 * - a declared Content-Length without Transfer-Encoding is what Node's parser reads, no more:
 *   over the limit is refused before a byte is read, as Hono's middleware does;
 * - anything else (a chunked body, neither header) goes through Hono's middleware, which streams
 *   the body and stops reading past the limit.
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

/** A Content-Length as Node's parser takes it (digits only); anything else goes the streamed way. */
const DIGITS = /^\d+$/;

export function limitBody(
  onError: (c: Context) => Response | Promise<Response>,
  onUploadError: (c: Context) => Response | Promise<Response> = onError,
): MiddlewareHandler {
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError });
  const upload = bodyLimit({ maxSize: MAX_UPLOAD_BODY_BYTES, onError: onUploadError });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const isUpload = UPLOAD_PATH.test(c.req.path);
    const length = c.req.header('content-length');
    if (length !== undefined && DIGITS.test(length) && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > (isUpload ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES))
        return Promise.resolve((isUpload ? onUploadError : onError)(c));
      return next();
    }
    return isUpload ? upload(c, next) : limit(c, next);
  };
}

/** The answer to an oversized form on a page. */
export const formTooLarge = (c: Context) => c.text('The form is too large.', 413);
