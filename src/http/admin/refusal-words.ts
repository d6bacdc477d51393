/**
 * A use case's refusal in the dashboard's language (issue 21). The use cases word their refusals
 * in English for the JSON API (API.md: English messages with machine codes); the dashboard words
 * them again from the machine code and its details (the wait, the seats left, the reason), never
 * from the English text.
 */
import type { ErrorCode, Refusal } from '../../app/result.ts';
import type { DashboardMessages } from '../../i18n/dashboard/index.ts';
import { own } from './language.ts';

/**
 * The codes no dashboard use case returns (public booking flow only: the email code, the hold,
 * the waitlist offer): their English message is shown as a last resort. refusal-words.test.ts
 * checks against the use cases the dashboard imports that none of these can reach it.
 */
export const PUBLIC_ONLY_CODES = [
  'BOOKING_NOT_PENDING',
  'HOLD_EXPIRED',
  'CODE_INVALID',
  'CODE_EXPIRED',
  'OFFER_EXPIRED',
] as const satisfies readonly ErrorCode[];

type PublicOnly = (typeof PUBLIC_ONLY_CODES)[number];
export type DashboardCode = Exclude<ErrorCode, PublicOnly>;

const isPublicOnly = (code: ErrorCode): code is PublicOnly => (PUBLIC_ONLY_CODES as readonly string[]).includes(code);

const count = (r: Refusal, key: string): number | null => {
  const n = r.details?.[key];
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

/** RATE_LIMITED's wait in words: seconds under 90, then whole minutes, then whole hours (rounded up). */
function wait(r: Refusal, t: DashboardMessages): string {
  const seconds = Math.max(1, Math.ceil(count(r, 'retryAfterSeconds') ?? 60));
  const minutes = Math.ceil(seconds / 60);
  const w = t.common.refusals;
  if (seconds < 90) return w.seconds(seconds);
  return minutes < 90 ? w.minutes(minutes) : w.hours(Math.ceil(minutes / 60));
}

/** What `details.reason` adds after the code's words ('' when it adds nothing the page can say). */
function reasonWords(r: Refusal, t: DashboardMessages): string {
  const w = t.common.refusals;
  const reason = typeof r.details?.reason === 'string' ? r.details.reason : '';
  const status = typeof r.details?.status === 'string' ? r.details.status : reason;
  if (reason === 'changed') return w.changed;
  if (reason === 'started') return w.started;
  if (reason === 'not_started') return w.notStarted;
  if (reason === 'not_confirmed') return w.notConfirmed;
  // A booking no longer active: the refusal names its status (reason, or `status` beside not_active).
  if (own(t.bookings.statuses, status)) return w.already(t.bookings.statuses[status]);
  return '';
}

/** The sentence for each code the dashboard can meet: the compiler checks none is missing. */
const WORDS: Record<DashboardCode, (r: Refusal, t: DashboardMessages) => string> = {
  VALIDATION_FAILED: (_, t) => t.common.refusals.VALIDATION_FAILED,
  UNAUTHORIZED: (_, t) => t.common.refusals.UNAUTHORIZED,
  FORBIDDEN: (_, t) => t.common.refusals.FORBIDDEN,
  NOT_FOUND: (_, t) => t.common.refusals.NOT_FOUND,
  SLOT_UNAVAILABLE: (r, t) => {
    const reason = typeof r.details?.reason === 'string' ? r.details.reason : '';
    return own(t.bookings.slotReasons, reason) ? t.bookings.slotReasons[reason] : t.common.refusals.SLOT_UNAVAILABLE;
  },
  RESCHEDULE_NOT_ALLOWED: (_, t) => t.common.refusals.RESCHEDULE_NOT_ALLOWED,
  CANCEL_NOT_ALLOWED: (_, t) => t.common.refusals.CANCEL_NOT_ALLOWED,
  PAYMENT_OPTION_NOT_ALLOWED: (_, t) => t.common.refusals.PAYMENT_OPTION_NOT_ALLOWED,
  IDEMPOTENCY_KEY_REUSED: (_, t) => t.common.refusals.IDEMPOTENCY_KEY_REUSED,
  RATE_LIMITED: (r, t) => t.common.refusals.RATE_LIMITED(wait(r, t)),
  PAYLOAD_TOO_LARGE: (_, t) => t.common.refusals.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: (_, t) => t.common.refusals.UNSUPPORTED_MEDIA_TYPE,
  BACKUP_NOT_AVAILABLE: (_, t) => t.common.refusals.BACKUP_NOT_AVAILABLE,
  URL_NOT_ALLOWED: (_, t) => t.common.refusals.URL_NOT_ALLOWED,
  SEATS_UNAVAILABLE: (r, t) => t.common.refusals.SEATS_UNAVAILABLE(count(r, 'seatsLeft') ?? 0),
  SERIES_CONFLICT: (r, t) => {
    const conflicts = r.details?.conflicts;
    return t.common.refusals.SERIES_CONFLICT(Array.isArray(conflicts) ? conflicts.length : 1);
  },
  OUTCOME_NOT_ALLOWED: (_, t) => t.common.refusals.OUTCOME_NOT_ALLOWED,
  INTERNAL: (_, t) => t.common.refusals.INTERNAL,
};

/** Whether the dashboard has its own words for a code (every code but PUBLIC_ONLY_CODES). */
export const wordedCode = (code: ErrorCode): code is DashboardCode => !isPublicOnly(code);

/** A refusal as one or two sentences in the page's language (its English message only for a public-only code). */
export function refusalWords(r: Refusal, t: DashboardMessages): string {
  if (!wordedCode(r.code)) return r.message;
  const said = WORDS[r.code](r, t);
  const why = r.code === 'SLOT_UNAVAILABLE' ? '' : reasonWords(r, t);
  return why ? `${said} ${why}` : said;
}
