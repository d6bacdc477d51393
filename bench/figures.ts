/**
 * What every benchmark reports: named figures with their median and p99, an optional target, and
 * the machine they were measured on. bench/run.ts prints them as one table and writes results.json.
 */
import { cpus, totalmem } from 'node:os';

export interface Figure {
  /** Section of the table: 'core', 'http', 'booking', 'startup'. */
  readonly group: string;
  readonly name: string;
  /** Unit of median and p99: 'µs', 'ms', 'req/s', 'bookings/s', 'MB'. */
  readonly unit: string;
  readonly median: number;
  readonly p99: number | null;
  /** The target, e.g. '< 200 µs' or '>= 3000 req/s'; null when none. */
  readonly target: string | null;
  /** Whether the target is met; null when there is no target. */
  readonly met: boolean | null;
  /** Anything else worth printing: a ratio to the naive baseline, a count. */
  readonly note?: string;
}

/** The q-quantile (0..1) of samples, nearest-rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (s: readonly number[]) => quantile(s, 0.5);
export const p99 = (s: readonly number[]) => quantile(s, 0.99);

/** Checks a value against a target written as '< N' or '>= N'. */
export function meets(value: number, target: string): boolean {
  const m = /^(<|<=|>|>=)\s*([\d.]+)/.exec(target);
  if (!m) throw new Error(`bad target ${target}`);
  const n = Number(m[2]);
  switch (m[1]) {
    case '<':
      return value < n;
    case '<=':
      return value <= n;
    case '>':
      return value > n;
    default:
      return value >= n;
  }
}

export function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/**
 * Times `fn` `runs` times after `warmup` calls; returns per-call microseconds. Each sample covers
 * `batch` calls so timer resolution does not dominate sub-microsecond work.
 */
export function timeSync(fn: () => unknown, opts: { runs: number; warmup: number; batch?: number }): number[] {
  const batch = opts.batch ?? 1;
  for (let i = 0; i < opts.warmup; i++) fn();
  const out: number[] = [];
  for (let r = 0; r < opts.runs; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    out.push(Number(process.hrtime.bigint() - t) / 1000 / batch);
  }
  return out;
}

/** timeSync for work that must be awaited, one call per sample: per-call microseconds. */
export async function timeAsync(fn: () => Promise<unknown>, opts: { runs: number; warmup: number }): Promise<number[]> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const out: number[] = [];
  for (let r = 0; r < opts.runs; r++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  return out;
}
