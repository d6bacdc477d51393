/**
 * How the booking pages word things: times in a zone, status names, money, and what a refused
 * change says. Dashboard text is English (en-GB dates: "Mon 29 Mar 2027, 10:00").
 */
import type { BookingStatus } from '../../../app/model.ts';
import type { Refusal } from '../../../app/result.ts';
import { formatWallTime, instantToWall } from '../../../core/index.ts';
import { clockTime, formatMoney, fullMoment, shortMoment, shortSpan, zoneName } from '../../../i18n/format.ts';

export const LOCALE = 'en-GB';

export const STATUS_LABELS: Record<BookingStatus, string> = {
  pending_verification: 'Awaiting email code',
  awaiting_payment: 'Awaiting payment',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

/** "Mon 29 Mar 2027, 10:00–11:00" in a zone. */
export const when = (start: number, end: number, zone: string) => shortSpan(start, end, zone, LOCALE);

/** "Mon 29 Mar 2027, 10:00" in a zone. */
export const moment = (at: number, zone: string) => shortMoment(at, zone, LOCALE);

/** "Monday 29 March 2027 at 10:00" in a zone. */
export const longWhen = (at: number, zone: string) => fullMoment(at, zone, LOCALE);

/** "10:00" in a zone. */
export const clock = (at: number, zone: string) => clockTime(at, zone, LOCALE);

/** An instant as the values of a date input and a time input in a zone. */
export function wallParts(at: number, zone: string): { date: string; time: string } {
  const wall = instantToWall(at, zone);
  return { date: wall.date, time: formatWallTime(wall.minutes) };
}

export const money = (minor: number, currency: string) => formatMoney(minor, currency, LOCALE);

/** "America/New_York" → "America/New York". */
export const zoneLabel = zoneName;

const SLOT_REASONS: Record<string, string> = {
  past: 'That time is in the past.',
  beyond_horizon: 'That date is beyond the booking horizon.',
  too_soon: 'That time is within the minimum notice.',
  day_off: 'The staff member is off that day.',
  not_worked: 'The staff member does not work at that time.',
  not_offered: 'That time is not one of the offered slots (outside working hours or off the slot grid).',
  taken: 'That time is taken: it overlaps another booking of the staff member.',
};

/** What a refused booking change says on a page: the slot rule broken in plain words, else the use case's message. */
export function refusalText(r: Refusal, canSkip: boolean): string {
  const reason = typeof r.details?.reason === 'string' ? r.details.reason : '';
  if (r.code === 'SLOT_UNAVAILABLE' && SLOT_REASONS[reason]) {
    const skippable = canSkip && (reason === 'beyond_horizon' || reason === 'too_soon');
    return skippable
      ? `${SLOT_REASONS[reason]} Tick “Skip notice and horizon” to book it anyway.`
      : SLOT_REASONS[reason];
  }
  return r.message;
}

/** "a real date YYYY-MM-DD" → "A real date YYYY-MM-DD." (the schemas' field messages, as sentences). */
export function sentence(text: string): string {
  if (!text) return text;
  const cap = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(cap) ? cap : `${cap}.`;
}

/** A refusal's or a schema's field messages as sentences, under the page's field names. */
export function fieldErrors(
  fields: Readonly<Record<string, unknown>>,
  rename: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const name = rename[path] ?? path;
    if (typeof message === 'string' && !(name in out)) out[name] = sentence(message);
  }
  return out;
}
