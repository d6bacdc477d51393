/**
 * Checks on free text that people type (intake answers, labels): what PostgreSQL can store and
 * how long it is. A NUL character cannot be stored in text, and a lone UTF-16 surrogate (JSON's
 * "\ud800") cannot be stored in jsonb; lengths count characters (code points), not UTF-16 units,
 * so an emoji counts once.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string can be stored as text and jsonb: no NUL, no lone surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/** The number of characters (code points) of a string. */
export function characterCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
