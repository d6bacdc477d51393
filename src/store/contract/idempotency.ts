/** The store contract on idempotency keys: claim, save, replay, mismatch, release and purge. */
import { describe, expect, it } from 'vitest';
import { at, type GetDb, liveDb, MINUTE } from './fixtures.ts';

export function describeIdempotency(getDb: GetDb): void {
  const t = liveDb(getDb);

  describe('idempotency keys', () => {
    const T0 = '2027-03-29T06:00:00Z';
    const DAY = 24 * 60 * MINUTE;
    const body = { bookingId: '42', next: { action: 'done' } };

    it('claim new, save, claim again with the same hash: replay of status, body and sealed token', async () => {
      expect(await t.store.claimIdempotencyKey('key-1', 'hash-a', at(T0))).toEqual({ state: 'new' });
      await t.store.saveIdempotentResponse('key-1', 201, body, 'sealed-token');
      expect(await t.store.claimIdempotencyKey('key-1', 'hash-a', at(T0) + MINUTE)).toEqual({
        state: 'replay',
        status: 201,
        body,
        tokenSealed: 'sealed-token',
      });
    });

    it('a saved response without a sealed token replays tokenSealed null', async () => {
      await t.store.claimIdempotencyKey('key-1', 'hash-a', at(T0));
      await t.store.saveIdempotentResponse('key-1', 200, { list: [1, 'two', null] }, null);
      expect(await t.store.claimIdempotencyKey('key-1', 'hash-a', at(T0))).toEqual({
        state: 'replay',
        status: 200,
        body: { list: [1, 'two', null] },
        tokenSealed: null,
      });
    });

    it('the same key with a different request hash is a mismatch', async () => {
      await t.store.claimIdempotencyKey('key-1', 'hash-a', at(T0));
      await t.store.saveIdempotentResponse('key-1', 201, body, 'sealed-token');
      expect(await t.store.claimIdempotencyKey('key-1', 'hash-b', at(T0))).toEqual({ state: 'mismatch' });
    });

    it('release removes an unsaved claim, never a saved response', async () => {
      await t.store.claimIdempotencyKey('unsaved', 'hash-a', at(T0));
      await t.store.releaseIdempotencyKey('unsaved');
      expect(await t.store.claimIdempotencyKey('unsaved', 'hash-b', at(T0))).toEqual({ state: 'new' });

      await t.store.claimIdempotencyKey('saved', 'hash-a', at(T0));
      await t.store.saveIdempotentResponse('saved', 201, body, null);
      await t.store.releaseIdempotencyKey('saved');
      expect(await t.store.claimIdempotencyKey('saved', 'hash-a', at(T0))).toMatchObject({ state: 'replay' });
    });

    it('keys older than 24 hours are purged on the next claim; a key exactly 24 hours old is kept', async () => {
      await t.store.claimIdempotencyKey('old', 'hash-a', at(T0));
      await t.store.saveIdempotentResponse('old', 201, body, null);
      const keys = async () =>
        (await t.db.query('SELECT key FROM idempotency_keys ORDER BY key')).map((r) => String(r.key));

      await t.store.claimIdempotencyKey('day-later', 'hash-x', at(T0) + DAY);
      expect(await keys()).toEqual(['day-later', 'old']);
      await t.store.claimIdempotencyKey('day-later-plus', 'hash-x', at(T0) + DAY + 1);
      expect(await keys()).toEqual(['day-later', 'day-later-plus']);
      expect(await t.store.claimIdempotencyKey('old', 'hash-b', at(T0) + DAY + 2)).toEqual({ state: 'new' });
    });

    it('a key past its 24 hours claimed again is new, its old response gone', async () => {
      await t.store.claimIdempotencyKey('again', 'hash-a', at(T0));
      await t.store.saveIdempotentResponse('again', 201, body, 'sealed');
      expect(await t.store.claimIdempotencyKey('again', 'hash-b', at(T0) + DAY + 1)).toEqual({ state: 'new' });
      expect(
        await t.db.query("SELECT request_hash, status, body, token_sealed FROM idempotency_keys WHERE key = 'again'"),
      ).toEqual([{ request_hash: 'hash-b', status: null, body: null, token_sealed: null }]);
      expect(await t.store.claimIdempotencyKey('again', 'hash-b', at(T0) + DAY + 2)).toEqual({ state: 'mismatch' });
    });
  });
}
