/**
 * Availability from every source through the real app (issue 18): the month use case
 * (getMonthAvailability) over the embedded store with its read cache, as a request gets it —
 * not only the core. One member's June with 500 bookings, against the same June with the same
 * 500 spans as an external calendar's busy time (stored expanded, read like bookings): the ratio
 * must be ≤ 1.2. And a June for "any" of three photographers who share the studio room, 450
 * bookings holding it.
 */
import { createBooking } from '../src/app/create-booking.ts';
import { getMonthAvailability } from '../src/app/get-month-availability.ts';
import { importSetup } from '../src/app/import-setup.ts';
import type { Store } from '../src/app/ports.ts';
import type { Setup } from '../src/app/setup-schema.ts';
import { createStore } from '../src/store/create-store.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { ReadCache } from '../src/store/read-cache.ts';
import { MONTH, NOW, rng, ZONE } from './data.ts';
import { type Figure, median, meets, p99, timeAsync } from './figures.ts';

const HALF_HOUR = 30 * 60_000;
const DAY_HOURS = [['08:00', '20:00']] as [string, string][];
const clock = { now: () => NOW };

function studio(staff: number, room: boolean): Setup {
  const names = ['ana', 'ben', 'cleo'].slice(0, staff);
  return {
    business: { name: 'Bench Studio', timezone: ZONE, currency: 'EUR', horizonDays: 400, slotStepMinutes: 30 },
    ...(room ? { resources: [{ key: 'studio', name: 'Studio room' }] } : {}),
    services: [
      {
        key: 'portrait',
        name: 'Portrait',
        durationMinutes: 30,
        price: '0',
        ...(room ? { resources: ['studio'] } : {}),
      },
    ],
    staff: names.map((key) => ({
      key,
      name: key,
      email: `${key}@bench.test`,
      services: ['portrait'],
      minNoticeMinutes: 0,
      hours: {
        mon: DAY_HOURS,
        tue: DAY_HOURS,
        wed: DAY_HOURS,
        thu: DAY_HOURS,
        fri: DAY_HOURS,
        sat: DAY_HOURS,
        sun: DAY_HOURS,
      },
    })),
  };
}

/** `n` distinct half-hour starts of June's working hours (08:00–20:00 Paris = 06:00–18:00Z), sorted. */
function starts(n: number, seed: number): number[] {
  const all: number[] = [];
  const june1 = Date.parse('2027-06-01T06:00:00Z');
  for (let d = 0; d < 30; d++) for (let k = 0; k < 24; k++) all.push(june1 + d * 86_400_000 + k * HALF_HOUR);
  const next = rng(seed);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, n).sort((a, b) => a - b);
}

/** `cache`: the read cache production uses (warm after the first call); without it every call reads the database. */
async function open(setup: Setup, cache = true) {
  const opened = await openDatabase({ kind: 'memory' });
  const store = createStore(opened.db, cache ? new ReadCache() : undefined);
  const imported = await importSetup({ store, hashPassword: async (p) => p }, setup);
  if (!imported.ok) throw new Error(`bench set-up refused: ${JSON.stringify(imported)}`);
  return { store, close: () => opened.close() };
}

async function book(store: Store, staff: string, start: number, i: number): Promise<void> {
  const r = await createBooking(
    { store, clock, secret: 'b'.repeat(40), publicUrl: 'http://127.0.0.1:3000' },
    {
      service: 'portrait',
      staff,
      start,
      client: { name: `Client ${i}`, email: `c${i}@bench.test`, phone: null, address: null },
      notes: '',
      wantsReminder: false,
      payment: 'none',
    },
  );
  if (!r.ok) throw new Error(`bench booking refused: ${r.code}`);
}

const month = (store: Store, staff: string) => async () => {
  const r = await getMonthAvailability({ store, clock }, { service: 'portrait', staff, month: MONTH });
  if (!r.ok) throw new Error(r.code);
  return r.value;
};

function figure(name: string, samples: number[], note?: string): Figure {
  return {
    group: 'sources',
    name,
    unit: 'µs',
    median: Math.round(median(samples)),
    p99: Math.round(p99(samples)),
    target: null,
    met: null,
    ...(note ? { note } : {}),
  };
}

/** The 500 spans as one member's bookings, and as a calendar's busy time, in two databases. */
async function bookedAndFed(spans: number[], cache: boolean) {
  const booked = await open(studio(1, false), cache);
  const feed = await open(studio(1, false), cache);
  for (const [i, s] of spans.entries()) await book(booked.store, '1', s, i);
  const calendar = await feed.store.addCalendar(
    '1',
    { url: 'https://calendar.example.test/bench.ics', label: 'Bench' },
    NOW,
    null,
  );
  if (!calendar) throw new Error('no calendar');
  await feed.store.recordCalendarFetch(calendar.id, {
    url: calendar.url,
    startedAt: NOW,
    endedAt: NOW,
    outcome: { ok: true, busy: spans.map((s) => ({ start: s, end: s + HALF_HOUR })), dates: [] },
  });
  const [a, b] = [await month(booked.store, '1')(), await month(feed.store, '1')()];
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('500 bookings and 500 external events disagree');
  return { booked, feed };
}

/** Month samples of both, alternating so load from other work on the machine hits both alike. */
async function pair(spans: number[], cache: boolean, label: string): Promise<Figure[]> {
  const { booked, feed } = await bookedAndFed(spans, cache);
  try {
    const bookedSamples: number[] = [];
    const feedSamples: number[] = [];
    for (let r = 0; r < 30; r++) {
      bookedSamples.push(...(await timeAsync(month(booked.store, '1'), { runs: 10, warmup: 2 })));
      feedSamples.push(...(await timeAsync(month(feed.store, '1'), { runs: 10, warmup: 2 })));
    }
    const ratio = median(feedSamples) / median(bookedSamples);
    return [
      figure(`month, 1 staff, 500 bookings (${label})`, bookedSamples),
      figure(`month, 1 staff, 500 external events (${label})`, feedSamples, `×${ratio.toFixed(2)} of 500 bookings`),
      {
        group: 'sources',
        name: '  ratio external / bookings',
        unit: '×',
        median: Math.round(ratio * 100) / 100,
        p99: null,
        target: '<= 1.2',
        met: meets(ratio, '<= 1.2'),
      },
    ];
  } finally {
    await Promise.all([booked.close(), feed.close()]);
  }
}

export async function runSources(): Promise<Figure[]> {
  const spans = starts(500, 18);
  const out = [
    ...(await pair(spans, true, 'use case + store, read cache')),
    ...(await pair(spans, false, 'use case + store, no cache')),
  ];
  const trio = await open(studio(3, true));
  try {
    for (const [i, s] of starts(450, 300).entries()) await book(trio.store, String((i % 3) + 1), s, i);
    const anySamples = await timeAsync(month(trio.store, 'any'), { runs: 100, warmup: 10 });
    const any = await month(trio.store, 'any')();
    const open = any.days.filter((d) => d.status === 'available').length;
    return [
      ...out,
      figure('month, any of 3 sharing a room, 450 bookings (use case + store)', anySamples, `${open}/30 days open`),
    ];
  } finally {
    await trio.close();
  }
}
