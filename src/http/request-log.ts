/**
 * Request ids and one log entry per request. The id is the caller's `X-Request-Id` when it is a
 * sane token (a load balancer's or a proxy's), else a new UUID; it is echoed in the response and
 * carried by every log line about the request. Logged paths never hold a manage token (the
 * client's only credential) and drop the query string, which may carry anything.
 *
 * Every response says how long the app took in a `Server-Timing: app;dur=<ms>` header (from the
 * request's arrival in the app to its response, serialisation included; not the socket write),
 * so a load test can tell the server's cost from its own client's noise (bench/http.ts, decision 037).
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

export interface RequestLogEntry {
  readonly requestId: string;
  readonly method: string;
  /** The path as loggedPath() shows it. */
  readonly path: string;
  readonly status: number;
  /** From the request's arrival to its response headers, in milliseconds. */
  readonly durationMs: number;
}

const SANE_ID = /^[A-Za-z0-9._~:@+=/-]{1,100}$/;

/** The caller's id when it is safe to echo and log, else a fresh one. */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && SANE_ID.test(header) ? header : randomUUID();
}

/**
 * The path fit for a log: the segment after any `manage` segment is a token and becomes `:token`,
 * and so is a calendar feed's file name (`/feeds/<token>.ics`) and a "my bookings" link's (`/my-bookings/<token>`).
 */
export function loggedPath(path: string): string {
  return path
    .replace(/(^|\/)manage\/[^/]+/gi, '$1manage/:token')
    .replace(/^\/feeds\/[^/]+/i, '/feeds/:token')
    .replace(/^\/admin\/password\/[^/]+/i, '/admin/password/:token')
    .replace(/^\/my-bookings\/[^/]+/i, '/my-bookings/:token')
    .slice(0, 300);
}

/** Sets the request id (context and response header) and reports each finished request to `log`. */
export function requestLog(log?: (entry: RequestLogEntry) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const requestId = requestIdFrom(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    await next();
    const elapsed = performance.now() - started;
    const durationMs = Math.round(elapsed * 10) / 10;
    // On the response's own headers: c.header() after the handler would rebuild the response as a
    // full web Response (a body stream and all), a cost every request would pay.
    c.res.headers.set('x-request-id', requestId);
    // To the hundredth of a millisecond: an uncached day view takes well under a tenth.
    c.res.headers.set('server-timing', `app;dur=${elapsed.toFixed(2)}`);
    log?.({ requestId, method: c.req.method, path: loggedPath(c.req.path), status: c.res.status, durationMs });
  };
}
