/**
 * HTTP availability: the real server (a child process, embedded database) on the demo and the
 * heavy set-up, loaded from this process with autocannon over loopback, 10 connections.
 *
 * The server runs with its defaults (LOG_LEVEL info: a JSON line per request; the per-address
 * limits on, every request counted) behind a proxy, the load spread over 2,000 client addresses
 * so that none is refused; one line repeats the uncached day view with the limit off
 * (RATE_LIMIT_PER_IP=0) to show its cost.
 *
 * Cache hits and misses side by side. Month views are cached per URL and token (app/view-cache.ts):
 * one URL for 8 s is a cache hit. Day views are not cached, and their cases rotate 20 dates so no
 * memo keyed by URL can answer either. "While a writer books" books a free consultation (same
 * photographers) in the viewed month every 50 ms, so the month's view misses after each booking.
 * Every figure has the app's own time beside the client's (Server-Timing). Every response must be
 * a 200.
 */
import { addDays, dateOf, monthOf, weekdayOf } from '../src/core/index.ts';
import type { Figure } from './figures.ts';
import { DURATION_S, figuresOf, load } from './http-load.ts';
import { freeSlots, startWriter } from './http-writer.ts';
import { progress, type Server, startServer } from './proc.ts';
import { getSeeds, type SeededSet } from './seed.ts';
import { seedHeavySources } from './seed-sources.ts';

/** The month after the current one in `zone`, YYYY-MM. */
export function nextMonth(zone: string): string {
  const [y, m] = monthOf(dateOf(Date.now(), zone)).split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** `n` Monday-to-Saturday dates from tomorrow on in `zone`. */
function workingDays(zone: string, n: number): string[] {
  const out: string[] = [];
  for (let d = addDays(dateOf(Date.now(), zone), 1); out.length < n; d = addDays(d, 1)) {
    if (weekdayOf(d) !== 'sun') out.push(d);
  }
  return out;
}

/**
 * The server's defaults (every limit at its default), behind one proxy (TRUST_PROXY=1): the load
 * comes from 2,000 client addresses (http-load.ts), the writer's bookings each from its own.
 */
const DEFAULTS = { LOG_LEVEL: 'info', TRUST_PROXY: '1' };
const LIMIT_OFF = { ...DEFAULTS, RATE_LIMIT_PER_IP: '0' };
const WRITES_PER_S = 20;
const WRITER_SERVICE = 'free-consultation';

const q = (set: SeededSet, view: string, staff: string, when: string) =>
  `/api/v1/availability/${view}?service=${set.service}&staff=${staff}&${when}`;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function withServer<T>(dir: string, env: Record<string, string>, fn: (url: string) => Promise<T>): Promise<T> {
  let server: Server | null = null;
  try {
    server = await startServer(dir, [], 90_000, env);
    return await fn(server.url);
  } finally {
    await server?.stop();
  }
}

const slotsOf = (b: unknown) => (b as { slots: unknown[] }).slots.length;

/** The uncached day view: `set`'s "any" over 20 working days in turn. */
async function rotatingDays(url: string, set: SeededSet, label: string, targets: { rate: string; p99: string }) {
  const paths = workingDays(set.zone, 20).map((d) => q(set, 'day', 'any', `date=${d}`));
  const slots = await Promise.all(paths.map(async (p) => slotsOf(await getJson(`${url}${p}`))));
  progress(`http: ${label}, ${DURATION_S} s…`);
  const note = `uncached: 20 dates in turn (day views are not cached); ${Math.min(...slots)}–${Math.max(...slots)} slots`;
  return figuresOf(label, await load(url, paths), targets, note);
}

async function demoFigures(demo: SeededSet): Promise<Figure[]> {
  return withServer(demo.dir, DEFAULTS, async (url) => {
    const figures: Figure[] = [];
    const month = q(demo, 'month', 'any', `month=${nextMonth(demo.zone)}`);
    await getJson(`${url}${month}`);
    progress(`http: month demo any (cache hit), ${DURATION_S} s…`);
    figures.push(
      ...figuresOf('month demo any, cache hit', await load(url, [month]), null, 'one URL: the view cache answers'),
    );

    figures.push(...(await rotatingDays(url, demo, 'day demo any, uncached', { rate: '8000', p99: '5' })));

    const [tomorrow] = workingDays(demo.zone, 1) as [string];
    const first = await getJson<{ slots: { staff: string[] }[] }>(`${url}${q(demo, 'day', 'any', `date=${tomorrow}`)}`);
    const member = first.slots[0]?.staff[0];
    if (!member) throw new Error(`no demo slot tomorrow (${tomorrow}) to find a member`);
    const day = q(demo, 'day', member, `date=${tomorrow}`);
    const info = `${slotsOf(await getJson(`${url}${day}`))} slots; busy from the read cache (its floor covers tomorrow)`;
    progress(`http: day demo tomorrow 1 staff, ${DURATION_S} s…`);
    figures.push(...figuresOf('day demo tomorrow, 1 staff', await load(url, [day]), { rate: '8000', p99: '5' }, info));

    // The writer books the free consultation (no room, no payment) with the same photographers:
    // each booking changes a member's token, so the portrait month's view misses after it.
    const picks = await freeSlots(url, WRITER_SERVICE, nextMonth(demo.zone), WRITES_PER_S * (DURATION_S + 2));
    progress(`http: month demo any while a writer books ${WRITES_PER_S}/s, ${DURATION_S} s…`);
    const writer = startWriter(url, WRITER_SERVICE, 'none', picks, WRITES_PER_S);
    const loaded = await load(url, [month]);
    const statuses = await writer.stop();
    const written = Object.entries(statuses)
      .map(([s, n]) => `${n}×${s}`)
      .join(' ');
    const note = `a consultation of the month booked every ${1000 / WRITES_PER_S} ms (${written}): a view-cache miss after each`;
    figures.push(...figuresOf('month demo any, writer 20/s', loaded, { rate: '4000', p99: '10' }, note));
    return figures;
  });
}

async function heavyFigures(heavy: SeededSet): Promise<Figure[]> {
  return withServer(heavy.dir, DEFAULTS, async (url) => {
    // The heavy set with a shared room, a group class and external calendars (seed-sources.ts).
    const figures = await rotatingDays(url, heavy, 'day heavy any + sources, uncached', { rate: '3000', p99: '10' });
    const month = q(heavy, 'month', 'any', `month=${nextMonth(heavy.zone)}`);
    await getJson(`${url}${month}`);
    progress(`http: month heavy any (cache hit), ${DURATION_S} s…`);
    figures.push(
      ...figuresOf('month heavy any, cache hit', await load(url, [month]), null, 'one URL: the view cache answers'),
    );
    return figures;
  });
}

/** What the per-address limit costs: the uncached demo day view again, limit off. */
async function limitOff(demo: SeededSet): Promise<Figure[]> {
  return withServer(demo.dir, LIMIT_OFF, async (url) => {
    const figures = await rotatingDays(url, demo, 'day demo any, uncached, limit off', { rate: '8000', p99: '5' });
    return figures.map((f) => ({ ...f, target: null, met: null }));
  });
}

export async function runHttp(): Promise<Figure[]> {
  const seeds = await getSeeds();
  const heavy = await seedHeavySources(seeds);
  return [...(await demoFigures(seeds.demo)), ...(await limitOff(seeds.demo)), ...(await heavyFigures(heavy))];
}
