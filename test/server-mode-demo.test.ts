/**
 * Server mode: two `slotwise serve --demo` processes started together on one empty PostgreSQL
 * database load the demo studio once (the set-up lock), not twice; and a catalogue change made
 * through one process (hours, by the admin API) shows at once in the availability another serves
 * (its cached catalogue is dropped by LISTEN/NOTIFY).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, runCli, startCli } from './support/cli.ts';
import { POSTGRES_SKIP_REASON, startTestPostgres, testPostgresAvailable } from './support/postgres.ts';
import { type Cluster, cluster, count, exitOf, problems } from './support/server-mode.ts';

const available = testPostgresAvailable();
if (!available) console.warn(POSTGRES_SKIP_REASON);

let c: Cluster;
const servers: RunningServer[] = [];

beforeAll(async () => {
  if (!available) return;
  const server = await startTestPostgres();
  if (!server) throw new Error(POSTGRES_SKIP_REASON);
  c = cluster(server);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => exitOf(s)));
  await c?.close();
}, 120_000);

describe.skipIf(!available)('the demo and the catalogue across processes', () => {
  it('two processes started with --demo on an empty database load the demo once', async () => {
    servers.push(...(await Promise.all([0, 1].map(() => startCli(['serve', '--demo'], c.env(), 180_000)))));
    const loaded = servers.map((s) => /Loaded the demo studio: .*, (\d+) bookings\./.exec(s.output())?.[1] ?? null);
    expect(loaded.filter((n) => n !== null)).toHaveLength(1);
    const made = Number(loaded.find((n) => n !== null));
    expect(made).toBeGreaterThan(0);
    expect(await count(c.db, 'SELECT count(*) AS n FROM bookings')).toBe(made);
    expect(await count(c.db, "SELECT count(*) AS n FROM users WHERE role = 'admin'")).toBe(1);
    for (const s of servers) expect(problems(s)).toEqual([]);
  }, 240_000);

  it('hours changed through one process change the availability the other serves, at once', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const key = await runCli(['create-api-key', '--role', 'admin'], c.env(), 120_000);
    const apiKey = /swk_[A-Za-z0-9_-]{43}/.exec(key.stdout)?.[0];
    expect(apiKey, key.stdout + key.stderr).toBeDefined();
    const services = (await (await fetch(`${b.url}/api/v1/services`)).json()) as {
      services: { slug: string; staff: { id: string }[] }[];
    };
    const service = services.services[0] as { slug: string; staff: { id: string }[] };
    const staff = (service.staff[0] as { id: string }).id;
    const month = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 7);
    const monthOn = async (base: string) =>
      (await (
        await fetch(`${base}/api/v1/availability/month?service=${service.slug}&staff=${staff}&month=${month}`)
      ).json()) as { days: { date: string; status: string }[] };
    const before = await monthOn(b.url);
    expect(before.days.some((d) => d.status === 'available')).toBe(true);

    const off = await fetch(`${a.url}/api/v1/admin/staff/${staff}/hours`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ hours: {} }),
    });
    expect(off.status).toBe(200);
    // Process b served (and cached) this catalogue before; NOTIFY reaches it within milliseconds.
    const after = await c.waitFor(
      'the other process to see the new hours',
      async () => {
        const m = await monthOn(b.url);
        return m.days.every((d) => d.status === 'closed' || d.status === 'past') ? m : undefined;
      },
      5000,
      20,
    );
    expect(after.days.length).toBe(before.days.length);
  }, 120_000);
});
