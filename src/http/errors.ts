/** The one table from refusal codes to HTTP statuses (API.md), and the error body shape. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, Refusal } from '../app/result.ts';

export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SLOT_UNAVAILABLE: 409,
  RESCHEDULE_NOT_ALLOWED: 409,
  CANCEL_NOT_ALLOWED: 409,
  BOOKING_NOT_PENDING: 409,
  HOLD_EXPIRED: 410,
  PAYMENT_OPTION_NOT_ALLOWED: 422,
  CODE_INVALID: 422,
  CODE_EXPIRED: 410,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Server mode: the database is not this process's to copy; pg_dump backs it up (docs/DEPLOY.md).
  BACKUP_NOT_AVAILABLE: 501,
  URL_NOT_ALLOWED: 400,
  // SPEC §9: a session with fewer seats left than asked; a series with an occurrence that cannot be booked.
  SEATS_UNAVAILABLE: 409,
  SERIES_CONFLICT: 409,
  // Marking a booking that has not started (or still waits for its code or payment) completed or
  // no-show (SPEC §10.3 "a future one: 409"); extends API.md's table (decision 029).
  OUTCOME_NOT_ALLOWED: 409,
  // SPEC §9.3: a waitlist offer that lapsed, or was declined or accepted already.
  OFFER_EXPIRED: 410,
  INTERNAL: 500,
};

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return { error: details ? { code, message, details } : { code, message } };
}

/** A RATE_LIMITED refusal's wait as `Retry-After` (API and pages alike); other refusals: nothing. */
export function setRetryAfter(c: Context, r: Refusal): void {
  const wait = r.details?.retryAfterSeconds;
  if (r.code === 'RATE_LIMITED') c.header('Retry-After', String(typeof wait === 'number' ? wait : 60));
}

/** Sends a refusal as `{error: {code, message, details}}` with its status. */
export function sendRefusal(c: Context, r: Refusal): Response {
  setRetryAfter(c, r);
  return c.json(errorBody(r.code, r.message, r.details), STATUS[r.code]);
}

export function sendError(c: Context, code: ErrorCode, message: string, details?: Record<string, unknown>): Response {
  return c.json(errorBody(code, message, details), STATUS[code]);
}
