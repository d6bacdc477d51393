/**
 * Reads external busy calendars (the CalendarFeeds port, SPEC §8.3): one GET of the feed's URL
 * through the outbound rule's guarded fetch (every connection, redirects included, goes to allowed
 * addresses only: guarded-fetch.ts), refused past 5 MB or 10 s, then expanded by src/ical in time
 * slices. Never throws for what the other side does: a failure is a value, in words that never
 * hold the URL's path or query (the secret part of a calendar's address).
 */
import type { FetchOutcome } from '../app/dashboard/calendars/calendar-store.ts';
import { maskCalendarUrl } from '../app/dashboard/calendars/calendar-url.ts';
import type { CalendarFeeds, OutboundPolicy } from '../app/ports.ts';
import { expandFeed, MAX_FEED_BYTES } from '../ical/index.ts';
import { guardedFetch } from './guarded-fetch.ts';

/** SPEC §8.3: a feed that takes longer, headers and body together, is refused. */
export const FEED_TIMEOUT_MS = 10_000;

export interface CalendarFeedOptions {
  /** Absent: FEED_TIMEOUT_MS. */
  readonly timeoutMs?: number;
  /** Absent: MAX_FEED_BYTES (5 MiB). */
  readonly maxBytes?: number;
  /** Absent: guardedFetch(outbound). */
  readonly fetch?: typeof fetch;
}

class TooLarge extends Error {}

export function calendarFeeds(outbound: OutboundPolicy, opts: CalendarFeedOptions = {}): CalendarFeeds {
  const timeoutMs = opts.timeoutMs ?? FEED_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? MAX_FEED_BYTES;
  return {
    async read(url, window, floatingZone): Promise<FetchOutcome> {
      let text: string;
      try {
        text = await download(opts.fetch ?? (await guardedFetch(outbound)), url, timeoutMs, maxBytes);
      } catch (error) {
        return { ok: false, error: scrub(failure(error, timeoutMs, maxBytes), url) };
      }
      const result = await expandFeed(text, { from: window.from, to: window.to, floatingZone });
      if (!result.ok) return { ok: false, error: scrub(`${result.code}: ${result.message}`, url) };
      return { ok: true, busy: result.feed.busy, dates: result.feed.dates };
    },
  };
}

/** The body as text, read at most `maxBytes` and within `timeoutMs` from the start. */
async function download(get: typeof fetch, url: string, timeoutMs: number, maxBytes: number): Promise<string> {
  const signal = AbortSignal.timeout(timeoutMs);
  const response = await get(url, {
    headers: { accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1', 'user-agent': 'Slotwise-Calendar/1' },
    redirect: 'follow',
    signal,
  });
  if (response.status >= 400 || response.status < 200) {
    await response.body?.cancel().catch(() => {});
    throw new Error(`the server answered HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? 'NaN');
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new TooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** A failure in words: fetch's "fetch failed" says nothing, its cause does. */
function failure(error: unknown, timeoutMs: number, maxBytes: number): string {
  if (error instanceof TooLarge) return `the feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no complete answer within ${timeoutMs / 1000} s`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  return (cause ? `${message}: ${cause}` : message).slice(0, 300);
}

/** Whatever the text says, the URL's path and query do not appear in it (they are the secret). */
function scrub(text: string, url: string): string {
  let out = text.split(url).join(maskCalendarUrl(url));
  try {
    const { pathname, search } = new URL(url);
    for (const secret of [`${pathname}${search}`, pathname, search]) {
      if (secret.length > 1) out = out.split(secret).join('/…');
    }
  } catch {
    // Not a URL: nothing more to hide (it was checked when saved).
  }
  return out;
}
