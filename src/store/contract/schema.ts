/** The store contract on the schema itself: migrations, and the constraints the database enforces on its own. */
import { describe, expect, it } from 'vitest';
import type { SetupResult } from '../../app/ports.ts';
import { bundledMigrations, migrate, pendingMigrations } from '../migrate.ts';
import { at, contractFixtures, fakeHash, type GetDb, liveDb, SETUP } from './fixtures.ts';

export function describeMigrations(getDb: GetDb): void {
  const t = liveDb(getDb);

  describe('migrations', () => {
    it('records every bundled migration once; migrating again applies nothing', async () => {
      const recorded = async () =>
        (await t.db.query('SELECT version, name FROM schema_migrations ORDER BY version')).map((r) => ({
          version: Number(r.version),
          name: String(r.name),
        }));
      const bundled = bundledMigrations().map((m) => ({ version: m.version, name: m.name }));
      expect(bundled[0]).toEqual({ version: 1, name: '001-init.sql' });
      expect(await recorded()).toEqual(bundled);

      expect(await migrate(t.db)).toEqual([]);
      expect(await recorded()).toEqual(bundled);
      expect(await pendingMigrations(t.db)).toEqual([]);
    });
  });
}

export function describeDatabaseChecks(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, draft, bookingRows } = contractFixtures(getDb, () => ids);

  describe('database checks', () => {
    it('refuses a deposit above the price (23514)', async () => {
      await expect(
        t.db.query(
          `INSERT INTO services (slug, name, duration_minutes, price_minor, deposit_minor)
           VALUES ('too-much', 'Too much', 60, 1000, 1001)`,
        ),
      ).rejects.toMatchObject({ code: '23514' });
      await t.db.query(
        `INSERT INTO services (slug, name, duration_minutes, price_minor, deposit_minor)
         VALUES ('all-of-it', 'All of it', 60, 1000, 1000)`,
      );
      expect((await t.store.listServices()).map((s) => [s.slug, s.price, s.deposit])).toEqual([
        ['all-of-it', 1000, 1000],
      ]);
    });

    it('refuses overlapping working hours of one member on one weekday (23P01); touching ones are fine', async () => {
      const [row] = await t.db.query(`INSERT INTO staff (name, email) VALUES ('Ana', 'ana@studio.test') RETURNING id`);
      const staffId = String(row?.id);
      const hours = (weekday: number, from: number, to: number) =>
        t.db.query('INSERT INTO working_hours (staff_id, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4)', [
          staffId,
          weekday,
          from,
          to,
        ]);
      await hours(1, 540, 720);
      await expect(hours(1, 660, 780)).rejects.toMatchObject({ code: '23P01' });
      await hours(1, 720, 780);
      await hours(2, 660, 780);
      await expect(hours(3, 600, 600)).rejects.toMatchObject({ code: '23514' });
      const rows = await t.db.query(
        'SELECT weekday, start_minute, end_minute FROM working_hours ORDER BY weekday, start_minute',
      );
      expect(rows.map((r) => [Number(r.weekday), Number(r.start_minute), Number(r.end_minute)])).toEqual([
        [1, 540, 720],
        [1, 720, 780],
        [2, 660, 780],
      ]);
    });

    it('refuses a hold without hold_until (23514)', async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
      // No holdUntil given: draft() writes null.
      const noHoldUntil = draft({
        staff: 'ana',
        start: '2027-03-29T10:00:00Z',
        end: '2027-03-29T11:00:00Z',
        status: 'pending_verification',
      });
      await expect(t.store.insertBooking(noHoldUntil, at('2027-03-29T06:00:00Z'))).rejects.toMatchObject({
        code: '23514',
      });
      expect(await bookingRows()).toEqual([]);
    });
  });
}
