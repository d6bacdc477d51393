/**
 * Booking create through HTTP, on a fresh copy of the heavy set-up: distinct free slots one at a
 * time and 10 in flight (bookings/s, latency p50/p99), then 200 requests for ONE slot, 10 in
 * flight: exactly one 201 and the rest 409, to show conflicts are cheap.
 */
import { readFileSync } from 'node:fs';
import { addDays, dateOf, weekdayOf } from '../src/core/index.ts';
import { type Figure, median, meets, p99 } from './figures.ts';
import { progress, type Server, startServer } from './proc.ts';
import { getSeeds, type SeededSet } from './seed.ts';

const SEQUENTIAL = 300;
const CONCURRENT = 300;
const CONFLICTING = 200;
const REFUSED = 500;
const IN_FLIGHT = 10;
const WARMUP = 20;
const TIMEOUT_MS = 10_000;
/** Issue 22's targets: sequential, and 10 in flight. */
const TARGETS = {
  sequential: { rate: '>= 250', p99: '< 15' },
  concurrent: { rate: '>= 400', p99: '< 40' },
} as const;
type Targets = (typeof TARGETS)[keyof typeof TARGETS];

export interface Pick {
  readonly staff: string;
  readonly start: string;
}

/** Free (staff, start) pairs from the day API, never two overlapping for one member. */
export async function freeSlots(url: string, set: SeededSet, wanted: number): Promise<Pick[]> {
  const picks: Pick[] = [];
  const busyUntil = new Map<string, number>();
  let date = addDays(dateOf(Date.now(), set.zone), 2);
  for (let i = 0; i < 30 && picks.length < wanted; i++, date = addDays(date, 1)) {
    if (weekdayOf(date) === 'sun') continue;
    const res = await fetch(`${url}/api/v1/availability/day?service=${set.service}&staff=any&date=${date}`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (res.status !== 200) throw new Error(`day availability ${date} answered ${res.status}`);
    const { slots } = (await res.json()) as { slots: { start: string; end: string; staff: string[] }[] };
    for (const slot of slots) {
      const start = Date.parse(slot.start);
      for (const staff of slot.staff) {
        if ((busyUntil.get(`${date}/${staff}`) ?? 0) > start) continue;
        busyUntil.set(`${date}/${staff}`, Date.parse(slot.end));
        picks.push({ staff, start: slot.start });
      }
    }
  }
  if (picks.length < wanted) throw new Error(`only ${picks.length} free slots found, ${wanted} needed`);
  return picks.slice(0, wanted);
}

export interface Outcome {
  readonly status: number;
  readonly ms: number;
}

let clientNo = 0;

async function book(url: string, service: string, pick: Pick): Promise<Outcome> {
  clientNo++;
  const body = JSON.stringify({
    service,
    staff: pick.staff,
    start: pick.start,
    client: { name: `Bench Client ${clientNo}`, email: `bench${clientNo}@example.test` },
    wantsReminder: false,
    payment: 'none',
  });
  return postBooking(url, body);
}

/** One POST /api/v1/bookings, timed to the end of its answer's body. */
async function postBooking(url: string, body: string): Promise<Outcome> {
  const t = process.hrtime.bigint();
  let status = 0; // no answer within the timeout, or a network error
  try {
    const res = await fetch(`${url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.arrayBuffer();
    status = res.status;
  } catch {}
  return { status, ms: Number(process.hrtime.bigint() - t) / 1e6 };
}

/**
 * CPU seconds the server process has used (user + system, /proc/<pid>/stat; clock ticks of 10 ms):
 * what a booking costs whatever else the machine is doing, its emails included as they are sent.
 */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until the server has sent what the bookings queued (their emails): its CPU time stands
 * still for 300 ms (less than one 10 ms tick used). At most 30 s.
 */
async function settled(pid: number): Promise<void> {
  const until = Date.now() + 30_000;
  let still = { at: Date.now(), cpu: cpuSeconds(pid) };
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    const cpu = cpuSeconds(pid);
    if (cpu - still.cpu > 0.01) still = { at: Date.now(), cpu };
    else if (Date.now() - still.at >= 300) return;
  }
}

/**
 * Books every pick with `inFlight` requests at a time; wall time in seconds, server CPU in ms per
 * booking while the requests ran (`cpuMs`) and until their emails were sent too (`cpuAllMs`: the
 * worker may send some after the last answer; the next run starts only then).
 */
export async function bookAll(url: string, service: string, picks: readonly Pick[], inFlight: number, pid?: number) {
  const outcomes: Outcome[] = [];
  let next = 0;
  const cpu0 = pid === undefined ? 0 : cpuSeconds(pid);
  const t = process.hrtime.bigint();
  const worker = async () => {
    while (next < picks.length) {
      const pick = picks[next++] as Pick;
      outcomes.push(await book(url, service, pick));
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const cpuMs = pid === undefined ? null : ((cpuSeconds(pid) - cpu0) * 1000) / picks.length;
  if (pid !== undefined) await settled(pid);
  const cpuAllMs = pid === undefined ? null : ((cpuSeconds(pid) - cpu0) * 1000) / picks.length;
  return { outcomes, seconds, cpuMs, cpuAllMs };
}

function figures(
  label: string,
  run: Awaited<ReturnType<typeof bookAll>>,
  targets: Targets | null,
  note: string,
): Figure[] {
  const ms = run.outcomes.map((o) => o.ms);
  const rate = run.outcomes.length / run.seconds;
  const bad = note.startsWith('FAILED');
  const targeted = targets !== null;
  return [
    {
      group: 'booking',
      name: `${label} rate`,
      unit: 'bookings/s',
      median: rate,
      p99: null,
      target: targets?.rate ?? null,
      met: targets ? !bad && meets(rate, targets.rate) : null,
      note: `${run.outcomes.length} requests in ${run.seconds.toFixed(2)} s; ${note}${run.cpuMs === null ? '' : `; server CPU ${run.cpuMs.toFixed(1)} ms a booking, ${run.cpuAllMs?.toFixed(1)} with its emails`}`,
    },
    {
      group: 'booking',
      name: `${label} latency`,
      unit: 'ms',
      median: median(ms),
      p99: p99(ms),
      target: targets?.p99 ?? null,
      met: targets ? !bad && meets(p99(ms), targets.p99) : null,
      note: targeted ? 'target on p99' : '',
    },
  ];
}

function statusCounts(outcomes: readonly Outcome[]): string {
  const counts = new Map<number, number>();
  for (const o of outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n}×${s}`).join(', ');
}

function allCreated(run: Awaited<ReturnType<typeof bookAll>>): string {
  const counts = statusCounts(run.outcomes);
  return run.outcomes.every((o) => o.status === 201) ? `all 201` : `FAILED: ${counts}`;
}

/**
 * The HTTP floor under a booking: the same POST, refused by validation (400) before any database
 * work, one at a time: what this client and the server's HTTP layer cost per request.
 */
async function refusedPosts(url: string, n: number): Promise<number[]> {
  const times: number[] = [];
  const body = JSON.stringify({ service: 'session', staff: 'any', start: 'not a time' });
  for (let i = 0; i < n; i++) {
    const { status, ms } = await postBooking(url, body);
    if (status !== 400) throw new Error(`refused POST answered ${status}`);
    times.push(ms);
  }
  return times;
}

export async function runBooking(): Promise<Figure[]> {
  const seeds = await getSeeds();
  const dir = seeds.copyHeavy('heavy-booking');
  const set = { ...seeds.heavy, dir };
  let server: Server | null = null;
  try {
    server = await startServer(dir);
    const url = server.url;
    const picks = await freeSlots(url, set, WARMUP + SEQUENTIAL + CONCURRENT + 1);
    const warm = await bookAll(url, set.service, picks.slice(0, WARMUP), 1);
    if (!warm.outcomes.every((o) => o.status === 201)) throw new Error(`warm-up: ${statusCounts(warm.outcomes)}`);

    progress(`booking: ${SEQUENTIAL} distinct bookings, one at a time…`);
    const seq = await bookAll(url, set.service, picks.slice(WARMUP, WARMUP + SEQUENTIAL), 1, server.pid);
    progress(`booking: ${CONCURRENT} distinct bookings, ${IN_FLIGHT} in flight…`);
    const conc = await bookAll(url, set.service, picks.slice(WARMUP + SEQUENTIAL, -1), IN_FLIGHT, server.pid);
    progress(`booking: ${CONFLICTING} requests for one slot, ${IN_FLIGHT} in flight…`);
    const one = picks.at(-1) as Pick;
    const clash = await bookAll(url, set.service, Array(CONFLICTING).fill(one), IN_FLIGHT);

    const created = clash.outcomes.filter((o) => o.status === 201).length;
    const refused = clash.outcomes.filter((o) => o.status === 409).length;
    const clashOk = created === 1 && refused === CONFLICTING - 1;
    if (!clashOk) process.exitCode = 1;
    const clashNote = `${clashOk ? '' : 'FAILED (want 1×201, rest 409): '}${statusCounts(clash.outcomes)}`;
    progress(`booking: ${REFUSED} POSTs refused by validation, one at a time (the HTTP floor)…`);
    const floor = (await refusedPosts(url, REFUSED + WARMUP)).slice(WARMUP);
    return [
      ...figures('sequential distinct', seq, TARGETS.sequential, allCreated(seq)),
      ...figures(`${IN_FLIGHT}-way concurrent distinct`, conc, TARGETS.concurrent, allCreated(conc)),
      ...figures(`${IN_FLIGHT}-way conflicting (1 slot)`, clash, null, clashNote),
      {
        group: 'booking',
        name: '  floor: a POST refused by validation',
        unit: 'ms',
        median: median(floor),
        p99: p99(floor),
        target: null,
        met: null,
        note: `${REFUSED} sequential, 400 before any database work: this client and the server's HTTP layer`,
      },
    ];
  } finally {
    await server?.stop();
  }
}
