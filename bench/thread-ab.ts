/**
 * `node --import tsx bench/thread-ab.ts`: PGlite on a worker thread against PGlite on the main
 * thread (PGLITE_THREAD=worker|main, decision 045): one server of each on its own copy of the heavy
 * set-up, both running; each round books a batch one at a time and a batch 10 in flight on each in
 * turn (A/B/B/A…, so the loaded machine's drifts hit both). Prints the median batch rate, p50/p99
 * over all bookings, server CPU per booking (all threads) and resident memory after start and at
 * the end. BENCH_BIN=<bin/slotwise.js> runs another checkout's build.
 */
import { loadavg } from 'node:os';
import { bookAll, freeSlots, type Pick } from './booking.ts';
import { median, p99 } from './figures.ts';
import { killChildrenOnExit, progress, rssMB, type Server, startServer } from './proc.ts';
import { getSeeds, removeSeeds } from './seed.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 10);
const SEQUENTIAL = Number(process.env.SEQUENTIAL ?? 25);
const CONCURRENT = Number(process.env.CONCURRENT ?? 50);
const WARMUP = 20;
const MODES = (process.env.MODES ?? 'main,worker').split(',');
killChildrenOnExit(removeSeeds);

interface Batch {
  rate: number;
  cpu: number;
  ms: number[];
}
interface Mode {
  server: Server;
  picks: Pick[];
  seq: Batch[];
  conc: Batch[];
  rssStart: number;
}

const seeds = await getSeeds();
const f = (n: number) => n.toFixed(1);
const modes = new Map<string, Mode>();
for (const mode of MODES) {
  const dir = seeds.copyHeavy(`thread-ab-${mode}`);
  const server = await startServer(dir, [], 90_000, { PGLITE_THREAD: mode });
  const rssStart = rssMB(server.pid);
  const picks = await freeSlots(server.url, { ...seeds.heavy, dir }, WARMUP + ROUNDS * (SEQUENTIAL + CONCURRENT));
  await bookAll(server.url, seeds.heavy.service, picks.splice(0, WARMUP), 1);
  modes.set(mode, { server, picks, seq: [], conc: [], rssStart });
}
const batch = async (m: Mode, n: number, inFlight: number): Promise<Batch> => {
  const run = await bookAll(m.server.url, seeds.heavy.service, m.picks.splice(0, n), inFlight, m.server.pid);
  const bad = run.outcomes.filter((o) => o.status !== 201).length;
  if (bad) throw new Error(`${bad} bookings not created`);
  return { rate: run.outcomes.length / run.seconds, cpu: run.cpuMs ?? 0, ms: run.outcomes.map((o) => o.ms) };
};
const loads: number[] = [];
try {
  // Every round books a batch on each server in turn, so drifts in the machine's load hit both.
  for (let round = 0; round < ROUNDS; round++) {
    loads.push(loadavg()[0] ?? 0);
    const order = round % 2 === 0 ? MODES : [...MODES].reverse();
    for (const mode of order) {
      const m = modes.get(mode) as Mode;
      m.seq.push(await batch(m, SEQUENTIAL, 1));
      m.conc.push(await batch(m, CONCURRENT, 10));
    }
    progress(
      `round ${round} load ${f(loads.at(-1) ?? 0)}: ` +
        MODES.map((mode) => {
          const m = modes.get(mode) as Mode;
          return `${mode} ${f(m.seq.at(-1)?.rate ?? 0)}/s, 10-way ${f(m.conc.at(-1)?.rate ?? 0)}/s`;
        }).join(' | '),
    );
  }
  for (const [mode, m] of modes) {
    const rate = (bs: Batch[]) => f(median(bs.map((b) => b.rate)));
    const cpu = (bs: Batch[]) => f(median(bs.map((b) => b.cpu)));
    const lat = (bs: Batch[]) => {
      const all = bs.flatMap((b) => b.ms);
      return `p50 ${f(median(all))} p99 ${f(p99(all))} ms`;
    };
    process.stdout.write(
      `${mode.padEnd(6)} sequential ${rate(m.seq)}/s ${lat(m.seq)} cpu ${cpu(m.seq)} ms | ` +
        `10-way ${rate(m.conc)}/s ${lat(m.conc)} cpu ${cpu(m.conc)} ms | rss ${f(m.rssStart)} → ${f(rssMB(m.server.pid))} MB\n`,
    );
  }
  process.stdout.write(`load average (1 min) per round: ${loads.map(f).join(' ')}\n`);
} finally {
  for (const m of modes.values()) await m.server.stop();
  removeSeeds();
}
