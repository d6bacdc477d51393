/**
 * The figures of A/B runs of one HTTP load against several builds (heavy-ab.ts, writer-ab.ts):
 * one line per run as it ends, and each build's medians at the end.
 */
import { loadavg } from 'node:os';
import { median, p99 } from './figures.ts';
import type { load } from './http-load.ts';

interface Run {
  readonly rate: number;
  readonly p99: number;
  readonly app50: number;
  readonly app99: number;
}

export class AbRuns {
  private readonly runs = new Map<string, Run[]>();

  /** Records and prints one run of `bin`; `extra` ends its line. */
  record(bin: string, { result, server: app }: Awaited<ReturnType<typeof load>>, extra = ''): void {
    const r = { rate: result.requests.average, p99: result.latency.p99, app50: median(app), app99: p99(app) };
    this.runs.set(bin, [...(this.runs.get(bin) ?? []), r]);
    const bad = result.non2xx + result.errors + result.timeouts;
    console.log(
      `${bin}  load ${loadavg()[0]?.toFixed(1)}  ${r.rate.toFixed(0)} req/s  p50/p99 ${result.latency.p50}/${r.p99} ms  app ${r.app50.toFixed(2)}/${r.app99.toFixed(2)} ms${extra}${bad ? `  BAD ${bad}` : ''}`,
    );
  }

  /** Each build's medians over its runs. */
  printMedians(): void {
    for (const [bin, rs] of this.runs) {
      const m = (f: (r: Run) => number) => median(rs.map(f)).toFixed(2);
      console.log(
        `median ${bin}: ${m((r) => r.rate)} req/s, client p99 ${m((r) => r.p99)} ms, app ${m((r) => r.app50)}/${m((r) => r.app99)} ms`,
      );
    }
  }
}
