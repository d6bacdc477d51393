/**
 * Booking through HTTP, two builds side by side (A/B, alternating round by round on the same
 * machine): `BENCH_BIN` is A (another checkout's bin/slotwise.js; default: this one), this
 * checkout is B. Each build serves its own fresh copy of the heavy set-up; each round books
 * `BENCH_AB_N` distinct slots one at a time, then as many 10 in flight, on A then B (B then A on
 * even rounds). Prints each round and the medians: bookings/s, latency p50/p99, and the server's
 * CPU per booking (/proc, its emails included as they are sent), the figure least moved by load.
 *
 *   BENCH_BIN=/path/to/base/bin/slotwise.js node --import tsx bench/booking-ab.ts
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bookAll, freeSlots, type Pick } from './booking.ts';
import { median, p99 } from './figures.ts';
import { killChildrenOnExit, progress, type Server, startServer } from './proc.ts';
import { getSeeds, removeSeeds } from './seed.ts';

const ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 4);
const N = Number(process.env.BENCH_AB_N ?? 150);
const WARMUP = 30;
const bins = {
  A: process.env.BENCH_BIN ?? fileURLToPath(new URL('../bin/slotwise.js', import.meta.url)),
  B: fileURLToPath(new URL('../bin/slotwise.js', import.meta.url)),
};

killChildrenOnExit(removeSeeds);
const seeds = await getSeeds();
type Side = 'A' | 'B';
const servers = new Map<Side, { server: Server; picks: Pick[] }>();
for (const side of ['A', 'B'] as const) {
  const dir = seeds.copyHeavy(`ab-${side}`);
  const server = await startServer(dir, [], 90_000, {}, bins[side]);
  const picks = await freeSlots(server.url, { ...seeds.heavy, dir }, WARMUP + ROUNDS * 2 * N);
  const warm = await bookAll(server.url, seeds.heavy.service, picks.splice(0, WARMUP), 1);
  if (!warm.outcomes.every((o) => o.status === 201)) throw new Error(`${side}: warm-up failed`);
  servers.set(side, { server, picks });
}
const rows: Record<
  string,
  { side: Side; mode: string; rate: number; p50: number; p99: number; cpu: number; all: number }[]
> = {};
const load0 = loadavg()[0] ?? 0;
for (let r = 0; r < ROUNDS; r++) {
  const order: Side[] = r % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
  for (const side of order) {
    const { server, picks } = servers.get(side) as { server: Server; picks: Pick[] };
    for (const [mode, inFlight] of [
      ['sequential', 1],
      ['10-way', 10],
    ] as const) {
      const run = await bookAll(server.url, seeds.heavy.service, picks.splice(0, N), inFlight, server.pid);
      const bad = run.outcomes.filter((o) => o.status !== 201).length;
      if (bad > 0) throw new Error(`${side} ${mode}: ${bad} not 201`);
      const ms = run.outcomes.map((o) => o.ms);
      const row = {
        side,
        mode,
        rate: run.outcomes.length / run.seconds,
        p50: median(ms),
        p99: p99(ms),
        cpu: run.cpuMs ?? Number.NaN,
        all: run.cpuAllMs ?? Number.NaN,
      };
      const key = `${side} ${mode}`;
      rows[key] = [...(rows[key] ?? []), row];
      progress(
        `round ${r + 1} ${side} ${mode}: ${row.rate.toFixed(0)}/s p50 ${row.p50.toFixed(1)} p99 ${row.p99.toFixed(1)} ms, CPU ${row.cpu.toFixed(2)} ms/booking, ${row.all.toFixed(2)} with its emails`,
      );
    }
  }
}
const load1 = loadavg()[0] ?? 0;
console.log(
  `booking A/B, ${ROUNDS} rounds × ${N} each, ${cpus().length} cores, load ${load0.toFixed(1)} → ${load1.toFixed(1)}`,
);
console.log(
  'side mode         rate/s (rounds)                 p50 ms  p99 ms  CPU ms/booking (rounds)   with its emails (rounds)',
);
for (const [key, list] of Object.entries(rows)) {
  const m = (f: (x: (typeof list)[number]) => number) => median(list.map(f));
  console.log(
    `${key.padEnd(17)} ${m((x) => x.rate)
      .toFixed(0)
      .padStart(4)} (${list.map((x) => x.rate.toFixed(0)).join('/')})`.padEnd(50) +
      `${m((x) => x.p50)
        .toFixed(1)
        .padStart(6)}  ${m((x) => x.p99)
        .toFixed(1)
        .padStart(6)}  ${m((x) => x.cpu).toFixed(2)} (${list.map((x) => x.cpu.toFixed(2)).join('/')})`.padEnd(84) +
      `${m((x) => x.all).toFixed(2)} (${list.map((x) => x.all.toFixed(2)).join('/')})`,
  );
}
for (const { server } of servers.values()) await server.stop();
removeSeeds();
