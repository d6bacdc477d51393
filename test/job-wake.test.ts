/**
 * One way of waking the job worker (issue 17): any committed change that queued jobs wakes it,
 * whichever door the change came in by. With JOB_POLL_MS=60000 the worker would otherwise sleep a
 * minute; the public booking page and the manage page used to leave their emails for that poll.
 * A real server on 127.0.0.1 with the dev outbox, read over its own API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openRuntime, type Runtime, type Served, startServer } from '../src/main.ts';
import { testClock } from './support/clock.ts';
import { STUDIO, STUDIO_NOW } from './support/studio.ts';
import { seedDataDir } from './support/templates.ts';

/**
 * How soon after the answer the email must be in the outbox. A nudge sends it within milliseconds,
 * the poll only after 60 s: any bound well under the poll proves the wake. It is generous, not
 * tight, so a loaded CI machine cannot fail it (how fast mail goes out is the bench's business).
 */
const WITHIN_MS = 15_000;

let dir: string;
let rt: Runtime;
let served: Served;
const logged: string[] = [];

beforeAll(async () => {
  dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-wake-')));
  const config = loadConfig({
    SLOTWISE_DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_IP: '0',
    JOB_POLL_MS: '60000',
  });
  if (!config.ok) throw new Error(config.problems.join('; '));
  rt = await openRuntime(config.config);
  await rt.store.applySetup(STUDIO, async (p) => p);
  served = await startServer(rt, { demo: false, log: (line) => logged.push(line), clock: testClock(STUDIO_NOW) });
}, 60_000);

afterAll(async () => {
  await served?.close();
  await rt?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A form posted the way a browser posts it; the redirect is not followed. */
function post(path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${served.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** Milliseconds from now until the outbox holds a message to `to` whose subject matches, or null within WITHIN_MS. */
async function arrival(to: string, subject: RegExp): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < WITHIN_MS) {
    const res = await fetch(`${served.url}/api/v1/dev/mailbox?to=${encodeURIComponent(to)}`);
    const { messages } = (await res.json()) as { messages: { subject: string }[] };
    if (messages.some((m) => subject.test(m.subject))) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

it(`a booking made on the public page has its email sent within ${WITHIN_MS} ms, and so has its cancellation on the manage page`, async () => {
  const email = 'wake@example.com';
  const booked = await post('/book/portrait/details', {
    start: '2027-03-29T10:00:00+02:00',
    staff: 'any',
    name: 'Wendy Wake',
    email,
    payment: 'none',
  });
  expect(booked.status).toBe(303);
  const manage = booked.headers.get('location') ?? '';
  expect(manage).toMatch(/^\/manage\/[A-Za-z0-9_-]{43}\?done=1$/);
  const confirmed = await arrival(email, /confirmed/i);
  expect(confirmed, 'the confirmation reached the outbox').not.toBeNull();
  expect(confirmed).toBeLessThan(WITHIN_MS);

  const cancelled = await post(`${manage.split('?')[0]}/cancel`, { reason: 'Plans changed' });
  expect(cancelled.status).toBe(303);
  const told = await arrival(email, /cancelled/i);
  expect(told, 'the cancellation reached the outbox').not.toBeNull();
  expect(told).toBeLessThan(WITHIN_MS);
  expect(logged).toEqual([]);
});

it(`a booking made through the API has its email sent within ${WITHIN_MS} ms too`, async () => {
  const email = 'api-wake@example.com';
  const res = await fetch(`${served.url}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      service: 'portrait',
      staff: 'any',
      start: '2027-03-30T10:00:00+02:00',
      client: { name: 'Api Wake', email },
    }),
  });
  expect(res.status).toBe(201);
  const confirmed = await arrival(email, /confirmed/i);
  expect(confirmed, 'the confirmation reached the outbox').not.toBeNull();
  expect(confirmed).toBeLessThan(WITHIN_MS);
});
