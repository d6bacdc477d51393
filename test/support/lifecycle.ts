/**
 * The app with everything after a booking switched on, for tests: a real in-memory PGlite (read
 * cache on, as in production), the job worker over it, a memory mailer and a hand-set clock.
 * `deliver()` runs every due job, as the background worker would.
 */
import type { Hono } from 'hono';
import { expect } from 'vitest';
import { presentBooking } from '../../src/app/presenters/booking.ts';
import type { Setup } from '../../src/app/setup-schema.ts';
import { type AppDeps, createApp } from '../../src/http/app.ts';
import { jobHandlers } from '../../src/jobs/handlers.ts';
import { createWorker, type Worker } from '../../src/jobs/worker.ts';
import { createMemoryMailer, type MemoryMailer } from '../../src/mail/transports/memory.ts';
import { createDevMailbox } from '../../src/store/dev-mailbox.ts';
import { createJobQueue } from '../../src/store/jobs.ts';
import { type TestClock, testClock } from './clock.ts';
import type { TestDatabase } from './db.ts';
import { testOutbound } from './outbound.ts';
import { STUDIO_NOW } from './studio.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions, not by types
export type Body = any;

export const PUBLIC_URL = 'http://127.0.0.1:3000';
export const SECRET = 's'.repeat(40);

export interface Lifecycle {
  readonly app: Hono;
  readonly clock: TestClock;
  readonly mail: MemoryMailer;
  readonly worker: Worker;
  readonly errors: unknown[];
  call(path: string, init?: RequestInit): Promise<{ status: number; body: Body; headers: Headers }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: Body; headers: Headers }>;
  /** Runs the due jobs (emails, reminders); how many ran. */
  deliver(): Promise<number>;
}

/**
 * `appDeps` adds to the app's deps (e.g. rate limits), for the tests of those options; its
 * `outbound` (default: testOutbound(), private addresses refused) goes to the worker too.
 */
export async function startLifecycle(
  tdb: TestDatabase,
  setup: Setup,
  now = STUDIO_NOW,
  appDeps: Partial<AppDeps> = {},
): Promise<Lifecycle> {
  await tdb.reset();
  await tdb.store.applySetup(setup, async (p) => p);
  const clock = testClock(now);
  // Both the app (saving webhook URLs) and the worker (delivering) follow the same rule.
  const outbound = appDeps.outbound ?? testOutbound();
  const mail = createMemoryMailer();
  const errors: unknown[] = [];
  const worker = createWorker({
    queue: createJobQueue(tdb.db),
    handlers: jobHandlers({
      store: tdb.store,
      mailer: mail,
      clock,
      publicUrl: PUBLIC_URL,
      secret: SECRET,
      presentBooking,
      outbound,
    }),
    clock,
    workerId: 'test-worker',
    log: (level, message, fields) => errors.push(new Error(`${level} ${message} ${JSON.stringify(fields)}`)),
  });
  const app = createApp({
    store: tdb.store,
    clock,
    secret: SECRET,
    publicUrl: PUBLIC_URL,
    devMailbox: createDevMailbox(tdb.db),
    logError: (error) => errors.push(error),
    ...appDeps,
    outbound,
  });
  const call = async (path: string, init?: RequestInit) => {
    const res = await app.request(path.startsWith('/api') ? path : `/api/v1${path}`, init);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  return {
    app,
    clock,
    mail,
    worker,
    errors,
    call,
    post: (path, body) =>
      call(path, {
        method: 'POST',
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      }),
    deliver: () => worker.drain(),
  };
}

/** The manage token in a link of an email (`…/manage/<token>`). */
export function tokenIn(text: string): string {
  const m = /\/manage\/([A-Za-z0-9_-]{43})/.exec(text);
  expect(m, `no manage link in:\n${text}`).not.toBeNull();
  return (m as RegExpExecArray)[1] as string;
}

/** The six-digit code in a verification email. */
export function codeIn(text: string): string {
  const m = /\b(\d{6})\b/.exec(text);
  expect(m, `no code in:\n${text}`).not.toBeNull();
  return (m as RegExpExecArray)[1] as string;
}
