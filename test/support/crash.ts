/**
 * The crash-safety tests (test/crash-safety/): a burst of booking requests against a real
 * `slotwise serve`, SIGKILLed as soon as a number of them have been acknowledged; then a restart
 * on the same database and the checks of crash-checks.ts, through the API and — once every
 * process has stopped — in the database itself.
 *
 * Every request books for its own client email, so a row names the request that made it. Each
 * request has an Idempotency-Key; a request cut off by the kill (no answer: its outcome is
 * unknown) is sent again after the restart with the same key and body.
 */
import { expect } from 'vitest';
import type { Setup } from '../../src/app/setup-schema.ts';
import type { DatabaseTarget } from '../../src/store/open-database.ts';
import type { RunningServer } from './cli.ts';
import {
  expectAcknowledgedReadBack,
  expectDatabaseConsistent,
  expectSlotsTaken,
  getJson,
  inLanes,
  parisDate,
  SERVICE,
} from './crash-checks.ts';
import { problems, waitFor } from './server-mode.ts';
import { STUDIO } from './studio.ts';

/** The test studio with an owner, so a confirmation makes three emails and the job worker is busy. */
export const CRASH_STUDIO: Setup = { ...STUDIO, business: { ...STUDIO.business, ownerEmail: 'owner@studio.test' } };

export interface Slot {
  readonly staffId: string;
  readonly start: number;
  readonly end: number;
}

export interface Planned {
  readonly key: string;
  readonly email: string;
  readonly slot: Slot;
  /** Booked with the email of a known client: a hold (pending_verification) rather than a confirmation. */
  readonly hold: boolean;
  /** The exact JSON sent; a retry sends it again. */
  readonly body: string;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions, not by types
type Body = any;

export type Outcome =
  | { readonly kind: 'acked'; readonly booking: Body; readonly token: string }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string }
  | { readonly kind: 'cut'; readonly error: string };

/**
 * Free portrait slots of every staff member offering it over `days` days from the day after
 * tomorrow, read from the availability API and thinned so that a member's slots never overlap:
 * two requests clash only when they ask for the same slot.
 */
export async function freeSlots(url: string, days: number): Promise<Slot[]> {
  const service = await getJson(`${url}/api/v1/services/${SERVICE}`);
  const [y, m, today] = parisDate(Date.now()).split('-').map(Number) as [number, number, number];
  const out: Slot[] = [];
  for (const { id } of service.staff as { id: string }[]) {
    let freeFrom = 0;
    for (let d = 2; d < 2 + days; d++) {
      const date = new Date(Date.UTC(y, m - 1, today + d)).toISOString().slice(0, 10);
      const day = await getJson(`${url}/api/v1/availability/day?service=${SERVICE}&staff=${id}&date=${date}`);
      for (const s of day.slots as { start: string; end: string }[]) {
        const slot = { staffId: id, start: Date.parse(s.start), end: Date.parse(s.end) };
        if (slot.start < freeFrom) continue;
        out.push(slot);
        freeFrom = slot.end;
      }
    }
  }
  return out;
}

export function request(slot: Slot, email: string, hold = false): Planned {
  const body = {
    service: SERVICE,
    staff: slot.staffId,
    start: new Date(slot.start).toISOString(),
    client: { name: `Client ${email.split('@')[0]}`, email },
    wantsReminder: false,
    payment: 'none',
  };
  return { key: `crash-${email}-${slot.start}`, email, slot, hold, body: JSON.stringify(body) };
}

/**
 * The burst: one request per slot, a second one (another client) for the first `conflicts`
 * slots, sent right after the first so the two race; the last `known.length` slots are asked for
 * by known clients, which makes holds. Slot order is shuffled with a fixed seed.
 */
export function planBurst(slots: readonly Slot[], conflicts: number, known: readonly string[], run: string): Planned[] {
  const groups = slots.map((slot, i) => {
    const holder = known[i - (slots.length - known.length)];
    const first = holder ? request(slot, holder, true) : request(slot, `c${i}-${run}@crash.test`);
    return i < conflicts ? [first, request(slot, `d${i}-${run}@crash.test`)] : [first];
  });
  let seed = 20_261_126;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [groups[i], groups[j]] = [groups[j] as Planned[], groups[i] as Planned[]];
  }
  return groups.flat();
}

/** Sends one request; no answer at all (connection refused or dropped) is a cut, whose outcome is unknown. */
export async function send(url: string, p: Planned): Promise<Outcome> {
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': p.key },
      body: p.body,
    });
    status = res.status;
    text = await res.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'cut', error: cause?.code ?? cause?.message ?? String(error) };
  }
  const body = JSON.parse(text) as Body;
  if (status === 201) return { kind: 'acked', booking: body.booking, token: body.token };
  return { kind: 'refused', status, code: body.error?.code ?? '?' };
}

/** Sends every request in `planned`, several at once; each must be acknowledged. */
async function sendAll(url: string, planned: readonly Planned[]): Promise<void> {
  await inLanes(planned, async (p) => {
    const outcome = await send(url, p);
    expect(outcome.kind, `${p.email}: ${JSON.stringify(outcome)}`).toBe('acked');
  });
}

export interface Burst {
  readonly outcomes: Map<string, Outcome>;
  /** Requests sent before the kill (the rest were never sent). */
  readonly attempted: number;
}

/**
 * Sends `planned` with `concurrency` requests in flight and calls `kill` as soon as `killAfterAcks`
 * have been acknowledged; nothing more is sent after that, and what was in flight ends as it ends.
 */
async function burst(
  url: string,
  planned: readonly Planned[],
  opts: { concurrency: number; killAfterAcks: number; kill: () => void },
): Promise<Burst> {
  const outcomes = new Map<string, Outcome>();
  let next = 0;
  let acks = 0;
  let killed = false;
  const lane = async () => {
    while (!killed && next < planned.length) {
      const p = planned[next++] as Planned;
      const outcome = await send(url, p);
      outcomes.set(p.key, outcome);
      if (outcome.kind === 'acked' && ++acks >= opts.killAfterAcks && !killed) {
        killed = true;
        opts.kill();
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
  if (!killed) throw new Error(`the burst ended with ${acks} acknowledgements, before the kill`);
  return { outcomes, attempted: outcomes.size };
}

export interface ScenarioOptions {
  /** `embedded` or `postgres`, for the summary line. */
  readonly label: string;
  /** The database the servers use, opened by the test once they have all stopped. */
  readonly target: DatabaseTarget;
  /** JOB_LEASE_SECONDS of the servers, in ms. */
  readonly leaseMs: number;
  /** Starts `slotwise serve` on the database, into which CRASH_STUDIO has been imported. */
  serve(): Promise<RunningServer>;
  /** SIGKILLs it. */
  kill(server: RunningServer): void;
  /** Stops it gracefully; its exit code. */
  stop(server: RunningServer): Promise<number | string | null>;
}

/**
 * The whole test: 16 known clients book first (so that 16 burst requests make holds); a burst of
 * 190 requests (150 slots, 40 of them asked for twice) is cut by SIGKILL after 90 acknowledgements;
 * a new process starts on the same database, the cut requests are retried, the acknowledged ones
 * read back, and once the killed process's job leases have ended a last booking shows that the
 * queue has been worked through. Returns the summary line to print.
 */
export async function crashScenario(o: ScenarioOptions): Promise<string> {
  const first = await o.serve();
  const run = Math.random().toString(36).slice(2, 8);
  const slots = await freeSlots(first.url, 16); // at least 174 whatever the weekday
  expect(slots.length).toBeGreaterThanOrEqual(167);
  const known = slots.slice(0, 16).map((s, i) => request(s, `k${i}-${run}@crash.test`));
  await sendAll(first.url, known);
  const sentinel = request(slots[16] as Slot, `sentinel-${run}@crash.test`);
  const planned = planBurst(
    slots.slice(17, 167),
    40,
    known.map((k) => k.email),
    run,
  );

  const exited = new Promise((resolve) => first.child.once('exit', resolve));
  const result = await burst(first.url, planned, { concurrency: 10, killAfterAcks: 90, kill: () => o.kill(first) });
  await exited;
  const deadAt = Date.now(); // whatever the killed process claimed, it claimed before this
  // Requests were in flight when the process died (else the kill tested nothing).
  expect([...result.outcomes.values()].some((r) => r.kind === 'cut')).toBe(true);

  // The same database, as a supervisor would restart the process.
  const restartedAt = Date.now();
  const second = await o.serve();
  const retried = new Map<string, Outcome>();
  for (const p of planned) {
    if (result.outcomes.get(p.key)?.kind === 'cut') retried.set(p.key, await send(second.url, p));
  }
  const answered = (p: Planned) => [result.outcomes.get(p.key), retried.get(p.key)];
  await expectAcknowledgedReadBack(
    second.url,
    planned.flatMap((p) => answered(p).filter((a) => a?.kind === 'acked') as Outcome[]),
  );
  await expectSlotsTaken(
    second.url,
    planned.filter((p) => answered(p).some((a) => a?.kind === 'acked')).map((p) => p.slot),
  );

  // The killed process's claimed jobs return when their lease ends (a moment the design fixes,
  // not a guess). A booking made after that queues its emails behind them (claims go by run_at),
  // so once its email is out, every job of the killed process has run again.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadAt + o.leaseMs - Date.now())));
  await sendAll(second.url, [sentinel]);
  await waitFor('the last booking’s email', async () => {
    const box = await getJson(`${second.url}/api/v1/dev/mailbox?to=${encodeURIComponent(sentinel.email)}`);
    return box.messages.length > 0;
  });
  expect(await o.stop(second)).toBe(0);
  expect(problems(second)).toEqual([]);

  return expectDatabaseConsistent(o.target, {
    label: o.label,
    burst: result,
    planned,
    retried,
    restartedAt,
    others: [...known, sentinel],
  });
}
