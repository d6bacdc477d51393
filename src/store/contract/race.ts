/** The store contract on the double-booking race (SPEC §6), and proof that the database itself refuses overlaps. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BookingStatus } from '../../app/model.ts';
import type { SetupResult } from '../../app/ports.ts';
import { at, contractFixtures, type Draft, fakeHash, type GetDb, iso, MINUTE, SETUP } from './fixtures.ts';

export function describeRaces(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, insert, insertOk, bookingRows, rawInsert } = contractFixtures(getDb, () => ids);

  describe('the double-booking race (SPEC §6)', () => {
    const NOW = '2027-03-29T06:00:00Z';

    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    /** Twenty pairwise-overlapping spans: 10:00 + 2i minutes, one hour long. */
    const racer = (i: number, status: BookingStatus = 'confirmed', staff: 'ana' | 'ben' = 'ana'): Draft => ({
      staff,
      service: 'portrait',
      reference: `SW-RACE${String(i).padStart(2, '0')}`,
      start: iso(at('2027-03-29T10:00:00Z') + 2 * i * MINUTE),
      end: iso(at('2027-03-29T11:00:00Z') + 2 * i * MINUTE),
      status,
      holdUntil: status === 'confirmed' ? null : '2027-03-29T06:15:00Z',
    });

    async function race(drafts: readonly Draft[]) {
      const results = await Promise.all(drafts.map((d) => insert(d, NOW)));
      const winners = results.flatMap((r) => (r.ok ? [r.booking.reference] : []));
      const losers = results.filter((r) => !r.ok);
      const rows = await t.db.query('SELECT reference FROM bookings ORDER BY reference');
      return { winners, losers, rows: rows.map((r) => String(r.reference)) };
    }

    it('20 concurrent inserts of overlapping spans for one member: exactly one wins, 19 get SLOT_UNAVAILABLE', async () => {
      const { winners, losers, rows } = await race(Array.from({ length: 20 }, (_, i) => racer(i)));
      expect(winners).toHaveLength(1);
      expect(losers).toEqual(Array.from({ length: 19 }, () => ({ ok: false, code: 'SLOT_UNAVAILABLE' })));
      expect(rows).toEqual(winners);
    });

    it('the same race mixing holds and confirmed bookings: exactly one wins', async () => {
      const statuses: BookingStatus[] = ['pending_verification', 'awaiting_payment', 'confirmed'];
      const { winners, losers, rows } = await race(Array.from({ length: 20 }, (_, i) => racer(i, statuses[i % 3])));
      expect(winners).toHaveLength(1);
      expect(losers).toEqual(Array.from({ length: 19 }, () => ({ ok: false, code: 'SLOT_UNAVAILABLE' })));
      expect(rows).toEqual(winners);
    });

    it('racing for two members at once: exactly one winner per member', async () => {
      const { winners, losers, rows } = await race(
        Array.from({ length: 20 }, (_, i) => racer(i, 'confirmed', i % 2 === 0 ? 'ana' : 'ben')),
      );
      expect(losers).toEqual(Array.from({ length: 18 }, () => ({ ok: false, code: 'SLOT_UNAVAILABLE' })));
      const staffOf = await t.db.query('SELECT staff_id FROM bookings ORDER BY staff_id');
      expect(staffOf.map((r) => String(r.staff_id)).sort()).toEqual(
        [idOf('staff', 'ana'), idOf('staff', 'ben')].sort(),
      );
      expect(rows).toEqual([...winners].sort());
    });

    it('the database itself refuses an overlapping row written with plain SQL (23P01 bookings_no_overlap)', async () => {
      await insertOk(
        { staff: 'ana', reference: 'SW-STORE', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' },
        NOW,
      );
      await expect(
        rawInsert('SW-RAW-CLASH', idOf('staff', 'ana'), '2027-03-29T10:59:00Z', '2027-03-29T11:59:00Z'),
      ).rejects.toMatchObject({ code: '23P01', constraint: 'bookings_no_overlap' });
      // The same statement is accepted where there is no overlap, so the refusal above is the constraint's.
      await rawInsert('SW-RAW-BEN', idOf('staff', 'ben'), '2027-03-29T10:59:00Z', '2027-03-29T11:59:00Z');
      await rawInsert('SW-RAW-LATER', idOf('staff', 'ana'), '2027-03-29T11:00:00Z', '2027-03-29T12:00:00Z');
      expect(await bookingRows()).toEqual([
        'SW-STORE confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
        'SW-RAW-BEN confirmed 2027-03-29T10:59:00Z/2027-03-29T11:59:00Z',
        'SW-RAW-LATER confirmed 2027-03-29T11:00:00Z/2027-03-29T12:00:00Z',
      ]);
    });
  });
}
