/**
 * The store contract on waitlist offers of a service that needs a room (SPEC §9.3, §8.4, migration
 * 021, decision 041): an offer holds the room as its booking would, so the database refuses
 * another service's booking in it; the offer's own booking takes the hold over; a decline or a
 * lapse frees it (a lapse by the clock: readers ignore it and a writer in its way clears it) and
 * queues the waitlists of every service needing the room; and an offer racing another service's
 * booking for the room leaves exactly one holder.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewBooking } from '../../app/model.ts';
import type { SetupResult } from '../../app/ports.ts';
import type { Setup } from '../../app/setup-schema.ts';
import type { NewOffer } from '../../app/waitlist/waitlist-store.ts';
import { at, contractFixtures, fakeHash, type GetDb, iso, isoSpan, SETUP } from './fixtures.ts';

/** The consultation (Ana, Dan) and the portrait (Ben) both need the studio room. */
const WITH_ROOM: Setup = {
  ...SETUP,
  resources: [{ key: 'room', name: 'Studio room' }],
  services: (SETUP.services ?? []).map((s) =>
    s.key === 'portrait' || s.key === 'consult' ? { ...s, resources: ['room'] } : s,
  ),
};

const NOW = '2027-03-29T06:00:00Z';
const LAPSED = '2027-03-29T06:31:00Z';
const START = '2027-03-29T10:00:00Z';
const END = '2027-03-29T10:30:00Z';
const DAY = { start: at('2027-03-29T00:00:00Z'), end: at('2027-03-30T00:00:00Z') };

export function describeOfferHolds(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, draft, waitlistEntry } = contractFixtures(getDb, () => ids);
  let room: string;
  let seq = 0;
  const hash = (s: string) => createHash('sha256').update(s).digest();

  const entry = async (name: string) => waitlistEntry(name, NOW);
  /** An offer of Ana's (or Dan's) consultation at 10:00, holding the room over 10:00–10:30. */
  const offer = async (name = 'Wanda', staff: 'ana' | 'dan' = 'ana'): Promise<NewOffer> => {
    const e = await entry(name);
    seq += 1;
    return {
      entryId: e.id,
      serviceId: idOf('services', 'consult'),
      staffId: idOf('staff', staff),
      start: at(START),
      end: at(END),
      occupied: { start: at(START), end: at(END) },
      seats: 1,
      expiresAt: at('2027-03-29T06:30:00Z'),
      tokenHash: hash(`room-offer-${seq}`),
      resources: { ids: [room], held: { start: at(START), end: at(END) } },
    };
  };
  const made = async (o: NewOffer) => {
    const r = await t.store.insertWaitlistOffer(o, at(NOW));
    if (!r.ok) throw new Error(`fixture offer refused: ${r.reason}`);
    return r.offer;
  };
  /** Ben's portrait 09:45–10:45 (a booking of another service and member), holding the room. */
  const portrait = (o: { start?: string; end?: string } = {}): NewBooking => {
    const start = o.start ?? '2027-03-29T09:45:00Z';
    const end = o.end ?? '2027-03-29T10:45:00Z';
    return {
      ...draft({ staff: 'ben', service: 'portrait', start, end }),
      resources: { ids: [room], held: { start: at(start), end: at(end) } },
    };
  };
  /** The booking of an accepted offer: Ana's consultation at 10:00 carrying the offer's id. */
  const accepted = (offerId: string): NewBooking => ({
    ...draft({ staff: 'ana', start: START, end: END }),
    resources: { ids: [room], held: { start: at(START), end: at(END) } },
    waitlistOfferId: offerId,
  });

  /** Every hold row: whose (a booking's reference or an offer's client) and its span. */
  const holds = async () =>
    (
      await t.db.query(
        `SELECT coalesce(b.reference, 'offer to ' || e.client_name) AS owner, lower(br.held) AS s, upper(br.held) AS e
         FROM booking_resources br LEFT JOIN bookings b ON b.id = br.booking_id
           LEFT JOIN waitlist_offers o ON o.id = br.offer_id LEFT JOIN waitlist_entries e ON e.id = o.entry_id
         ORDER BY lower(br.held), owner`,
      )
    ).map((r) => `${String(r.owner)} ${iso(r.s)}/${iso(r.e)}`);
  const listed = async (now = NOW, except?: string) =>
    (await t.store.listResourceHolds([room], DAY, at(now), except)).get(room)?.map(isoSpan);

  describe('waitlist offers hold the room their service needs (SPEC §9.3, §8.4)', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(WITH_ROOM, fakeHash);
      room = (await t.store.listResources()).find((r) => r.key === 'room')?.id as string;
    });

    it('an offer holds the room: another service’s booking in it is SLOT_UNAVAILABLE, readers see the hold', async () => {
      // Read once before (a read cache then holds the room's rows: the offer must drop them).
      expect(await listed()).toEqual([]);
      await made(await offer());
      expect(await holds()).toEqual(['offer to Wanda 2027-03-29T10:00:00Z/2027-03-29T10:30:00Z']);
      expect(await listed()).toEqual(['2027-03-29T10:00:00Z/2027-03-29T10:30:00Z']);
      // Ben is free at 10:00; only the room stands in the way.
      expect(await t.store.insertBooking(portrait(), at(NOW))).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
      const after = portrait({ start: '2027-03-29T10:30:00Z', end: '2027-03-29T11:30:00Z' });
      expect((await t.store.insertBooking(after, at(NOW))).ok).toBe(true);
    });

    it('the database itself refuses a second holder of the offer’s room (23P01 booking_resources_no_overlap)', async () => {
      await made(await offer());
      const dan = await t.store.insertBooking(draft({ staff: 'dan', start: START, end: END }), at(NOW));
      if (!dan.ok) throw new Error('fixture booking refused');
      await expect(
        t.db.query(
          `INSERT INTO booking_resources (booking_id, resource_id, held) VALUES ($1, $2, tstzrange($3::timestamptz, $4::timestamptz))`,
          [dan.booking.id, room, START, END],
        ),
      ).rejects.toMatchObject({ code: '23P01', constraint: 'booking_resources_no_overlap' });
    });

    it('an offer is not made while the room is held by another booking (not_free), and writes nothing', async () => {
      expect((await t.store.insertBooking(portrait(), at(NOW))).ok).toBe(true);
      expect(await t.store.insertWaitlistOffer(await offer(), at(NOW))).toEqual({ ok: false, reason: 'not_free' });
      const [row] = await t.db.query('SELECT count(*)::int AS n FROM waitlist_offers');
      expect(Number(row?.n)).toBe(0);
      expect(await holds()).toHaveLength(1);
    });

    it('the offer’s own booking takes the hold over (same row, no gap); the closed offer leaves it the booking’s', async () => {
      const o = await made(await offer());
      // Its own hold is not in its way for readers either.
      expect(await listed(NOW, o.id)).toEqual([]);
      const own = await t.store.insertBooking(accepted(o.id), at(NOW));
      if (!own.ok) throw new Error(`the offer's booking was refused: ${own.code}`);
      expect(await holds()).toEqual([`${own.booking.reference} 2027-03-29T10:00:00Z/2027-03-29T10:30:00Z`]);
      const [row] = await t.db.query('SELECT booking_id, offer_id FROM booking_resources');
      expect([String(row?.booking_id), row?.offer_id]).toEqual([own.booking.id, null]);
      expect(await t.store.closeWaitlistOffer(o.id, 'accepted', at(NOW), own.booking.id)).toBe(true);
      expect(await holds()).toEqual([`${own.booking.reference} 2027-03-29T10:00:00Z/2027-03-29T10:30:00Z`]);
      expect(await t.store.insertBooking(portrait(), at(NOW))).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
    });

    it('the booking of another offer cannot take an offer’s room', async () => {
      await made(await offer());
      const eleven = { start: at('2027-03-29T11:00:00Z'), end: at('2027-03-29T11:30:00Z') };
      const other = await made({
        ...(await offer('Xavier', 'dan')),
        ...eleven,
        occupied: eleven,
        resources: { ids: [room], held: eleven },
      });
      // Dan at 10:00 with Xavier's offer: Dan is free, Wanda's offer holds the room.
      const dan = { ...accepted(other.id), staffId: idOf('staff', 'dan') };
      expect(await t.store.insertBooking(dan, at(NOW))).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
      expect(await holds()).toEqual([
        'offer to Wanda 2027-03-29T10:00:00Z/2027-03-29T10:30:00Z',
        'offer to Xavier 2027-03-29T11:00:00Z/2027-03-29T11:30:00Z',
      ]);
    });

    it('a decline or a lapse frees the room in the statement that closes the offer', async () => {
      for (const to of ['declined', 'lapsed'] as const) {
        const o = await made(await offer(`W-${to}`));
        expect(await holds()).toHaveLength(1);
        expect(await listed()).toHaveLength(1);
        expect(await t.store.closeWaitlistOffer(o.id, to, at(NOW))).toBe(true);
        expect(await holds()).toEqual([]);
        expect(await listed()).toEqual([]);
      }
      expect((await t.store.insertBooking(portrait(), at(NOW))).ok).toBe(true);
    });

    it('erasing the offered client frees the room for readers and writers', async () => {
      await made(await offer());
      expect(await listed()).toHaveLength(1);
      await t.store.eraseClientData('wanda@example.test', [], at(NOW));
      expect(await holds()).toEqual([]);
      expect(await listed()).toEqual([]);
      expect((await t.store.insertBooking(portrait(), at(NOW))).ok).toBe(true);
    });

    it('an offer lapsed by the clock: readers ignore its hold, and a booking in its way clears it', async () => {
      const o = await made(await offer());
      expect(await listed(LAPSED)).toEqual([]);
      expect((await t.store.insertBooking(portrait(), at(LAPSED))).ok).toBe(true);
      expect((await holds()).map((h) => h.startsWith('offer'))).toEqual([false]);
      // The offer stays live for its lapse job, which passes the start on.
      expect((await t.store.getWaitlistOffer(o.id))?.status).toBe('live');
    });

    it('an offer over a room a lapsed offer still holds clears that hold and is made', async () => {
      await made(await offer('Wanda', 'ana'));
      const later = { ...(await offer('Xavier', 'dan')), expiresAt: at('2027-03-29T07:00:00Z') };
      expect((await t.store.insertWaitlistOffer(later, at(LAPSED))).ok).toBe(true);
      expect(await holds()).toEqual(['offer to Xavier 2027-03-29T10:00:00Z/2027-03-29T10:30:00Z']);
    });

    it('a room freed queues a freed-span job for each member of a service needing it that someone waits for', async () => {
      const spans = async () =>
        (await t.db.query(`SELECT payload FROM jobs WHERE kind = 'waitlist.freed-span' ORDER BY id`))
          .map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload))
          .map((p) => `${p.staffId} ${p.from}/${p.to}`)
          .sort();
      const first = await t.store.insertBooking(portrait(), at(NOW));
      if (!first.ok) throw new Error('fixture booking refused');
      await t.store.cancelBooking(first.booking.id, '', at(NOW));
      expect(await spans()).toEqual([]); // nobody waits: no job
      // Yara waits for Ben's portrait; Wanda is offered Ana's consultation, and declines.
      await t.store.insertWaitlistEntry(
        {
          serviceId: idOf('services', 'portrait'),
          staffId: idOf('staff', 'ben'),
          date: '2027-03-29',
          timezone: 'America/New_York',
          from: null,
          to: null,
          seats: 1,
          client: { name: 'Yara', email: 'yara@example.test', phone: null },
          locale: 'en',
          leaveTokenHash: hash('room-leave-yara'),
        },
        at(NOW),
      );
      const o = await made(await offer());
      expect(await spans()).toEqual([]);
      expect(await t.store.closeWaitlistOffer(o.id, 'declined', at(NOW))).toBe(true);
      // Ana and Dan give the consultation (Wanda still waits), Ben the portrait (Yara), each in their zone.
      expect(await spans()).toEqual([
        `${idOf('staff', 'ana')} 2027-03-29T12:00/2027-03-29T12:30`,
        `${idOf('staff', 'ben')} 2027-03-29T06:00/2027-03-29T06:30`,
        `${idOf('staff', 'dan')} 2027-03-29T12:00/2027-03-29T12:30`,
      ]);
    });

    it('offers of two members and another service’s bookings racing for the room: exactly one holder', async () => {
      const offers: NewOffer[] = [];
      for (let i = 0; i < 10; i++) offers.push(await offer(`R${i}`, i % 2 === 0 ? 'ana' : 'dan'));
      const racers = Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? t.store.insertWaitlistOffer(offers[i / 2] as NewOffer, at(NOW)).then((r) => r.ok)
          : t.store.insertBooking(portrait(), at(NOW)).then((r) => r.ok),
      );
      const won = (await Promise.all(racers)).filter(Boolean);
      expect(won).toHaveLength(1);
      expect(await holds()).toHaveLength(1);
      const [live] = await t.db.query(`SELECT count(*)::int AS n FROM waitlist_offers WHERE status = 'live'`);
      const [booked] = await t.db.query(`SELECT count(*)::int AS n FROM bookings WHERE status = 'confirmed'`);
      expect(Number(live?.n) + Number(booked?.n)).toBe(1);
    });
  });
}
