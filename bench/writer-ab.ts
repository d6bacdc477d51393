/**
 * `node --import tsx bench/writer-ab.ts [bin …]`: only http.ts's "month view while a writer books"
 * case, against one or more builds (paths to bin/slotwise.js; this checkout's when none), taken in
 * turn ROUNDS times (A/B/A/B on a loaded machine), each round on a fresh copy of one demo data dir.
 * Prints one line per run and the medians per build. BENCH_CPU_PROF=<dir> profiles the servers.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbRuns } from './ab-runs.ts';
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

const runs = new AbRuns();
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
      const loaded = await load(server.url, [month]);
      const statuses = await writer.stop();
      runs.record(bin, loaded, `  writes ${JSON.stringify(statuses)}`);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
runs.printMedians();
progress('done');
process.exit(0);
