/**
 * The store contract on the client lifecycle: further manage links, verification codes (re-send limit, counted tries,
 * code age) and the verified transition, each a compare-and-set.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SetupResult, VerifiedChange } from '../../app/ports.ts';
import { at, contractFixtures, fakeHash, type GetDb, iso, MINUTE, SETUP } from './fixtures.ts';

const sha = (text: string) => createHash('sha256').update(text).digest();
const hex = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('hex') : null);

export function describeVerification(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, draft, insertOk } = contractFixtures(getDb, () => ids);
  const NOW = '2027-03-26T11:00:00Z';
  const HOLD = '2027-03-26T11:15:00Z';
  const SLOT = { staff: 'ana', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' } as const;

  const pending = () => insertOk({ ...SLOT, status: 'pending_verification', holdUntil: HOLD }, NOW);
  /** The verification state with the code hash as hex, for exact comparison across drivers. */
  const state = async (id: string) => {
    const v = await t.store.getVerification(id);
    return v && { ...v, codeHash: hex(v.codeHash) };
  };

  describe('verification and manage links', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('a later manage token finds the booking, the creation token still does, an unknown hash finds nothing', async () => {
      const b = draft(SLOT);
      const r = await t.store.insertBooking(b, at(NOW));
      const id = r.ok ? r.booking.id : 'refused';
      await t.store.addManageToken(id, sha('emailed token'), at(NOW));
      const found = async (hash: Uint8Array) => (await t.store.findBookingByToken(hash))?.id ?? null;
      expect([await found(sha('emailed token')), await found(b.manageTokenHash), await found(sha('unknown'))]).toEqual([
        id,
        id,
        null,
      ]);
    });

    it('the same token hash cannot be added twice, to the same or another booking', async () => {
      const first = await pending();
      const other = await insertOk({ staff: 'ben', start: SLOT.start, end: SLOT.end }, NOW);
      await t.store.addManageToken(first, sha('token'), at(NOW));
      await expect(t.store.addManageToken(first, sha('token'), at(NOW))).rejects.toThrow();
      await expect(t.store.addManageToken(other, sha('token'), at(NOW))).rejects.toThrow();
      expect((await t.store.findBookingByToken(sha('token')))?.id).toBe(first);
      expect(await t.db.query('SELECT count(*)::int AS n FROM manage_tokens')).toEqual([{ n: 1 }]);
    });

    it('a started verification has no code and no tries; a try before any code is null', async () => {
      const id = await pending();
      expect(await t.store.getVerification(id)).toBeNull();
      await t.store.startVerification(id, at(NOW));
      expect(await state(id)).toEqual({ codeHash: null, issuedAt: null, attempts: 0, requestedAt: at(NOW) });
      expect(await t.store.useCodeAttempt(id, 0, 5)).toBeNull();
      expect(await state(id)).toEqual({ codeHash: null, issuedAt: null, attempts: 0, requestedAt: at(NOW) });
    });

    it('storeCode replaces the code and resets the tries; tries count 1 to 5, then none is left', async () => {
      const id = await pending();
      await t.store.startVerification(id, at(NOW));
      await t.store.storeCode(id, sha('code 1'), at(NOW) + 1000);
      await t.store.useCodeAttempt(id, at(NOW), 5);
      await t.store.useCodeAttempt(id, at(NOW), 5);
      await t.store.storeCode(id, sha('code 2'), at(NOW) + 2000);
      expect(await state(id)).toEqual({
        codeHash: hex(sha('code 2')),
        issuedAt: at(NOW) + 2000,
        attempts: 0,
        requestedAt: at(NOW),
      });
      const tries: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await t.store.useCodeAttempt(id, at(NOW), 5);
        tries.push(r && [hex(r.codeHash), r.attempts]);
      }
      const code2 = hex(sha('code 2'));
      expect(tries).toEqual([[code2, 1], [code2, 2], [code2, 3], [code2, 4], [code2, 5], null]);
      expect((await state(id))?.attempts).toBe(5);
    });

    it.each([
      { issuedAfter: '2027-03-26T11:04:59.999Z', expected: 1 },
      { issuedAfter: '2027-03-26T11:05:00Z', expected: null },
      { issuedAfter: '2027-03-26T11:05:00.001Z', expected: null },
    ])(
      'a code issued at 11:05 is usable only when issued after the cut-off: $issuedAfter',
      async ({ issuedAfter, expected }) => {
        const id = await pending();
        await t.store.startVerification(id, at(NOW));
        await t.store.storeCode(id, sha('code'), at('2027-03-26T11:05:00Z'));
        expect((await t.store.useCodeAttempt(id, at(issuedAfter), 5))?.attempts ?? null).toBe(expected);
      },
    );

    it.each([
      { notAfter: '2027-03-26T10:59:59.999Z', marked: false, requestedAt: NOW },
      { notAfter: NOW, marked: true, requestedAt: '2027-03-26T11:01:00Z' },
      { notAfter: '2027-03-26T11:00:30Z', marked: true, requestedAt: '2027-03-26T11:01:00Z' },
    ])(
      'a re-send requested at 11:01 after a request at 11:00 with notAfter $notAfter: $marked',
      async ({ notAfter, marked, requestedAt }) => {
        const id = await pending();
        await t.store.startVerification(id, at(NOW));
        expect(await t.store.markCodeRequested(id, at(notAfter), at(NOW) + MINUTE)).toBe(marked);
        expect((await t.store.getVerification(id))?.requestedAt).toBe(at(requestedAt));
      },
    );

    const rowOf = async (id: string) => {
      const [r] = await t.db.query('SELECT status, hold_until, remind_at FROM bookings WHERE id = $1', [id]);
      const opt = (v: unknown) => (v === null || v === undefined ? null : iso(v));
      return `${String(r?.status)} hold=${opt(r?.hold_until)} remind=${opt(r?.remind_at)}`;
    };

    it.each<{ name: string; change: VerifiedChange; row: string }>([
      {
        name: 'confirmed, with its reminder',
        change: { status: 'confirmed', holdUntil: null, remindAt: at('2027-03-28T08:00:00Z') },
        row: 'confirmed hold=null remind=2027-03-28T08:00:00Z',
      },
      {
        name: 'awaiting_payment, with a new hold',
        change: { status: 'awaiting_payment', holdUntil: at('2027-03-26T11:30:00Z'), remindAt: null },
        row: 'awaiting_payment hold=2027-03-26T11:30:00Z remind=null',
      },
    ])('confirmVerified while the hold stands: $name; the code is gone', async ({ change, row }) => {
      const id = await pending();
      await t.store.startVerification(id, at(NOW));
      await t.store.storeCode(id, sha('code'), at(NOW));
      const booking = await t.store.confirmVerified(id, change, at(HOLD) - 1);
      expect([booking?.id, booking?.status, booking?.holdUntil]).toEqual([id, change.status, change.holdUntil]);
      expect(await rowOf(id)).toBe(row);
      expect(await t.store.getVerification(id)).toBeNull();
    });

    it.each([
      { name: 'a hold that ran out (now = hold_until)', status: 'pending_verification', now: HOLD },
      { name: 'a confirmed booking', status: 'confirmed', now: NOW },
    ] as const)('confirmVerified on $name is null and changes nothing', async ({ status, now }) => {
      const id = await insertOk({ ...SLOT, status, holdUntil: status === 'confirmed' ? null : HOLD }, NOW);
      await t.store.startVerification(id, at(NOW));
      await t.store.storeCode(id, sha('code'), at(NOW));
      const before = [await rowOf(id), await state(id)];
      const change: VerifiedChange = { status: 'confirmed', holdUntil: null, remindAt: at('2027-03-28T08:00:00Z') };
      expect(await t.store.confirmVerified(id, change, at(now))).toBeNull();
      expect([await rowOf(id), await state(id)]).toEqual(before);
    });
  });
}
