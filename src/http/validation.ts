/**
 * Request shape checking with Zod (no rules, no database): turns Zod issues into API.md's
 * VALIDATION_FAILED with `details.fields` {path: message}, and reads JSON bodies safely.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import { formatPath } from '../app/setup-schema.ts';
import { canonicalTimeZone, isDate, isTimeZone, parseInstant } from '../core/index.ts';
import { sendError } from './errors.ts';

export const MAX_BODY_BYTES = 64 * 1024;

/** A lone UTF-16 surrogate: JSON carries it as \ud800, which PostgreSQL's jsonb refuses. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text without NUL characters or lone surrogates (PostgreSQL cannot store either: a NUL in text,
 * a lone surrogate in the jsonb of a job or webhook payload), trimmed, within a length.
 */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
    .refine((s) => !LONE_SURROGATE.test(s), 'must be valid Unicode text');

/** A row id as the API shows it: digits only (ids are bigints, sent as strings). */
export const id = (what: string) => z.string().regex(/^\d{1,18}$/, `a ${what} id`);

/** A required name: trimmed text, not empty. */
export const name = text(200).min(1, 'required');

export const zone = z
  .string()
  .max(64)
  .refine(isTimeZone, 'not an IANA time zone (e.g. Europe/Paris)')
  .transform((z) => canonicalTimeZone(z) as string);
/**
 * Years accepted in dates, months and times. Far wider than any booking needs, and well inside
 * what the core's date arithmetic and PostgreSQL's timestamptz represent once windows are widened
 * by a few days: year 0001 or 9999 used to reach them as year 0000 or 10000 and answer 500.
 */
const inYears = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= 1900 && year <= 2999;
};
const YEARS = 'a year between 1900 and 2999';

export const date = z.string().refine(isDate, 'a real date YYYY-MM-DD').refine(inYears, YEARS);
export const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM')
  .refine(inYears, YEARS);
export const instant = z
  .string()
  .max(40)
  .refine((s) => parseInstant(s) !== null, 'an ISO 8601 time with offset, e.g. 2027-03-29T09:00:00+02:00')
  .refine(inYears, YEARS)
  .transform((s) => parseInstant(s) as number);

export function fieldsOf(error: z.ZodError): Record<string, string> {
  // A Map, not a {} filled by assignment: a body key "__proto__" would set the prototype and vanish.
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields.set(formatPath([...issue.path, key]), 'unknown field');
    } else {
      const path = formatPath(issue.path) || 'body';
      if (!fields.has(path)) fields.set(path, issue.message);
    }
  }
  return Object.fromEntries(fields);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** Checks a value against a schema, or answers 400 VALIDATION_FAILED listing the fields. */
export function check<S extends z.ZodType>(c: Context, schema: S, value: unknown): Parsed<z.output<S>> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const fields = fieldsOf(r.error);
  return {
    ok: false,
    response: sendError(c, 'VALIDATION_FAILED', `Invalid ${Object.keys(fields).join(', ')}.`, { fields }),
  };
}

/**
 * Reads a JSON body: 415 unless application/json, 413 over 64 KiB, 400 when not JSON. With
 * `emptyIs`, a request without a body and content type reads as that value.
 */
export async function readJson(
  c: Context,
  opts: { emptyIs?: unknown } = {},
): Promise<Parsed<{ json: unknown; hash: string; raw: string }>> {
  const type = c.req.header('content-type') ?? '';
  // Endpoints whose every field is optional accept no body at all.
  if (opts.emptyIs !== undefined && !type && bodyless(c))
    return { ok: true, value: { json: opts.emptyIs, hash: '', raw: '' } };
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return {
      ok: false,
      response: sendError(c, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json.'),
    };
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return tooLarge(c);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) return tooLarge(c);
  const raw = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  try {
    const json: unknown = JSON.parse(raw);
    return { ok: true, value: { json, raw, hash: createHash('sha256').update(bytes).digest('hex') } };
  } catch {
    return {
      ok: false,
      response: sendError(c, 'VALIDATION_FAILED', 'The body is not valid JSON.', {
        fields: { body: 'not valid JSON' },
      }),
    };
  }
}

/** No body was sent: no length or a zero one, and no chunked transfer (`curl -X POST` sends none). */
function bodyless(c: Context): boolean {
  const length = c.req.header('content-length');
  return c.req.raw.body === null || length === '0' || (length === undefined && !c.req.header('transfer-encoding'));
}

function tooLarge(c: Context): { ok: false; response: Response } {
  return {
    ok: false,
    response: sendError(c, 'PAYLOAD_TOO_LARGE', `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`),
  };
}

/** Reads a JSON body and checks it against a schema (415, 413, 400 as API.md says). */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<Parsed<z.output<S>>> {
  const body = await readJson(c);
  return body.ok ? check(c, schema, body.value.json) : body;
}
