/**
 * The store contract on payments (SPEC §10.4): the ledger keeps one entry per (transactionId,
 * status), also under concurrent callbacks; two payments racing for one booking apply once; and
 * the hold's one extension at the gateway is a compare-and-set that never shortens a hold.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PaymentRecord } from '../../app/payment-store.ts';
import type { SetupResult } from '../../app/ports.ts';
import { receivePayment } from '../../app/receive-payment.ts';
import { at, contractFixtures, fakeHash, type GetDb, iso, MINUTE, SETUP } from './fixtures.ts';

export function describePayments(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, insertOk } = contractFixtures(getDb, () => ids);
  const NOW = '2027-03-26T11:00:00Z';
  const HOLD = '2027-03-26T11:15:00Z';
  const SLOT = { staff: 'ana', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' } as const;

  const awaiting = (reference = 'SW-PAY001') =>
    insertOk({ ...SLOT, reference, status: 'awaiting_payment', holdUntil: HOLD, amountDue: 3000 }, NOW);
  const entry = (bookingId: string, over: Partial<PaymentRecord> = {}): PaymentRecord => ({
    transactionId: 'tx-1',
    bookingId,
    amountMinor: 3000,
    amountText: '30.00',
    currency: 'EUR',
    status: 'paid',
    reason: null,
    ...over,
  });
  const holdOf = async (id: string) => {
    const [row] = await t.db.query('SELECT hold_until, hold_extended_at FROM bookings WHERE id = $1', [id]);
    return { holdUntil: iso(row?.hold_until), extendedAt: row?.hold_extended_at ? iso(row.hold_extended_at) : null };
  };

  describe('the payments ledger (SPEC §10.4)', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('keeps one entry per (transactionId, status): the same pair again is a replay, the other status a new entry', async () => {
      const id = await awaiting();
      const first = await t.store.recordPayment(entry(id, { status: 'failed' }), at(NOW));
      expect(first).toMatch(/^\d+$/);
      expect(await t.store.recordPayment(entry(id, { status: 'failed', amountMinor: 1 }), at(NOW))).toBeNull();
      const paid = await t.store.recordPayment(entry(id), at(NOW) + MINUTE);
      expect(paid).toMatch(/^\d+$/);
      expect(await t.store.listPayments(id)).toEqual([
        {
          id: first,
          transactionId: 'tx-1',
          bookingId: id,
          amount: '30.00',
          currency: 'EUR',
          status: 'failed',
          applied: true,
          reason: null,
          receivedAt: at(NOW),
        },
        expect.objectContaining({ id: paid, status: 'paid', amount: '30.00', receivedAt: at(NOW) + MINUTE }),
      ]);
      expect((await t.store.findPayment('tx-1', 'paid'))?.id).toBe(paid);
      expect(await t.store.findPayment('tx-2', 'paid')).toBeNull();
    });

    it('keeps an amount the currency cannot express as the gateway wrote it, and unapplied entries with their reason', async () => {
      const id = await awaiting();
      const odd = await t.store.recordPayment(
        entry(id, { amountMinor: null, amountText: '29.999', reason: 'amount_mismatch' }),
        at(NOW),
      );
      const late = (await t.store.recordPayment(
        entry(id, { transactionId: 'tx-2', currency: 'JPY', amountMinor: 5000 }),
        at(NOW),
      )) as string;
      await t.store.markPaymentUnapplied(late, 'hold_expired');
      expect((await t.store.listPayments(id)).map((p) => [p.id, p.amount, p.currency, p.applied, p.reason])).toEqual([
        [odd, '29.999', 'EUR', false, 'amount_mismatch'],
        [late, '5000', 'JPY', false, 'hold_expired'],
      ]);
      expect(await t.store.getPayment(late)).toMatchObject({ transactionId: 'tx-2', reason: 'hold_expired' });
      expect(await t.store.getPayment('999999')).toBeNull();
    });

    it('refuses an unapplied entry without a reason, and a reason on an applied one (23514)', async () => {
      const id = await awaiting();
      const row = (await t.store.recordPayment(entry(id), at(NOW))) as string;
      await expect(t.db.query('UPDATE payments SET applied = false WHERE id = $1', [row])).rejects.toMatchObject({
        code: '23514',
      });
      await expect(
        t.db.query("UPDATE payments SET reason = 'hold_expired' WHERE id = $1", [row]),
      ).rejects.toMatchObject({ code: '23514' });
    });

    it('ten identical callbacks at once: exactly one is recorded, the others are replays', async () => {
      const id = await awaiting();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => t.store.transaction((tx) => tx.recordPayment(entry(id), at(NOW)))),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await t.db.query('SELECT count(*)::int AS n FROM payments')).toEqual([{ n: 1 }]);
    });

    it('two payments racing for one booking: one confirms it, the other is recorded as already_paid', async () => {
      await awaiting();
      const clock = { now: () => at(NOW) };
      const pay = (transactionId: string) =>
        receivePayment(
          { store: t.store, clock },
          { reference: 'SW-PAY001', amount: '30.00', currency: 'EUR', status: 'paid', transactionId },
        );
      const results = await Promise.all(['tx-a', 'tx-b', 'tx-c', 'tx-d'].map(pay));
      const outcomes = results.map((r) => (r.ok ? (r.value.reason ?? 'applied') : r.code)).sort();
      expect(outcomes).toEqual(['already_paid', 'already_paid', 'already_paid', 'applied']);
      const [b] = await t.db.query("SELECT status, amount_paid_minor FROM bookings WHERE reference = 'SW-PAY001'");
      expect([b?.status, Number(b?.amount_paid_minor)]).toEqual(['confirmed', 3000]);
      const rows = await t.db.query('SELECT applied, reason FROM payments ORDER BY applied DESC');
      expect(rows.map((r) => [r.applied, r.reason])).toEqual([
        [true, null],
        [false, 'already_paid'],
        [false, 'already_paid'],
        [false, 'already_paid'],
      ]);
      // The owner hears of each payment that needs giving back.
      expect(await t.db.query("SELECT count(*)::int AS n FROM jobs WHERE kind = 'email.payment'")).toEqual([{ n: 3 }]);
    });
  });

  describe('the hold at the gateway (SPEC §10.4)', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('extends a standing hold once, to the later time; a second extension changes nothing', async () => {
      const id = await awaiting();
      const at10 = at(NOW) + 10 * MINUTE;
      expect(await t.store.extendGatewayHold(id, at10 + 15 * MINUTE, at10)).toBe(true);
      expect(await holdOf(id)).toEqual({ holdUntil: '2027-03-26T11:25:00Z', extendedAt: '2027-03-26T11:10:00Z' });
      expect(await t.store.extendGatewayHold(id, at10 + 30 * MINUTE, at10 + 5 * MINUTE)).toBe(false);
      expect((await holdOf(id)).holdUntil).toBe('2027-03-26T11:25:00Z');
    });

    it('never shortens a hold, and an extension that would not lengthen it is not used up', async () => {
      const id = await awaiting();
      expect(await t.store.extendGatewayHold(id, at(HOLD) - MINUTE, at(NOW))).toBe(false);
      expect(await t.store.extendGatewayHold(id, at(HOLD), at(NOW))).toBe(false);
      expect(await holdOf(id)).toEqual({ holdUntil: HOLD, extendedAt: null });
      expect(await t.store.extendGatewayHold(id, at(HOLD) + MINUTE, at(NOW))).toBe(true);
    });

    it('does not bring back a lapsed hold, nor extend a booking that is not awaiting payment', async () => {
      const lapsed = await awaiting();
      expect(await t.store.extendGatewayHold(lapsed, at(HOLD) + 15 * MINUTE, at(HOLD))).toBe(false);
      const pending = await insertOk(
        { staff: 'ben', start: SLOT.start, end: SLOT.end, status: 'pending_verification', holdUntil: HOLD },
        NOW,
      );
      const confirmed = await insertOk({ staff: 'dan', start: SLOT.start, end: SLOT.end }, NOW);
      for (const id of [pending, confirmed]) {
        expect(await t.store.extendGatewayHold(id, at(HOLD) + 15 * MINUTE, at(NOW))).toBe(false);
      }
      expect(await t.db.query('SELECT count(*)::int AS n FROM bookings WHERE hold_extended_at IS NOT NULL')).toEqual([
        { n: 0 },
      ]);
    });

    it('ten extensions at once: exactly one is granted', async () => {
      const id = await awaiting();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          t.store.transaction((tx) => tx.extendGatewayHold(id, at(HOLD) + (i + 1) * MINUTE, at(NOW))),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('the extended hold keeps its time busy past the old end (cached reads too)', async () => {
      const id = await awaiting();
      const window = { start: at('2027-03-29T00:00:00Z'), end: at('2027-03-30T00:00:00Z') };
      const busyAt = async (now: string) =>
        (await t.store.listBusy([ids.staff.ana as string], window, at(now))).get(ids.staff.ana as string);
      expect(await busyAt(NOW)).toHaveLength(1); // read (and cached) with the old end
      await t.store.extendGatewayHold(id, at(HOLD) + 15 * MINUTE, at(NOW));
      expect(await busyAt('2027-03-26T11:20:00Z')).toHaveLength(1);
      expect(await busyAt('2027-03-26T11:30:00Z')).toEqual([]);
    });
  });
}
