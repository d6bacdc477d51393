/**
 * Rate limits hold across processes (issue 9, API.md "Rate limits"): two real `slotwise serve`
 * processes on one PostgreSQL server share their counters, because the counters are rows. Sign-in
 * attempts from one address, alternating between the processes, are refused at the limit's
 * count, not at twice it; the same for one client email's bookings. Without a PostgreSQL server
 * the file is skipped, visibly (test/support/postgres.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './support/cli.ts';
import { POSTGRES_SKIP_REASON, startTestPostgres, testPostgresAvailable } from './support/postgres.ts';
import { type Cluster, cluster, count } from './support/server-mode.ts';

const available = testPostgresAvailable();
if (!available) console.warn(POSTGRES_SKIP_REASON);

let c: Cluster;
let servers: RunningServer[] = [];

beforeAll(async () => {
  if (!available) return;
  const server = await startTestPostgres();
  if (!server) throw new Error(POSTGRES_SKIP_REASON);
  c = cluster(server);
  const limits = { RATE_LIMIT_PER_IP: '600', RATE_LIMITS: 'signin-ip=3/15m,booking-email=2/1h' };
  servers = [await c.serve(limits)];
  await c.importStudio();
  servers.push(await c.serve(limits));
}, 240_000);

afterAll(async () => {
  await c?.close();
}, 120_000);

const post = (base: string, path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe.skipIf(!available)('rate limits across two processes on one PostgreSQL server', () => {
  it('sign-in from one address: three attempts in all, alternating processes, then 429 from either', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const s = servers[i % 2] as RunningServer;
      const res = await post(s.url, '/api/v1/admin/session', { email: 'nobody@studio.test', password: 'wrong guess' });
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
      await res.body?.cancel();
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(290);
    expect(Number(retryAfter)).toBeLessThanOrEqual(300);
  });

  it('one client email: two bookings an hour, whichever process takes them', async () => {
    const month = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 7);
    const base = (servers[0] as RunningServer).url;
    const view = (await (
      await fetch(`${base}/api/v1/availability/month?service=consult&staff=1&month=${month}`)
    ).json()) as { firstAvailable: string };
    const day = (await (
      await fetch(`${base}/api/v1/availability/day?service=consult&staff=1&date=${view.firstAvailable}`)
    ).json()) as { slots: { start: string }[] };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = servers[i % 2] as RunningServer;
      const start = day.slots[i * 2]?.start;
      const res = await post(s.url, '/api/v1/bookings', {
        service: 'consult',
        staff: '1',
        start,
        client: { name: 'Same Person', email: 'same@clients.test' },
      });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses).toEqual([201, 201, 429]);
    expect(
      await count(
        c.db,
        "SELECT count(*) AS n FROM bookings WHERE client_id IN (SELECT id FROM clients WHERE email = 'same@clients.test')",
      ),
    ).toBe(2);
  });
});
