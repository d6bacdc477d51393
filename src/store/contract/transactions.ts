/** The store contract on transaction(): commit, rollback, savepoints, and a refusal inside one. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SetupResult } from '../../app/ports.ts';
import { at, contractFixtures, fakeHash, type GetDb, SETUP } from './fixtures.ts';

export function describeTransactions(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, draft, insertOk, bookingRows } = contractFixtures(getDb, () => ids);

  describe('transaction()', () => {
    const NOW = '2027-03-29T06:00:00Z';

    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    const clientEmails = async () =>
      (await t.db.query('SELECT email FROM clients ORDER BY email')).map((r) => String(r.email));

    it('commits and returns the value of fn', async () => {
      const value = await t.store.transaction(async (tx) => {
        await tx.upsertClient({ name: 'A', email: 'a@example.test', phone: null, address: null });
        return 'done';
      });
      expect(value).toBe('done');
      expect(await clientEmails()).toEqual(['a@example.test']);
    });

    it('an exception rolls everything back and reaches the caller', async () => {
      await expect(
        t.store.transaction(async (tx) => {
          await tx.upsertClient({ name: 'A', email: 'a@example.test', phone: null, address: null });
          await tx.insertBooking(
            draft({ staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' }),
            at(NOW),
          );
          await tx.claimIdempotencyKey('key-1', 'hash-a', at(NOW));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await clientEmails()).toEqual([]);
      expect(await bookingRows()).toEqual([]);
      expect(await t.db.query('SELECT key FROM idempotency_keys')).toEqual([]);
    });

    // Decision 040: a use case may leave its last writes unawaited so that COMMIT travels with them.
    it('statements left in flight when fn returns are committed with the transaction', async () => {
      const value = await t.db.transaction(async (sql) => {
        void sql.query("INSERT INTO clients (email, name) VALUES ('late@example.test', 'Late')");
        return 'returned first';
      });
      expect(value).toBe('returned first');
      expect(await clientEmails()).toEqual(['late@example.test']);
    });

    it('a statement left in flight that fails fails the transaction and rolls all of it back', async () => {
      await expect(
        t.db.transaction(async (sql) => {
          await sql.query("INSERT INTO clients (email, name) VALUES ('kept@example.test', 'Kept')");
          sql.query('SELECT 1 / 0').catch(() => {});
          return 'returned first';
        }),
      ).rejects.toThrow(/division by zero/);
      expect(await clientEmails()).toEqual([]);
    });

    it('a statement issued after fn returned is refused, never run outside the transaction', async () => {
      let kept: { query: (text: string) => Promise<unknown> } | undefined;
      await t.db.transaction(async (sql) => {
        kept = sql;
        await sql.query("INSERT INTO clients (email, name) VALUES ('inside@example.test', 'Inside')");
      });
      await expect(
        kept?.query("INSERT INTO clients (email, name) VALUES ('after@example.test', 'After')"),
      ).rejects.toThrow(/after its transaction ended/);
      expect(await clientEmails()).toEqual(['inside@example.test']);
    });

    it('a failing nested transaction rolls back only its own savepoint', async () => {
      await t.store.transaction(async (tx) => {
        await tx.upsertClient({ name: 'Outer', email: 'outer@example.test', phone: null, address: null });
        await expect(
          tx.transaction(async (inner) => {
            await inner.upsertClient({ name: 'Inner', email: 'inner@example.test', phone: null, address: null });
            throw new Error('inner failure');
          }),
        ).rejects.toThrow('inner failure');
        await tx.transaction(async (inner) => {
          await inner.upsertClient({ name: 'Kept', email: 'kept@example.test', phone: null, address: null });
        });
      });
      expect(await clientEmails()).toEqual(['kept@example.test', 'outer@example.test']);
    });

    it('busy time read after a rolled-back insert (outer, or in a failed nested transaction) does not show it', async () => {
      const ana = idOf('staff', 'ana');
      const day = { start: at('2027-03-29T00:00:00Z'), end: at('2027-03-30T00:00:00Z') };
      const busy = async () =>
        ((await t.store.listBusy([ana], day, at(NOW))).get(ana) ?? []).map((i) => new Date(i.start).toISOString());
      await insertOk({ staff: 'ana', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' }, NOW);
      expect(await busy()).toEqual(['2027-03-29T08:00:00.000Z']); // read (and cached, where a cache is used)
      await expect(
        t.store.transaction(async (tx) => {
          await tx.insertBooking(
            draft({ staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' }),
            at(NOW),
          );
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await t.store.transaction(async (tx) => {
        await expect(
          tx.transaction(async (inner) => {
            await inner.insertBooking(
              draft({ staff: 'ana', start: '2027-03-29T12:00:00Z', end: '2027-03-29T13:00:00Z' }),
              at(NOW),
            );
            throw new Error('inner');
          }),
        ).rejects.toThrow('inner');
        await tx.insertBooking(
          draft({ staff: 'ana', start: '2027-03-29T14:00:00Z', end: '2027-03-29T15:00:00Z' }),
          at(NOW),
        );
      });
      expect(await busy()).toEqual(['2027-03-29T08:00:00.000Z', '2027-03-29T14:00:00.000Z']);
    });

    it('a refused insertBooking inside a transaction leaves the transaction usable (create-booking retries)', async () => {
      await insertOk(
        { staff: 'ana', reference: 'SW-TAKEN', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' },
        NOW,
      );
      const result = await t.store.transaction(async (tx) => {
        await tx.upsertClient({ name: 'A', email: 'a@example.test', phone: null, address: null });
        const refused = await tx.insertBooking(
          draft({
            staff: 'ana',
            reference: 'SW-TRY-ANA',
            start: '2027-03-29T10:30:00Z',
            end: '2027-03-29T11:30:00Z',
          }),
          at(NOW),
        );
        const taken = await tx.insertBooking(
          draft({
            staff: 'ben',
            service: 'portrait',
            reference: 'SW-TRY-BEN',
            start: '2027-03-29T10:30:00Z',
            end: '2027-03-29T11:30:00Z',
          }),
          at(NOW),
        );
        return [refused, taken.ok && taken.booking.reference];
      });
      expect(result).toEqual([{ ok: false, code: 'SLOT_UNAVAILABLE' }, 'SW-TRY-BEN']);
      expect(await clientEmails()).toEqual(['a@example.test']);
      expect(await bookingRows()).toEqual([
        'SW-TAKEN confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
        'SW-TRY-BEN confirmed 2027-03-29T10:30:00Z/2027-03-29T11:30:00Z',
      ]);
    });
  });
}
