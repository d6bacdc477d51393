/** The store contract on changing bookings: lookup by token, cancel and move (compare-and-set), history. */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BookingMove } from '../../app/model.ts';
import type { SetupResult } from '../../app/ports.ts';
import { at, contractFixtures, fakeHash, type GetDb, iso, SETUP } from './fixtures.ts';

export function describeBookingChanges(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, draft, insertOk, bookingRows } = contractFixtures(getDb, () => ids);
  const NOW = '2027-03-26T11:00:00Z';

  describe('changing bookings', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    const move = (id: string, over: Partial<BookingMove> = {}): BookingMove => ({
      bookingId: id,
      fromStart: at('2027-03-29T08:00:00Z'),
      fromStaffId: idOf('staff', 'ana'),
      toStaffId: idOf('staff', 'ana'),
      start: at('2027-03-29T12:00:00Z'),
      end: at('2027-03-29T13:00:00Z'),
      occupied: { start: at('2027-03-29T12:00:00Z'), end: at('2027-03-29T13:00:00Z') },
      timezone: 'Europe/Paris',
      reason: 'later',
      remindAt: null,
      ...over,
    });

    it('finds a booking by the SHA-256 of its manage token, and nothing for another hash', async () => {
      const b = draft({ staff: 'ana', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' });
      const r = await t.store.insertBooking(b, at(NOW));
      expect((await t.store.findBookingByToken(b.manageTokenHash))?.id).toBe(r.ok ? r.booking.id : 'refused');
      expect(await t.store.findBookingByToken(createHash('sha256').update('other').digest())).toBeNull();
    });

    it('cancels an active booking once; the second cancel is null and changes nothing', async () => {
      const id = await insertOk({ staff: 'ana', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' }, NOW);
      const first = await t.store.cancelBooking(id, 'ill', at(NOW));
      expect(first?.status).toBe('cancelled');
      expect(await t.store.cancelBooking(id, 'again', at(NOW))).toBeNull();
      const [row] = await t.db.query('SELECT cancel_reason, cancelled_at FROM bookings WHERE id = $1', [id]);
      expect([row?.cancel_reason, iso(row?.cancelled_at)]).toEqual(['ill', '2027-03-26T11:00:00Z']);
      // Cancelled time no longer counts as busy.
      const busy = await t.store.listBusy(
        [idOf('staff', 'ana')],
        { start: at('2027-03-29T00:00:00Z'), end: at('2027-03-30T00:00:00Z') },
        at(NOW),
      );
      expect(busy.get(idOf('staff', 'ana'))).toEqual([]);
    });

    it('moves a confirmed booking, counts it and records the move', async () => {
      const id = await insertOk({ staff: 'ana', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' }, NOW);
      const r = await t.store.moveBooking(move(id), at(NOW));
      expect(r.ok && [iso(r.booking.start), iso(r.booking.end), r.booking.rescheduleCount]).toEqual([
        '2027-03-29T12:00:00Z',
        '2027-03-29T13:00:00Z',
        1,
      ]);
      const history = await t.store.listHistory(id);
      expect(
        history.map((h) => [iso(h.fromStart), iso(h.toStart), h.fromStaff.name, h.toStaff.name, h.reason]),
      ).toEqual([['2027-03-29T08:00:00Z', '2027-03-29T12:00:00Z', 'Ana', 'Ana', 'later']]);
    });

    it('refuses a move onto another booking (SLOT_UNAVAILABLE) and a move decided on a stale read (NOT_MOVABLE), changing nothing', async () => {
      const id = await insertOk({ staff: 'ana', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' }, NOW);
      await insertOk({ staff: 'ana', start: '2027-03-29T12:30:00Z', end: '2027-03-29T13:30:00Z' }, NOW);
      const before = await bookingRows();
      expect(await t.store.moveBooking(move(id), at(NOW))).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
      expect(
        await t.store.moveBooking(
          move(id, {
            fromStart: at('2027-03-29T07:00:00Z'),
            start: at('2027-03-29T10:00:00Z'),
            end: at('2027-03-29T11:00:00Z'),
            occupied: { start: at('2027-03-29T10:00:00Z'), end: at('2027-03-29T11:00:00Z') },
          }),
          at(NOW),
        ),
      ).toEqual({ ok: false, code: 'NOT_MOVABLE' });
      expect(await bookingRows()).toEqual(before);
      expect(await t.store.listHistory(id)).toEqual([]);
    });

    it("a move may overlap the booking's own old time", async () => {
      const id = await insertOk({ staff: 'ana', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' }, NOW);
      const r = await t.store.moveBooking(
        move(id, {
          start: at('2027-03-29T08:30:00Z'),
          end: at('2027-03-29T09:30:00Z'),
          occupied: { start: at('2027-03-29T08:30:00Z'), end: at('2027-03-29T09:30:00Z') },
        }),
        at(NOW),
      );
      expect(r.ok).toBe(true);
    });
  });
}
