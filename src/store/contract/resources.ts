/**
 * The store contract on shared resources (SPEC §8.4): what a booking holds on each resource its
 * service requires, under booking_resources' own exclusion constraint — refused by the database
 * itself, released by the statement that cancels or expires the booking, moved with it, and won
 * by exactly one of many racing writers for two members who need the same room.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BookingStatus } from '../../app/model.ts';
import type { SetupResult } from '../../app/ports.ts';
import type { Interval } from '../../core/index.ts';
import { at, contractFixtures, type Draft, fakeHash, type GetDb, iso, isoSpan, MINUTE, SETUP } from './fixtures.ts';

const NOW = '2027-03-29T06:00:00Z';
const WITH_ROOM = {
  ...SETUP,
  resources: [
    { key: 'room', name: 'Studio room' },
    { key: 'scanner', name: '3D scanner' },
  ],
  services: (SETUP.services ?? []).map((s) => (s.key === 'portrait' ? { ...s, resources: ['room'] } : s)),
};

export function describeResources(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, draft, rawInsert } = contractFixtures(getDb, () => ids);
  let room: string;
  let scanner: string;

  /** A portrait booking holding the room over [start, end) (no buffers counted here: the store takes `held` as given). */
  const withRoom = (d: Draft, held: Interval = { start: at(d.start), end: at(d.end) }, resources = [room]) => ({
    ...draft({ service: 'portrait', ...d }),
    resources: { ids: resources, held },
  });
  const holds = async () =>
    (
      await t.db.query(
        `SELECT b.reference, r.key, lower(br.held) AS s, upper(br.held) AS e FROM booking_resources br
         JOIN bookings b ON b.id = br.booking_id JOIN resources r ON r.id = br.resource_id ORDER BY lower(br.held), r.key`,
      )
    ).map((r) => `${String(r.reference)} ${String(r.key)} ${iso(r.s)}/${iso(r.e)}`);

  describe('shared resources (SPEC §8.4)', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(WITH_ROOM, fakeHash);
      const all = await t.store.listResources();
      room = all.find((r) => r.key === 'room')?.id as string;
      scanner = all.find((r) => r.key === 'scanner')?.id as string;
    });

    it('the set-up file creates resources by key and links the services that require them', async () => {
      expect((await t.store.listResources()).map((r) => [r.key, r.name])).toEqual([
        ['scanner', '3D scanner'],
        ['room', 'Studio room'],
      ]);
      expect((await t.store.findService('portrait'))?.resourceIds).toEqual([room]);
      expect((await t.store.findService('consult'))?.resourceIds).toEqual([]);
      // Imported again: same ids, names updated, the service's list replaced.
      const again = await t.store.applySetup(
        {
          resources: [{ key: 'room', name: 'Big room' }],
          services: [
            { key: 'portrait', name: 'Portrait session', durationMinutes: 60, resources: ['scanner', 'room'] },
          ],
        },
        fakeHash,
      );
      expect(again.services.portrait).toBe(idOf('services', 'portrait'));
      expect((await t.store.listResources()).find((r) => r.id === room)?.name).toBe('Big room');
      expect((await t.store.findService('portrait'))?.resourceIds).toEqual([room, scanner]);
    });

    it('an unknown resource key in the set-up file names its path and writes nothing', async () => {
      await expect(
        t.store.applySetup(
          {
            resources: [{ key: 'booth', name: 'Photo booth' }],
            services: [{ key: 'portrait', name: 'P', durationMinutes: 60, resources: ['room', 'attic'] }],
          },
          fakeHash,
        ),
      ).rejects.toMatchObject({ name: 'SetupReferenceError', path: 'services[0].resources[1]' });
      expect((await t.store.listResources()).map((r) => r.key)).not.toContain('booth');
      expect((await t.store.findService('portrait'))?.resourceIds).toEqual([room]);
    });

    it('two members cannot hold the room at once: the second insert is SLOT_UNAVAILABLE, its row not written', async () => {
      const first = await t.store.insertBooking(
        withRoom({ staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z', reference: 'SW-ANA' }),
        at(NOW),
      );
      expect(first.ok).toBe(true);
      const clash = await t.store.insertBooking(
        withRoom({ staff: 'ben', start: '2027-03-29T10:30:00Z', end: '2027-03-29T11:30:00Z', reference: 'SW-BEN' }),
        at(NOW),
      );
      expect(clash).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
      // Ben's own time was free: only the room refused him, and nothing of his booking stayed.
      expect((await t.db.query(`SELECT reference FROM bookings`)).map((r) => r.reference)).toEqual(['SW-ANA']);
      // Touching holds are fine; another resource is another constraint.
      const after = await t.store.insertBooking(
        withRoom({ staff: 'ben', start: '2027-03-29T11:00:00Z', end: '2027-03-29T12:00:00Z', reference: 'SW-LATER' }),
        at(NOW),
      );
      const other = await t.store.insertBooking(
        withRoom(
          { staff: 'dan', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z', reference: 'SW-SCAN' },
          undefined,
          [scanner],
        ),
        at(NOW),
      );
      expect([after.ok, other.ok]).toEqual([true, true]);
      expect(await holds()).toEqual([
        'SW-ANA room 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
        'SW-SCAN scanner 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
        'SW-LATER room 2027-03-29T11:00:00Z/2027-03-29T12:00:00Z',
      ]);
    });

    it('the database itself refuses overlapping holds written with plain SQL (23P01 booking_resources_no_overlap)', async () => {
      await rawInsert('SW-R1', idOf('staff', 'ana'), '2027-03-29T10:00:00Z', '2027-03-29T11:00:00Z');
      await rawInsert('SW-R2', idOf('staff', 'ben'), '2027-03-29T10:00:00Z', '2027-03-29T11:00:00Z');
      const hold = (reference: string, from: string, to: string) =>
        t.db.query(
          `INSERT INTO booking_resources (booking_id, resource_id, held)
           SELECT id, $2, tstzrange($3::timestamptz, $4::timestamptz) FROM bookings WHERE reference = $1`,
          [reference, room, from, to],
        );
      await hold('SW-R1', '2027-03-29T10:00:00Z', '2027-03-29T11:00:00Z');
      await expect(hold('SW-R2', '2027-03-29T10:59:00Z', '2027-03-29T11:30:00Z')).rejects.toMatchObject({
        code: '23P01',
        constraint: 'booking_resources_no_overlap',
      });
      // The same statement is accepted where there is no overlap, so the refusal above is the constraint's.
      await hold('SW-R2', '2027-03-29T11:00:00Z', '2027-03-29T11:30:00Z');
      expect((await holds()).length).toBe(2);
    });

    it.each<[string, BookingStatus]>([
      ['cancelled', 'cancelled'],
      ['expired', 'expired'],
    ])('a booking %s by any statement frees its holds in that statement (the trigger)', async (_, status) => {
      const r = await t.store.insertBooking(
        withRoom({ staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' }),
        at(NOW),
      );
      if (!r.ok) throw new Error(r.code);
      await t.db.query('UPDATE bookings SET status = $2 WHERE id = $1', [r.booking.id, status]);
      expect(await holds()).toEqual([]);
      const again = await t.store.insertBooking(
        withRoom({ staff: 'ben', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' }),
        at(NOW),
      );
      expect(again.ok).toBe(true);
    });

    it('cancelBooking frees the room at once, and listResourceHolds no longer lists it', async () => {
      const r = await t.store.insertBooking(
        withRoom({ staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' }),
        at(NOW),
      );
      if (!r.ok) throw new Error(r.code);
      const window = { start: at('2027-03-29T00:00:00Z'), end: at('2027-03-30T00:00:00Z') };
      const listed = async () => (await t.store.listResourceHolds([room], window, at(NOW))).get(room)?.map(isoSpan);
      expect(await listed()).toEqual(['2027-03-29T10:00:00Z/2027-03-29T11:00:00Z']);
      await t.store.cancelBooking(r.booking.id, 'changed plans', at(NOW));
      expect(await listed()).toEqual([]);
    });

    it('a lapsed hold of another member in the room is expired by the insert it stands in the way of', async () => {
      const held = await t.store.insertBooking(
        withRoom({
          staff: 'ben',
          start: '2027-03-29T10:00:00Z',
          end: '2027-03-29T11:00:00Z',
          status: 'pending_verification',
          holdUntil: '2027-03-29T06:15:00Z',
          reference: 'SW-LAPSED',
        }),
        at(NOW),
      );
      expect(held.ok).toBe(true);
      const window = { start: at('2027-03-29T00:00:00Z'), end: at('2027-03-30T00:00:00Z') };
      // Before the hold ends it counts; after, it is not listed though its row still stands.
      expect((await t.store.listResourceHolds([room], window, at(NOW))).get(room)).toHaveLength(1);
      const later = '2027-03-29T06:30:00Z';
      expect((await t.store.listResourceHolds([room], window, at(later))).get(room)).toEqual([]);
      const mine = await t.store.insertBooking(
        withRoom({ staff: 'ana', start: '2027-03-29T10:30:00Z', end: '2027-03-29T11:30:00Z', reference: 'SW-MINE' }),
        at(later),
      );
      expect(mine.ok).toBe(true);
      const rows = await t.db.query('SELECT reference, status FROM bookings ORDER BY reference');
      expect(rows.map((r) => `${r.reference} ${r.status}`)).toEqual(['SW-LAPSED expired', 'SW-MINE confirmed']);
      expect(await holds()).toEqual(['SW-MINE room 2027-03-29T10:30:00Z/2027-03-29T11:30:00Z']);
    });

    it('a move moves the holds; it is refused when the room is taken at the new time', async () => {
      const mine = await t.store.insertBooking(
        withRoom({ staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z', reference: 'SW-MOVE' }),
        at(NOW),
      );
      await t.store.insertBooking(
        withRoom({ staff: 'ben', start: '2027-03-29T14:00:00Z', end: '2027-03-29T15:00:00Z', reference: 'SW-BEN' }),
        at(NOW),
      );
      if (!mine.ok) throw new Error(mine.code);
      const move = (start: string, end: string) =>
        t.store.moveBooking(
          {
            bookingId: mine.booking.id,
            fromStart: mine.booking.start,
            fromStaffId: mine.booking.staffId,
            toStaffId: mine.booking.staffId,
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
      expect(await move('2027-03-29T14:30:00Z', '2027-03-29T15:30:00Z')).toEqual({
        ok: false,
        code: 'SLOT_UNAVAILABLE',
      });
      // Overlapping its own old hold is fine.
      const moved = await move('2027-03-29T10:30:00Z', '2027-03-29T11:30:00Z');
      expect(moved.ok).toBe(true);
      expect(await holds()).toEqual([
        'SW-MOVE room 2027-03-29T10:30:00Z/2027-03-29T11:30:00Z',
        'SW-BEN room 2027-03-29T14:00:00Z/2027-03-29T15:00:00Z',
      ]);
    });

    it('20 concurrent inserts over two members who need the room: exactly one wins', async () => {
      const racers = Array.from({ length: 20 }, (_, i) =>
        withRoom({
          staff: i % 2 === 0 ? 'ana' : 'ben',
          start: iso(at('2027-03-29T10:00:00Z') + 2 * i * MINUTE),
          end: iso(at('2027-03-29T11:00:00Z') + 2 * i * MINUTE),
          reference: `SW-ROOM${String(i).padStart(2, '0')}`,
        }),
      );
      const results = await Promise.all(racers.map((b) => t.store.insertBooking(b, at(NOW))));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual(
        Array.from({ length: 19 }, () => ({ ok: false, code: 'SLOT_UNAVAILABLE' })),
      );
      expect(await t.db.query('SELECT count(*)::int AS n FROM bookings')).toEqual([{ n: 1 }]);
      expect(await holds()).toHaveLength(1);
    });

    it('removing a resource drops it from services and bookings; renaming keeps its key unique', async () => {
      await t.store.insertBooking(
        withRoom({ staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' }),
        at(NOW),
      );
      expect(await t.store.updateResource(scanner, { key: 'room' })).toEqual({ ok: false, conflict: 'key' });
      expect(await t.store.updateResource(scanner, { name: 'Scanner' })).toEqual({
        ok: true,
        value: { id: scanner, key: 'scanner', name: 'Scanner' },
      });
      expect(await t.store.removeResource(room)).toEqual({ id: room, key: 'room', name: 'Studio room' });
      expect((await t.store.findService('portrait'))?.resourceIds).toEqual([]);
      expect(await holds()).toEqual([]);
      expect(await t.store.removeResource(room)).toBeNull();
    });
  });
}
