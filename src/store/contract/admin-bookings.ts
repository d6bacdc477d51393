/**
 * The store contract on the dashboard's bookings: the filtered list with its keyset position,
 * notes edits, and a move by staff that leaves the client's reschedule count alone.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BookingFilter } from '../../app/dashboard/bookings/admin-booking-store.ts';
import type { NewBooking } from '../../app/model.ts';
import type { SetupResult } from '../../app/ports.ts';
import { at, contractFixtures, type Draft, fakeHash, type GetDb, SETUP } from './fixtures.ts';

export function describeAdminBookings(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, draft } = contractFixtures(getDb, () => ids);
  const NOW = '2027-03-26T11:00:00Z';

  const write = async (d: Draft, client: Partial<NewBooking['client']> = {}): Promise<string> => {
    const b = draft(d);
    const r = await t.store.insertBooking({ ...b, client: { ...b.client, ...client } }, at(NOW));
    if (!r.ok) throw new Error(`fixture booking refused: ${r.code}`);
    return r.booking.id;
  };
  const filter = (over: Partial<BookingFilter> = {}): BookingFilter => ({
    window: { start: at('2027-03-29T00:00:00Z'), end: at('2027-03-30T00:00:00Z') },
    staffId: null,
    status: null,
    query: null,
    after: null,
    limit: 100,
    now: at(NOW),
    ...over,
  });
  const listed = async (over: Partial<BookingFilter> = {}) =>
    (await t.store.listBookings(filter(over))).map((b) => b.reference);

  describe('dashboard bookings', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('lists bookings starting in the half-open window by start then id, each mapped as getBooking maps it', async () => {
      const at0 = await write({ staff: 'ben', start: '2027-03-29T00:00:00Z', end: '2027-03-29T01:00:00Z' });
      const tieBen = await write({ staff: 'ben', start: '2027-03-29T09:00:00Z', end: '2027-03-29T10:00:00Z' });
      const tieAna = await write({ staff: 'ana', start: '2027-03-29T09:00:00Z', end: '2027-03-29T10:00:00Z' });
      await write({ staff: 'ana', start: '2027-03-30T00:00:00Z', end: '2027-03-30T01:00:00Z' });
      await write({ staff: 'ana', start: '2027-03-28T23:30:00Z', end: '2027-03-29T00:30:00Z' });
      const rows = await t.store.listBookings(filter());
      expect(rows.map((b) => b.id)).toEqual([at0, tieBen, tieAna]);
      expect(rows[2]).toEqual(await t.store.getBooking(tieAna));
      expect(await listed({ limit: 2 })).toEqual(rows.slice(0, 2).map((b) => b.reference));
    });

    it('continues strictly after a (start, id) position, ties on start included', async () => {
      const a = await write({ staff: 'ana', start: '2027-03-29T09:00:00Z', end: '2027-03-29T10:00:00Z' });
      const b = await write({ staff: 'ben', start: '2027-03-29T09:00:00Z', end: '2027-03-29T10:00:00Z' });
      const c = await write({ staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' });
      const after = async (id: string) =>
        (await t.store.listBookings(filter({ after: { start: at('2027-03-29T09:00:00Z'), id } }))).map((x) => x.id);
      expect(await after(a)).toEqual([b, c]);
      expect(await after(b)).toEqual([c]);
    });

    it('filters by member and by the status as of now: a lapsed hold is expired, a live one is not', async () => {
      const live = { status: 'pending_verification', holdUntil: '2027-03-26T11:05:00Z' } as const;
      const lapsed = { status: 'awaiting_payment', holdUntil: '2027-03-26T10:55:00Z' } as const;
      await write({ staff: 'ana', start: '2027-03-29T07:00:00Z', end: '2027-03-29T08:00:00Z', reference: 'SW-CONF' });
      await write({
        staff: 'ana',
        start: '2027-03-29T08:00:00Z',
        end: '2027-03-29T09:00:00Z',
        reference: 'SW-LIVE',
        ...live,
      });
      await write({
        staff: 'ana',
        start: '2027-03-29T09:00:00Z',
        end: '2027-03-29T10:00:00Z',
        reference: 'SW-GONE',
        ...lapsed,
      });
      await write({ staff: 'ben', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z', reference: 'SW-BEN' });
      expect(await listed({ staffId: idOf('staff', 'ben') })).toEqual(['SW-BEN']);
      expect(await listed({ status: 'confirmed' })).toEqual(['SW-CONF', 'SW-BEN']);
      expect(await listed({ status: 'pending_verification' })).toEqual(['SW-LIVE']);
      expect(await listed({ status: 'awaiting_payment' })).toEqual([]);
      expect(await listed({ status: 'expired' })).toEqual(['SW-GONE']);
      expect(await listed({ status: 'expired', now: at('2027-03-26T10:00:00Z') })).toEqual([]);
    });

    it('finds text in reference, name, email or phone, case-insensitively, with % _ and \\ taken literally; phone-like text by its digits', async () => {
      const slot = (h: number) => ({
        staff: 'ana' as const,
        start: `2027-03-29T${String(h).padStart(2, '0')}:00:00Z`,
        end: `2027-03-29T${String(h).padStart(2, '0')}:30:00Z`,
      });
      await write({ ...slot(7), reference: 'SW-AB12CD' }, { name: 'Olga Berg', email: 'olga@mail.test', phone: null });
      await write({ ...slot(8), reference: 'SW-X' }, { name: '50% off', email: 'a_b@mail.test', phone: null });
      await write(
        { ...slot(9), reference: 'SW-Y' },
        { name: 'Back\\slash', email: 'c@mail.test', phone: '+1 (212) 555-0100' },
      );
      expect(await listed({ query: 'ab12' })).toEqual(['SW-AB12CD']);
      expect(await listed({ query: 'BERG' })).toEqual(['SW-AB12CD']);
      expect(await listed({ query: 'OLGA@' })).toEqual(['SW-AB12CD']);
      expect(await listed({ query: '%' })).toEqual(['SW-X']);
      expect(await listed({ query: 'a_b' })).toEqual(['SW-X']);
      expect(await listed({ query: 'o_ga' })).toEqual([]);
      expect(await listed({ query: '\\' })).toEqual(['SW-Y']);
      expect(await listed({ query: '212 555' })).toEqual(['SW-Y']);
      expect(await listed({ query: '213 555' })).toEqual([]);
      expect(await listed({ query: '2125550' })).toEqual(['SW-Y']);
      expect(await listed({ query: '(212) 555' })).toEqual(['SW-Y']);
    });

    it('replaces the notes of a booking and nothing else; an unknown id is null', async () => {
      const id = await write({ staff: 'ana', start: '2027-03-29T07:00:00Z', end: '2027-03-29T08:00:00Z' });
      const before = await t.store.getBooking(id);
      const updated = await t.store.updateNotes(id, 'Bring props', at('2027-03-26T12:00:00Z'));
      expect(updated).toEqual({ ...before, notes: 'Bring props' });
      expect(await t.store.getBooking(id)).toEqual(updated);
      expect(await t.store.updateNotes('999999', 'x', at(NOW))).toBeNull();
      expect(await t.store.updateNotes('not-an-id', 'x', at(NOW))).toBeNull();
    });

    it('a move that does not count as a reschedule leaves the count alone but is in the history', async () => {
      const id = await write({ staff: 'ana', start: '2027-03-29T07:00:00Z', end: '2027-03-29T08:00:00Z' });
      const r = await t.store.moveBooking(
        {
          bookingId: id,
          fromStart: at('2027-03-29T07:00:00Z'),
          fromStaffId: idOf('staff', 'ana'),
          toStaffId: idOf('staff', 'ana'),
          start: at('2027-03-29T12:00:00Z'),
          end: at('2027-03-29T13:00:00Z'),
          occupied: { start: at('2027-03-29T12:00:00Z'), end: at('2027-03-29T13:00:00Z') },
          timezone: 'Europe/Paris',
          reason: 'Moved by staff',
          remindAt: null,
          countsAsReschedule: false,
        },
        at(NOW),
      );
      expect(r.ok && [r.booking.start, r.booking.rescheduleCount]).toEqual([at('2027-03-29T12:00:00Z'), 0]);
      expect((await t.store.listHistory(id)).map((h) => h.reason)).toEqual(['Moved by staff']);
    });
  });
}
