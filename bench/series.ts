/**
 * A 12-occurrence recurring series against a single booking (issue 19: "must cost less than 3× a
 * single booking — one transaction, not twelve"), through the use cases over the embedded store
 * with its read cache, as a request gets them. Samples alternate between the two so load from
 * other work on the machine hits both alike; every sample books times nobody holds yet.
 */
import { createBooking } from '../src/app/create-booking.ts';
import { createSeries } from '../src/app/create-series.ts';
import { importSetup } from '../src/app/import-setup.ts';
import type { Setup } from '../src/app/setup-schema.ts';
import { createStore } from '../src/store/create-store.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { ReadCache } from '../src/store/read-cache.ts';
import { NOW, ZONE } from './data.ts';
import { type Figure, median, meets, p99 } from './figures.ts';

const HALF_HOUR = 30 * 60_000;
const DAY = 86_400_000;
const DAY_HOURS = [['08:00', '20:00']] as [string, string][];
const SAMPLES = 80;
const TARGET = '< 3';

const SETUP: Setup = {
  business: { name: 'Bench Studio', timezone: ZONE, currency: 'EUR', horizonDays: 400, slotStepMinutes: 30 },
  services: [{ key: 'lesson', name: 'Lesson', durationMinutes: 30, price: '0', allowRepeat: true }],
  staff: [
    {
      key: 'ana',
      name: 'Ana',
      email: 'ana@bench.test',
      services: ['lesson'],
      minNoticeMinutes: 0,
      hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, DAY_HOURS])),
    },
  ],
};

const clock = { now: () => NOW };
const request = (start: number, i: number) => ({
  service: 'lesson',
  staff: '1',
  start,
  client: { name: `Client ${i}`, email: `c${i}@bench.test`, phone: null, address: null },
  notes: '',
  wantsReminder: false,
  payment: 'none' as const,
});

/** Series i: weekly from the week of Monday 2027-06-07, its own (weekday, half hour); 08:00 Paris = 06:00Z. */
const seriesStart = (i: number) => Date.parse('2027-06-07T06:00:00Z') + (i % 7) * DAY + Math.floor(i / 7) * HALF_HOUR;
/** Single i: from 2027-10-01 on, after every series has ended. */
const singleStart = (i: number) => Date.parse('2027-10-01T06:00:00Z') + (i % 30) * DAY + Math.floor(i / 30) * HALF_HOUR;

async function timed(fn: () => Promise<{ ok: boolean }>): Promise<number> {
  const t = process.hrtime.bigint();
  const r = await fn();
  if (!r.ok) throw new Error(`bench booking refused: ${JSON.stringify(r)}`);
  return Number(process.hrtime.bigint() - t) / 1e3;
}

export async function runSeries(): Promise<Figure[]> {
  const opened = await openDatabase({ kind: 'memory' });
  const store = createStore(opened.db, new ReadCache());
  const imported = await importSetup({ store, hashPassword: async (p) => p }, SETUP);
  if (!imported.ok) throw new Error(`bench set-up refused: ${JSON.stringify(imported)}`);
  const deps = { store, clock, secret: 'b'.repeat(40), publicUrl: 'http://127.0.0.1:3000' };
  const singles: number[] = [];
  const series: number[] = [];
  try {
    for (let i = 0; i < SAMPLES + 5; i++) {
      const one = await timed(() => createBooking(deps, request(singleStart(i), i)));
      const twelve = await timed(() =>
        createSeries(deps, { ...request(seriesStart(i), 1000 + i), repeat: { frequency: 'weekly', count: 12 } }),
      );
      if (i < 5) continue; // warm-up
      singles.push(one);
      series.push(twelve);
    }
  } finally {
    await opened.close();
  }
  const ratio = median(series) / median(singles);
  const figure = (name: string, samples: number[], note?: string): Figure => ({
    group: 'series',
    name,
    unit: 'µs',
    median: Math.round(median(samples)),
    p99: Math.round(p99(samples)),
    target: null,
    met: null,
    ...(note ? { note } : {}),
  });
  return [
    figure('single booking (use case + store)', singles),
    figure('weekly series of 12 (use case + store)', series, `×${ratio.toFixed(2)} of a single booking`),
    {
      group: 'series',
      name: '  ratio series of 12 / single',
      unit: '×',
      median: Math.round(ratio * 100) / 100,
      p99: null,
      target: TARGET,
      met: meets(ratio, TARGET),
    },
  ];
}
