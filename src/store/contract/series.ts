/**
 * The store contract on recurring series (SPEC §9.2, migration 015, decision 031), through the
 * createSeries use case: every occurrence is inserted in one transaction, so a conflict the
 * database finds on any occurrence leaves nothing, and of two series racing for one date exactly
 * one is written — on PGlite and on PostgreSQL.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type CreateSeriesInput, createSeries } from '../../app/create-series.ts';
import type { SetupResult, Store } from '../../app/ports.ts';
import type { Setup } from '../../app/setup-schema.ts';
import { hashToken } from '../../app/tokens.ts';
import { at, contractFixtures, fakeHash, type GetDb, SETUP } from './fixtures.ts';

/** The contract studio with a free consultation that may repeat; Ana works Mondays. */
const WITH_REPEAT: Setup = {
  ...SETUP,
  business: { ...SETUP.business, horizonDays: 400 },
  services: (SETUP.services ?? []).map((s) => (s.key === 'consult' ? { ...s, allowRepeat: true } : s)),
};

const NOW = '2027-03-19T11:00:00Z';
const clock = { now: () => at(NOW) };

export function describeSeries(getDb: GetDb): void {
  let ids: SetupResult;
  const { t } = contractFixtures(getDb, () => ids);
  /** A weekly (unless given) series of Ana's consultation from `start`. */
  const series = (start: string, count: number, frequency: 'weekly' | 'biweekly' = 'weekly'): CreateSeriesInput => ({
    service: 'consult',
    staff: ids.staff.ana as string,
    start: at(start),
    client: { name: 'Tess Tutee', email: `tess-${start}@series.test`, phone: null, address: null },
    notes: '',
    wantsReminder: false,
    payment: 'none',
    repeat: { frequency, count },
  });
  const deps = (store: Store = t.store) => ({ store, clock, secret: 's'.repeat(32), publicUrl: 'http://127.0.0.1' });
  const rows = async () =>
    (await t.db.query(`SELECT series_id, start_at FROM bookings WHERE status <> 'cancelled' ORDER BY start_at`)).map(
      (r) => ({
        series: r.series_id === null ? null : String(r.series_id),
        start: new Date(r.start_at as string).toISOString(),
      }),
    );
  /**
   * The store with its booking reads blinded, in transactions too: the check sees a free week, as
   * when a concurrent writer commits between the check and the insert; only the database sees.
   */
  const blind = (store: Store): Store => ({
    ...store,
    listBusy: async (staffIds) => new Map(staffIds.map((id) => [id, []])),
    transaction: (fn) => store.transaction((tx) => fn(blind(tx))),
  });

  describe('recurring series: one transaction (SPEC §9.2)', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(WITH_REPEAT, fakeHash);
    });

    it('books every occurrence with one series id, at the same wall-clock time across the clock change', async () => {
      const r = await createSeries(deps(), series('2027-03-22T09:00:00Z', 2));
      if (!r.ok) throw new Error(JSON.stringify(r));
      // 10:00 in Paris before (UTC+1) and after (UTC+2) the change of 2027-03-28.
      expect(r.value.bookings.map((b) => [new Date(b.start).toISOString(), b.seriesId])).toEqual([
        ['2027-03-22T09:00:00.000Z', r.value.seriesId],
        ['2027-03-29T08:00:00.000Z', r.value.seriesId],
      ]);
      expect((await t.store.findBookingByToken(hashToken(r.value.token)))?.id).toBe(r.value.bookings[0]?.id);
    });

    it('a conflict on the 7th of 12 that the check sees: 409 naming it with the free starts nearest, nothing written', async () => {
      await t.db.query(
        `INSERT INTO bookings (reference, service_id, staff_id, client_name, client_email, locale, timezone, status,
           start_at, end_at, occupied, payment_option, amount_due_minor, currency, price_minor, manage_token_hash)
         VALUES ('SW-TAKEN1', $1, $2, 'Other', 'o@series.test', 'en', 'Europe/Paris', 'confirmed',
           '2027-05-24T08:00:00Z', '2027-05-24T08:30:00Z', tstzrange('2027-05-24T08:00:00Z', '2027-05-24T08:30:00Z'),
           'none', 0, 'EUR', 0, '\\x01')`,
        [ids.services.consult, ids.staff.ana],
      );
      const r = await createSeries(deps(), series('2027-04-12T08:00:00Z', 12));
      expect(r).toMatchObject({
        ok: false,
        code: 'SERIES_CONFLICT',
        details: {
          conflicts: [
            {
              start: '2027-05-24T10:00:00+02:00',
              // Ana works Mondays only: the nearest free starts that Monday, none the Tuesday.
              alternatives: ['2027-05-24T09:00:00+02:00', '2027-05-24T09:30:00+02:00', '2027-05-24T10:30:00+02:00'],
            },
          ],
        },
      });
      expect(await rows()).toEqual([{ series: null, start: '2027-05-24T08:00:00.000Z' }]);
      expect(await t.db.query('SELECT id FROM series')).toEqual([]);
    });

    it('a conflict on the 7th of 12 that only the database sees: nothing of the series stays', async () => {
      await t.db.query(
        `INSERT INTO bookings (reference, service_id, staff_id, client_name, client_email, locale, timezone, status,
           start_at, end_at, occupied, payment_option, amount_due_minor, currency, price_minor, manage_token_hash)
         VALUES ('SW-TAKEN2', $1, $2, 'Other', 'o@series.test', 'en', 'Europe/Paris', 'confirmed',
           '2027-05-24T08:00:00Z', '2027-05-24T08:30:00Z', tstzrange('2027-05-24T08:00:00Z', '2027-05-24T08:30:00Z'),
           'none', 0, 'EUR', 0, '\\x02')`,
        [ids.services.consult, ids.staff.ana],
      );
      const r = await createSeries(deps(blind(t.store)), series('2027-04-12T08:00:00Z', 12));
      expect(r).toMatchObject({
        ok: false,
        code: 'SERIES_CONFLICT',
        details: { conflicts: [{ start: '2027-05-24T10:00:00+02:00' }] },
      });
      expect(await rows()).toEqual([{ series: null, start: '2027-05-24T08:00:00.000Z' }]);
      expect(await t.db.query('SELECT id FROM series')).toEqual([]);
    });

    it('a lapsed hold in the way of the 7th of 12 is expired and the whole series written', async () => {
      await t.db.query(
        `INSERT INTO bookings (reference, service_id, staff_id, client_name, client_email, locale, timezone, status,
           start_at, end_at, occupied, hold_until, payment_option, amount_due_minor, currency, price_minor,
           manage_token_hash)
         VALUES ('SW-LAPSED', $1, $2, 'Other', 'o@series.test', 'en', 'Europe/Paris', 'pending_verification',
           '2027-05-24T08:00:00Z', '2027-05-24T08:30:00Z', tstzrange('2027-05-24T08:00:00Z', '2027-05-24T08:30:00Z'),
           '2027-03-19T10:59:00Z', 'none', 0, 'EUR', 0, '\\x03')`,
        [ids.services.consult, ids.staff.ana],
      );
      const r = await createSeries(deps(), series('2027-04-12T08:00:00Z', 12));
      expect(r.ok).toBe(true);
      const [lapsed] = await t.db.query(`SELECT status FROM bookings WHERE reference = 'SW-LAPSED'`);
      expect(lapsed?.status).toBe('expired');
      expect((await rows()).filter((w) => w.series !== null)).toHaveLength(12);
    });

    it('two series racing for one shared date: exactly one is written, whole', async () => {
      for (let round = 0; round < 3; round++) {
        await t.db.query('DELETE FROM bookings');
        // A: 04-12 … 05-03 (4 Mondays); B: 05-03 and 05-10. They share 05-03 only. Blinded reads: both
        // pass the check, so the database decides.
        const [a, b] = await Promise.all([
          createSeries(deps(blind(t.store)), series('2027-04-12T08:00:00Z', 4)),
          createSeries(deps(blind(t.store)), series('2027-05-03T08:00:00Z', 2)),
        ]);
        expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
        const loser = a.ok ? b : a;
        expect(loser).toMatchObject({ ok: false, code: 'SERIES_CONFLICT' });
        const written = await rows();
        expect(written).toHaveLength(a.ok ? 4 : 2);
        expect(new Set(written.map((w) => w.series)).size).toBe(1);
      }
    });
  });
}
