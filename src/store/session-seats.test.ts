/**
 * A group service's seats in the read cache (session-seats.ts, decision 044): read once, filtered
 * by window and hold at read time, and read again after any change of the member's bookings or of
 * what bookings hold on resources.
 */
import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.ts';
import type { CachedSeat } from './session-seats.ts';

const H = 3_600_000;
const NOW = Date.parse('2027-03-29T08:00:00Z');
const WINDOW = { start: NOW, end: NOW + 24 * H };
const seat = (from: number, to: number, seats: number, holdUntil: number | null = null): CachedSeat => ({
  start: NOW + from * H,
  span: { start: NOW + from * H, end: NOW + to * H },
  seats,
  holdUntil: holdUntil === null ? null : NOW + holdUntil * H,
});

/** A loader counting its calls, answering member 1's seats as `rows` says at each call. */
function loader(rows: () => CachedSeat[]) {
  const calls: string[][] = [];
  const load = async (ids: string[]) => {
    calls.push(ids);
    return new Map(ids.map((id) => [id, id === '1' ? rows() : []]));
  };
  return { calls, load };
}

const seatsOf = async (cache: ReadCache, load: Parameters<ReadCache['seatsFor']>[4], now = NOW, window = WINDOW) =>
  (await cache.seatsFor('class', ['1', '2'], window, now, load))?.get('1')?.map((s) => s.seats);

describe('group seats in the read cache', () => {
  it('reads the seats once, then answers by window and by hold from the kept copy', async () => {
    const cache = new ReadCache();
    const { calls, load } = loader(() => [seat(1, 2, 4), seat(1, 2, 2, 0.5), seat(5, 6, 3)]);
    expect(await seatsOf(cache, load)).toEqual([4, 2, 3]);
    expect(await seatsOf(cache, load, NOW + 0.5 * H)).toEqual([4, 3]); // the hold lapsed
    expect(await seatsOf(cache, load, NOW, { start: NOW + 2 * H, end: NOW + 5.5 * H })).toEqual([3]);
    expect(calls).toEqual([['1', '2']]);
  });

  it('reads a member again after a write to their bookings, and only that member', async () => {
    const cache = new ReadCache();
    let sold = [seat(1, 2, 4)];
    const { calls, load } = loader(() => sold);
    expect(await seatsOf(cache, load)).toEqual([4]);
    sold = [seat(1, 2, 4), seat(1, 2, 1)];
    cache.addRow('1', { start: NOW + H, end: NOW + 2 * H, holdUntil: null }); // a seat booked
    expect(await seatsOf(cache, load)).toEqual([4, 1]);
    sold = [seat(1, 2, 1)];
    cache.invalidateStaff('1'); // a seat cancelled
    expect(await seatsOf(cache, load)).toEqual([1]);
    expect(calls).toEqual([['1', '2'], ['1'], ['1']]);
  });

  it("reads again after a change of what bookings hold on resources (a session's room)", async () => {
    const cache = new ReadCache();
    let held = false;
    const { calls, load } = loader(() => [
      {
        ...seat(1, 2, 4),
        ...(held ? { held: { span: { start: NOW + H, end: NOW + 2 * H }, resourceIds: ['r'] } } : {}),
      },
    ]);
    await seatsOf(cache, load);
    held = true;
    cache.invalidateResources();
    const seats = await cache.seatsFor('class', ['1'], WINDOW, NOW, load);
    expect(seats?.get('1')?.[0]?.held?.resourceIds).toEqual(['r']);
    expect(calls.length).toBe(2);
  });

  it('keeps no load that a write overtook, and answers nothing in server mode', async () => {
    const cache = new ReadCache();
    let release = () => {};
    const slow = cache.seatsFor('class', ['1'], WINDOW, NOW, async () => {
      await new Promise<void>((r) => {
        release = r;
      });
      return new Map([['1', [seat(1, 2, 4)]]]);
    });
    cache.touchStaff('1'); // a seat is being written while the read is in flight
    release();
    expect(await slow).toBeNull(); // the caller reads the database
    const { calls, load } = loader(() => [seat(1, 2, 4), seat(1, 2, 2)]);
    expect(await seatsOf(cache, load)).toEqual([4, 2]);
    expect(calls).toEqual([['1', '2']]);
    expect(await new ReadCache({ busy: false }).seatsFor('class', ['1'], WINDOW, NOW, load)).toBeNull();
  });
});
