/**
 * Hono's bodyLimit for the requests that can carry a body. Hono's own middleware looks at the
 * request's body stream first, which makes @hono/node-server build a full web Request (with its
 * AbortSignal) for every GET too: about a tenth of a month-availability request's cost. A GET or
 * HEAD has no body here (the server ignores one), so it skips the check and keeps the light request.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_BODY_BYTES } from './validation.ts';

export function limitBody(onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}

/** The answer to an oversized form on a page. */
export const formTooLarge = (c: Context) => c.text('The form is too large.', 413);
