/**
 * Reading dashboard forms and the one redirect target they accept. Passwords are read as typed
 * (never trimmed: a space is part of a password); other fields are trimmed.
 */
import type { Context } from 'hono';

export interface PostedForm {
  /** A field trimmed ('' when missing or not text). */
  text(name: string): string;
  /** A field exactly as typed (passwords). */
  raw(name: string): string;
}

export async function readPosted(c: Context): Promise<PostedForm> {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const raw = (name: string) => {
    const v = form[name];
    return typeof v === 'string' ? v : '';
  };
  return { raw, text: (name) => raw(name).trim() };
}

/**
 * Where to go after signing in: a path on this site, else the dashboard. Refused: anything not
 * starting with one "/" ("//evil.test" and "/\evil.test" are other hosts to a browser), any
 * backslash or control character, and anything a URL parser resolves off this origin.
 */
export function safeNext(next: string | undefined | null): string {
  const fallback = '/admin';
  if (!next || next.length > 1000 || !next.startsWith('/') || next.startsWith('//')) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  const base = 'http://slotwise.invalid';
  try {
    const url = new URL(next, base);
    // Dot segments can collapse into a leading "//" ("/.//evil.test" → "//evil.test"): check the result too.
    return url.origin === base && !url.pathname.startsWith('//') ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
