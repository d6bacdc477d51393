/**
 * Booking creation against a PostgreSQL server (DATABASE_URL) with 1 and then 3 Slotwise
 * processes: distinct bookings, 30 in flight, spread round-robin over the processes. Shows that
 * the server mode scales out (the embedded database serves one process). Each process is warmed up first. Uses a throwaway
 * PostgreSQL from the machine's binaries (test/support/postgres.ts); skipped when there is none.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startTestPostgres } from '../test/support/postgres.ts';
import type { Figure } from './figures.ts';
import { progress, runSlotwise, startServer } from './proc.ts';

const STAFF = 30;
const PER_RUN = 1200;
/**
 * Bookings each process makes before the measured run, not counted: a fresh process runs its
 * first requests unoptimised (JIT) and loads code lazily, and three processes would each pay that
 * in a run one process pays it once in — the comparison is of steady state.
 */
const WARM_UP_PER_PROCESS = 150;
const IN_FLIGHT = 30;
const SECRET = 'bench-server-mode-secret-at-least-32-characters';

const setup = {
  business: { name: 'Bench', timezone: 'UTC', currency: 'EUR', horizonDays: 400, slotStepMinutes: 30 },
  services: [{ key: 'cut', name: 'Cut', durationMinutes: 30, price: '0' }],
  staff: Array.from({ length: STAFF }, (_, i) => ({
    key: `s${i + 1}`,
    name: `Staff ${i + 1}`,
    email: `s${i + 1}@bench.test`,
    services: ['cut'],
    hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['06:00', '22:00']]])),
  })),
};

/** Distinct free (staff, start) pairs: 32 half-hours a day per member, days from `firstDay` on. */
function picks(staffIds: string[], firstDay: number, n: number): { staff: string; start: string }[] {
  const out: { staff: string; start: string }[] = [];
  const day0 = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  for (let d = firstDay; out.length < n; d++) {
    for (let k = 0; k < 32 && out.length < n; k++) {
      for (const staff of staffIds) {
        if (out.length >= n) break;
        out.push({ staff, start: new Date(day0 + d * 86_400_000 + (6 * 60 + 30 * k) * 60_000).toISOString() });
      }
    }
  }
  return out;
}

/**
 * Sends `work` as distinct booking requests spread evenly over the processes, IN_FLIGHT at a time
 * in all, with autocannon (one instance per process): a fetch()-based client cost about as much
 * CPU per booking as PostgreSQL did, on the same two cores as the servers.
 */
async function drive(urls: string[], work: { staff: string; start: string }[], tag: string) {
  const t0 = performance.now();
  const shares = urls.map((_, p) => work.filter((_, i) => i % urls.length === p));
  const results = await Promise.all(
    urls.map((url, p) => {
      const share = shares[p] as { staff: string; start: string }[];
      let next = 0;
      return autocannon({
        url,
        connections: Math.max(1, Math.round(IN_FLIGHT / urls.length)),
        amount: share.length,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/bookings',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => {
              const i = next++;
              const w = share[i % share.length] as { staff: string; start: string };
              return {
                ...req,
                body: JSON.stringify({
                  service: 'cut',
                  staff: w.staff,
                  start: w.start,
                  client: { name: 'Bench', email: `${tag}-${p}-${i}@bench.test` },
                  payment: 'none',
                }),
              };
            },
          },
        ],
      });
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const ok = results.reduce((n, r) => n + r['2xx'], 0);
  const bad = results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
  return {
    rate: ok / seconds,
    seconds,
    ok,
    bad,
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
  };
}

export async function runServerMode(): Promise<Figure[]> {
  const server = await startTestPostgres();
  if (!server) {
    progress('server mode: no PostgreSQL binaries and no TEST_DATABASE_URL: skipped');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-bench-pg-'));
  const env = { DATABASE_URL: server.url, SLOTWISE_SECRET: SECRET };
  try {
    const file = join(dir, 'setup.json');
    writeFileSync(file, JSON.stringify(setup));
    const out = await runSlotwise(['import', file], dir, 120_000, env);
    const staffIds = Object.values((JSON.parse(out) as { staff: Record<string, string> }).staff);
    const figures: Figure[] = [];
    let firstDay = 2;
    for (const processes of [1, 3]) {
      progress(`server mode: ${PER_RUN} distinct bookings, ${IN_FLIGHT} in flight, ${processes} process(es)…`);
      const servers = await Promise.all(Array.from({ length: processes }, () => startServer(dir, [], 90_000, env)));
      try {
        const urls = servers.map((s) => s.url);
        const warm = picks(staffIds, firstDay, WARM_UP_PER_PROCESS * processes);
        firstDay += Math.ceil(warm.length / (STAFF * 32)) + 1;
        await drive(urls, warm, `w${processes}`);
        const work = picks(staffIds, firstDay, PER_RUN);
        firstDay += Math.ceil(PER_RUN / (STAFF * 32)) + 1;
        const r = await drive(urls, work, `p${processes}`);
        figures.push(
          {
            group: 'pg',
            name: `${processes} process${processes > 1 ? 'es' : ''}, ${IN_FLIGHT} in flight, distinct`,
            median: r.rate,
            p99: null,
            unit: 'bookings/s',
            target: null,
            met: null,
            note: `${PER_RUN} requests in ${r.seconds.toFixed(2)} s; ${r.ok}×201${r.bad ? `, ${r.bad} failed` : ''}`,
          },
          {
            group: 'pg',
            name: `  latency, ${processes} process${processes > 1 ? 'es' : ''}`,
            median: r.p50,
            p99: r.p99,
            unit: 'ms',
            target: null,
            met: null,
          },
        );
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}
