/**
 * `npm run bench`: core, iCalendar feeds, availability from every source through the app, HTTP availability, a past month's view, a year's report, booking create and start-up, in
 * that order (BENCH_ONLY picks parts by name); prints one table and writes bench/results.json with
 * the same numbers.
 * Every child process is killed on exit, also on error or Ctrl+C; the seeded dirs are removed.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bundleIsCurrent } from '../bin/bundle-check.js';
import { runBooking } from './booking.ts';
import { runBookingFloor } from './booking-floor.ts';
import { runCore } from './core.ts';
import { type Figure, machine } from './figures.ts';
import { runHttp } from './http.ts';
import { runIcal } from './ical.ts';
import { runPastMonth } from './past-month.ts';
import { killChildren, killChildrenOnExit, progress } from './proc.ts';
import { runReports } from './reports.ts';
import { removeSeeds } from './seed.ts';
import { runSeries } from './series.ts';
import { runServerMode } from './server-mode.ts';
import { runSources } from './sources.ts';
import { runStartup } from './startup.ts';

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

/** Three significant digits (whole numbers from 100 up): the table and results.json agree. */
function round(n: number): number {
  if (!Number.isFinite(n) || n === 0) return n;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(n))));
  return Number(n.toFixed(Math.min(digits, 6)));
}

const rounded = (f: Figure): Figure => ({ ...f, median: round(f.median), p99: f.p99 === null ? null : round(f.p99) });

function table(figures: readonly Figure[]): string {
  const head = ['group', 'figure', 'median', 'p99', 'unit', 'target', 'met', 'note'];
  const rows = figures.map((f) => [
    f.group,
    f.name,
    String(f.median),
    f.p99 === null ? '—' : String(f.p99),
    f.unit,
    f.target ?? '—',
    f.met === null ? '—' : f.met ? '✓' : '✗',
    f.note ?? '',
  ]);
  const numeric = new Set([2, 3]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A last resort: every part is bounded, but never leave a run (and its servers) behind. */
const WATCHDOG_MS = 12 * 60_000;

const load1 = () => Number((loadavg()[0] ?? 0).toFixed(2));

/**
 * The servers the bench starts run bin/slotwise.js, which falls back to the TypeScript sources when
 * a source is newer than the bundle (a checkout, an edit): slower to start and to serve, so the
 * figures would not be the product's. Built first when so (BENCH_BIN's build is its own affair).
 */
function bundleBuilt(): boolean {
  if (process.env.BENCH_BIN || bundleIsCurrent(new URL('../src/', import.meta.url))) return true;
  progress('the start-up bundle is older than the sources: building it first (npm run build)…');
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
  return build.status === 0 && bundleIsCurrent(new URL('../src/', import.meta.url));
}

async function main(): Promise<void> {
  if (!bundleBuilt()) {
    process.exitCode = 1;
    progress('FAILED: the bundle could not be built; the servers would run from the sources.');
    return;
  }
  killChildrenOnExit(removeSeeds);
  setTimeout(() => {
    progress(`gave up after ${WATCHDOG_MS / 60_000} minutes`);
    process.exit(1);
  }, WATCHDOG_MS).unref();
  const began = Date.now();
  const loadBefore = load1();
  progress(`load average (1 min) before the run: ${loadBefore} on ${machine().cores} cores`);
  const figures: Figure[] = [];
  const parts: [string, () => Promise<Figure[]>][] = [
    ['core', runCore],
    ['ical', runIcal],
    ['sources', runSources],
    ['series', runSeries],
    ['http', runHttp],
    ['past month', runPastMonth],
    ['reports', runReports],
    ['booking', runBooking],
    ['booking floor', runBookingFloor],
    ['startup', runStartup],
    ['server mode', runServerMode],
  ];
  // BENCH_ONLY=name,name: only those parts (e.g. BENCH_ONLY="past month" npm run bench).
  const only = process.env.BENCH_ONLY?.split(',').map((p) => p.trim());
  try {
    for (const [name, run] of parts.filter(([name]) => !only || only.includes(name))) {
      const t = Date.now();
      progress(`${name}…`);
      figures.push(...(await run()).map(rounded));
      progress(`${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    process.exitCode = 1;
    progress(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    killChildren();
    removeSeeds();
  }
  const ranAt = new Date().toISOString();
  // Other work on the machine skews every figure: the 1-minute load average says how busy it was.
  const load = { before: loadBefore, after: load1() };
  writeFileSync(RESULTS, `${JSON.stringify({ machine: machine(), ranAt, load, figures }, null, 2)}\n`);
  const m = machine();
  process.stdout.write(
    `\nSlotwise bench — ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${ranAt}, ` +
      `load average ${load.before} → ${load.after}\n`,
  );
  process.stdout.write(`${table(figures)}\n`);
  progress(`wrote ${RESULTS}; total ${((Date.now() - began) / 1000).toFixed(0)} s`);
}

await main();
