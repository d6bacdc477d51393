/**
 * `node --import tsx bench/writer-ab.ts [bin …]`: only http.ts's "month view while a writer books"
 * case, against one or more builds (paths to bin/slotwise.js; this checkout's when none), taken in
 * turn ROUNDS times (A/B/A/B on a loaded machine), each round on a fresh copy of one demo data dir.
 * Prints one line per run and the medians per build. BENCH_CPU_PROF=<dir> profiles the servers.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, p99 } from './figures.ts';
import { nextMonth } from './http.ts';
import { load } from './http-load.ts';
import { freeSlots, startWriter } from './http-writer.ts';
import { BIN, killChildrenOnExit, progress, startServer } from './proc.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const bins = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [BIN];
const root = mkdtempSync(join(tmpdir(), 'slotwise-writer-ab-'));
killChildrenOnExit(() => rmSync(root, { recursive: true, force: true }));

const demo = join(root, 'demo');
await (await startServer(demo, ['--demo'])).stop();
const url = (base: string) =>
  `${base}/api/v1/availability/month?service=portrait-session&staff=any&month=${nextMonth('Europe/Lisbon')}`;

const runs = new Map<string, { rate: number; p99: number; app50: number; app99: number }[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const bin of bins) {
    const dir = join(root, `run-${round}-${bins.indexOf(bin)}`);
    cpSync(demo, dir, { recursive: true });
    const server = await startServer(dir, [], 90_000, { LOG_LEVEL: 'info', TRUST_PROXY: '1' }, bin);
    try {
      const month = url('');
      await fetch(`${server.url}${month}`).then((r) => r.arrayBuffer());
      const picks = await freeSlots(server.url, 'free-consultation', nextMonth('Europe/Lisbon'), 200);
      const writer = startWriter(server.url, 'free-consultation', 'none', picks, 20);
      const { result, server: app } = await load(server.url, [month]);
      const statuses = await writer.stop();
      const r = { rate: result.requests.average, p99: result.latency.p99, app50: median(app), app99: p99(app) };
      runs.set(bin, [...(runs.get(bin) ?? []), r]);
      const bad = result.non2xx + result.errors + result.timeouts;
      console.log(
        `${bin}  load ${loadavg()[0]?.toFixed(1)}  ${r.rate.toFixed(0)} req/s  p50/p99 ${result.latency.p50}/${r.p99} ms  app ${r.app50.toFixed(2)}/${r.app99.toFixed(2)} ms  writes ${JSON.stringify(statuses)}${bad ? `  BAD ${bad}` : ''}`,
      );
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
for (const [bin, rs] of runs) {
  const m = (f: (r: (typeof rs)[number]) => number) => median(rs.map(f)).toFixed(2);
  console.log(
    `median ${bin}: ${m((r) => r.rate)} req/s, client p99 ${m((r) => r.p99)} ms, app ${m((r) => r.app50)}/${m((r) => r.app99)} ms`,
  );
}
progress('done');
process.exit(0);
