/**
 * One delivery attempt against real HTTP servers on 127.0.0.1 and a real database: an endpoint
 * that never answers is given up after the timeout, and the attempt is logged before it fails.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testClock } from '../../test/support/clock.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { testOutbound } from '../../test/support/outbound.ts';
import { STUDIO_NOW } from '../../test/support/studio.ts';
import { presentBooking } from '../app/presenters/booking.ts';
import { deliverWebhook } from './deliver-webhook.ts';

/** These receivers listen on 127.0.0.1: the deliveries opt in to private addresses. */
const ALLOW = testOutbound({ allowPrivate: true });

let tdb: TestDatabase;
const hanging: ServerResponse[] = [];
const server = createServer((_req, res) => void hanging.push(res)); // reads the request, never answers

beforeAll(async () => {
  tdb = await openTestDatabase();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await tdb.close();
});

it('an endpoint that does not answer in time fails the attempt, which is logged first', async () => {
  const clock = testClock(STUDIO_NOW);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
  const hook = await tdb.store.createWebhook(
    { url, secret: 'whsec_x', events: ['booking.paid'], active: true, description: '' },
    clock.now(),
  );
  const deps = { store: tdb.store, clock, presentBooking, webhookTimeoutMs: 200, outbound: ALLOW };
  const job = { webhookId: hook.id, eventId: 'evt_1', type: 'booking.paid' as const, body: '{}' };
  const claimed = { id: '1', kind: 'webhook.deliver', payload: job, attempts: 3, maxAttempts: 10, createdAt: 0 };
  const started = performance.now();
  await expect(deliverWebhook(deps, job, claimed)).rejects.toThrow(`webhook ${hook.id}: no answer within 0.2 s`);
  expect(performance.now() - started).toBeLessThan(5_000);
  expect(hanging).toHaveLength(1);
  const [row] = await tdb.store.listWebhookDeliveries(hook.id, { before: null, limit: 10 });
  expect(row).toMatchObject({
    event: 'booking.paid',
    eventId: 'evt_1',
    attempt: 3,
    statusCode: null,
    error: 'no answer within 0.2 s',
    deliveredAt: clock.now(),
  });
  expect(row?.durationMs).toBeGreaterThanOrEqual(190);
});

it('every attempt has a connection of its own, so a receiver closing idle connections never fails one', async () => {
  // Keep-alive would hand a later attempt a socket the receiver may be closing (ECONNRESET).
  const requestsPerConnection: number[] = [];
  const receiver = createServer((req, res) => {
    const socket = req.socket as typeof req.socket & { served?: number };
    socket.served = (socket.served ?? 0) + 1;
    if (socket.served === 1) requestsPerConnection.push(0);
    requestsPerConnection[requestsPerConnection.length - 1] = socket.served;
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const clock = testClock(STUDIO_NOW);
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const hook = await tdb.store.createWebhook(
      { url, secret: 'whsec_y', events: ['booking.paid'], active: true, description: '' },
      clock.now(),
    );
    const deps = { store: tdb.store, clock, presentBooking, outbound: ALLOW };
    for (let i = 1; i <= 3; i++) {
      const job = { webhookId: hook.id, eventId: `evt_${i}`, type: 'booking.paid' as const, body: '{}' };
      const claimed = {
        id: String(i),
        kind: 'webhook.deliver',
        payload: job,
        attempts: 1,
        maxAttempts: 10,
        createdAt: 0,
      };
      await deliverWebhook(deps, job, claimed);
    }
    expect(requestsPerConnection).toEqual([1, 1, 1]);
  } finally {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  }
});
