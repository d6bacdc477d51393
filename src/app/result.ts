/**
 * Refusals are values, bugs are exceptions (STYLE 8). A use case returns Ok or a Refusal whose
 * code is one of API.md's; http/errors.ts alone maps codes to statuses.
 */

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'SLOT_UNAVAILABLE'
  | 'RESCHEDULE_NOT_ALLOWED'
  | 'CANCEL_NOT_ALLOWED'
  | 'BOOKING_NOT_PENDING'
  | 'HOLD_EXPIRED'
  | 'PAYMENT_OPTION_NOT_ALLOWED'
  | 'CODE_INVALID'
  | 'CODE_EXPIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BACKUP_NOT_AVAILABLE'
  | 'URL_NOT_ALLOWED'
  | 'SEATS_UNAVAILABLE'
  | 'SERIES_CONFLICT'
  | 'OUTCOME_NOT_ALLOWED'
  | 'OFFER_EXPIRED'
  | 'INTERNAL';

export interface Refusal {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | Refusal;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const refuse = (code: ErrorCode, message: string, details?: Record<string, unknown>): Refusal =>
  details ? { ok: false, code, message, details } : { ok: false, code, message };

/** A VALIDATION_FAILED refusal listing the offending fields. */
export const invalid = (message: string, fields: Record<string, string>): Refusal =>
  refuse('VALIDATION_FAILED', message, { fields });
