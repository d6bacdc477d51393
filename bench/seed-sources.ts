/**
 * The heavy set-up with every source of busy time (issue 22), for the HTTP bench's heavy "any"
 * day view: a copy of the heavy data dir, to which are added, in process while no server runs,
 * - a shared room the session needs, held by 40 sessions booked through createBooking;
 * - a group class (capacity 8) that five members teach, with 20 sessions of booked seats;
 * - an external calendar for each of the first ten members with 2 busy hours every day for 60 days,
 *   recorded as a good fetch (its URL is loopback and never due: nothing is fetched).
 */
import { createBooking } from '../src/app/create-booking.ts';
import { loadConfig } from '../src/config.ts';
import { addDays, dateOf, wallToInstant, weekdayOf } from '../src/core/index.ts';
import { openRuntime } from '../src/main.ts';
import { progress } from './proc.ts';
import { HEAVY_SERVICE, HEAVY_ZONE, heavySetup, type SeededSet, type Seeds } from './seed.ts';

const CLASS = 'class';

export async function seedHeavySources(seeds: Seeds): Promise<SeededSet> {
  const t = Date.now();
  const dir = seeds.copyHeavy('heavy-sources');
  const config = loadConfig({ SLOTWISE_DATA_DIR: dir });
  if (!config.ok) throw new Error(config.problems.join('; '));
  const rt = await openRuntime(config.config);
  try {
    const base = heavySetup();
    await rt.store.applySetup(
      {
        ...base,
        resources: [{ key: 'room', name: 'Shared room' }],
        services: [
          ...base.services.map((s) => ({ ...s, resources: ['room'] })),
          { key: CLASS, name: 'Group class', durationMinutes: 60, price: '0', capacity: 8, maxSeatsPerBooking: 4 },
        ],
        staff: base.staff.map((m, i) => (i < 5 ? { ...m, services: [...m.services, CLASS] } : m)),
      },
      async (p) => p,
    );
    const now = Date.now();
    const staffIds = seeds.heavy.staffIds;
    for (const staffId of staffIds.slice(0, 10)) {
      const url = 'http://127.0.0.1:9/busy.ics';
      const calendar = await rt.store.addCalendar(staffId, { url, label: 'Busy' }, now, null);
      if (!calendar) throw new Error('calendar not added');
      const busy = Array.from({ length: 60 }, (_, d) => {
        const start = wallToInstant(addDays(dateOf(now, HEAVY_ZONE), d), 12 * 60, HEAVY_ZONE) as number;
        return { start, end: start + 2 * 3_600_000 };
      });
      const outcome = { ok: true as const, busy, dates: [] };
      await rt.store.recordCalendarFetch(calendar.id, { url, startedAt: now, endedAt: now, outcome });
    }
    const deps = {
      store: rt.store,
      clock: { now: () => now },
      secret: 'b'.repeat(40),
      publicUrl: 'http://127.0.0.1:3000',
    };
    let n = 0;
    const book = async (service: string, start: number, seats?: number) => {
      n++;
      const r = await createBooking(deps, {
        service,
        // A group session is booked with its teacher (the first five teach the class).
        staff: seats ? (staffIds[n % 5] as string) : 'any',
        start,
        client: { name: `Source ${n}`, email: `source${n}@heavy.test`, phone: null, address: null },
        notes: '',
        wantsReminder: false,
        payment: 'none',
        ...(seats ? { seats } : {}),
      });
      return r.ok;
    };
    let held = 0;
    let seated = 0;
    for (let d = 2; d < 40 && (held < 40 || seated < 20); d++) {
      const date = addDays(dateOf(now, HEAVY_ZONE), d);
      if (weekdayOf(date) === 'sun') continue;
      for (const minutes of [9 * 60 + 30, 15 * 60 + 30]) {
        if (held < 40 && (await book(HEAVY_SERVICE, wallToInstant(date, minutes, HEAVY_ZONE) as number))) held++;
      }
      if (seated < 20 && (await book(CLASS, wallToInstant(date, 17 * 60, HEAVY_ZONE) as number, 2))) seated++;
    }
    progress(
      `  heavy sources: room held by ${held} sessions, ${seated} class sessions with seats, 10 calendars, in ${Date.now() - t} ms`,
    );
    return { ...seeds.heavy, dir };
  } finally {
    await rt.close();
  }
}
