/**
 * Start-up: from spawning `slotwise serve --port N` on the existing (migrated, demo-loaded) data
 * dir to the first 200 on GET /api/v1/business, median of 5 runs; then the resident memory of
 * the server idle and during a 5 s autocannon run on month availability.
 */
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { type Figure, median, meets, p99 } from './figures.ts';
import { nextMonth } from './http.ts';
import { freePort, progress, rssMB, spawnSlotwise, stopper } from './proc.ts';
import { getSeeds } from './seed.ts';

const RUNS = 5;
const POLL_MS = 20;
const GIVE_UP_MS = 30_000;
const START_TARGET = '< 2000';
const IDLE_TARGET = '< 150';
const LOAD_S = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const stop = (child: ChildProcess): Promise<void> => stopper(child)();

/** Spawns the server and polls until GET /api/v1/business answers 200; ms from spawn. */
async function startTimed(dir: string): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t = process.hrtime.bigint();
  const child = spawnSlotwise(['serve', '--port', String(port)], dir);
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
    const child = last?.child;
    if (!last || child?.pid === undefined) throw new Error('no server left running');
    progress('startup: memory idle, then under load…');
    const idle = await sampleWhile(child.pid, 200, sleep(1000));
    const url = `${last.url}/api/v1/availability/month?service=${demo.service}&staff=any&month=${nextMonth(demo.zone)}`;
    const run = autocannon({ url, connections: 10, duration: LOAD_S, timeout: 10 });
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
        target: null,
        met: null,
        note: `VmRSS during ${LOAD_S} s month availability ×10 (${rate})`,
      },
    ];
  } finally {
    if (last) await stop(last.child);
  }
}
