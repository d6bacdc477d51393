/**
 * The outbound URL rule at delivery time: the address each connection really goes to is checked,
 * so a delivery to a non-public address fails before a socket opens — logged as a failed attempt,
 * nothing sent — whatever the URL's spelling and whatever the name resolved to when it was saved
 * (DNS rebinding). The receiver listens on 127.0.0.1 and counts the connections it gets; names
 * resolve from a table (or `localhost` from the hosts file), so no test sends anything elsewhere.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testClock } from '../../test/support/clock.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { STUDIO_NOW } from '../../test/support/studio.ts';
import { createWebhook } from '../app/dashboard/webhooks/create-webhook.ts';
import type { OutboundPolicy } from '../app/ports.ts';
import { presentBooking } from '../app/presenters/booking.ts';
import { deliverWebhook } from './deliver-webhook.ts';
import { guardedLookup, systemResolve } from './guarded-fetch.ts';

let tdb: TestDatabase;
let port: number;
let connections = 0;
let requests = 0;
const server = createServer((req, res) => {
  requests++;
  req.resume();
  req.on('end', () => res.end('ok'));
});
server.on('connection', () => {
  connections++;
});
const clock = testClock(STUDIO_NOW);
const ADMIN = { role: 'admin', userId: null, keyId: null } as const;

beforeAll(async () => {
  tdb = await openTestDatabase();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await tdb.close();
});
beforeEach(async () => {
  await tdb.reset();
  connections = 0;
  requests = 0;
});

/** One delivery attempt of a ping to `url` (stored as it is), under `outbound`; the logged attempt. */
async function deliver(url: string, outbound: OutboundPolicy, saved?: string) {
  const id =
    saved ??
    (
      await tdb.store.createWebhook(
        { url, secret: 'whsec_x', events: ['booking.paid'], active: true, description: '' },
        clock.now(),
      )
    ).id;
  const job = { webhookId: id, eventId: 'evt_1', type: 'ping' as const, body: '{}' };
  const claimed = { id: '1', kind: 'webhook.deliver', payload: job, attempts: 1, maxAttempts: 10, createdAt: 0 };
  const outcome = await deliverWebhook({ store: tdb.store, clock, presentBooking, outbound }, job, claimed).then(
    () => null,
    (e: Error) => e.message,
  );
  const [row] = await tdb.store.listWebhookDeliveries(id, { before: null, limit: 1 });
  return { outcome, row };
}

const table = (answer: () => readonly string[], allowPrivate = false): OutboundPolicy => ({
  allowPrivate,
  resolve: async () => answer(),
});

describe('deliveries under the default rule (ALLOW_PRIVATE_URLS unset)', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1 is a loopback address'],
    ['2130706433', '127.0.0.1 is a loopback address'],
    ['0x7f.0.0.1', '127.0.0.1 is a loopback address'],
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1 is a loopback address'],
  ])('to http://%s:<port> fail before connecting; the attempt is logged, nothing sent', async (host, says) => {
    const { outcome, row } = await deliver(`http://${host}:${port}/hook`, {
      allowPrivate: false,
      resolve: systemResolve,
    });
    expect(outcome).toMatch(/^webhook \d+: fetch failed: /);
    expect(row).toMatchObject({ statusCode: null, attempt: 1 });
    expect(row?.error).toBe(
      `fetch failed: ${says}: not a public internet address, nothing sent (ALLOW_PRIVATE_URLS=1 allows it)`,
    );
    expect([connections, requests]).toEqual([0, 0]);
  });

  it('to localhost (the system resolver: the hosts file) fail the same way', async () => {
    const { row } = await deliver(`http://localhost:${port}/hook`, { allowPrivate: false, resolve: systemResolve });
    expect(row?.error).toMatch(
      /^fetch failed: localhost resolves to (127\.0\.0\.1|::1), a loopback address: not a public/,
    );
    expect([connections, requests]).toEqual([0, 0]);
  });

  it('DNS rebinding: a name that was public when saved and is 127.0.0.1 now is refused at delivery', async () => {
    let answer: readonly string[] = ['93.184.215.14'];
    const outbound = table(() => answer);
    const saved = await createWebhook({ store: tdb.store, clock, outbound }, ADMIN, {
      url: `http://rebind.example.test:${port}/hook`,
      events: ['booking.paid'],
    });
    if (!saved.ok) throw new Error(saved.message);
    answer = ['127.0.0.1'];
    const { row } = await deliver('', outbound, saved.value.id);
    expect(row?.error).toBe(
      'fetch failed: rebind.example.test resolves to 127.0.0.1, a loopback address: not a public internet address, nothing sent (ALLOW_PRIVATE_URLS=1 allows it)',
    );
    expect([connections, requests]).toEqual([0, 0]);
  });

  it('a name with one private address among public ones is refused before any is handed to the socket', async () => {
    // The lookup alone, called as net.connect calls it: even with the rule broken, nothing connects.
    const lookup = guardedLookup(table(() => ['93.184.215.14', '127.0.0.1']));
    for (const all of [true, false]) {
      const answer = await new Promise<{ error: Error | null; address: unknown }>((resolve) =>
        lookup('split.example.test', { all }, (error, address) => resolve({ error, address })),
      );
      expect(answer.error?.message).toBe(
        'split.example.test resolves to 127.0.0.1, a loopback address: not a public internet address, nothing sent (ALLOW_PRIVATE_URLS=1 allows it)',
      );
    }
    const allowed = guardedLookup(table(() => ['93.184.215.14', '127.0.0.1'], true));
    const answer = await new Promise<unknown>((resolve) =>
      allowed('split.example.test', { all: true }, (_e, a) => resolve(a)),
    );
    expect(answer).toEqual([
      { address: '93.184.215.14', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ]);
  });

  it('a name that does not resolve fails as not found, nothing sent', async () => {
    const { row } = await deliver(
      `http://nowhere.example.test:${port}/hook`,
      table(() => []),
    );
    expect(row?.error).toBe('fetch failed: getaddrinfo ENOTFOUND nowhere.example.test');
  });
});

describe('deliveries with ALLOW_PRIVATE_URLS=1', () => {
  it('the same addresses are delivered to: a literal and a name resolving to 127.0.0.1', async () => {
    const allow = table(() => ['127.0.0.1'], true);
    expect((await deliver(`http://2130706433:${port}/hook`, allow)).row).toMatchObject({
      statusCode: 200,
      error: null,
    });
    expect((await deliver(`http://rebind.example.test:${port}/hook`, allow)).row).toMatchObject({
      statusCode: 200,
      error: null,
    });
    expect(requests).toBe(2);
  });
});
