/**
 * The store contract on group sessions (SPEC §9.1, migration 014): seats of one session share its
 * time, the database refuses a seat past the capacity — under concurrency too — and only the
 * session's own seats may overlap it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BookingStatus, NewBooking } from '../../app/model.ts';
import type { SetupResult } from '../../app/ports.ts';
import type { Setup } from '../../app/setup-schema.ts';
import { at, contractFixtures, fakeHash, type GetDb, SETUP } from './fixtures.ts';

/** The contract studio plus a 10-seat workshop (at most 4 seats a booking) that Ana gives. */
const WITH_WORKSHOP: Setup = {
  ...SETUP,
  services: [
    ...(SETUP.services ?? []),
    { key: 'workshop', name: 'Lighting workshop', durationMinutes: 120, capacity: 10, maxSeatsPerBooking: 4 },
  ],
  staff: (SETUP.staff ?? []).map((m) =>
    m.key === 'ana' ? { ...m, services: [...(m.services ?? []), 'workshop'] } : m,
  ),
};

const NOW = '2027-03-29T06:00:00Z';
const START = '2027-03-29T10:00:00Z';
const END = '2027-03-29T12:00:00Z';

export function describeSeats(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, draft } = contractFixtures(getDb, () => ids);

  /** A seat booking of the workshop (Ana, 10:00–12:00 unless given). */
  const seat = (
    seats: number,
    o: { start?: string; end?: string; status?: BookingStatus; holdUntil?: string } = {},
  ): NewBooking => ({
    ...draft({
      staff: 'ana',
      start: o.start ?? START,
      end: o.end ?? END,
      status: o.status ?? 'confirmed',
      holdUntil: o.holdUntil ?? null,
    }),
    serviceId: idOf('services', 'workshop'),
    seats,
    session: true,
  });

  const seatsSold = async () => {
    const [row] = await t.db.query(
      `SELECT coalesce(sum(seats), 0)::int AS n FROM bookings WHERE status NOT IN ('cancelled', 'expired')`,
    );
    return Number(row?.n);
  };

  describe('group sessions: seats in the database (SPEC §9.1)', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(WITH_WORKSHOP, fakeHash);
    });

    it('seats of one session share its time; listSessionSeats lists them with their seats', async () => {
      expect((await t.store.insertBooking(seat(4), at(NOW))).ok).toBe(true);
      expect((await t.store.insertBooking(seat(3), at(NOW))).ok).toBe(true);
      const listed = await t.store.listSessionSeats(
        idOf('services', 'workshop'),
        [idOf('staff', 'ana')],
        { start: at('2027-03-29T00:00:00Z'), end: at('2027-03-30T00:00:00Z') },
        at(NOW),
      );
      expect(listed.get(idOf('staff', 'ana'))?.map((r) => r.seats)).toEqual([4, 3]);
      expect(await seatsSold()).toBe(7);
    });

    it('a seat past the capacity is refused with the seats left, and the transaction goes on', async () => {
      for (const n of [4, 4]) expect((await t.store.insertBooking(seat(n), at(NOW))).ok).toBe(true);
      await t.store.transaction(async (tx) => {
        expect(await tx.insertBooking(seat(3), at(NOW))).toEqual({
          ok: false,
          code: 'SEATS_UNAVAILABLE',
          seatsLeft: 2,
        });
        // The refusal was a savepoint's: the same transaction still writes.
        expect((await tx.insertBooking(seat(2), at(NOW))).ok).toBe(true);
      });
      expect(await seatsSold()).toBe(10);
      expect(await t.store.insertBooking(seat(1), at(NOW))).toEqual({
        ok: false,
        code: 'SEATS_UNAVAILABLE',
        seatsLeft: 0,
      });
    });

    it('only the session’s own seats may overlap it: another start or another service is SLOT_UNAVAILABLE', async () => {
      expect((await t.store.insertBooking(seat(1), at(NOW))).ok).toBe(true);
      const later = seat(1, { start: '2027-03-29T11:00:00Z', end: '2027-03-29T13:00:00Z' });
      expect(await t.store.insertBooking(later, at(NOW))).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
      const consult = draft({
        staff: 'ana',
        service: 'consult',
        start: '2027-03-29T11:00:00Z',
        end: '2027-03-29T11:30:00Z',
      });
      expect(await t.store.insertBooking(consult, at(NOW))).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
      expect(await seatsSold()).toBe(1);
    });

    it('cancelled seats and lapsed holds free their seats', async () => {
      const held = await t.store.insertBooking(
        seat(4, { status: 'pending_verification', holdUntil: '2027-03-29T06:15:00Z' }),
        at(NOW),
      );
      const kept = await t.store.insertBooking(seat(4), at(NOW));
      if (!held.ok || !kept.ok) throw new Error('fixture seats refused');
      await t.db.query(`UPDATE bookings SET status = 'cancelled' WHERE id = $1`, [kept.booking.id]);
      // At 06:20 the hold has lapsed and the cancelled seats are free: all ten can be sold again.
      const later = '2027-03-29T06:20:00Z';
      for (const n of [4, 4, 2]) expect((await t.store.insertBooking(seat(n), at(later))).ok).toBe(true);
      expect(await t.store.insertBooking(seat(1), at(later))).toEqual({
        ok: false,
        code: 'SEATS_UNAVAILABLE',
        seatsLeft: 0,
      });
    });

    it('the database itself refuses an oversold session written with plain SQL (23514 bookings_session_seats)', async () => {
      expect((await t.store.insertBooking(seat(4), at(NOW))).ok).toBe(true);
      const raw = (reference: string, seats: number) =>
        t.db.query(
          `INSERT INTO bookings (reference, service_id, staff_id, client_name, client_email, timezone, status,
             start_at, end_at, occupied, payment_option, currency, manage_token_hash, seats, updated_at)
           VALUES ($1, $2, $3, 'Raw', 'raw@example.test', 'Europe/Paris', 'confirmed', $4::timestamptz,
             $5::timestamptz, tstzrange($4::timestamptz, $5::timestamptz), 'none', 'EUR',
             sha256(convert_to($1, 'UTF8')), $6, $7::timestamptz)`,
          [reference, idOf('services', 'workshop'), idOf('staff', 'ana'), START, END, seats, NOW],
        );
      await expect(raw('SW-RAW-7', 7)).rejects.toMatchObject({ code: '23514', constraint: 'bookings_session_seats' });
      await raw('SW-RAW-6', 6); // exactly the seats left: accepted, so the refusal above is the seat count's
      expect(await seatsSold()).toBe(10);
    });

    it('40 concurrent one-seat inserts into a 10-seat session: exactly 10 win, 30 get SEATS_UNAVAILABLE', async () => {
      const results = await Promise.all(Array.from({ length: 40 }, () => t.store.insertBooking(seat(1), at(NOW))));
      expect(results.filter((r) => r.ok)).toHaveLength(10);
      const losers = results.filter((r) => !r.ok);
      expect(losers).toHaveLength(30);
      for (const r of losers) expect(r).toMatchObject({ ok: false, code: 'SEATS_UNAVAILABLE' });
      expect(await seatsSold()).toBe(10);
    });
  });
}
