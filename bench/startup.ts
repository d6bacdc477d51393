/**
 * Start-up: from spawning `slotwise serve --port N` on the existing (migrated, demo-loaded) data
 * dir to the first 200 on GET /api/v1/business, median of 5 runs; the demo's first start on an
 * empty dir (`serve --demo`: initdb, migrations, the demo loaded), median of 3; then the resident
 * memory of the server idle and during 5 s of uncached day views (20 dates in turn) and month
 * views. The server runs with its defaults (LOG_LEVEL info).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { type Figure, median, meets, p99 } from './figures.ts';
import { nextMonth } from './http.ts';
import { freePort, progress, rssMB, spawnSlotwise, stopper } from './proc.ts';
import { getSeeds, seedRoot } from './seed.ts';

const RUNS = 5;
const POLL_MS = 20;
const GIVE_UP_MS = 30_000;
const START_TARGET = '<= 1200';
const IDLE_TARGET = '<= 170';
const LOADED_TARGET = '<= 240';
const DEMO_RUNS = 3;
const ENV = { LOG_LEVEL: 'info' };
const LOAD_S = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const stop = (child: ChildProcess): Promise<void> => stopper(child)();

/** Spawns the server and polls until GET /api/v1/business answers 200; ms from spawn. */
async function startTimed(
  dir: string,
  extra: string[] = [],
): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t = process.hrtime.bigint();
  const child = spawnSlotwise(['serve', '--port', String(port), ...extra], dir, ENV);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const elapsed = () => Number(process.hrtime.bigint() - t) / 1e6;
  while (elapsed() < GIVE_UP_MS) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/api/v1/business`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return { child, url, ms: elapsed() };
    } catch {
      // not listening yet
    }
    await sleep(POLL_MS);
  }
  child.kill('SIGKILL');
  throw new Error(`no 200 from ${url}/api/v1/business within ${GIVE_UP_MS} ms:\n${out}`);
}

/** Samples the RSS of `pid` every `everyMs` until `done` settles. */
async function sampleWhile(pid: number, everyMs: number, done: PromiseLike<unknown>): Promise<number[]> {
  const samples: number[] = [];
  let finished = false;
  Promise.resolve(done).finally(() => {
    finished = true;
  });
  while (!finished) {
    samples.push(rssMB(pid));
    await sleep(everyMs);
  }
  return samples;
}

export async function runStartup(): Promise<Figure[]> {
  const { demo } = await getSeeds();
  const times: number[] = [];
  let last: { child: ChildProcess; url: string } | null = null;
  try {
    for (let i = 0; i < RUNS; i++) {
      progress(`startup: run ${i + 1}/${RUNS}…`);
      const started = await startTimed(demo.dir);
      times.push(started.ms);
      if (i < RUNS - 1) await stop(started.child);
      else last = started;
    }
    const demoTimes: number[] = [];
    for (let i = 0; i < DEMO_RUNS; i++) {
      progress(`startup: demo first start on an empty dir, run ${i + 1}/${DEMO_RUNS}…`);
      const dir = mkdtempSync(join(seedRoot(), 'first-start-'));
      const first = await startTimed(dir, ['--demo']);
      demoTimes.push(first.ms);
      await stop(first.child);
      rmSync(dir, { recursive: true, force: true });
    }
    const child = last?.child;
    if (!last || child?.pid === undefined) throw new Error('no server left running');
    progress('startup: memory idle, then under load…');
    const idle = await sampleWhile(child.pid, 200, sleep(1000));
    const month = `/api/v1/availability/month?service=${demo.service}&staff=any&month=${nextMonth(demo.zone)}`;
    const days = Array.from({ length: 20 }, (_, i) =>
      new Date(Date.now() + (i + 1) * 86_400_000).toISOString().slice(0, 10),
    );
    const requests = [
      month,
      ...days.map((d) => `/api/v1/availability/day?service=${demo.service}&staff=any&date=${d}`),
    ];
    const run = autocannon({
      url: last.url,
      connections: 10,
      duration: LOAD_S,
      timeout: 10,
      requests: requests.map((path) => ({ method: 'GET', path })),
    });
    const loaded = await sampleWhile(child.pid, 250, run);
    const r = await run;
    const rate = `${Math.round(r.requests.average)} req/s, non2xx=${r.non2xx}, errors=${r.errors}`;
    return [
      {
        group: 'startup',
        name: 'serve → first 200 (existing dir)',
        unit: 'ms',
        median: median(times),
        p99: p99(times),
        target: START_TARGET,
        met: meets(median(times), START_TARGET),
        note: `${RUNS} runs: ${times.map((t) => Math.round(t)).join(', ')} ms; polled every ${POLL_MS} ms`,
      },
      {
        group: 'startup',
        name: 'serve --demo → first 200 (empty dir)',
        unit: 'ms',
        median: median(demoTimes),
        p99: p99(demoTimes),
        target: null,
        met: null,
        note: `${DEMO_RUNS} runs: ${demoTimes.map((t) => Math.round(t)).join(', ')} ms; initdb, migrations, the demo loaded`,
      },
      {
        group: 'startup',
        name: 'resident memory idle',
        unit: 'MB',
        median: median(idle),
        p99: p99(idle),
        target: IDLE_TARGET,
        met: meets(median(idle), IDLE_TARGET),
        note: `VmRSS, ${idle.length} samples over 1 s after start`,
      },
      {
        group: 'startup',
        name: 'resident memory under load',
        unit: 'MB',
        median: median(loaded),
        p99: p99(loaded),
        target: LOADED_TARGET,
        met: meets(p99(loaded), LOADED_TARGET),
        note: `VmRSS during ${LOAD_S} s of day views (20 dates) and month views ×10 (${rate}); target on p99`,
      },
    ];
  } finally {
    if (last) await stop(last.child);
  }
}
