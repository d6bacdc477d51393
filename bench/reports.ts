/**
 * What a year's report costs (issue 20, SPEC §12 "Reports"): the heavy studio (50 staff) with its
 * 10,000 bookings in the past, the report of the last 365 days for everyone, computed in-process
 * by the real use case over the embedded database — the bookings summed by one SQL aggregate, the
 * working minutes of 50 members over 53 weeks by the core. Target: < 200 ms.
 */
import { getReport } from '../src/app/dashboard/reports/get-report.ts';
import { loadConfig } from '../src/config.ts';
import { addDays, dateOf } from '../src/core/index.ts';
import { openRuntime } from '../src/main.ts';
import { type Figure, median, meets, p99 } from './figures.ts';
import { progress } from './proc.ts';
import { HEAVY_ZONE, seedHeavyStudio, seedRoot } from './seed.ts';

const RUNS = 30;
const WARMUP = 3;
const TARGET = '< 200';

export async function runReports(): Promise<Figure[]> {
  progress('reports: seeding the heavy studio with its 10,000 bookings in the past…');
  const set = await seedHeavyStudio(seedRoot(), 'reports', 'past');
  const config = loadConfig({ SLOTWISE_DATA_DIR: set.dir });
  if (!config.ok) throw new Error(config.problems.join('; '));
  const rt = await openRuntime(config.config);
  try {
    const deps = { store: rt.store, clock: { now: () => Date.now() } };
    const admin = { role: 'admin', userId: null, keyId: null } as const;
    const to = dateOf(Date.now(), HEAVY_ZONE);
    const asked = { from: addDays(to, -364), to };
    const samples: number[] = [];
    let bookings = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t = performance.now();
      const r = await getReport(deps, admin, asked);
      const ms = performance.now() - t;
      if (!r.ok) throw new Error(`report refused: ${r.code} ${r.message}`);
      bookings = r.value.totals.bookings;
      if (i >= WARMUP) samples.push(ms);
    }
    if (bookings < 10_000) throw new Error(`the report counted ${bookings} bookings, not the 10,000 seeded`);
    return [
      {
        group: 'reports',
        name: 'report of a year, 10,000 bookings, 50 staff (in-process, embedded)',
        unit: 'ms',
        median: median(samples),
        p99: p99(samples),
        target: `${TARGET} ms`,
        met: meets(median(samples), TARGET),
        note: `sequential, ${RUNS} runs; totals, 53 weeks and 50 staff lines`,
      },
    ];
  } finally {
    await rt.close();
  }
}
