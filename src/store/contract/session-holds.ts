/**
 * The store contract on group sessions that require resources (SPEC §9.1, §8.4, migration 020):
 * a session holds its room once, whatever its seats — the first seat writes the hold, later seats
 * join it — and the hold goes with the session's last seat (cancelled, expired, moved). The room is
 * then the session's: another session or booking in it at the same time is refused by the
 * database, under concurrency too.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BookingStatus, NewBooking } from '../../app/model.ts';
import type { SetupResult } from '../../app/ports.ts';
import { at, contractFixtures, fakeHash, type GetDb, iso, isoSpan, WITH_ROOM_SESSIONS } from './fixtures.ts';

const NOW = '2027-03-29T06:00:00Z';
const DAY = { start: at('2027-03-29T00:00:00Z'), end: at('2027-03-30T00:00:00Z') };

export function describeSessionHolds(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, draft } = contractFixtures(getDb, () => ids);
  let room: string;

  /** A seat of Ana's workshop (10:00–12:00 unless given), holding the room over its span. */
  const seat = (
    seats: number,
    o: {
      start?: string;
      end?: string;
      status?: BookingStatus;
      holdUntil?: string;
      service?: 'workshop' | 'class';
    } = {},
  ): NewBooking => {
    const start = o.start ?? '2027-03-29T10:00:00Z';
    const end = o.end ?? '2027-03-29T12:00:00Z';
    const service = o.service ?? 'workshop';
    return {
      ...draft({
        staff: service === 'workshop' ? 'ana' : 'ben',
        start,
        end,
        status: o.status ?? 'confirmed',
        holdUntil: o.holdUntil ?? null,
      }),
      serviceId: idOf('services', service),
      seats,
      session: true,
      resources: { ids: [room], held: { start: at(start), end: at(end) } },
    };
  };

  /** Every hold row: whose (a booking's reference, or a session's member) and its span. */
  const holds = async () =>
    (
      await t.db.query(
        `SELECT coalesce(b.reference, 'session of ' || st.name) AS owner, lower(br.held) AS s, upper(br.held) AS e
         FROM booking_resources br LEFT JOIN bookings b ON b.id = br.booking_id LEFT JOIN staff st ON st.id = br.staff_id
         ORDER BY lower(br.held), owner`,
      )
    ).map((r) => `${String(r.owner)} ${iso(r.s)}/${iso(r.e)}`);
  const listed = async (now = NOW) => (await t.store.listResourceHolds([room], DAY, at(now))).get(room)?.map(isoSpan);
  const seatsSold = async () =>
    Number(
      (
        await t.db.query(
          `SELECT coalesce(sum(seats), 0)::int AS n FROM bookings WHERE status NOT IN ('cancelled', 'expired')`,
        )
      )[0]?.n,
    );

  describe('group sessions hold their resources once (SPEC §9.1, §8.4)', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(WITH_ROOM_SESSIONS, fakeHash);
      room = (await t.store.listResources()).find((r) => r.key === 'room')?.id as string;
    });

    it('the first seat writes the session’s hold, later seats join it: three seats, one hold, listed once', async () => {
      for (const n of [4, 3, 1]) expect((await t.store.insertBooking(seat(n), at(NOW))).ok).toBe(true);
      expect(await holds()).toEqual(['session of Ana 2027-03-29T10:00:00Z/2027-03-29T12:00:00Z']);
      expect(await listed()).toEqual(['2027-03-29T10:00:00Z/2027-03-29T12:00:00Z']);
      const seats = await t.store.listSessionSeats(idOf('services', 'workshop'), [idOf('staff', 'ana')], DAY, at(NOW));
      expect(
        seats.get(idOf('staff', 'ana'))?.map((r) => [r.seats, r.held && isoSpan(r.held.span), r.held?.resourceIds]),
      ).toEqual([
        [4, '2027-03-29T10:00:00Z/2027-03-29T12:00:00Z', [room]],
        [3, '2027-03-29T10:00:00Z/2027-03-29T12:00:00Z', [room]],
        [1, '2027-03-29T10:00:00Z/2027-03-29T12:00:00Z', [room]],
      ]);
    });

    it('the room is the session’s: another group session or a portrait in it at the same time is SLOT_UNAVAILABLE', async () => {
      expect((await t.store.insertBooking(seat(1), at(NOW))).ok).toBe(true);
      const otherSession = seat(1, { service: 'class', start: '2027-03-29T11:00:00Z', end: '2027-03-29T12:00:00Z' });
      expect(await t.store.insertBooking(otherSession, at(NOW))).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
      const portrait = {
        ...draft({ staff: 'ben', service: 'portrait', start: '2027-03-29T09:30:00Z', end: '2027-03-29T10:30:00Z' }),
        resources: { ids: [room], held: { start: at('2027-03-29T09:30:00Z'), end: at('2027-03-29T10:30:00Z') } },
      };
      expect(await t.store.insertBooking(portrait, at(NOW))).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
      // Right after the workshop the room is free again.
      const after = seat(1, { service: 'class', start: '2027-03-29T12:00:00Z', end: '2027-03-29T13:00:00Z' });
      expect((await t.store.insertBooking(after, at(NOW))).ok).toBe(true);
      expect(await seatsSold()).toBe(2);
    });

    it('the hold stays while a seat is left and goes with the last one, by any statement', async () => {
      const a = await t.store.insertBooking(seat(2), at(NOW));
      const b = await t.store.insertBooking(seat(1), at(NOW));
      if (!a.ok || !b.ok) throw new Error('fixture seats refused');
      await t.store.cancelBooking(a.booking.id, 'changed plans', at(NOW));
      expect(await holds()).toHaveLength(1);
      expect(await listed()).toHaveLength(1);
      await t.db.query(`UPDATE bookings SET status = 'expired' WHERE id = $1`, [b.booking.id]);
      expect(await holds()).toEqual([]);
      expect(await listed()).toEqual([]);
      const other = seat(1, { service: 'class', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' });
      expect((await t.store.insertBooking(other, at(NOW))).ok).toBe(true);
    });

    it('a session whose seats all lapsed holds nothing for readers, and the session in its way expires them', async () => {
      const held = seat(2, { status: 'pending_verification', holdUntil: '2027-03-29T06:15:00Z' });
      expect((await t.store.insertBooking(held, at(NOW))).ok).toBe(true);
      const later = '2027-03-29T06:30:00Z';
      expect(await listed(NOW)).toHaveLength(1);
      expect(await listed(later)).toEqual([]);
      const other = seat(1, { service: 'class', start: '2027-03-29T11:00:00Z', end: '2027-03-29T12:00:00Z' });
      expect((await t.store.insertBooking(other, at(later))).ok).toBe(true);
      expect(await holds()).toEqual(['session of Ben 2027-03-29T11:00:00Z/2027-03-29T12:00:00Z']);
    });

    it('the last seat moved takes the hold to its new session; a seat moved out of a session leaves the hold behind', async () => {
      const a = await t.store.insertBooking(seat(1), at(NOW));
      const b = await t.store.insertBooking(seat(1), at(NOW));
      if (!a.ok || !b.ok) throw new Error('fixture seats refused');
      const move = (id: string, start: string, end: string) =>
        t.store.moveBooking(
          {
            bookingId: id,
            fromStart: at('2027-03-29T10:00:00Z'),
            fromStaffId: idOf('staff', 'ana'),
            toStaffId: idOf('staff', 'ana'),
            start: at(start),
            end: at(end),
            occupied: { start: at(start), end: at(end) },
            timezone: 'Europe/Paris',
            reason: 'test',
            remindAt: null,
            held: { start: at(start), end: at(end) },
          },
          at(NOW),
        );
      // The room is the 10:00 session's until 12:00: a new session overlapping it is refused.
      expect(await move(a.booking.id, '2027-03-29T11:00:00Z', '2027-03-29T13:00:00Z')).toEqual({
        ok: false,
        code: 'SLOT_UNAVAILABLE',
      });
      expect((await move(a.booking.id, '2027-03-29T14:00:00Z', '2027-03-29T16:00:00Z')).ok).toBe(true);
      expect(await holds()).toEqual([
        'session of Ana 2027-03-29T10:00:00Z/2027-03-29T12:00:00Z',
        'session of Ana 2027-03-29T14:00:00Z/2027-03-29T16:00:00Z',
      ]);
      // The 10:00 session's last seat moves: its hold goes, the new span is held.
      expect((await move(b.booking.id, '2027-03-29T10:30:00Z', '2027-03-29T12:30:00Z')).ok).toBe(true);
      expect(await holds()).toEqual([
        'session of Ana 2027-03-29T10:30:00Z/2027-03-29T12:30:00Z',
        'session of Ana 2027-03-29T14:00:00Z/2027-03-29T16:00:00Z',
      ]);
    });

    it('first seats of two sessions racing for the room (Ana’s workshop, Ben’s class): exactly one session gets it', async () => {
      const racers = Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? seat(1)
          : seat(1, { service: 'class', start: '2027-03-29T11:00:00Z', end: '2027-03-29T12:00:00Z' }),
      );
      const results = await Promise.all(racers.map((b) => t.store.insertBooking(b, at(NOW))));
      const winners = results.flatMap((r) => (r.ok ? [r.booking.serviceId] : []));
      // Every seat of the winning session is sold (all ten asked fit), none of the other.
      expect(new Set(winners).size).toBe(1);
      expect(winners).toHaveLength(10);
      for (const r of results.filter((x) => !x.ok)) expect(r).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
      expect(await holds()).toHaveLength(1);
    });

    it('40 concurrent one-seat inserts into a 10-seat session holding the room: 10 seats and one hold', async () => {
      const results = await Promise.all(Array.from({ length: 40 }, () => t.store.insertBooking(seat(1), at(NOW))));
      expect(results.filter((r) => r.ok)).toHaveLength(10);
      for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, code: 'SEATS_UNAVAILABLE' });
      expect(await seatsSold()).toBe(10);
      expect(await holds()).toEqual(['session of Ana 2027-03-29T10:00:00Z/2027-03-29T12:00:00Z']);
    });
  });
}
