/**
 * Scheduling-core benchmarks (issue: "Benchmarks"): month views for one and fifty staff, a day
 * view under thousands of bookings, how the cost grows with bookings, and the naive baseline on
 * the same data so each figure also reads as a ratio. The month views also stand beside a cache
 * miss, the engine before the sweep and the tight-sweep floor (issue 22, decision 036).
 */

import {
  addDays,
  datesOfMonth,
  type HeldStart,
  heldSpan,
  type Interval,
  merge,
  monthDays,
  PlanCache,
  type Session,
  type StaffSchedule,
  startOfDay,
  viewerDaySlots,
} from '../src/core/index.ts';
import * as oracle from '../src/core/oracle-calendar.ts';
import { bookings, distinctBookings, MONTH, NOW, rng, staffMember, TIMING, ZONE } from './data.ts';
import { type Figure, median, meets, p99, timeSync } from './figures.ts';
import { naiveMonth } from './naive.ts';
import { tightMember, tightMonth } from './tight-sweep.ts';

function figure(name: string, samples: number[], target: string | null, note?: string): Figure {
  const m = median(samples);
  return {
    group: 'core',
    name,
    unit: 'µs',
    median: round(m),
    p99: round(p99(samples)),
    target,
    met: target ? meets(m, target) : null,
    ...(note ? { note } : {}),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

function monthInput(staff: StaffSchedule[], busy: Map<string, Interval[]>) {
  return { staff, timing: TIMING, busy, now: NOW };
}

export async function runCore(): Promise<Figure[]> {
  const out: Figure[] = [];

  // 1. One staff member, 31 days, 200 bookings.
  const ana = staffMember('1');
  const anaBusy = distinctBookings(200, 1);
  const one = monthInput([ana], new Map([['1', anaBusy]]));
  const naive = naiveMonth(ana, TIMING, anaBusy, MONTH, NOW);
  if (JSON.stringify(monthDays(one, MONTH, ZONE)) !== JSON.stringify(naive)) {
    throw new Error('core and naive baseline disagree');
  }
  const oneNaive = timeSync(() => naiveMonth(ana, TIMING, anaBusy, MONTH, NOW), { runs: 15, warmup: 2 });
  out.push(
    ...monthFigures('month, 1 staff, 200 bookings', '<= 40', [ana], one.busy, 200, oneNaive),
    figure('  naive baseline (same month)', oneNaive, null),
  );

  // 2. Fifty staff, "any staff" month, 200 bookings each (10,000 in all).
  const team = Array.from({ length: 50 }, (_, i) => staffMember(String(i + 1)));
  const teamBusy = new Map(team.map((m, i) => [m.id, distinctBookings(200, 100 + i)]));
  const anyNaive = timeSync(() => team.map((m) => naiveMonth(m, TIMING, teamBusy.get(m.id) ?? [], MONTH, NOW)), {
    runs: 3,
    warmup: 1,
  });
  out.push(...monthFigures('month, any of 50 staff, 10,000 bookings', '<= 500', team, teamBusy, 30, anyNaive));

  // 2b. Availability from every source (issue 18): 500 external events against 500 bookings on
  // the same hours, each as the store hands it to the core: bookings merged per member (the read
  // cache keeps them so), a feed's busy time merged too (store/calendars.ts loadExternal merges
  // several calendars into one sorted, disjoint list); the core adds the feed to the member's list.
  const raw500 = bookings(500, 18).sort((a, b) => a.start - b.start);
  const booked = monthInput([ana], new Map([['1', merge(raw500)]]));
  const external = {
    ...monthInput([ana], new Map()),
    external: new Map([['1', { intervals: merge(raw500), dates: [] }]]),
  };
  if (JSON.stringify(monthDays(booked, MONTH, ZONE)) !== JSON.stringify(monthDays(external, MONTH, ZONE))) {
    throw new Error('500 external events and 500 bookings on the same hours disagree');
  }
  // A new input object per call, as per request: the core's per-input memo must not hide the merge.
  // Samples alternate between the two, so load from other work on the machine hits both alike.
  const bookedSamples: number[] = [];
  const externalSamples: number[] = [];
  for (let r = 0; r < 150; r++) {
    bookedSamples.push(...timeSync(() => monthDays({ ...booked }, MONTH, ZONE), { runs: 10, warmup: 2 }));
    externalSamples.push(...timeSync(() => monthDays({ ...external }, MONTH, ZONE), { runs: 10, warmup: 2 }));
  }
  const feedRatio = median(externalSamples) / median(bookedSamples);
  out.push(
    figure('month, 1 staff, 500 bookings', bookedSamples, null),
    figure('month, 1 staff, 500 external events', externalSamples, null, `×${feedRatio.toFixed(2)} of 500 bookings`),
    {
      group: 'core',
      name: '  ratio external / bookings',
      unit: '×',
      median: Math.round(feedRatio * 100) / 100,
      p99: null,
      target: '<= 1.2',
      met: feedRatio <= 1.2,
    },
  );

  // 2c. "Any" of three photographers who share the studio room: each has 150 bookings, and
  // every one of them holds the room for its span (the service needs it).
  const trio = ['1', '2', '3'].map((id) => staffMember(id));
  const trioBusy = new Map(trio.map((m, i) => [m.id, distinctBookings(150, 300 + i)]));
  const room = [...trioBusy.values()].flat().map((b) => heldSpan(b.start, b.end - 15 * 60_000, TIMING));
  const shared = { ...monthInput(trio, trioBusy), resources: new Map([['studio', room]]) };
  out.push(
    figure(
      'month, any of 3 sharing a room, 450 bookings',
      timeSync(() => monthDays({ ...shared }, MONTH, ZONE), { runs: 100, warmup: 10 }),
      null,
    ),
  );

  // 2d. Group sessions (issue 19): the same 200 spans as group sessions with seat counts (8
  // seats, 0–8 taken: some full), against them as bookings; and 20 held starts (waitlist offers).
  out.push(...runSessions(ana, anaBusy));

  // 3. Day view with 5,000 bookings in the month (merged per request, as the app does).
  const raw5000 = bookings(5000, 7);
  const day = (raw: Interval[]) => () =>
    viewerDaySlots(monthInput([ana], new Map([['1', merge(raw)]])), '2027-06-15', ZONE);
  out.push(
    figure('day, 1 staff, 5,000 bookings in the month', timeSync(day(raw5000), { runs: 200, warmup: 20 }), null),
  );

  // 4. Scaling: day view cost against bookings in the month.
  const scale: [number, number][] = [];
  for (const n of [10, 100, 1000, 10000]) {
    const m = median(timeSync(day(bookings(n, n)), { runs: n >= 10000 ? 60 : 200, warmup: 10 }));
    scale.push([n, m]);
    out.push(figure(`  day with ${n.toLocaleString('en')} bookings`, [m], null, growth(scale)));
  }
  return out;
}

/** Sessions and held starts against the same spans as plain bookings: month and day views. */
function runSessions(ana: StaffSchedule, spans: Interval[]): Figure[] {
  const next = rng(19);
  const sessions: Session[] = spans.map((span) => ({ start: span.start, span, seatsTaken: Math.floor(next() * 9) }));
  const asBookings = monthInput([ana], new Map([['1', spans]]));
  const asSessions = {
    ...monthInput([ana], new Map()),
    sessions: { capacity: 8, byMember: new Map([['1', sessions]]) },
  };
  const holds: HeldStart[] = spans.filter((_, i) => i % 10 === 5).map((span) => ({ start: span.start, span }));
  const rest = spans.filter((_, i) => i % 10 !== 5);
  const withHolds = { ...monthInput([ana], new Map([['1', rest]])), holds: new Map([['1', holds]]) };
  const bookedSamples: number[] = [];
  const sessionSamples: number[] = [];
  const holdSamples: number[] = [];
  // Alternating, as for feeds: load from other work hits each alike. A new input object per call.
  for (let r = 0; r < 100; r++) {
    bookedSamples.push(...timeSync(() => monthDays({ ...asBookings }, MONTH, ZONE), { runs: 10, warmup: 2 }));
    sessionSamples.push(...timeSync(() => monthDays({ ...asSessions }, MONTH, ZONE), { runs: 10, warmup: 2 }));
    holdSamples.push(...timeSync(() => monthDays({ ...withHolds }, MONTH, ZONE), { runs: 10, warmup: 2 }));
  }
  const dayOf = (input: object) => () => viewerDaySlots({ ...(input as typeof asBookings) }, '2027-06-15', ZONE);
  const dayBooked = timeSync(dayOf(asBookings), { runs: 300, warmup: 30 });
  const daySessions = timeSync(dayOf(asSessions), { runs: 300, warmup: 30 });
  const sessionRatio = median(sessionSamples) / median(bookedSamples);
  // Sessions with a seat left stay on sale, so the day of sessions lists more slots than the full day of bookings.
  const listed = (input: object) => dayOf(input)().length;
  return [
    figure(
      'month, 1 staff, 200 sessions with seats',
      sessionSamples,
      null,
      `×${sessionRatio.toFixed(2)} of 200 bookings`,
    ),
    figure(
      'month, 1 staff, 180 bookings + 20 held starts',
      holdSamples,
      null,
      `×${(median(holdSamples) / median(bookedSamples)).toFixed(2)} of 200 bookings`,
    ),
    figure('  month, 1 staff, the same 200 as bookings', bookedSamples, null),
    figure(
      'day of sessions with seat counts',
      daySessions,
      null,
      `×${(median(daySessions) / median(dayBooked)).toFixed(2)} of the day as bookings (${listed(asSessions)} slots listed vs ${listed(asBookings)})`,
    ),
  ];
}

/**
 * A month view five ways, alternating round by round so load from other work hits each alike
 * (a new input object per call, as per request): the core with its plans cached; a cache miss
 * (a new plan cache per call: the first view of a month), also with new schedule objects (the
 * first view after a catalogue change); the engine before the sweep (oracle-calendar.ts); and
 * the tight-sweep floor (tight-sweep.ts).
 */
function monthFigures(
  name: string,
  target: string,
  staff: StaffSchedule[],
  busy: ReadonlyMap<string, Interval[]>,
  rounds: number,
  naive: number[],
): Figure[] {
  const input = monthInput(staff, busy as Map<string, Interval[]>);
  const dates = datesOfMonth(MONTH) ?? [];
  const bounds = Float64Array.from([...dates, addDays(dates.at(-1) ?? MONTH, 1)], (d) => startOfDay(d, ZONE));
  const tight = staff.map((m) => tightMember(m, TIMING, input.busy.get(m.id) ?? [], MONTH));
  const floor = () => tightMonth(tight, bounds, TIMING.durationMinutes * 60_000, 0, TIMING.bufferAfterMinutes * 60_000);
  const slots = monthDays(input, MONTH, ZONE).map((d) => d.slots);
  if (JSON.stringify(slots) !== JSON.stringify([...floor()])) throw new Error(`${name}: core and floor disagree`);
  if (JSON.stringify(monthDays(input, MONTH, ZONE)) !== JSON.stringify(oracle.monthDays(input, MONTH, ZONE))) {
    throw new Error(`${name}: core and the engine before it disagree`);
  }
  // A first view of the month: a new plan cache per call (plans and the viewer's month built).
  // After a catalogue change the schedules are new objects too (made before timing), so each
  // part's fingerprint is taken again.
  const perRound = 3;
  const fresh = Array.from({ length: rounds * perRound + 2 }, () => staff.map((m) => structuredClone(m)));
  let next = 0;
  const miss = () => monthDays({ ...input, plans: new PlanCache() }, MONTH, ZONE);
  const cold = () => monthDays({ ...input, staff: fresh[next++] ?? staff, plans: new PlanCache() }, MONTH, ZONE);
  const cached: number[] = [];
  const missed: number[] = [];
  const colder: number[] = [];
  const before: number[] = [];
  const floors: number[] = [];
  for (let r = 0; r < rounds; r++) {
    cached.push(...timeSync(() => monthDays({ ...input }, MONTH, ZONE), { runs: perRound, warmup: 1 }));
    missed.push(...timeSync(miss, { runs: perRound, warmup: 1 }));
    colder.push(...timeSync(cold, { runs: perRound, warmup: r === 0 ? 2 : 0 }));
    before.push(...timeSync(() => oracle.monthDays({ ...input }, MONTH, ZONE), { runs: perRound, warmup: 1 }));
    floors.push(...timeSync(floor, { runs: perRound, warmup: 1 }));
  }
  const x = (a: number[], b: number[]) => `×${(median(a) / median(b)).toFixed(1)}`;
  return [
    figure(name, cached, target, `naive ${ratio(naive, cached)}; ${x(cached, floors)} of the floor`),
    figure('  cache miss (first view of the month)', missed, null, `${x(missed, cached)} of cached`),
    figure('  … and new schedule objects (catalogue changed)', colder, null, `${x(colder, cached)} of cached`),
    figure('  engine before the sweep (same run)', before, null, `${x(before, cached)} of the sweep`),
    figure('  tight-sweep floor (no cache, no rules)', floors, null),
  ];
}

function ratio(slow: number[], fast: number[]): string {
  return `${Math.round(median(slow) / median(fast))}× slower`;
}

/** How the last step grew, against n log n's growth over the same step. */
function growth(points: [number, number][]): string | undefined {
  if (points.length < 2) return undefined;
  const [n0, t0] = points[points.length - 2] as [number, number];
  const [n1, t1] = points[points.length - 1] as [number, number];
  const nlogn = (n1 * Math.log2(n1)) / (n0 * Math.log2(n0));
  return `×${(t1 / t0).toFixed(1)} for n×${n1 / n0} (n log n: ×${nlogn.toFixed(1)})`;
}
