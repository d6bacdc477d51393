/** The read cache's own rules: versioned loads, hold expiry by time, and what it refuses to answer. */
import { describe, expect, it } from 'vitest';
import { busyFloor } from '../core/index.ts';
import { type OccupyingRow, ReadCache } from './read-cache.ts';

const H = 3_600_000;
const NOW = Date.parse('2027-03-29T08:00:00Z');
const rows = (...r: [number, number, number | null][]): OccupyingRow[] =>
  r.map(([s, e, h]) => ({ start: NOW + s * H, end: NOW + e * H, holdUntil: h === null ? null : NOW + h * H }));

describe('ReadCache', () => {
  it('loads a catalogue read once, and again after invalidateCatalog', async () => {
    const cache = new ReadCache();
    let loads = 0;
    const load = async () => ++loads;
    expect([await cache.catalogRead('k', load), await cache.catalogRead('k', load)]).toEqual([1, 1]);
    cache.invalidateCatalog();
    expect(await cache.catalogRead('k', load)).toBe(2);
  });

  it('does not keep a miss (null): made-up keys from requests cannot grow the cache', async () => {
    const cache = new ReadCache();
    let loads = 0;
    const missing = async () => {
      loads++;
      return null;
    };
    for (let i = 0; i < 3; i++) await cache.catalogRead('service:no-such-slug', missing);
    expect(loads).toBe(3);
    expect(await cache.catalogRead('service:real', async () => 'found')).toBe('found');
    expect(await cache.catalogRead('service:real', async () => 'loaded again')).toBe('found');
  });

  it('does not keep a load that an invalidation overtook (a reader racing a writer)', async () => {
    const cache = new ReadCache();
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => {
      release = r;
    });
    let loads = 0;
    const first = cache.catalogRead('k', async () => {
      loads++;
      await slow;
      return 'before the write';
    });
    cache.invalidateCatalog(); // the write lands while the read is in flight
    release();
    expect(await first).toBe('before the write');
    expect(await cache.catalogRead('k', async () => `after the write (${++loads})`)).toBe('after the write (2)');
  });

  it('answers busy time from cached rows: window overlap, holds occupying only until hold_until', async () => {
    const cache = new ReadCache();
    const load = async () => new Map([['1', rows([1, 2, null], [3, 4, 0.5], [5, 6, null])]]);
    const window = { start: NOW, end: NOW + 10 * H };
    const at = async (now: number) =>
      (await cache.busyFor(['1'], window, now, load))?.get('1')?.map((i) => [(i.start - NOW) / H, (i.end - NOW) / H]);
    expect(await at(NOW)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    // Half an hour later the hold has lapsed: no reload, no invalidation, and it is gone.
    expect(await at(NOW + 0.5 * H)).toEqual([
      [1, 2],
      [5, 6],
    ]);
    const narrow = await cache.busyFor(['1'], { start: NOW + 2 * H, end: NOW + 5 * H }, NOW, load);
    expect(narrow?.get('1')?.map((i) => (i.start - NOW) / H)).toEqual([3]);
  });

  it('reloads a member after invalidateStaff, and only that member', async () => {
    const cache = new ReadCache();
    const loaded: string[][] = [];
    const load = async (ids: string[]) => {
      loaded.push(ids);
      return new Map(ids.map((id) => [id, [] as OccupyingRow[]]));
    };
    const window = { start: NOW, end: NOW + H };
    await cache.busyFor(['1', '2'], window, NOW, load);
    await cache.busyFor(['1', '2'], window, NOW, load);
    cache.invalidateStaff('2');
    await cache.busyFor(['1', '2'], window, NOW, load);
    expect(loaded).toEqual([['1', '2'], ['2']]);
  });

  it('holds rows from the floor of the reach rule: answers every window the app asks, declines one before it', async () => {
    const cache = new ReadCache();
    const floors: number[] = [];
    const load = async (ids: string[], floor: number) => {
      floors.push(floor);
      return new Map(ids.map((id) => [id, [] as OccupyingRow[]]));
    };
    expect(await cache.busyFor(['1'], { start: busyFloor(NOW), end: NOW }, NOW, load)).toEqual(new Map([['1', []]]));
    expect(floors).toEqual([busyFloor(NOW)]);
    // Earlier than any question of the app: the caller asks the database.
    expect(await cache.busyFor(['1'], { start: busyFloor(NOW) - 1, end: NOW }, NOW, load)).toBeNull();
  });

  it('adds a committed booking to the cached rows in order, dropping the lapsed holds it replaced; new token', async () => {
    const cache = new ReadCache();
    let loads = 0;
    const load = async () => {
      loads++;
      return new Map([['1', rows([1, 2, null], [3, 4, -0.5], [6, 7, null])]]);
    };
    const window = { start: NOW, end: NOW + 10 * H };
    await cache.busyFor(['1'], window, NOW, load);
    const before = cache.viewToken(['1'], NOW)?.token;
    // A booking over the lapsed hold at 3-4 (the insert expired it), and one at 8-9.
    cache.addRow('1', { start: NOW + 3.5 * H, end: NOW + 4.5 * H, holdUntil: null });
    cache.addRow('1', { start: NOW + 8 * H, end: NOW + 9 * H, holdUntil: null });
    const busy = await cache.busyFor(['1'], window, NOW, load);
    const hours = (busy?.get('1') ?? []).map((i) => [(i.start - NOW) / H, (i.end - NOW) / H]);
    expect(hours).toEqual([
      [1, 2],
      [3.5, 4.5],
      [6, 7],
      [8, 9],
    ]);
    expect(loads).toBe(1); // no reload
    expect(cache.viewToken(['1'], NOW)?.token).not.toBe(before);
  });

  it("adds a series' rows at once as addRow would one by one: in order, the lapsed hold they replace dropped", async () => {
    const cache = new ReadCache();
    const load = async () => new Map([['1', rows([1, 2, null], [3, 4, -0.5], [6, 7, null])]]);
    const window = { start: NOW, end: NOW + 10 * H };
    await cache.busyFor(['1'], window, NOW, load);
    cache.addRows('1', [
      { start: NOW + 0.25 * H, end: NOW + 0.75 * H, holdUntil: null },
      { start: NOW + 3.5 * H, end: NOW + 4.5 * H, holdUntil: null },
      { start: NOW + 8 * H, end: NOW + 9 * H, holdUntil: null },
    ]);
    const busy = await cache.busyFor(['1'], window, NOW, load);
    expect((busy?.get('1') ?? []).map((i) => [(i.start - NOW) / H, (i.end - NOW) / H])).toEqual([
      [0.25, 0.75],
      [1, 2],
      [3.5, 4.5],
      [6, 7],
      [8, 9],
    ]);
  });

  it('adding to a member who is not cached does nothing but change the version', async () => {
    const cache = new ReadCache();
    cache.addRow('9', { start: NOW, end: NOW + H, holdUntil: null });
    let loads = 0;
    const busy = await cache.busyFor(['9'], { start: NOW, end: NOW + H }, NOW, async () => {
      loads++;
      return new Map([['9', rows([0, 1, null])]]);
    });
    expect(loads).toBe(1);
    expect(busy?.get('9')).toEqual([{ start: NOW, end: NOW + H }]);
  });

  it('keeps views valid while a write is in flight (touchStaff), but stores no load that started before it', async () => {
    const cache = new ReadCache();
    const window = { start: NOW, end: NOW + 10 * H };
    await cache.busyFor(['1', '2'], window, NOW, async () => new Map([['1', rows([1, 2, null])]]));
    const before = cache.viewToken(['1', '2'], NOW)?.token;
    cache.touchStaff('1'); // a booking's transaction has written member 1's row, not committed yet
    expect(cache.viewToken(['1', '2'], NOW)?.token).toBe(before); // the cached rows are still the committed state
    // A load of member 3 overtaken by a write to member 3 is not kept.
    let release = () => {};
    const slow = cache.busyFor(['3'], window, NOW, async () => {
      await new Promise<void>((r) => {
        release = r;
      });
      return new Map([['3', rows([5, 6, null])]]);
    });
    cache.touchStaff('3');
    release();
    await slow;
    expect(cache.viewToken(['3'], NOW)).toBeNull();
    cache.addRow('1', { start: NOW + 3 * H, end: NOW + 4 * H, holdUntil: null }); // committed
    expect(cache.viewToken(['1', '2'], NOW)?.token).not.toBe(before);
  });
});
