/** The store contract on busy time and booking counts: which bookings occupy time, and until when. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SetupResult } from '../../app/ports.ts';
import type { Interval } from '../../core/index.ts';
import { at, contractFixtures, fakeHash, type GetDb, isoSpan, SETUP, span } from './fixtures.ts';

export function describeBusyTime(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, draft, insertOk, setStatus } = contractFixtures(getDb, () => ids);

  describe('busy time and booking counts', () => {
    // Monday 2027-03-29, now 06:00Z, window [08:00Z, 14:00Z).
    const NOW = '2027-03-29T06:00:00Z';
    const WINDOW = span('2027-03-29T08:00:00Z/2027-03-29T14:00:00Z');

    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
      // Ana
      await insertOk({ staff: 'ana', start: '2027-03-29T07:00:00Z', end: '2027-03-29T08:00:00Z' }, NOW);
      await insertOk(
        {
          staff: 'ana',
          service: 'portrait',
          start: '2027-03-29T08:15:00Z',
          end: '2027-03-29T09:15:00Z',
          occupied: span('2027-03-29T08:00:00Z/2027-03-29T09:25:00Z'),
        },
        NOW,
      );
      const cancelled = await insertOk(
        { staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' },
        NOW,
      );
      await setStatus(cancelled, 'cancelled');
      const expired = await insertOk({ staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' }, NOW);
      await setStatus(expired, 'expired');
      // A hold made at 05:45 for 15 minutes: lapsed at 06:00.
      await insertOk(
        {
          staff: 'ana',
          start: '2027-03-29T11:00:00Z',
          end: '2027-03-29T12:00:00Z',
          status: 'pending_verification',
          holdUntil: NOW,
        },
        '2027-03-29T05:45:00Z',
      );
      await insertOk(
        {
          staff: 'ana',
          start: '2027-03-29T12:00:00Z',
          end: '2027-03-29T13:00:00Z',
          status: 'awaiting_payment',
          holdUntil: '2027-03-29T06:15:00Z',
        },
        NOW,
      );
      await insertOk({ staff: 'ana', start: '2027-03-29T13:30:00Z', end: '2027-03-29T14:30:00Z' }, NOW);
      // Ben
      await insertOk(
        { staff: 'ben', service: 'portrait', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' },
        NOW,
      );
      await insertOk(
        { staff: 'ben', service: 'portrait', start: '2027-03-29T09:00:00Z', end: '2027-03-29T10:00:00Z' },
        NOW,
      );
      await insertOk(
        { staff: 'ben', service: 'portrait', start: '2027-03-29T14:00:00Z', end: '2027-03-29T15:00:00Z' },
        NOW,
      );
    });

    const busyOf = async (keys: readonly ('ana' | 'ben' | 'dan')[], now = NOW) => {
      const byId = await t.store.listBusy(
        keys.map((k) => idOf('staff', k)),
        WINDOW,
        at(now),
      );
      const keyOf = (id: string) => Object.entries(ids.staff).find(([, v]) => v === id)?.[0];
      return Object.fromEntries([...byId].map(([id, spans]) => [keyOf(id), spans.map(isoSpan)]));
    };

    it('listBusy gives the occupied spans (buffers included) of occupying bookings overlapping the window, per member', async () => {
      expect(await busyOf(['ana', 'ben', 'dan'])).toEqual({
        ana: [
          '2027-03-29T08:00:00Z/2027-03-29T09:25:00Z',
          '2027-03-29T12:00:00Z/2027-03-29T13:00:00Z',
          '2027-03-29T13:30:00Z/2027-03-29T14:30:00Z',
        ],
        ben: ['2027-03-29T08:00:00Z/2027-03-29T09:00:00Z', '2027-03-29T09:00:00Z/2027-03-29T10:00:00Z'],
        dan: [],
      });
    });

    it('listBusy answers only for the members asked; none asked gives an empty map', async () => {
      expect(await busyOf(['ben'])).toEqual({
        ben: ['2027-03-29T08:00:00Z/2027-03-29T09:00:00Z', '2027-03-29T09:00:00Z/2027-03-29T10:00:00Z'],
      });
      expect(await t.store.listBusy([], WINDOW, at(NOW))).toEqual(new Map());
    });

    it('an active hold stops occupying time at exactly its hold_until', async () => {
      expect((await busyOf(['ana'], '2027-03-29T06:14:59.999Z')).ana).toContain(
        '2027-03-29T12:00:00Z/2027-03-29T13:00:00Z',
      );
      expect((await busyOf(['ana'], '2027-03-29T06:15:00Z')).ana).toEqual([
        '2027-03-29T08:00:00Z/2027-03-29T09:25:00Z',
        '2027-03-29T13:30:00Z/2027-03-29T14:30:00Z',
      ]);
    });

    /** listBusy merged, each span cut to the window (what it answers for: a span may reach beyond it). */
    const mergedOf = async (keys: readonly ('ana' | 'ben' | 'dan')[], now = NOW) => {
      const byId = await t.store.listBusy(
        keys.map((k) => idOf('staff', k)),
        WINDOW,
        at(now),
        true,
      );
      const keyOf = (id: string) => Object.entries(ids.staff).find(([, v]) => v === id)?.[0];
      const cut = (i: Interval) => ({ start: Math.max(i.start, WINDOW.start), end: Math.min(i.end, WINDOW.end) });
      return Object.fromEntries([...byId].map(([id, spans]) => [keyOf(id), spans.map((i) => isoSpan(cut(i)))]));
    };

    it('listBusy merged joins touching spans and gives the same busy time in the window, holds lapsing alike', async () => {
      expect(await mergedOf(['ana', 'ben', 'dan'])).toEqual({
        ana: [
          '2027-03-29T08:00:00Z/2027-03-29T09:25:00Z',
          '2027-03-29T12:00:00Z/2027-03-29T13:00:00Z',
          '2027-03-29T13:30:00Z/2027-03-29T14:00:00Z',
        ],
        ben: ['2027-03-29T08:00:00Z/2027-03-29T10:00:00Z'],
        dan: [],
      });
      // Asked again once the payment hold has lapsed: a list kept from the first answer is not reused.
      expect((await mergedOf(['ana'], '2027-03-29T06:15:00Z')).ana).toEqual([
        '2027-03-29T08:00:00Z/2027-03-29T09:25:00Z',
        '2027-03-29T13:30:00Z/2027-03-29T14:00:00Z',
      ]);
      expect(await t.store.listBusy([], WINDOW, at(NOW), true)).toEqual(new Map());
    });

    it('listBusy merged shows a booking written after an earlier answer, and drops a cancelled one', async () => {
      expect((await mergedOf(['dan'])).dan).toEqual([]);
      const id = await insertOk({ staff: 'dan', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' }, NOW);
      expect((await mergedOf(['dan'])).dan).toEqual(['2027-03-29T10:00:00Z/2027-03-29T11:00:00Z']);
      expect(await t.store.cancelBooking(id, 'test', at(NOW))).not.toBeNull();
      expect((await mergedOf(['dan'])).dan).toEqual([]);
    });

    it('listBusy inside a transaction shows the bookings that transaction wrote, merged or not', async () => {
      // Dan's rows are read (and kept, with a read cache) before the transaction books him; the demo
      // loader books several appointments in one transaction, each after asking what is free.
      expect((await mergedOf(['dan'])).dan).toEqual([]);
      const dan = idOf('staff', 'dan');
      await t.store.transaction(async (tx) => {
        const booked = await tx.insertBooking(
          draft({ staff: 'dan', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' }),
          at(NOW),
        );
        expect(booked.ok).toBe(true);
        for (const merged of [true, false]) {
          const spans = (await tx.listBusy([dan], WINDOW, at(NOW), merged)).get(dan) ?? [];
          expect(spans.map(isoSpan)).toEqual(['2027-03-29T10:00:00Z/2027-03-29T11:00:00Z']);
        }
      });
      expect((await mergedOf(['dan'])).dan).toEqual(['2027-03-29T10:00:00Z/2027-03-29T11:00:00Z']);
    });

    it('countBookings counts occupying bookings whose start lies in [window start, window end), per member', async () => {
      const counts = await t.store.countBookings(
        ['ana', 'ben', 'dan'].map((k) => idOf('staff', k)),
        WINDOW,
        at(NOW),
      );
      expect(counts).toEqual(
        new Map([
          [idOf('staff', 'ana'), 3],
          [idOf('staff', 'ben'), 2],
          [idOf('staff', 'dan'), 0],
        ]),
      );
      expect(await t.store.countBookings([], WINDOW, at(NOW))).toEqual(new Map());
    });

    it('countBookings counts each member in their own window when given one per member ("any" over zones)', async () => {
      const [ana, ben, dan] = (['ana', 'ben', 'dan'] as const).map((k) => idOf('staff', k)) as [string, string, string];
      const windows = new Map([
        [ana, span('2027-03-29T13:00:00Z/2027-03-29T15:00:00Z')],
        [ben, span('2027-03-29T08:30:00Z/2027-03-29T15:00:00Z')],
        [dan, WINDOW],
      ]);
      expect(await t.store.countBookings([ana, ben, dan], windows, at(NOW))).toEqual(
        new Map([
          [ana, 1],
          [ben, 2],
          [dan, 0],
        ]),
      );
    });
  });
}
