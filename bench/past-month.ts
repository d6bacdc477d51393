/**
 * What a month view of the past costs (issue 16 point 4): the heavy studio (50 staff) with its
 * 10,000 bookings all in the past, served by the real server (embedded database, read cache and
 * month-view cache on). Sequential requests over loopback, each with a different `tz` so the
 * month-view cache cannot answer (as a caller trying to make the server work would do): the
 * previous month, `1900-01` and, for comparison, the current month, side by side. A past month
 * reads no busy time before now − the reach (core/busy-reach.ts), so it must cost no more than
 * the current one.
 */
import { dateOf, monthOf } from '../src/core/index.ts';
import { type Figure, median, p99 } from './figures.ts';
import { progress, type Server, startServer } from './proc.ts';
import { HEAVY_ZONE, seedHeavyStudio, seedRoot } from './seed.ts';

const RUNS = 300;
const WARMUP = 20;

/** The month before the current one in `zone`, YYYY-MM. */
function previousMonth(zone: string): string {
  const [y, m] = monthOf(dateOf(Date.now(), zone)).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Per-request milliseconds of `RUNS` sequential month views, every one in another zone. A zone's
 * first use in a process costs milliseconds (its rules are learnt), the same for every month: a
 * day view of the month's first day in each zone learns them first, untimed, and leaves the
 * month-view cache empty.
 */
async function timeMonth(server: Server, service: string, month: string, zones: readonly string[]): Promise<number[]> {
  for (const tz of zones) {
    const path = `/api/v1/availability/day?service=${service}&staff=any&date=${month}-01&tz=${encodeURIComponent(tz)}`;
    const res = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(10_000) });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
  }
  const out: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const tz = zones[i % zones.length] as string;
    const path = `/api/v1/availability/month?service=${service}&staff=any&month=${month}&tz=${encodeURIComponent(tz)}`;
    const t = performance.now();
    const res = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(10_000) });
    const body = await res.text();
    const ms = performance.now() - t;
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${body}`);
    if (i >= WARMUP) out.push(ms);
  }
  return out;
}

export async function runPastMonth(): Promise<Figure[]> {
  progress('past month: seeding the heavy studio with its 10,000 bookings in the past…');
  const set = await seedHeavyStudio(seedRoot(), 'past', 'past');
  // Distinct zones, so every request misses the month-view cache (its key holds the zone).
  const zones = Intl.supportedValuesOf('timeZone').filter((z) => z.includes('/'));
  const months: [string, string][] = [
    ['current month', monthOf(dateOf(Date.now(), HEAVY_ZONE))],
    ['past month', previousMonth(HEAVY_ZONE)],
    ['1900-01', '1900-01'],
  ];
  let server: Server | null = null;
  try {
    server = await startServer(set.dir);
    const timed: [string, string, number[]][] = [];
    for (const [label, month] of months) {
      progress(`past month: ${label} (${month}), ${RUNS} requests, a new tz each…`);
      timed.push([label, month, await timeMonth(server, set.service, month, zones)]);
    }
    const current = median(timed[0]?.[2] ?? []);
    return timed.map(([label, month, samples]) => ({
      group: 'http',
      name: `month ${label} (${month}), 10,000 past bookings, tz rotating`,
      unit: 'ms',
      median: median(samples),
      p99: p99(samples),
      target: null,
      met: null,
      note: `${(median(samples) / current).toFixed(2)} × the current month; sequential, ${RUNS} requests`,
    }));
  } finally {
    await server?.stop();
  }
}
