/**
 * What every answer must be, whatever was asked: on /api/*, an error is API.md's shape
 * ({error: {code, message, details?}}) with a code of its table at that code's status; a 429 says
 * when to retry; an oversized body that reached its route is refused with 413; no text meant for
 * people shows a stack trace, a source path or an error name.
 */
import type { Answer, FuzzRequest } from './harness.ts';
import { matches } from './routes.ts';

/** API.md's table of error codes and their statuses, written out here (not read from errors.ts, which it checks). */
const API_MD: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SLOT_UNAVAILABLE: 409,
  RESCHEDULE_NOT_ALLOWED: 409,
  CANCEL_NOT_ALLOWED: 409,
  BOOKING_NOT_PENDING: 409,
  HOLD_EXPIRED: 410,
  PAYMENT_OPTION_NOT_ALLOWED: 422,
  CODE_INVALID: 422,
  CODE_EXPIRED: 410,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  // Decision 022: the backup endpoint in server mode (pg_dump backs a PostgreSQL server up).
  BACKUP_NOT_AVAILABLE: 501,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // API.md Part two.
  URL_NOT_ALLOWED: 400,
  SERIES_CONFLICT: 409,
  SEATS_UNAVAILABLE: 409,
  OFFER_EXPIRED: 410,
  // Decision 029: marking a booking that has not started.
  OUTCOME_NOT_ALLOWED: 409,
  INTERNAL: 500,
};

const STACK_TRACE = [
  /(?:^|\n|\\n)\s*at [^\n]*\.(?:ts|tsx|js|mjs|cjs):\d+/,
  /\b(?:Type|Reference|Range|Syntax|URI|Eval|Aggregate)?Error: /,
  /node_modules[/\\]/,
  /\.tsx?:\d+:\d+/,
  /\/src\/(?:http|app|core|store|jobs|mail)\//,
];

/** Routes whose answers carry code, not text meant for people (the stack-trace patterns would match it). */
const CODE_ASSET = /^GET \/(?:assets\/|api\/docs\/assets\/|embed\.js$)/;

/** API.md's error shape on /api/*, stack-trace-free texts everywhere, Retry-After with 429. */
export function checkShape(req: FuzzRequest, a: Answer, fail: (why: string) => never): void {
  const path = req.url.split('?')[0] ?? '';
  const type = a.headers.get('content-type') ?? '';
  if (a.status === 429 && !a.headers.get('retry-after')) fail('429 without Retry-After');
  // Every route that takes a body stops reading at the limit (API.md: 413), pages as well as the API.
  // ("/manage/../x" is normalised to another path before routing: only requests that reach their route count.)
  const [method = '', pattern = ''] = req.route.split(' ');
  const reached = matches({ method, path: pattern }, new URL(req.url, 'http://x').pathname);
  if (req.body?.kind === 'oversized' && reached && a.status !== 413 && a.status !== 429) {
    fail('an oversized body not refused with 413');
  }
  // (A HEAD answer has the GET's headers and no body.)
  if (path.startsWith('/api/') && a.status >= 400 && req.method !== 'HEAD') {
    if (!type.startsWith('application/json')) fail(`an /api error answered as ${type || 'no content type'}`);
    let body: unknown;
    try {
      body = JSON.parse(a.text);
    } catch {
      fail('an /api error whose body is not JSON');
    }
    const error = (body as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
    if (
      !body ||
      typeof body !== 'object' ||
      Object.keys(body).join() !== 'error' ||
      !error ||
      typeof error !== 'object'
    )
      fail('an /api error not shaped {error: {...}}');
    const e = error as Record<string, unknown>;
    if (Object.keys(e).some((k) => !['code', 'message', 'details'].includes(k))) fail('extra keys in the error');
    if (typeof e.code !== 'string' || !Object.hasOwn(API_MD, e.code)) {
      fail(`error code ${String(e.code)} is not in API.md's table`);
    }
    if (typeof e.message !== 'string' || e.message === '') fail('error without a message');
    const expected = API_MD[e.code as string];
    // API.md: the payment callback answers an amount that is not the amount due with 422 VALIDATION_FAILED.
    const callbackAmount = req.route === 'POST /api/v1/payments/callback' && e.code === 'VALIDATION_FAILED';
    if (a.status !== expected && !(callbackAmount && a.status === 422)) {
      fail(`status ${a.status} with code ${e.code} (API.md: ${expected})`);
    }
    if (e.details !== undefined && (typeof e.details !== 'object' || e.details === null)) fail('details not an object');
  }
  if (CODE_ASSET.test(req.route)) return;
  if (type.startsWith('text/html') || type.startsWith('text/plain') || type.startsWith('application/json')) {
    const hit = STACK_TRACE.find((re) => re.test(a.text));
    if (hit) fail(`internals in the answer (${hit})`);
  }
}

export function describe(req: FuzzRequest, a: Answer): string {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
  const body = req.body ? cut(JSON.stringify(req.body), 600) : '(none)';
  return [
    `request: ${req.method} ${cut(req.url, 400)} as ${req.caller}${req.csrf ? ` (csrf ${req.csrf})` : ''}`,
    `  headers: ${JSON.stringify(req.headers ?? {})}`,
    `  body: ${body}`,
    `answer: ${a.status} ${a.headers.get('content-type') ?? ''} location=${a.headers.get('location') ?? ''}`,
    `  ${cut(a.text, 800)}`,
  ].join('\n');
}
