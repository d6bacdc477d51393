/**
 * The store contract on waitlist offers of a group session that needs a room (SPEC §9.1, §9.3,
 * §8.4; migrations 020, 021): an offer at a session nobody holds the room for holds it itself, and
 * its seats take that hold over as their session's when accepted; at a session that already holds
 * the room, the offer writes no second row (the session keeps it) and its seats join the session;
 * if the session's last seat leaves meanwhile, the session's hold passes to the offer.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewBooking } from '../../app/model.ts';
import type { SetupResult } from '../../app/ports.ts';
import type { NewOffer } from '../../app/waitlist/waitlist-store.ts';
import { at, contractFixtures, fakeHash, type GetDb, iso, WITH_ROOM_SESSIONS } from './fixtures.ts';

const NOW = '2027-03-29T06:00:00Z';
const START = '2027-03-29T10:00:00Z';
const END = '2027-03-29T12:00:00Z';
const SPAN = { start: at(START), end: at(END) };

export function describeOfferSessionHolds(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, draft, waitlistEntry } = contractFixtures(getDb, () => ids);
  let room: string;
  let seq = 0;
  const hash = (s: string) => createHash('sha256').update(s).digest();

  const offer = async (name: string): Promise<NewOffer> => {
    seq += 1;
    const e = await waitlistEntry(name, NOW, { service: 'workshop', seats: 2 });
    return {
      entryId: e.id,
      serviceId: idOf('services', 'workshop'),
      staffId: idOf('staff', 'ana'),
      start: at(START),
      end: at(END),
      occupied: SPAN,
      seats: 2,
      expiresAt: at('2027-03-29T06:30:00Z'),
      tokenHash: hash(`session-offer-${seq}`),
      resources: { ids: [room], held: SPAN },
    };
  };
  const seat = (seats: number, waitlistOfferId?: string): NewBooking => ({
    ...draft({ staff: 'ana', start: START, end: END }),
    serviceId: idOf('services', 'workshop'),
    seats,
    session: true,
    resources: { ids: [room], held: SPAN },
    ...(waitlistOfferId ? { waitlistOfferId } : {}),
  });
  const holds = async () =>
    (
      await t.db.query(
        `SELECT CASE WHEN br.offer_id IS NOT NULL THEN 'offer' WHEN br.session_key IS NOT NULL THEN 'session'
           ELSE 'booking' END AS owner, lower(br.held) AS s, upper(br.held) AS e
         FROM booking_resources br ORDER BY lower(br.held), owner`,
      )
    ).map((r) => `${String(r.owner)} ${iso(r.s)}/${iso(r.e)}`);

  describe('waitlist offers of a group session that needs a room (SPEC §9.1, §9.3)', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(WITH_ROOM_SESSIONS, fakeHash);
      room = (await t.store.listResources()).find((r) => r.key === 'room')?.id as string;
    });

    it('an offer at an empty session holds the room; its seats take it over as the session’s', async () => {
      const made = await t.store.insertWaitlistOffer(await offer('Wanda'), at(NOW));
      if (!made.ok) throw new Error('fixture offer refused');
      expect(await holds()).toEqual(['offer 2027-03-29T10:00:00Z/2027-03-29T12:00:00Z']);
      const portrait = {
        ...draft({ staff: 'ben', service: 'portrait', start: START, end: '2027-03-29T11:00:00Z' }),
        resources: { ids: [room], held: { start: at(START), end: at('2027-03-29T11:00:00Z') } },
      };
      expect(await t.store.insertBooking(portrait, at(NOW))).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
      const own = await t.store.insertBooking(seat(2, made.offer.id), at(NOW));
      expect(own.ok).toBe(true);
      expect(await holds()).toEqual(['session 2027-03-29T10:00:00Z/2027-03-29T12:00:00Z']);
    });

    it('an offer at a session that holds the room writes no second row; its seats join the session', async () => {
      expect((await t.store.insertBooking(seat(3), at(NOW))).ok).toBe(true);
      const made = await t.store.insertWaitlistOffer(await offer('Xavier'), at(NOW));
      if (!made.ok) throw new Error(`fixture offer refused: ${made.reason}`);
      expect(await holds()).toEqual(['session 2027-03-29T10:00:00Z/2027-03-29T12:00:00Z']);
      expect((await t.store.insertBooking(seat(2, made.offer.id), at(NOW))).ok).toBe(true);
      expect(await holds()).toEqual(['session 2027-03-29T10:00:00Z/2027-03-29T12:00:00Z']);
    });

    it('the session’s last seat leaving while an offer is live hands the room to the offer, not to anyone else', async () => {
      const first = await t.store.insertBooking(seat(3), at(NOW));
      if (!first.ok) throw new Error('fixture seat refused');
      const made = await t.store.insertWaitlistOffer(await offer('Yara'), at(NOW));
      if (!made.ok) throw new Error(`fixture offer refused: ${made.reason}`);
      await t.store.cancelBooking(first.booking.id, 'changed plans', at(NOW));
      expect(await holds()).toEqual(['offer 2027-03-29T10:00:00Z/2027-03-29T12:00:00Z']);
      const portrait = {
        ...draft({ staff: 'ben', service: 'portrait', start: START, end: '2027-03-29T11:00:00Z' }),
        resources: { ids: [room], held: { start: at(START), end: at('2027-03-29T11:00:00Z') } },
      };
      expect(await t.store.insertBooking(portrait, at(NOW))).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
      // The offer's seats take it over as the session's again.
      expect((await t.store.insertBooking(seat(2, made.offer.id), at(NOW))).ok).toBe(true);
      expect(await holds()).toEqual(['session 2027-03-29T10:00:00Z/2027-03-29T12:00:00Z']);
    });
  });
}
