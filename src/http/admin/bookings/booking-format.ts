import type { Refusal } from '../../../app/result.ts';
import { formatWallTime, instantToWall } from '../../../core/index.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { clockTime, formatMoney, fullMoment, shortMoment, shortSpan, zoneName } from '../../../i18n/format.ts';
import { plainMessage } from '../form-kit/form-body.ts';
import { localProblem } from '../form-kit/words.ts';
import { own } from '../language.ts';
import { refusalWords } from '../refusal-words.ts';

/** "Mon 29 Mar 2027, 10:00–11:00" in a zone. */
export const when = (start: number, end: number, zone: string, locale: string) => shortSpan(start, end, zone, locale);

/** "Mon 29 Mar 2027, 10:00" in a zone. */
export const moment = (at: number, zone: string, locale: string) => shortMoment(at, zone, locale);

/** "Monday 29 March 2027 at 10:00" in a zone. */
export const longWhen = (at: number, zone: string, locale: string) => fullMoment(at, zone, locale);

/** "10:00" in a zone. */
export const clock = (at: number, zone: string, locale: string) => clockTime(at, zone, locale);

/** An instant as the values of a date input and a time input in a zone. */
export function wallParts(at: number, zone: string): { date: string; time: string } {
  const wall = instantToWall(at, zone);
  return { date: wall.date, time: formatWallTime(wall.minutes) };
}

export const money = (minor: number, currency: string, locale: string) => formatMoney(minor, currency, locale);

/** "America/New_York" → "America/New York". */
export const zoneLabel = zoneName;

/** What a refused booking change says on a page: the slot rule broken in plain words, else the refusal's words. */
export function refusalText(r: Refusal, canSkip: boolean, t: DashboardMessages): string {
  const reason = typeof r.details?.reason === 'string' ? r.details.reason : '';
  const said = own(t.bookings.slotReasons, reason) ? t.bookings.slotReasons[reason] : undefined;
  if (r.code === 'SLOT_UNAVAILABLE' && said) {
    const skippable = canSkip && (reason === 'beyond_horizon' || reason === 'too_soon');
    return skippable ? `${said} ${t.bookings.skipHint}` : said;
  }
  return refusalWords(r, t);
}

/** "a real date YYYY-MM-DD" → "A real date YYYY-MM-DD." (the schemas' field messages, as sentences). */
export function sentence(text: string): string {
  if (!text) return text;
  const cap = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(cap) ? cap : `${cap}.`;
}

/**
 * A refusal's or a schema's field messages as sentences, under the page's field names, in the
 * dashboard's language: the booking forms' own table first (t.bookings.problems), then the form
 * kit's words for every schema and use-case message (form-kit/words.ts).
 */
export function fieldErrors(
  fields: Readonly<Record<string, unknown>>,
  rename: Readonly<Record<string, string>>,
  t: DashboardMessages,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const name = rename[path] ?? path;
    if (typeof message !== 'string' || name in out) continue;
    out[name] = own(t.bookings.problems, message)
      ? t.bookings.problems[message]
      : sentence(localProblem(plainMessage(message), t));
  }
  return out;
}

/** A VALIDATION_FAILED refusal's fields as sentences (its words under '' when it names none). */
export function refusalFieldErrors(
  r: Refusal,
  rename: Readonly<Record<string, string>>,
  t: DashboardMessages,
): Record<string, string> {
  const fields = r.details?.fields;
  const named = fields && typeof fields === 'object' && !Array.isArray(fields) && Object.keys(fields).length > 0;
  return named ? fieldErrors(fields as Record<string, unknown>, rename, t) : { '': refusalWords(r, t) };
}
