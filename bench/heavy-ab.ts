/**
 * `node --import tsx bench/heavy-ab.ts [bin …]`: only http.ts's "uncached day view, heavy any +
 * sources" case, against one or more builds (paths to bin/slotwise.js; this checkout's when none),
 * taken in turn ROUNDS times (A/B/A/B on a loaded machine), each round on a fresh copy of one
 * seeded heavy-sources data dir (SERVICE=class: its group class instead). Prints one line per
 * run and the medians per build. A build may
 * carry settings for its server after commas: `bin/slotwise.js,LOG_LEVEL=warn`.
 * BENCH_CPU_PROF=<dir> profiles the servers.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, dateOf, weekdayOf } from '../src/core/index.ts';
import { AbRuns } from './ab-runs.ts';
import { load } from './http-load.ts';
import { BIN, killChildrenOnExit, progress, startServer } from './proc.ts';
import { getSeeds, removeSeeds } from './seed.ts';
import { seedHeavySources } from './seed-sources.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const bins = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [BIN];
killChildrenOnExit(removeSeeds);

const seeds = await getSeeds();
const heavy = await seedHeavySources(seeds);
const days: string[] = [];
for (let d = addDays(dateOf(Date.now(), heavy.zone), 1); days.length < 20; d = addDays(d, 1)) {
  if (weekdayOf(d) !== 'sun') days.push(d);
}
// SERVICE=class: the group class (capacity 8, five teachers, seats sold) instead of the heavy service.
const service = process.env.SERVICE ?? heavy.service;
const paths = days.map((d) => `/api/v1/availability/day?service=${service}&staff=any&date=${d}`);

const runs = new AbRuns();
for (let round = 0; round < ROUNDS; round++) {
  for (const bin of bins) {
    const dir = join(seeds.root, `ab-${round}-${bins.indexOf(bin)}`);
    cpSync(heavy.dir, dir, { recursive: true });
    const [path = BIN, ...settings] = bin.split(',');
    const env = { LOG_LEVEL: 'info', TRUST_PROXY: '1', ...Object.fromEntries(settings.map((s) => s.split('='))) };
    const server = await startServer(dir, [], 90_000, env, path);
    try {
      for (const p of paths) {
        const res = await fetch(`${server.url}${p}`);
        if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
        await res.arrayBuffer();
      }
      runs.record(bin, await load(server.url, paths));
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
runs.printMedians();
progress('done');
process.exit(0);
