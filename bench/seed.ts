/**
 * The seeded data directories every HTTP benchmark serves, made once per run under the system
 * temp directory and removed at the end:
 * - heavy: `slotwise import` of 50 staff (Mon-Sat 08:00-20:00, Europe/Paris, one 60-min free
 *   service), then 10,000 confirmed bookings over the next ~60 days, inserted in-process through
 *   store.insertBooking while no server runs;
 * - demo: `slotwise serve --demo` once, stopped after its banner.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewBooking } from '../src/app/model.ts';
import { loadConfig } from '../src/config.ts';
import { addDays, dateOf, occupiedSpan, wallToInstant, weekdayOf } from '../src/core/index.ts';
import { openRuntime } from '../src/main.ts';
import { progress, runSlotwise, startServer } from './proc.ts';

export const HEAVY_ZONE = 'Europe/Paris';
export const HEAVY_SERVICE = 'session';
export const HEAVY_STAFF = 50;
export const HEAVY_BOOKINGS = 10_000;
/** Bookings per staff member and working day: hours h, h+3, h+6, h+9 of the 12 worked. */
const PER_DAY = 4;

export interface SeededSet {
  readonly dir: string;
  readonly service: string;
  readonly zone: string;
  readonly staffIds: readonly string[];
}

export interface Seeds {
  readonly root: string;
  readonly heavy: SeededSet;
  readonly demo: SeededSet;
  /** A fresh copy of the heavy data dir (for benchmarks that write). */
  copyHeavy(name: string): string;
}

export function heavySetup() {
  const day: [string, string][] = [['08:00', '20:00']];
  return {
    business: {
      name: 'Heavy Bench Studio',
      timezone: HEAVY_ZONE,
      currency: 'EUR',
      horizonDays: 400,
      slotStepMinutes: 30,
      minNoticeMinutes: 0,
    },
    services: [{ key: HEAVY_SERVICE, name: 'Session', durationMinutes: 60, price: '0' }],
    staff: Array.from({ length: HEAVY_STAFF }, (_, i) => {
      const key = `s${String(i + 1).padStart(2, '0')}`;
      return {
        key,
        name: `Staff ${key}`,
        email: `${key}@heavy.test`,
        services: [HEAVY_SERVICE],
        hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day },
      };
    }),
  };
}

/**
 * HEAVY_BOOKINGS confirmed bookings on working days from tomorrow on (`ahead`), or from yesterday
 * backwards (`past`: a studio with history, as an old deployment has).
 */
async function insertHeavyBookings(
  dir: string,
  serviceId: string,
  staffIds: readonly string[],
  when: 'ahead' | 'past',
): Promise<number> {
  const config = loadConfig({ SLOTWISE_DATA_DIR: dir });
  if (!config.ok) throw new Error(config.problems.join('; '));
  const rt = await openRuntime(config.config);
  const timing = { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
  const now = Date.now();
  let n = 0;
  try {
    const today = dateOf(now, HEAVY_ZONE);
    for (let d = 1; n < HEAVY_BOOKINGS && d <= 120; d++) {
      const date = addDays(today, when === 'ahead' ? d : -d);
      if (weekdayOf(date) === 'sun') continue;
      await rt.store.transaction(async (store) => {
        for (let s = 0; s < staffIds.length && n < HEAVY_BOOKINGS; s++) {
          for (let k = 0; k < PER_DAY && n < HEAVY_BOOKINGS; k++) {
            const hour = 8 + ((s + d + 3 * k) % 12);
            const start = wallToInstant(date, hour * 60, HEAVY_ZONE);
            if (start === null) continue;
            const end = start + 3_600_000;
            n++;
            const booking: NewBooking = {
              reference: `SW-B${String(n).padStart(5, '0')}`,
              serviceId,
              staffId: staffIds[s] as string,
              client: { name: `Client ${n}`, email: `client${n}@heavy.test`, phone: null, address: null },
              clientId: null,
              notes: '',
              wantsReminder: false,
              locale: 'en',
              timezone: HEAVY_ZONE,
              status: 'confirmed',
              start,
              end,
              occupied: occupiedSpan(start, end, timing, 0),
              holdUntil: null,
              paymentOption: 'none',
              amountDue: 0,
              currency: 'EUR',
              price: 0,
              manageTokenHash: createHash('sha256').update(randomBytes(32)).digest(),
              remindAt: null,
              answers: {},
              sealedAnswers: null,
            };
            const r = await store.insertBooking(booking, now);
            if (!r.ok) throw new Error(`seed booking ${booking.reference} refused: ${r.code}`);
          }
        }
      });
    }
  } finally {
    await rt.close();
  }
  return n;
}

async function seedHeavy(root: string): Promise<SeededSet> {
  return seedHeavyStudio(root, 'heavy', 'ahead');
}

/**
 * The heavy set-up in `root/name`, its bookings ahead or in the past (see insertHeavyBookings);
 * the directory is removed with the other seeds.
 */
export async function seedHeavyStudio(root: string, name: string, when: 'ahead' | 'past'): Promise<SeededSet> {
  const dir = join(root, name);
  const file = join(root, `${name}.json`);
  writeFileSync(file, JSON.stringify(heavySetup(), null, 2));
  const t = Date.now();
  const ids = JSON.parse(await runSlotwise(['import', file], dir)) as {
    services: Record<string, string>;
    staff: Record<string, string>;
  };
  const serviceId = ids.services[HEAVY_SERVICE];
  if (!serviceId) throw new Error('import did not return the service id');
  const staffIds = Object.keys(ids.staff)
    .sort()
    .map((k) => ids.staff[k] as string);
  progress(
    `  imported ${staffIds.length} staff in ${Date.now() - t} ms; inserting ${HEAVY_BOOKINGS} bookings (${when})…`,
  );
  const t2 = Date.now();
  const n = await insertHeavyBookings(dir, serviceId, staffIds, when);
  progress(`  inserted ${n} bookings in ${((Date.now() - t2) / 1000).toFixed(1)} s`);
  return { dir, service: HEAVY_SERVICE, zone: HEAVY_ZONE, staffIds };
}

async function seedDemo(root: string): Promise<SeededSet> {
  const dir = join(root, 'demo');
  const t = Date.now();
  const server = await startServer(dir, ['--demo']);
  await server.stop();
  progress(`  demo studio seeded in ${Date.now() - t} ms`);
  return { dir, service: 'portrait-session', zone: 'Europe/Lisbon', staffIds: [] };
}

let seeded: Promise<Seeds> | null = null;
let rootDir: string | null = null;

/** The temp directory every seed of this run lives in, made on first use (removeSeeds deletes it). */
export function seedRoot(): string {
  rootDir ??= mkdtempSync(join(tmpdir(), 'slotwise-bench-'));
  return rootDir;
}

/** Seeds once per process; later calls share the result. */
export function getSeeds(): Promise<Seeds> {
  seeded ??= (async () => {
    const root = seedRoot();
    progress('seeding heavy set-up (50 staff, 10,000 bookings) and demo studio, side by side…');
    const [heavy, demo] = await Promise.all([seedHeavy(root), seedDemo(root)]);
    return {
      root,
      heavy,
      demo,
      copyHeavy(name) {
        const to = join(root, name);
        rmSync(to, { recursive: true, force: true });
        cpSync(heavy.dir, to, { recursive: true });
        return to;
      },
    };
  })();
  return seeded;
}

/** Removes the seeded directories (call when no server runs any more, e.g. on exit). */
export function removeSeeds(): void {
  if (rootDir) rmSync(rootDir, { recursive: true, force: true });
  rootDir = null;
}
