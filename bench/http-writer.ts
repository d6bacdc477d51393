/**
 * A writer for bench/http.ts: books free slots of one month through the API at a steady rate while
 * a load runs, so that month's views miss the view cache after every booking (each one changes its
 * member's token), as on a site people are booking on.
 */
import { addDays, weekdayOf } from '../src/core/index.ts';
import { clientAddress } from './http-load.ts';

interface Pick {
  readonly staff: string;
  readonly start: string;
}

/** Free (member, start) pairs of `month` from the day API, never two overlapping for one member. */
export async function freeSlots(base: string, service: string, month: string, wanted: number): Promise<Pick[]> {
  const picks: Pick[] = [];
  const busyUntil = new Map<string, number>();
  for (let date = `${month}-01`; date.startsWith(month) && picks.length < wanted; date = addDays(date, 1)) {
    if (weekdayOf(date) === 'sun') continue;
    const res = await fetch(`${base}/api/v1/availability/day?service=${service}&staff=any&date=${date}`);
    if (res.status !== 200) throw new Error(`day availability ${date} answered ${res.status}`);
    const { slots } = (await res.json()) as { slots: { start: string; end: string; staff: string[] }[] };
    for (const slot of slots) {
      const start = Date.parse(slot.start);
      for (const staff of slot.staff) {
        if ((busyUntil.get(staff) ?? 0) > start) continue;
        busyUntil.set(staff, Date.parse(slot.end));
        picks.push({ staff, start: slot.start });
      }
    }
  }
  return picks.slice(0, wanted);
}

export interface Writer {
  /** Stops booking; resolves with the answers' statuses, counted. */
  stop(): Promise<Record<number, number>>;
}

let clientNo = 0;

/** Books `picks` in turn, one every 1000/perSecond ms (one request at a time), until stopped or out of picks. */
export function startWriter(
  base: string,
  service: string,
  payment: 'none' | 'deposit',
  picks: readonly Pick[],
  perSecond: number,
): Writer {
  const statuses: Record<number, number> = {};
  let stopped = false;
  const run = (async () => {
    const every = 1000 / perSecond;
    const t0 = performance.now();
    for (let i = 0; i < picks.length && !stopped; i++) {
      const wait = t0 + i * every - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const pick = picks[i] as Pick;
      clientNo++;
      let status = 0;
      try {
        const res = await fetch(`${base}/api/v1/bookings`, {
          method: 'POST',
          // A client of its own for each booking (the per-address booking limit is 60 an hour).
          headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress(100_000 + clientNo) },
          body: JSON.stringify({
            service,
            staff: pick.staff,
            start: pick.start,
            client: { name: `Writer ${clientNo}`, email: `writer${clientNo}@example.test` },
            wantsReminder: false,
            payment,
          }),
          signal: AbortSignal.timeout(10_000),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch {}
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  })();
  return {
    async stop() {
      stopped = true;
      await run;
      return statuses;
    },
  };
}
