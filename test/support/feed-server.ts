/**
 * An iCalendar feed server on 127.0.0.1 for the external-calendar tests (tests send traffic to
 * loopback only): the fixtures of src/ical/fixtures written as real exports look, and the ways a
 * feed fails — an HTTP error, a page that is not iCalendar, over 5 MB, too slow, a redirect. Each
 * path counts its hits; `set` swaps what a path answers, so a feed can change or break between fetches.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const fixture = (name: string): string =>
  readFileSync(new URL(`../../src/ical/fixtures/${name}`, import.meta.url), 'utf8');

/** What a path answers: a status, a content type and a body; `stall` never answers. */
export type FeedAnswer =
  | { readonly status: number; readonly type?: string; readonly body: string | Buffer; readonly location?: string }
  | { readonly stall: true };

/** A secret-looking path segment, as a calendar's private address carries one. */
export const SECRET_PATH = 'private-7c2f9e41b8d3a6f05e1c/basic.ics';

export interface FeedServer {
  readonly base: string;
  /** The address of a path on the server: `${base}/${name}/${SECRET_PATH}`. */
  url(name: string): string;
  set(name: string, answer: FeedAnswer): void;
  hits(name: string): number;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const answers = new Map<string, FeedAnswer>([
    ['google', { status: 200, type: 'text/calendar; charset=utf-8', body: fixture('google.ics') }],
    ['outlook', { status: 200, type: 'text/calendar; charset=utf-8', body: fixture('outlook.ics') }],
    ['new-york', { status: 200, type: 'text/calendar', body: fixture('new-york-dst.ics') }],
    ['broken', { status: 503, type: 'text/plain', body: 'Service Unavailable' }],
    ['html', { status: 200, type: 'text/html', body: '<!doctype html><title>Sign in</title><p>Please sign in.</p>' }],
    ['big', { status: 200, type: 'text/calendar', body: Buffer.alloc(5 * 1024 * 1024 + 1, 0x41) }],
    ['slow', { stall: true }],
  ]);
  const counts = new Map<string, number>();
  const stalled = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? '/').split('/')[1] ?? '';
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const answer = answers.get(name);
    if (!answer) {
      res.writeHead(404).end('no such feed');
      return;
    }
    if ('stall' in answer) {
      stalled.add(res);
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.write('BEGIN:VCALENDAR\r\n'); // headers and a first line, then nothing more
      return;
    }
    const headers: Record<string, string> = { 'content-type': answer.type ?? 'text/calendar' };
    if (answer.location) headers.location = answer.location;
    res.writeHead(answer.status, headers).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (name) => `${base}/${name}/${SECRET_PATH}`,
    set: (name, answer) => answers.set(name, answer),
    hits: (name) => counts.get(name) ?? 0,
    async close() {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
