/**
 * Availability reads are bounded by `now`, not by the date asked for (core/busy-reach.ts): the
 * store is watched (every listBusy and its window, every SQL statement) while views of past
 * days and months are asked in many zones — the month view cache included — and a warm read
 * cache answers a view of today without the database. The bound is the app's, so it holds in
 * server mode too (PostgreSQL, where busy time is never cached).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testClock } from '../../test/support/clock.ts';
import { openPostgresTestDatabase, openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import {
  POSTGRES_SKIP_REASON,
  startTestPostgres,
  type TestPostgres,
  testPostgresAvailable,
} from '../../test/support/postgres.ts';
import { STUDIO, STUDIO_NOW } from '../../test/support/studio.ts';
import { busyFloor, type Interval } from '../core/index.ts';
import { createStore } from '../store/create-store.ts';
import { ReadCache } from '../store/read-cache.ts';
import type { Sql } from '../store/sql.ts';
import { getDayAvailability } from './get-day-availability.ts';
import { getMonthAvailability, type MonthAvailability } from './get-month-availability.ts';
import type { Store } from './ports.ts';
import { ViewCache } from './view-cache.ts';

let tdb: TestDatabase;
const clock = testClock(STUDIO_NOW);
const NOW = Date.parse(STUDIO_NOW);
const ZONES = ['Europe/Paris', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'America/St_Johns', 'UTC'];

beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  await tdb.reset();
  await tdb.store.applySetup(STUDIO, async (p) => p);
});

/** The store with every listBusy window recorded. */
function watched(store: Store): { store: Store; windows: Interval[] } {
  const windows: Interval[] = [];
  const proxy = new Proxy(store, {
    get(target, name, receiver) {
      if (name !== 'listBusy') return Reflect.get(target, name, receiver);
      return (ids: readonly string[], window: Interval, now: number, merged?: boolean) => {
        windows.push(window);
        return target.listBusy(ids, window, now, merged);
      };
    },
  });
  return { store: proxy, windows };
}

/** A store over the test database whose SQL statements are recorded. */
function countingSql(sql: Sql, statements: string[]): Sql {
  return {
    query: (text, params) => {
      statements.push(text);
      return sql.query(text, params);
    },
    exec: (text) => sql.exec(text),
    transaction: (fn) => sql.transaction((tx) => fn(countingSql(tx, statements))),
  };
}

describe('bounded availability reads', () => {
  it('a month in the past reads no busy time before now − the reach, in any zone, through the view cache', async () => {
    const { store, windows } = watched(tdb.store);
    const deps = { store, clock, monthViews: new ViewCache<MonthAvailability>() };
    for (const month of ['1900-01', '2027-02']) {
      for (const tz of ZONES) {
        const r = await getMonthAvailability(deps, { service: 'portrait', staff: 'any', month, tz });
        if (!r.ok) throw new Error(r.message);
        expect(r.value.days.every((d) => d.status === 'past')).toBe(true);
        expect(r.value.firstAvailable).toMatch(/^2027-03-2[67]$/); // the look-ahead: today in the zone
      }
    }
    // Only the look-ahead to the horizon reads, once per request, and from the floor on.
    expect(windows).toHaveLength(2 * ZONES.length);
    for (const w of windows) expect(w.start).toBeGreaterThanOrEqual(busyFloor(NOW));
  });

  it('a day in the past reads no busy time at all, whatever the zone', async () => {
    const { store, windows } = watched(tdb.store);
    for (const date of ['1900-01-01', '2027-03-24']) {
      for (const tz of ZONES) {
        const r = await getDayAvailability({ store, clock }, { service: 'portrait', staff: 'any', date, tz });
        expect(r.ok && r.value.slots).toEqual([]);
      }
    }
    expect(windows).toEqual([]);
  });

  it('a month or day from today on reads from the floor at the earliest', async () => {
    const { store, windows } = watched(tdb.store);
    await getDayAvailability({ store, clock }, { service: 'portrait', staff: 'any', date: '2027-03-26' });
    await getMonthAvailability({ store, clock }, { service: 'portrait', staff: 'any', month: '2027-03' });
    expect(windows).toHaveLength(2);
    for (const w of windows) expect(w.start).toBe(busyFloor(NOW));
  });

  it('with the read cache warm, a day view of today (and a past month) sends no statement to the database', async () => {
    const statements: string[] = [];
    const store = createStore(countingSql(tdb.db, statements), new ReadCache());
    const day = (date: string) => getDayAvailability({ store, clock }, { service: 'portrait', staff: 'any', date });
    await day('2027-03-29'); // warms the catalogue and both members' rows
    expect(statements.length).toBeGreaterThan(0);
    statements.length = 0;
    const today = await day('2027-03-26');
    expect(today.ok && today.value.slots.length).toBeGreaterThan(0);
    await getMonthAvailability({ store, clock }, { service: 'portrait', staff: 'any', month: '1900-01', tz: 'UTC' });
    expect(statements).toEqual([]);
  });

  it('once warm, day views of today and of tomorrow (any member, each member, a service holding a room) send no statement, also hours later', async () => {
    await tdb.store.applySetup(
      {
        ...STUDIO,
        resources: [{ key: 'room', name: 'Room' }],
        services: (STUDIO.services ?? []).map((s) => (s.key === 'portrait' ? { ...s, resources: ['room'] } : s)),
      },
      async (p) => p,
    );
    const statements: string[] = [];
    const store = createStore(countingSql(tdb.db, statements), new ReadCache());
    const later = testClock(STUDIO_NOW);
    const day = (date: string, staff: string, service = 'portrait') =>
      getDayAvailability({ store, clock: later }, { service, staff, date });
    // Warmed by a view of another day: the cache loads from the floor of `now`, not of the date asked.
    const warm = await day('2027-03-29', 'any');
    if (!warm.ok) throw new Error(warm.message);
    const members = [...new Set(warm.value.slots.flatMap((slot) => slot.staff))];
    expect(members).toHaveLength(2);
    await day('2027-03-29', 'any', 'consult');
    statements.length = 0;
    for (const minutes of [0, 5 * 60]) {
      later.advance(minutes);
      for (const date of ['2027-03-26', '2027-03-27']) {
        for (const staff of ['any', ...members]) {
          const r = await day(date, staff);
          expect(r.ok, `${date} ${staff}`).toBe(true);
        }
        expect((await day(date, 'any', 'consult')).ok).toBe(true);
      }
    }
    const friday = await day('2027-03-26', 'any');
    const saturday = await day('2027-03-27', 'any');
    expect([friday.ok && friday.value.slots.length > 0, saturday.ok && saturday.value.slots.length > 0]).toEqual([
      true,
      true,
    ]);
    expect(statements).toEqual([]);
  });
});

describe.runIf(testPostgresAvailable())('bounded availability reads, server mode (PostgreSQL, no busy cache)', () => {
  let pg: TestPostgres | null = null;
  let server: TestDatabase;
  beforeAll(async () => {
    pg = await startTestPostgres();
    if (!pg) throw new Error(POSTGRES_SKIP_REASON);
    server = await openPostgresTestDatabase(pg.url);
    await server.reset();
    await server.store.applySetup(STUDIO, async (p) => p);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await pg?.stop();
  });

  it('a past month or day in any zone reads no busy time before now − the reach', async () => {
    const { store, windows } = watched(server.store);
    for (const tz of ZONES) {
      const month = await getMonthAvailability(
        { store, clock },
        { service: 'portrait', staff: 'any', month: '1900-01', tz },
      );
      expect(month.ok && month.value.days.every((d) => d.status === 'past')).toBe(true);
      const day = await getDayAvailability(
        { store, clock },
        { service: 'portrait', staff: 'any', date: '1900-01-01', tz },
      );
      expect(day.ok && day.value.slots).toEqual([]);
    }
    expect(windows).toHaveLength(ZONES.length); // the months' look-ahead only
    for (const w of windows) expect(w.start).toBeGreaterThanOrEqual(busyFloor(NOW));
  });
});
