/**
 * The insertBooking cases on statuses and holds: cancelled and expired bookings never block, an active hold blocks
 * until its hold_until, a lapsed one is expired by the insert in its way. Registered inside bookings.ts's describe.
 */
import { expect, it } from 'vitest';
import { type ContractFixtures, iso } from './fixtures.ts';

/** The insertBooking suite's "now". */
const NOW = '2027-03-29T06:00:00Z';

export function holdCases({ t, insert, insertOk, bookingRows, setStatus }: ContractFixtures): void {
  it('cancelled and expired bookings never block', async () => {
    const when = { staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' } as const;
    await setStatus(await insertOk({ ...when, reference: 'SW-CANCELLED' }, NOW), 'cancelled');
    await setStatus(
      await insertOk(
        { ...when, reference: 'SW-EXPIRED', status: 'pending_verification', holdUntil: '2027-03-29T06:15:00Z' },
        NOW,
      ),
      'expired',
    );
    await insertOk({ ...when, reference: 'SW-NEW' }, NOW);
    expect(await bookingRows()).toEqual([
      'SW-CANCELLED cancelled 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
      'SW-EXPIRED expired 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
      'SW-NEW confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
    ]);
  });

  it.each(['pending_verification', 'awaiting_payment'] as const)(
    'an active %s hold blocks the same member until its hold_until',
    async (status) => {
      await insertOk(
        {
          staff: 'ana',
          reference: 'SW-HOLD',
          start: '2027-03-29T10:00:00Z',
          end: '2027-03-29T11:00:00Z',
          status,
          holdUntil: '2027-03-29T06:15:00Z',
        },
        NOW,
      );
      const overlapping = { staff: 'ana', start: '2027-03-29T10:30:00Z', end: '2027-03-29T11:30:00Z' } as const;
      expect(await insert(overlapping, '2027-03-29T06:14:59.999Z')).toEqual({
        ok: false,
        code: 'SLOT_UNAVAILABLE',
      });
      expect(await bookingRows()).toEqual([`SW-HOLD ${status} 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z`]);
    },
  );

  it('a hold whose hold_until has come is expired by the next insert in its way, which succeeds at exactly that instant', async () => {
    await insertOk(
      {
        staff: 'ana',
        reference: 'SW-HOLD',
        start: '2027-03-29T10:00:00Z',
        end: '2027-03-29T11:00:00Z',
        status: 'pending_verification',
        holdUntil: '2027-03-29T06:15:00Z',
      },
      NOW,
    );
    const result = await insert(
      { staff: 'ana', reference: 'SW-NEW', start: '2027-03-29T10:30:00Z', end: '2027-03-29T11:30:00Z' },
      '2027-03-29T06:15:00Z',
    );
    expect(result.ok && result.booking.reference).toBe('SW-NEW');
    expect(await bookingRows()).toEqual([
      'SW-HOLD expired 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
      'SW-NEW confirmed 2027-03-29T10:30:00Z/2027-03-29T11:30:00Z',
    ]);
    const [row] = await t.db.query(`SELECT updated_at FROM bookings WHERE reference = 'SW-HOLD'`);
    expect(iso(row?.updated_at)).toBe('2027-03-29T06:15:00Z');
  });

  it('only the lapsed holds in the way are expired; others stay as they are', async () => {
    const lapsed = { status: 'awaiting_payment', holdUntil: '2027-03-29T06:15:00Z' } as const;
    const when = { start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' };
    await insertOk({ staff: 'ana', reference: 'SW-IN-WAY', ...when, ...lapsed }, NOW);
    await insertOk(
      {
        staff: 'ana',
        reference: 'SW-ELSEWHEN',
        start: '2027-03-29T12:00:00Z',
        end: '2027-03-29T13:00:00Z',
        ...lapsed,
      },
      NOW,
    );
    await insertOk({ staff: 'ben', service: 'portrait', reference: 'SW-OTHER-STAFF', ...when, ...lapsed }, NOW);
    await insertOk({ staff: 'ana', reference: 'SW-NEW', ...when }, '2027-03-29T07:00:00Z');
    expect(await bookingRows()).toEqual([
      'SW-IN-WAY expired 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
      'SW-NEW confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
      'SW-OTHER-STAFF awaiting_payment 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
      'SW-ELSEWHEN awaiting_payment 2027-03-29T12:00:00Z/2027-03-29T13:00:00Z',
    ]);
  });

  it('a refused insert writes nothing, not even the expiry of the lapsed holds it met', async () => {
    await insertOk(
      {
        staff: 'ana',
        reference: 'SW-HOLD',
        start: '2027-03-29T10:00:00Z',
        end: '2027-03-29T11:00:00Z',
        status: 'pending_verification',
        holdUntil: '2027-03-29T06:15:00Z',
      },
      NOW,
    );
    await insertOk(
      { staff: 'ana', reference: 'SW-CONFIRMED', start: '2027-03-29T11:00:00Z', end: '2027-03-29T12:00:00Z' },
      NOW,
    );
    expect(
      await insert(
        { staff: 'ana', start: '2027-03-29T10:30:00Z', end: '2027-03-29T11:30:00Z' },
        '2027-03-29T07:00:00Z',
      ),
    ).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
    expect(await bookingRows()).toEqual([
      'SW-HOLD pending_verification 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
      'SW-CONFIRMED confirmed 2027-03-29T11:00:00Z/2027-03-29T12:00:00Z',
    ]);
  });
}
