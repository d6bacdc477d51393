/**
 * HTTP availability: the real server (a child process, embedded database) on the demo and the
 * heavy set-up, loaded from this process with autocannon over loopback. Month and day views,
 * 10 and 100 connections: req/s and latency p50/p99. Every response must be a 200.
 */
import autocannon, { type Result } from 'autocannon';
import { addDays, dateOf, monthOf, weekdayOf } from '../src/core/index.ts';
import { type Figure, meets } from './figures.ts';
import { progress, type Server, startServer } from './proc.ts';
import { getSeeds, type SeededSet } from './seed.ts';

export const DURATION_S = 8;
const WARMUP_S = 1;
const REQ_TARGET = '>= 3000';
const P99_TARGET = '< 10';

/** The month after the current one in `zone`, YYYY-MM. */
export function nextMonth(zone: string): string {
  const [y, m] = monthOf(dateOf(Date.now(), zone)).split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** A Monday-to-Saturday date about ten days ahead in `zone`. */
function workingDayAhead(zone: string): string {
  let d = addDays(dateOf(Date.now(), zone), 10);
  while (weekdayOf(d) === 'sun') d = addDays(d, 1);
  return d;
}

interface Case {
  readonly label: string;
  readonly path: string;
  readonly targeted: boolean;
  /** What the response holds, checked once before the load (also proves it is a 200). */
  readonly describe: (body: unknown) => string;
}

function cases(set: SeededSet, name: string): Case[] {
  const q = (view: string, staff: string, when: string) =>
    `/api/v1/availability/${view}?service=${set.service}&staff=${staff}&${when}`;
  const month = `month=${nextMonth(set.zone)}`;
  const date = `date=${workingDayAhead(set.zone)}`;
  const monthInfo = (b: unknown) => {
    const days = (b as { days: { status: string; slots: number }[] }).days;
    const slots = days.reduce((n, d) => n + d.slots, 0);
    return `${days.filter((d) => d.status === 'available').length}/${days.length} days open, ${slots} slots`;
  };
  const dayInfo = (b: unknown) => `${(b as { slots: unknown[] }).slots.length} slots`;
  const out: Case[] = [
    { label: `month ${name} any`, path: q('month', 'any', month), targeted: name === 'demo', describe: monthInfo },
  ];
  const one = set.staffIds[0];
  if (one)
    out.push({ label: `month ${name} 1 staff`, path: q('month', one, month), targeted: true, describe: monthInfo });
  out.push({ label: `day ${name} any`, path: q('day', 'any', date), targeted: false, describe: dayInfo });
  return out;
}

async function load(url: string, connections: number, duration: number): Promise<Result> {
  return autocannon({ url, connections, duration, timeout: 10 });
}

function figuresOf(c: Case, connections: number, r: Result, info: string): Figure[] {
  const bad = r.non2xx + r.errors + r.timeouts;
  const errors = bad > 0 ? `ERRORS non2xx=${r.non2xx} errors=${r.errors} timeouts=${r.timeouts}; ` : '';
  const targeted = c.targeted && connections === 10;
  const note = `${errors}${Math.round(r.requests.total)} req in ${r.duration.toFixed(1)} s; ${info}`;
  const name = `${c.label} ×${connections}`;
  return [
    {
      group: 'http',
      name: `${name} throughput`,
      unit: 'req/s',
      median: r.requests.average,
      p99: null,
      target: targeted ? REQ_TARGET : null,
      met: targeted ? bad === 0 && meets(r.requests.average, REQ_TARGET) : null,
      note,
    },
    {
      group: 'http',
      name: `${name} latency`,
      unit: 'ms',
      median: r.latency.p50,
      p99: r.latency.p99,
      target: targeted ? P99_TARGET : null,
      met: targeted ? bad === 0 && meets(r.latency.p99, P99_TARGET) : null,
      note: `${errors}${targeted ? 'target on p99; ' : ''}whole ms (autocannon floors)`,
    },
  ];
}

async function measureSet(set: SeededSet, name: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  let server: Server | null = null;
  try {
    server = await startServer(set.dir);
    for (const c of cases(set, name)) {
      const url = `${server.url}${c.path}`;
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (res.status !== 200) throw new Error(`GET ${c.path} answered ${res.status}: ${await res.text()}`);
      const info = c.describe(await res.json());
      for (const connections of [10, 100]) {
        progress(`http: ${c.label}, ${connections} connections, ${DURATION_S} s (${info})…`);
        await load(url, connections, WARMUP_S);
        const r = await load(url, connections, DURATION_S);
        figures.push(...figuresOf(c, connections, r, info));
      }
    }
  } finally {
    await server?.stop();
  }
  return figures;
}

/**
 * What the per-address rate limit costs (one counter statement per request): the demo's month
 * view, 10 connections, with RATE_LIMIT_PER_IP high enough never to refuse. Compare with the
 * same row of the run with the limit off.
 */
async function measureLimitCost(set: SeededSet): Promise<Figure[]> {
  let server: Server | null = null;
  try {
    server = await startServer(set.dir, [], 90_000, { RATE_LIMIT_PER_IP: '1000000' });
    const [c] = cases(set, 'demo');
    if (!c) return [];
    const url = `${server.url}${c.path}`;
    progress(`http: ${c.label} with the per-address limit counting, 10 connections, ${DURATION_S} s…`);
    await load(url, 10, WARMUP_S);
    const r = await load(url, 10, DURATION_S);
    const limited = { ...c, label: `${c.label} (per-address limit on)`, targeted: false };
    return figuresOf(limited, 10, r, 'every request counted in rate_limits');
  } finally {
    await server?.stop();
  }
}

export async function runHttp(): Promise<Figure[]> {
  const seeds = await getSeeds();
  return [
    ...(await measureSet(seeds.demo, 'demo')),
    ...(await measureLimitCost(seeds.demo)),
    ...(await measureSet(seeds.heavy, 'heavy')),
  ];
}
