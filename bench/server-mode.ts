/**
 * Booking creation against a PostgreSQL server (DATABASE_URL) with 1 and with 3 Slotwise
 * processes: distinct bookings, 30 in flight in all, spread evenly over the processes. Three
 * servers are started on one throwaway PostgreSQL (test/support/postgres.ts; skipped when there
 * is none) and warmed up; then rounds of 1 and of 3 processes alternate, so that the machine's
 * drift falls on both alike. In a 1-process round the other two are frozen (SIGSTOP), so their
 * job workers cannot send its emails. Each round is timed to its last answer and to its last
 * email sent, and the next round starts only once every job is done.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startTestPostgres } from '../test/support/postgres.ts';
import { bookingRoundTrips } from '../test/support/round-trips.ts';
import { type Figure, median } from './figures.ts';
import { progress, runSlotwise, startServer } from './proc.ts';

const STAFF = 30;
/** Rounds, each one run with 1 process and one with 3 (in alternating order), on the same servers. */
const ROUNDS = 5;
const PER_ROUND = 600;
/**
 * Bookings each process makes before the measured run, not counted: a fresh process runs its
 * first requests unoptimised (JIT) and loads code lazily, and three processes would each pay that
 * in a run one process pays it once in — the comparison is of steady state.
 */
const WARM_UP_PER_PROCESS = 300;
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
  const startedAt = Date.now();
  const t0 = performance.now();
  // autocannon ends a run with `amount` only on its next 1-second sampling tick, so its end would
  // round the duration up to whole seconds: the run is timed to the last answer instead.
  let lastAnswer = t0;
  const shares = urls.map((_, p) => work.filter((_, i) => i % urls.length === p));
  const results = await Promise.all(
    urls.map((url, p) => {
      const share = shares[p] as { staff: string; start: string }[];
      let next = 0;
      const run = autocannon({
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
      run.on('response', () => {
        lastAnswer = performance.now();
      });
      return run;
    }),
  );
  const seconds = (lastAnswer - t0) / 1000;
  const ok = results.reduce((n, r) => n + r['2xx'], 0);
  const bad = results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
  return {
    rate: ok / seconds,
    startedAt,
    seconds,
    ok,
    bad,
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
  };
}

/** The slots still free for the next rounds: the members, and the first day no round used yet. */
interface Rig {
  readonly staffIds: string[];
  firstDay: number;
}

/**
 * Each booking queues its emails; the workers send them during the run and after it. A round
 * starts only once the last one's jobs are all done, so no round pays for another's emails.
 */
function drainer(url: string): {
  /** Waits until no job is left to run; when the last one was done (ms since the epoch). */
  drained: () => Promise<number>;
  vacuum: () => Promise<void>;
  close: () => Promise<void>;
} {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return {
    async drained() {
      const t0 = performance.now();
      for (;;) {
        // done_at is written by the servers from the same clock as Date.now() here.
        const { rows } = await pool.query<{ n: string; last: string | null }>(
          `SELECT count(*) FILTER (WHERE done_at IS NULL AND failed_at IS NULL) AS n,
             extract(epoch FROM max(done_at)) * 1000 AS last FROM jobs`,
        );
        if (Number(rows[0]?.n) === 0) return Number(rows[0]?.last);
        if (performance.now() - t0 > 120_000) throw new Error(`jobs still queued after 120 s: ${rows[0]?.n}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    /** Autovacuum would otherwise pick the warm-up's dead rows up during the first round measured. */
    vacuum: async () => {
      await pool.query('VACUUM ANALYZE');
    },
    close: () => pool.end(),
  };
}

/** The next `n` distinct slots, on days no earlier round used. */
function nextWork(rig: Rig, n: number) {
  const work = picks(rig.staffIds, rig.firstDay, n);
  rig.firstDay += Math.ceil(n / (rig.staffIds.length * 32)) + 1;
  return work;
}

export async function runServerMode(): Promise<Figure[]> {
  const server = await startTestPostgres();
  if (!server) {
    progress('server mode: no PostgreSQL binaries and no TEST_DATABASE_URL: skipped');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-bench-pg-'));
  // The servers reach PostgreSQL through its Unix socket, as processes on the database's own host
  // should (docs/DEPLOY.md): loopback TCP costs both sides a network stack per statement.
  const env = { DATABASE_URL: server.socketUrl ?? server.url, SLOTWISE_SECRET: SECRET, ...passThrough() };
  try {
    const file = join(dir, 'setup.json');
    writeFileSync(file, JSON.stringify(setup));
    const out = await runSlotwise(['import', file], dir, 120_000, env);
    const staffIds = Object.values((JSON.parse(out) as { staff: Record<string, string> }).staff);
    progress(
      `server mode: 3 processes on one PostgreSQL, ${ROUNDS} rounds of ${PER_ROUND} bookings with 1 and with 3…`,
    );
    const servers = await Promise.all(Array.from({ length: 3 }, () => startServer(dir, [], 90_000, env)));
    const jobs = drainer(server.url);
    try {
      const urls = servers.map((s) => s.url);
      const rig: Rig = { staffIds, firstDay: 2 };
      await Promise.all(urls.map((url, p) => drive([url], nextWork(rig, WARM_UP_PER_PROCESS), `w${p}`)));
      await jobs.drained();
      await jobs.vacuum();
      const runs: Record<1 | 3, Round[]> = { 1: [], 3: [] };
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate which goes first, so a drift in the machine's speed falls on both alike.
        const order: (1 | 3)[] = round % 2 === 0 ? [1, 3] : [3, 1];
        for (const n of order) {
          // One process means one: the others are frozen (SIGSTOP) so that their workers cannot
          // take a share of its emails. Between rounds no job is in hand, so they hold nothing.
          const resting = servers.slice(n);
          for (const s of resting) process.kill(s.pid, 'SIGSTOP');
          try {
            const run = await drive(urls.slice(0, n), nextWork(rig, PER_ROUND), `r${round}p${n}`);
            runs[n].push({ ...run, allSent: (await jobs.drained()) - run.startedAt });
          } finally {
            for (const s of resting) process.kill(s.pid, 'SIGCONT');
          }
        }
      }
      progress('server mode: round trips per booking, counted in process…');
      return [...serverModeFigures(runs), await roundTripFigure(server.url, nextWork(rig, ROUND_TRIP_BOOKINGS))];
    } finally {
      await jobs.close();
      await Promise.all(servers.map((s) => s.stop()));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}

/** Bookings whose round trips are counted (one at a time, in this process). */
const ROUND_TRIP_BOOKINGS = 20;

/** Issue 22 point 5: round trips to PostgreSQL per booking's request (test/support/round-trips.ts). */
async function roundTripFigure(url: string, work: { staff: string; start: string }[]): Promise<Figure> {
  const { perBooking, statements } = await bookingRoundTrips(url, 'cut', work);
  const most = Math.max(...perBooking);
  return {
    group: 'pg',
    name: 'round trips per booking',
    median: median(perBooking),
    p99: most,
    unit: 'trips',
    target: '<= 3',
    met: most <= 3,
    note: `${perBooking.length} bookings one at a time, counted at node-postgres as the longest chain of waits (pipelined statements share one, decision 040; ${median(statements)} statements); rate limits on, Idempotency-Key sent`,
  };
}

/** Environment worth handing to the servers from the bench's own: DATABASE_POOL_SIZE, to bench a pool size. */
function passThrough(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['DATABASE_POOL_SIZE']) {
    const value = process.env[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** One round: its bookings answered, and when the emails they queued had all been sent (ms after the start). */
type Round = Awaited<ReturnType<typeof drive>> & { readonly allSent: number };

/**
 * Two rates per round: bookings answered per second (to the last 201), and bookings per second
 * until the emails they queued had all been sent, which is what the processes can keep up: a
 * process that answers faster than its worker sends only grows a backlog. The comparison of 1 and
 * 3 processes is made on the second, round by round.
 */
function serverModeFigures(runs: Record<1 | 3, Round[]>): Figure[] {
  const answered = (n: 1 | 3) => runs[n].map((r) => r.rate);
  const sustained = (n: 1 | 3) => runs[n].map((r) => r.ok / (Math.max(r.allSent, r.seconds * 1000) / 1000));
  const ratios = runs[1].map((_, i) => (sustained(3)[i] ?? Number.NaN) / (sustained(1)[i] ?? Number.NaN));
  const wins = ratios.filter((r) => r > 1).length;
  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  const figures: Figure[] = [];
  for (const n of [1, 3] as const) {
    const all = runs[n];
    const failed = all.reduce((k, r) => k + r.bad, 0);
    const procs = `${n} process${n > 1 ? 'es' : ''}`;
    figures.push(
      {
        group: 'pg',
        name: `${procs}, ${IN_FLIGHT} in flight, answered`,
        median: median(answered(n)),
        p99: null,
        unit: 'bookings/s',
        target: null,
        met: null,
        note: `${ROUNDS} rounds of ${PER_ROUND}: ${list(answered(n))}/s; ${all.reduce((k, r) => k + r.ok, 0)}×201${failed ? `, ${failed} failed` : ''}`,
      },
      {
        group: 'pg',
        name: `${procs}, sustained (emails sent too)`,
        median: median(sustained(n)),
        p99: null,
        unit: 'bookings/s',
        target: null,
        met: null,
        note: `per round: ${list(sustained(n))}/s; last email ${median(all.map((r) => r.allSent / 1000 - r.seconds)).toFixed(2)} s after the last 201 (median)`,
      },
      {
        group: 'pg',
        name: `  latency, ${procs}`,
        median: median(all.map((r) => r.p50)),
        p99: Math.max(...all.map((r) => r.p99)),
        unit: 'ms',
        target: null,
        met: null,
      },
    );
  }
  figures.push({
    group: 'pg',
    name: '3 processes ÷ 1, sustained, same round',
    median: median(ratios),
    p99: null,
    unit: '×',
    target: '> 1',
    met: median(ratios) > 1,
    note: `per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; 3 ahead in ${wins} of ${ROUNDS}`,
  });
  return figures;
}
