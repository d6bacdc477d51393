/**
 * Sends one generated request to the app in-process, as one of the callers, and checks the
 * answer: never a 5xx, nothing for the internal error logger, Object.prototype untouched, and the
 * rules of checks.ts (API.md's error shape, 413 for oversized bodies, no internals in any text).
 * Counts what it sent (statuses, routes, callers) and every booking the answers say was created,
 * and checks after each write that the database holds exactly those bookings (so a creation
 * nobody reported, or a reported one that is not there, fails on the request that caused it).
 */
import { createHmac } from 'node:crypto';
import type { Hono } from 'hono';
import type { Sql } from '../../src/store/sql.ts';
import { checkShape, describe } from './checks.ts';
import { UPLOAD_FILES } from './files.ts';

export type Caller =
  | 'anonymous'
  | 'admin-key'
  | 'ana-key'
  | 'ben-key'
  | 'admin-session'
  | 'ana-session'
  | 'bad-key'
  | 'bad-session';

export type Csrf = 'good' | 'bad' | 'none';

export type BodySpec =
  | { readonly kind: 'json'; readonly value: unknown; readonly type?: string }
  | { readonly kind: 'raw'; readonly text: string; readonly type?: string }
  | { readonly kind: 'form'; readonly fields: readonly (readonly [string, string])[]; readonly type?: string }
  | { readonly kind: 'multipart'; readonly fields: readonly (readonly [string, string])[] }
  /** Bigger than the limit: a JSON object or a form of `bytes` bytes, sent with `type`. */
  | { readonly kind: 'oversized'; readonly bytes: number; readonly shape: 'json' | 'form'; readonly type?: string }
  /** A multipart body carrying one of files.ts's files as `field` (the picture routes, decision 032). */
  | { readonly kind: 'file'; readonly field: string; readonly file: keyof typeof UPLOAD_FILES }
  /** The payment callback's body, signed well, badly or not at all with the business's secret. */
  | { readonly kind: 'signed'; readonly value: unknown; readonly signature: 'good' | 'bad' | 'none' };

export interface FuzzRequest {
  /** The route pattern this request instantiates, e.g. "POST /api/v1/bookings". */
  readonly route: string;
  readonly method: string;
  /** Path (already percent-encoded) and query, e.g. "/api/v1/services/portrait?x=1". */
  readonly url: string;
  readonly caller: Caller;
  /** For session callers: the CSRF token sent (header for the API, `_csrf` field for forms). */
  readonly csrf?: Csrf;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: BodySpec;
}

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
}

/** A credential the harness holds: an API key or a session (cookie + CSRF token). */
export interface Credential {
  readonly kind: 'key' | 'session';
  token: string;
  csrf: string;
}

export interface HarnessDeps {
  readonly app: Hono;
  readonly db: Sql;
  /** What the app's logError and the worker's log received. */
  readonly errors: unknown[];
  readonly credentials: Partial<Record<Caller, Credential>>;
  /** The business's payment secret, to sign callbacks. */
  readonly paymentSecret: string;
  /** Makes dead credentials usable again (the fuzzer may sign them out or revoke them). */
  readonly revive: () => Promise<void>;
  /** Told of each booking created through the JSON API (its id, reference and, if shown, token). */
  readonly learn: (booking: { id: string; reference: string; token?: string }) => void;
}

export class Harness {
  sent = 0;
  readonly statuses = new Map<number, number>();
  readonly perRoute = new Map<string, number>();
  readonly perCaller = new Map<Caller, Map<number, number>>();
  /** Ids of the bookings the app said it created (201 or a redirect to the new booking). */
  readonly created = new Set<string>();
  private readonly started = Date.now();
  /**
   * FUZZ_SURVEY=1: failures are collected (first example of each kind per route) instead of
   * thrown, so one run lists every kind of problem; the file still fails when any was found.
   */
  readonly survey = process.env.FUZZ_SURVEY === '1';
  readonly failures = new Map<string, string>();

  constructor(private readonly deps: HarnessDeps) {}

  async send(req: FuzzRequest): Promise<Answer> {
    const errorsBefore = this.deps.errors.length;
    const init = this.build(req);
    const res = await this.deps.app.request(req.url, init);
    const text = await res.text();
    const answer = { status: res.status, text, headers: res.headers };
    this.record(req, answer.status);
    const fail = (why: string): never => {
      const text = `${why}\n${describe(req, answer)}`;
      if (this.survey) {
        const kind = `${req.route} | ${why.split('\n')[0]?.slice(0, 120)}`;
        if (!this.failures.has(kind)) this.failures.set(kind, text);
        throw new SurveyedFailure(text);
      }
      throw new Error(text);
    };
    const surveyed = async (check: () => Promise<void> | void) => {
      try {
        await check();
      } catch (e) {
        if (!(e instanceof SurveyedFailure)) throw e;
      }
    };
    await surveyed(() => {
      if (answer.status >= 500) fail('5xx answer');
      if (this.deps.errors.length > errorsBefore) {
        const logged = this.deps.errors.slice(errorsBefore).map((e) => (e instanceof Error ? e.stack : String(e)));
        fail(`the internal error logger received:\n${logged.join('\n')}`);
      }
      checkShape(req, answer, fail);
      // The prototype-polluting keys the fuzzer sends ({"__proto__": {"polluted": …}}, __proto__[x]=1…).
      const probe: Record<string, unknown> = {};
      const polluted = ['polluted', 'x', 'y'].filter((k) => probe[k] !== undefined);
      if (polluted.length > 0) fail(`Object.prototype was polluted: ${polluted.join(', ')}`);
    });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      await surveyed(async () => {
        await this.noteCreation(req, answer);
        await this.checkBookingCount(fail);
      });
      if (answer.status < 400 || answer.status === 401 || answer.status === 303) await this.deps.revive();
    }
    return answer;
  }

  /** The failures a survey found, one example each (empty outside a survey). */
  surveyReport(): string {
    return [...this.failures.values()].map((f, i) => `--- failure ${i + 1}\n${f}`).join('\n');
  }

  /** Per-file figures, one line: requests, statuses, routes covered, 5xx, created bookings, time. */
  summary(label: string, seed: number, routes: readonly { method: string; path: string }[]): string {
    const hist = [...this.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    const fivexx = [...this.statuses].filter(([s]) => s >= 500).reduce((n, [, k]) => n + k, 0);
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const hit = routes.filter((r) => this.perRoute.has(`${r.method} ${r.path}`)).length;
    return (
      `[fuzz ${label}] seed=${seed} requests=${this.sent} routes=${hit}/${routes.length} ` +
      `statuses: ${hist.join(' ')} | 5xx=${fivexx} | bookings created=${this.created.size} | ${seconds}s`
    );
  }

  /** Statuses per caller, a line each (who got through, who was refused). */
  callerTable(): string {
    return [...this.perCaller]
      .map(([caller, m]) => {
        const cells = [...m].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
        return `  ${caller.padEnd(14)} ${cells.join(' ')}`;
      })
      .join('\n');
  }

  private record(req: FuzzRequest, status: number): void {
    this.sent++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    // Keyed by the method sent: a request with another method does not count for the route.
    const key = `${req.method} ${req.route.split(' ')[1]}`;
    this.perRoute.set(key, (this.perRoute.get(key) ?? 0) + 1);
    const mine = this.perCaller.get(req.caller) ?? new Map<number, number>();
    mine.set(status, (mine.get(status) ?? 0) + 1);
    this.perCaller.set(req.caller, mine);
  }

  private build(req: FuzzRequest): RequestInit {
    const headers = new Headers(req.headers);
    const cred = this.deps.credentials[req.caller];
    const formCsrf = this.csrfValue(req, cred);
    if (req.caller === 'bad-key')
      headers.set('authorization', 'Bearer swk_notARealKeyButShapedLikeOne0000000000000000000');
    const addCookie = (c: string) => headers.set('cookie', [headers.get('cookie'), c].filter(Boolean).join('; '));
    if (req.caller === 'bad-session') addCookie('slotwise_session=sws_gone00000000000000000000000000000000000000');
    if (cred?.kind === 'key') headers.set('authorization', `Bearer ${cred.token}`);
    if (isEntryForm(req.url) && req.csrf !== 'none') addCookie(`slotwise_signin=${ENTRY_TOKEN}`);
    if (cred?.kind === 'session') {
      // The caller's own session, not a stray credential the request's random headers carry.
      headers.delete('authorization');
      const others = (headers.get('cookie') ?? '').split(';').filter((c) => !c.trim().startsWith('slotwise_session='));
      headers.set('cookie', others.join(';'));
      addCookie(`slotwise_session=${cred.token}`);
      if (req.url.startsWith('/api/') && formCsrf !== undefined) headers.set('x-csrf-token', formCsrf);
    }
    const init: RequestInit = { method: req.method, headers };
    const body = req.body;
    if (!body) return init;
    const withCsrf = (fields: readonly (readonly [string, string])[]) =>
      formCsrf === undefined || req.url.startsWith('/api/') ? fields : [['_csrf', formCsrf] as const, ...fields];
    switch (body.kind) {
      case 'json':
        setType(headers, body.type ?? 'application/json');
        init.body = bytes(JSON.stringify(body.value) ?? '');
        break;
      case 'raw':
        setType(headers, body.type);
        init.body = bytes(body.text);
        break;
      case 'form':
        setType(headers, body.type ?? 'application/x-www-form-urlencoded');
        init.body = new URLSearchParams(withCsrf(body.fields) as [string, string][]).toString();
        break;
      case 'multipart': {
        const data = new FormData();
        for (const [k, v] of withCsrf(body.fields)) data.append(k, v);
        data.append('upload', new Blob(['\u0000binary\uFFFD'], { type: 'application/octet-stream' }), 'x.bin');
        init.body = data;
        break;
      }
      case 'file': {
        const data = new FormData();
        for (const [k, v] of withCsrf([])) data.append(k, v);
        data.append(body.field, new Blob([UPLOAD_FILES[body.file] ?? new Uint8Array()]), `${body.file}.jpg`);
        init.body = data;
        break;
      }
      case 'oversized': {
        const filler = 'x'.repeat(body.bytes);
        setType(
          headers,
          body.type ?? (body.shape === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'),
        );
        init.body =
          body.shape === 'json'
            ? JSON.stringify({ notes: filler })
            : new URLSearchParams(withCsrf([['notes', filler]]) as [string, string][]).toString();
        break;
      }
      case 'signed': {
        const raw = JSON.stringify(body.value) ?? '';
        headers.set('content-type', 'application/json');
        const mac = createHmac('sha256', this.deps.paymentSecret).update(raw).digest('hex');
        if (body.signature === 'good') headers.set('x-slotwise-signature', `sha256=${mac}`);
        if (body.signature === 'bad') headers.set('x-slotwise-signature', `sha256=${mac.replace(/^./, 'x')}`);
        init.body = raw;
        break;
      }
    }
    return init;
  }

  private csrfValue(req: FuzzRequest, cred: Credential | undefined): string | undefined {
    if (req.csrf === 'none') return undefined;
    // The sign-in, reset and password-link forms carry their own token, echoed from a cookie.
    const expected = isEntryForm(req.url) ? ENTRY_TOKEN : cred?.kind === 'session' ? cred.csrf : undefined;
    if (expected === undefined) return undefined;
    return req.csrf === 'bad' ? `${expected.slice(1)}A` : expected;
  }

  /** Records the booking a creating request reports: its id, or where the redirect leads. */
  private async noteCreation(req: FuzzRequest, a: Answer): Promise<void> {
    // The route the request reached: its pattern with the method actually sent.
    const route = `${req.method} ${req.route.split(' ')[1]}`;
    if (a.status === 201 && (route === 'POST /api/v1/bookings' || route === 'POST /api/v1/admin/bookings')) {
      const body = JSON.parse(a.text);
      // A series (SPEC §9.2) answers with all its occurrences, the token being the first's.
      const made = body.series ? body.series.bookings : [route === 'POST /api/v1/bookings' ? body.booking : body];
      made.forEach((booking: { id: unknown; reference: string }, i: number) => {
        this.created.add(String(booking.id));
        this.deps.learn({
          id: String(booking.id),
          reference: booking.reference,
          ...(i === 0 ? { token: body.token } : {}),
        });
      });
      return;
    }
    const location = a.headers.get('location') ?? '';
    if (a.status === 303 && route === 'POST /admin/bookings/new') {
      const id = /^\/admin\/bookings\/(\d+)\?/.exec(location)?.[1];
      if (id) {
        this.created.add(id);
        const [r] = await this.deps.db.query('SELECT reference FROM bookings WHERE id = $1', [id]);
        this.deps.learn({ id, reference: String(r?.reference) });
      }
      return;
    }
    if (a.status === 303 && route === 'POST /book/:slug/details') {
      // A new booking goes to its manage page (the token) or to the gateway (its reference).
      const token = /^\/manage\/([A-Za-z0-9_-]{43})(?:\?|$)/.exec(location)?.[1];
      const reference = new URL(location, 'http://x').searchParams.get('reference');
      const rows = token
        ? await this.deps.db.query(
            `SELECT b.id, b.reference FROM bookings b LEFT JOIN manage_tokens t ON t.booking_id = b.id
             WHERE b.manage_token_hash = sha256(convert_to($1, 'UTF8')) OR t.token_hash = sha256(convert_to($1, 'UTF8'))`,
            [token],
          )
        : reference
          ? await this.deps.db.query('SELECT id, reference FROM bookings WHERE reference = $1', [reference])
          : [];
      for (const r of rows) {
        this.created.add(String(r.id));
        this.deps.learn({ id: String(r.id), reference: String(r.reference), ...(token ? { token } : {}) });
      }
      // A series (SPEC §9.2) is created whole: its other occurrences came with the one redirected to.
      const ids = rows.map((r) => String(r.id));
      const others = ids.length
        ? await this.deps.db.query(
            `SELECT o.id, o.reference FROM bookings b JOIN bookings o ON o.series_id = b.series_id
             WHERE b.id = ANY($1::bigint[]) AND o.id <> b.id`,
            [ids],
          )
        : [];
      for (const r of others) {
        this.created.add(String(r.id));
        this.deps.learn({ id: String(r.id), reference: String(r.reference) });
      }
    }
  }

  private async checkBookingCount(fail: (why: string) => never): Promise<void> {
    const [row] = await this.deps.db.query('SELECT count(*)::int AS n FROM bookings');
    if (Number(row?.n) !== this.created.size) {
      const message = `bookings in the database: ${row?.n}, bookings the answers reported created: ${this.created.size}`;
      if (this.survey) {
        // Carry on from the database's count, so the next requests are judged on their own.
        this.created.clear();
        for (const r of await this.deps.db.query('SELECT id FROM bookings')) this.created.add(String(r.id));
      }
      fail(message);
    }
  }
}

class SurveyedFailure extends Error {}

/** The sign-in form's token (admin/pages/entry-token.ts): any 32 such characters, as the cookie a browser holds. */
const ENTRY_TOKEN = 'fuzzEntryToken_0123456789abcdefg';
const isEntryForm = (url: string) => /^\/admin\/(sign-in|forgot|password\/)/.test(url);

/** Bytes, not a string: a string body would get a text/plain content type the request did not ask for. */
const bytes = (text: string) => new TextEncoder().encode(text);

function setType(headers: Headers, type: string | undefined): void {
  if (type !== undefined && !headers.has('content-type')) headers.set('content-type', type);
}
