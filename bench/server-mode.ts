/**
 * Booking creation against a PostgreSQL server (DATABASE_URL) with 1 and then 3 Slotwise
 * processes: distinct bookings, 30 in flight, spread round-robin over the processes. Shows that
 * the server mode scales out (the embedded database serves one process). Uses a throwaway
 * PostgreSQL from the machine's binaries (test/support/postgres.ts); skipped when there is none.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestPostgres } from '../test/support/postgres.ts';
import { type Figure, median, p99 } from './figures.ts';
import { progress, runSlotwise, startServer } from './proc.ts';

const STAFF = 30;
const PER_RUN = 600;
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

async function drive(urls: string[], work: { staff: string; start: string }[], tag: string) {
  const ms: number[] = [];
  let next = 0;
  let statuses = new Map<number, number>();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < work.length; i = next++) {
        const w = work[i] as { staff: string; start: string };
        const s = performance.now();
        const res = await fetch(`${urls[i % urls.length]}/api/v1/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            service: 'cut',
            staff: w.staff,
            start: w.start,
            client: { name: 'Bench', email: `${tag}-${i}@bench.test` },
            payment: 'none',
          }),
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        ms.push(performance.now() - s);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  statuses = new Map([...statuses].sort());
  return { rate: work.length / seconds, ms, seconds, statuses };
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
        const work = picks(staffIds, firstDay, PER_RUN);
        firstDay += Math.ceil(PER_RUN / (STAFF * 32)) + 1;
        const r = await drive(
          servers.map((s) => s.url),
          work,
          `p${processes}`,
        );
        const codes = [...r.statuses].map(([s, n]) => `${n}×${s}`).join(', ');
        figures.push(
          {
            group: 'pg',
            name: `${processes} process${processes > 1 ? 'es' : ''}, ${IN_FLIGHT} in flight, distinct`,
            median: r.rate,
            p99: null,
            unit: 'bookings/s',
            target: null,
            met: null,
            note: `${PER_RUN} requests in ${r.seconds.toFixed(2)} s; ${codes}`,
          },
          {
            group: 'pg',
            name: `  latency, ${processes} process${processes > 1 ? 'es' : ''}`,
            median: median(r.ms),
            p99: p99(r.ms),
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
