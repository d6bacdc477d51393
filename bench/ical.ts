/**
 * Parsing and expanding a 2 MB calendar file (src/ical/fixtures/big-feed.ts, a Google-style
 * export): the time it takes and the longest the event loop is held meanwhile (issue 18: under
 * 1 s, no stall over 50 ms). Two ways are measured (decision 026):
 * - sliced: expandFeed on the main thread, yielding every SLICE_MS (what the product does);
 * - a worker per feed: the same call in a worker thread started for it (start-up included);
 * - one worker kept: the same call sent to a worker started once (start-up not counted).
 * The stall is the longest gap between two turns of a setImmediate ticker on the main thread.
 * The first run of each is cold (modules just loaded, nothing optimised), as a server's first poll.
 *
 * Runs on its own: `node --import tsx bench/ical.ts`; `npm run bench` runs it as the part "ical".
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bigFeed } from '../src/ical/fixtures/big-feed.ts';
import { type ExpandOptions, expandFeed, type FeedResult } from '../src/ical/index.ts';
import { type Figure, median } from './figures.ts';

const FROM = Date.parse('2027-03-01T00:00:00Z');
const OPTIONS: ExpandOptions = { from: FROM, to: FROM + 90 * 86_400_000, floatingZone: 'Europe/Paris' };
const WARM_RUNS = 7;

interface Run {
  readonly ms: number;
  readonly stallMs: number;
  readonly result: FeedResult;
}

/** Runs `work` while a setImmediate ticker records the longest gap between its turns. */
async function measured(work: () => Promise<FeedResult>): Promise<Run> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  running = false;
  longest = Math.max(longest, performance.now() - last);
  return { ms, stallMs: longest, result };
}

/** A worker thread with tsx's loader (Node 20 workers do not inherit it), running ical-worker.ts. */
function startWorker(): Worker {
  const script = new URL('./ical-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(script)}); })`;
  return new Worker(boot, { eval: true });
}

function ask(worker: Worker, text: string): Promise<FeedResult> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage({ text, options: OPTIONS });
  });
}

/** A worker started for the feed and ended after it, as a job would without a pool. */
async function inNewWorker(text: string): Promise<FeedResult> {
  const worker = startWorker();
  try {
    return await ask(worker, text);
  } finally {
    await worker.terminate();
  }
}

async function series(name: string, work: () => Promise<FeedResult>) {
  const cold = await measured(work);
  const warm: Run[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await measured(work));
  for (const r of [cold, ...warm]) if (!r.result.ok) throw new Error(`${name}: ${r.result.message}`);
  return { name, cold, warm };
}

export async function runIcal(): Promise<Figure[]> {
  const feed = bigFeed(2 * 1024 * 1024, '2027-03-01', 90);
  const sliced = await series('sliced', () => expandFeed(feed.text, OPTIONS));
  const fresh = await series('new worker', () => inNewWorker(feed.text));
  const kept = startWorker();
  const pooled = await series('kept worker', () => ask(kept, feed.text));
  await kept.terminate();
  const out: Figure[] = [];
  const events = `${feed.events} events, ${(feed.text.length / 2 ** 20).toFixed(1)} MiB`;
  const labels: Record<string, string> = {
    sliced: 'main thread, sliced (product)',
    'new worker': 'a worker per feed',
    'kept worker': 'one worker kept',
  };
  for (const s of [sliced, fresh, pooled]) {
    const ms = s.warm.map((r) => r.ms);
    const stalls = s.warm.map((r) => r.stallMs);
    const label = labels[s.name];
    out.push(
      fig(`2 MB feed, ${label}: parse + expand`, ms, '< 1000', `cold ${s.cold.ms.toFixed(0)} ms; ${events}`),
      fig(`  longest event-loop stall meanwhile`, stalls, '< 50', `cold ${s.cold.stallMs.toFixed(1)} ms`),
    );
  }
  return out;
}

function fig(name: string, samples: number[], target: string, note: string): Figure {
  const m = median(samples);
  const worst = Math.max(...samples);
  const limit = Number(target.replace(/[^\d.]/g, ''));
  return { group: 'ical', name, unit: 'ms', median: round(m), p99: round(worst), target, met: worst < limit, note };
}

const round = (n: number) => Math.round(n * 10) / 10;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of await runIcal()) {
    const met = f.met ? '✓' : '✗';
    process.stdout.write(
      `${f.name.padEnd(60)} median ${String(f.median).padStart(6)} ms  worst ${String(f.p99).padStart(6)} ms  ${f.target} ${met}  ${f.note ?? ''}\n`,
    );
  }
}
