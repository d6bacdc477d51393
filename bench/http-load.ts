/**
 * One HTTP load for bench/http.ts: autocannon over loopback with 10 connections, each request's
 * `Server-Timing: app;dur=…` collected (the app's own time, without the client's and the socket's),
 * the requests' paths taken in turn (so a rotating set of URLs misses every cache keyed by URL).
 *
 * The requests come from CLIENTS addresses (X-Forwarded-For, with the server's TRUST_PROXY=1, as
 * behind a proxy), so the per-address limit counts every request at its default (600 a minute)
 * without refusing a load no single person makes. The addresses are loopback ones (127.x.y.z):
 * header values only, nothing is sent to them.
 */
import autocannon, { type Result } from 'autocannon';
import { type Figure, median, meets, p99 } from './figures.ts';

export const DURATION_S = 8;
const CLIENTS = 2000;

/** The i-th client's address, a loopback one. */
export const clientAddress = (i: number) =>
  `127.${10 + Math.floor(i / 62_500)}.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`;
const WARMUP_S = 1;

export interface Load {
  readonly result: Result;
  /** The app's time per request from Server-Timing, ms. */
  readonly server: number[];
}

const dur = (header: unknown): number | null => {
  const m = /app;dur=([\d.]+)/.exec(String(header ?? ''));
  return m ? Number(m[1]) : null;
};

/** A warm-up second, then `duration` seconds on `paths` in turn. */
export async function load(base: string, paths: readonly string[], connections = 10): Promise<Load> {
  const server: number[] = [];
  const requests = (keep: boolean) =>
    Array.from({ length: Math.max(CLIENTS, paths.length) }, (_, i) => ({
      method: 'GET',
      path: paths[i % paths.length] as string,
      headers: { 'x-forwarded-for': clientAddress(i) },
      onResponse: (_status: number, _body: string, _ctx: unknown, headers: Record<string, unknown>) => {
        const ms = dur(headers['server-timing']);
        if (keep && ms !== null) server.push(ms);
      },
    }));
  await autocannon({ url: base, connections, duration: WARMUP_S, timeout: 10, requests: requests(false) });
  const result = await autocannon({
    url: base,
    connections,
    duration: DURATION_S,
    timeout: 10,
    requests: requests(true),
  });
  return { result, server };
}

export interface Targets {
  readonly rate: string;
  readonly p99: string;
}

/** Three rows: throughput, client latency (autocannon, whole ms) and the app's time (Server-Timing). */
export function figuresOf(name: string, { result: r, server }: Load, targets: Targets | null, note: string): Figure[] {
  const bad = r.non2xx + r.errors + r.timeouts;
  const errors = bad > 0 ? `ERRORS non2xx=${r.non2xx} errors=${r.errors} timeouts=${r.timeouts}; ` : '';
  return [
    {
      group: 'http',
      name: `${name} throughput`,
      unit: 'req/s',
      median: r.requests.average,
      p99: null,
      target: targets ? `>= ${targets.rate}` : null,
      met: targets ? bad === 0 && meets(r.requests.average, `>= ${targets.rate}`) : null,
      note: `${errors}${Math.round(r.requests.total)} req in ${r.duration.toFixed(1)} s; ${note}`,
    },
    {
      group: 'http',
      name: `${name} latency (client)`,
      unit: 'ms',
      median: r.latency.p50,
      p99: r.latency.p99,
      target: targets ? `< ${targets.p99}` : null,
      met: targets ? bad === 0 && meets(r.latency.p99, `< ${targets.p99}`) : null,
      note: `${errors}${targets ? 'target on p99; ' : ''}whole ms (autocannon floors)`,
    },
    {
      group: 'http',
      name: `${name} time in the app`,
      unit: 'ms',
      median: median(server),
      p99: p99(server),
      target: null,
      met: null,
      note: `Server-Timing app;dur of ${server.length} responses: arrival in the app to its response`,
    },
  ];
}
