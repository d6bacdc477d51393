/**
 * The store contract on the rules clients meet (SPEC §10.1–10.3, §12 "Reports"): what a cancel
 * decided, on the row and in the history; outcome marks (compare-and-set: only a confirmed booking
 * that has started); no-shows counted by email; sealed answers replaced only if unchanged; the
 * reports aggregate by staff member, week and currency.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SetupResult } from '../../app/ports.ts';
import { at, contractFixtures, fakeHash, type GetDb, SETUP } from './fixtures.ts';

export function describeBusinessRules(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, draft, insertOk } = contractFixtures(getDb, () => ids);
  const NOW = '2027-03-26T11:00:00Z';

  describe('business rules: cancels, outcomes, no-shows, sealed answers, reports', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('a cancel with terms records them on the booking and as a history entry; without, nothing of them', async () => {
      const id = await insertOk({ staff: 'ana', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' }, NOW);
      const terms = {
        refund: 'deposit_kept',
        refundDue: 9000,
        amountKept: 3000,
        by: 'client',
        overridden: false,
      } as const;
      const cancelled = await t.store.cancelBooking(id, 'ill', at(NOW), terms);
      expect(cancelled?.cancellation).toEqual(terms);
      const history = await t.store.listHistory(id);
      expect(history).toEqual([
        expect.objectContaining({
          kind: 'cancelled',
          refund: { kind: 'deposit_kept', refundDue: 9000, amountKept: 3000 },
          outcome: null,
          fromStart: at('2027-03-29T08:00:00Z'),
          toStart: at('2027-03-29T08:00:00Z'),
          reason: 'ill',
          at: at(NOW),
        }),
      ]);
      // A refused second cancel writes no second entry.
      expect(await t.store.cancelBooking(id, 'again', at(NOW), terms)).toBeNull();
      expect(await t.store.listHistory(id)).toHaveLength(1);

      const plain = await insertOk({ staff: 'ben', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' }, NOW);
      expect((await t.store.cancelBooking(plain, '', at(NOW)))?.cancellation).toBeNull();
      expect(await t.store.listHistory(plain)).toEqual([]);
    });

    it('an outcome marks only a confirmed booking that has started, replaces the last mark, and is in the history', async () => {
      const start = '2027-03-29T08:00:00Z';
      const id = await insertOk({ staff: 'ana', start, end: '2027-03-29T09:00:00Z' }, NOW);
      expect(await t.store.markOutcome(id, 'no_show', at('2027-03-29T07:59:59Z'))).toBeNull();
      expect((await t.store.markOutcome(id, 'no_show', at(start)))?.outcome).toBe('no_show');
      expect((await t.store.markOutcome(id, 'completed', at('2027-03-29T10:00:00Z')))?.outcome).toBe('completed');
      expect((await t.store.listHistory(id)).map((h) => [h.kind, h.outcome])).toEqual([
        ['outcome', 'no_show'],
        ['outcome', 'completed'],
      ]);
      const cancelled = await insertOk({ staff: 'ben', start, end: '2027-03-29T09:00:00Z' }, NOW);
      await t.store.cancelBooking(cancelled, '', at(NOW));
      expect(await t.store.markOutcome(cancelled, 'no_show', at('2027-03-30T00:00:00Z'))).toBeNull();
      expect(await t.store.markOutcome('nope', 'no_show', at(NOW))).toBeNull();
    });

    it('counts a client’s no-shows by email, whatever its case', async () => {
      const later = '2027-04-10T00:00:00Z';
      for (const [staff, start] of [
        ['ana', '2027-03-29T08:00:00Z'],
        ['ben', '2027-03-29T08:00:00Z'],
        ['ana', '2027-03-30T08:00:00Z'],
      ] as const) {
        const id = await insertOk({ staff, start, end: start.replace('08:', '09:') }, NOW);
        await t.store.markOutcome(id, staff === 'ana' ? 'no_show' : 'completed', at(later));
      }
      expect(await t.store.countNoShows('ZOE@example.test')).toBe(2);
      expect(await t.store.countNoShows('other@example.test')).toBe(0);
      expect(await t.store.countNoShows('')).toBe(0);
    });

    it('replaces sealed answers only while they are what the caller read', async () => {
      const b = { ...draft({ staff: 'ana', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' }) };
      const written = await t.store.insertBooking({ ...b, sealedAnswers: 'v1.old' }, at(NOW));
      if (!written.ok) throw new Error('refused');
      await insertOk({ staff: 'ben', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' }, NOW);
      expect(await t.store.listSealedAnswers(null, 10)).toEqual([
        { id: written.booking.id, reference: b.reference, sealed: 'v1.old' },
      ]);
      expect(await t.store.listSealedAnswers(written.booking.id, 10)).toEqual([]);
      expect(await t.store.replaceSealedAnswers(written.booking.id, 'v1.other', 'v1.new')).toBe(false);
      expect(await t.store.replaceSealedAnswers(written.booking.id, 'v1.old', 'v1.new')).toBe(true);
      expect((await t.store.getBooking(written.booking.id))?.sealedAnswers).toBe('v1.new');
    });

    it('reports sum bookings by member, business week and currency, in one aggregate', async () => {
      const insertPaid = async (staff: 'ana' | 'ben', start: string, paid: number, price: number) => {
        const row = { ...draft({ staff, start, end: start.replace(':00:00Z', ':30:00Z') }), price };
        const r = await t.store.insertBooking(row, at(NOW));
        if (!r.ok) throw new Error('refused');
        await t.db.query('UPDATE bookings SET amount_paid_minor = $2 WHERE id = $1', [r.booking.id, paid]);
        return r.booking.id;
      };
      // Monday 29 March and Sunday 4 April 23:30 Paris (21:30Z) are one week; Monday 5 April the next.
      await insertPaid('ana', '2027-03-29T08:00:00Z', 12000, 12000);
      const noShow = await insertPaid('ana', '2027-04-04T21:00:00Z', 3000, 12000);
      await t.store.markOutcome(noShow, 'no_show', at('2027-04-05T00:00:00Z'));
      const cancelled = await insertPaid('ben', '2027-04-05T08:00:00Z', 3000, 12000);
      const kept = { refund: 'deposit_kept', refundDue: 0, amountKept: 3000, by: 'client', overridden: false } as const;
      await t.store.cancelBooking(cancelled, '', at(NOW), kept);
      await insertPaid('ben', '2027-04-05T10:00:00Z', 0, 8000);
      // Outside the window: not counted.
      await insertPaid('ana', '2027-04-12T08:00:00Z', 500, 500);

      const rows = await t.store.reportRows({
        window: { start: at('2027-03-28T22:00:00Z'), end: at('2027-04-11T22:00:00Z') },
        zone: 'Europe/Paris',
        staffId: null,
      });
      const sorted = [...rows].sort((a, b) => `${a.week}${a.staffId}`.localeCompare(`${b.week}${b.staffId}`));
      expect(sorted).toEqual([
        {
          staffId: idOf('staff', 'ana'),
          week: '2027-03-29',
          currency: 'EUR',
          bookings: 2,
          noShows: 1,
          cancellations: 0,
          paid: 15000,
          due: 0, // the no-show's balance is not counted as due
          bookedMinutes: 60,
        },
        {
          staffId: idOf('staff', 'ben'),
          week: '2027-04-05',
          currency: 'EUR',
          bookings: 1,
          noShows: 0,
          cancellations: 1,
          paid: 3000,
          due: 8000,
          bookedMinutes: 30,
        },
      ]);
      const ben = await t.store.reportRows({
        window: { start: at('2027-03-28T22:00:00Z'), end: at('2027-04-11T22:00:00Z') },
        zone: 'Europe/Paris',
        staffId: idOf('staff', 'ben'),
      });
      expect(ben.map((r) => r.staffId)).toEqual([idOf('staff', 'ben')]);
    });
  });
}
