/**
 * The store contract on the waitlist (SPEC §9.3, migration 018, decision 034): the database keeps
 * exactly one live offer per freed start — under concurrency too — refuses every other booking of
 * a held start while letting the offer's own booking take it, refuses an offer over booked time,
 * and queues the freed-start job in the transaction that frees the time.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SetupResult } from '../../app/ports.ts';
import type { NewOffer } from '../../app/waitlist/waitlist-store.ts';
import { at, contractFixtures, fakeHash, type GetDb, SETUP } from './fixtures.ts';

const NOW = '2027-03-29T06:00:00Z';
const START = '2027-03-29T10:00:00Z';
const END = '2027-03-29T10:30:00Z';

export function describeWaitlist(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, draft, waitlistEntry } = contractFixtures(getDb, () => ids);
  let seq = 0;
  const hash = (s: string) => createHash('sha256').update(s).digest();

  const entry = async (name = 'Wanda', leaveToken?: string) => waitlistEntry(name, NOW, { leaveToken });
  const offer = (entryId: string, o: Partial<NewOffer> = {}): NewOffer => {
    seq += 1;
    return {
      entryId,
      serviceId: idOf('services', 'consult'),
      staffId: idOf('staff', 'ana'),
      start: at(START),
      end: at(END),
      occupied: { start: at(START), end: at(END) },
      seats: 1,
      expiresAt: at('2027-03-29T06:30:00Z'),
      tokenHash: hash(`offer-${seq}`),
      ...o,
    };
  };
  const liveOffers = async () => {
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM waitlist_offers WHERE status = 'live'`);
    return Number(row?.n);
  };
  const consult = (o: { start?: string; end?: string; waitlistOfferId?: string } = {}) => ({
    ...draft({ staff: 'ana', start: o.start ?? START, end: o.end ?? END }),
    ...(o.waitlistOfferId ? { waitlistOfferId: o.waitlistOfferId } : {}),
  });

  describe('waitlist: held starts in the database (SPEC §9.3)', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('an entry is stored as asked and listed with the waiting entries of its service and date', async () => {
      const e = await entry('Wanda', 'the leave token');
      expect(e).toMatchObject({ status: 'waiting', date: '2027-03-29', staffId: null, seats: 1, from: null });
      const listed = await t.store.listWaitingEntries(idOf('services', 'consult'), {
        from: '2027-03-28',
        to: '2027-03-30',
      });
      expect(listed.map((x) => x.id)).toEqual([e.id]);
      expect(await t.store.findEntryByLeaveToken(hash('the leave token'))).toMatchObject({ id: e.id });
      expect(await t.store.closeWaitlistEntry(e.id, 'left')).toBe(true);
      expect(await t.store.closeWaitlistEntry(e.id, 'left')).toBe(false);
    });

    it('a held start refuses every other booking (SLOT_UNAVAILABLE), and the transaction goes on', async () => {
      const made = await t.store.insertWaitlistOffer(offer((await entry()).id), at(NOW));
      expect(made.ok).toBe(true);
      await t.store.transaction(async (tx) => {
        expect(await tx.insertBooking(consult(), at(NOW))).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
        // Overlapping by a minute is the same refusal; the time after the hold is free.
        const overlap = consult({ start: '2027-03-29T10:29:00Z', end: '2027-03-29T10:59:00Z' });
        expect(await tx.insertBooking(overlap, at(NOW))).toMatchObject({ ok: false, code: 'SLOT_UNAVAILABLE' });
      });
      const after = consult({ start: END, end: '2027-03-29T11:00:00Z' });
      expect((await t.store.insertBooking(after, at(NOW))).ok).toBe(true);
    });

    it('the database itself refuses a held start written with plain SQL (23P01 waitlist_offers_held)', async () => {
      const made = await t.store.insertWaitlistOffer(offer((await entry()).id), at(NOW));
      if (!made.ok) throw new Error('fixture offer refused');
      const raw = (reference: string, offerId: string | null) =>
        t.db.query(
          `INSERT INTO bookings (reference, service_id, staff_id, client_name, client_email, timezone, status,
             start_at, end_at, occupied, payment_option, currency, manage_token_hash, updated_at, waitlist_offer_id)
           VALUES ($1, $2, $3, 'Raw', 'raw@example.test', 'Europe/Paris', 'confirmed', $4::timestamptz,
             $5::timestamptz, tstzrange($4::timestamptz, $5::timestamptz), 'none', 'EUR',
             sha256(convert_to($1, 'UTF8')), $6::timestamptz, $7)`,
          [reference, idOf('services', 'consult'), idOf('staff', 'ana'), START, END, NOW, offerId],
        );
      await expect(raw('SW-RAW-1', null)).rejects.toMatchObject({ code: '23P01', constraint: 'waitlist_offers_held' });
      // The offer's own booking takes it (so the refusal above is the hold's).
      await raw('SW-RAW-2', made.offer.id);
    });

    it('the offer’s own booking takes the held start; a moved booking cannot land on a hold', async () => {
      const made = await t.store.insertWaitlistOffer(offer((await entry()).id), at(NOW));
      if (!made.ok) throw new Error('fixture offer refused');
      const own = await t.store.insertBooking(consult({ waitlistOfferId: made.offer.id }), at(NOW));
      expect(own.ok).toBe(true);
      // Another offer at 11:00 and a booking at 12:00 moved onto it.
      const second = await t.store.insertWaitlistOffer(
        offer((await entry('Xavier')).id, {
          start: at('2027-03-29T11:00:00Z'),
          end: at('2027-03-29T11:30:00Z'),
          occupied: { start: at('2027-03-29T11:00:00Z'), end: at('2027-03-29T11:30:00Z') },
        }),
        at(NOW),
      );
      expect(second.ok).toBe(true);
      const noon = await t.store.insertBooking(
        consult({ start: '2027-03-29T12:00:00Z', end: '2027-03-29T12:30:00Z' }),
        at(NOW),
      );
      if (!noon.ok) throw new Error('fixture booking refused');
      await expect(
        t.db.query(
          `UPDATE bookings SET start_at = '2027-03-29T11:00:00Z', end_at = '2027-03-29T11:30:00Z',
             occupied = tstzrange('2027-03-29T11:00:00Z', '2027-03-29T11:30:00Z') WHERE id = $1`,
          [noon.booking.id],
        ),
      ).rejects.toMatchObject({ code: '23P01', constraint: 'waitlist_offers_held' });
    });

    it('an offer committed while a booking waited for the member’s lock: SLOT_UNAVAILABLE, marked aborted', async (ctx) => {
      // Needs two connections interleaving; PGlite runs one statement at a time.
      if ((t.db as { driver?: string }).driver !== 'postgres') return ctx.skip();
      const e = await entry();
      let release = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      let locked = () => {};
      const holding = new Promise<void>((r) => {
        locked = r;
      });
      const offerTx = t.db.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('slotwise:staff-bookings:' || $1, 0))`, [
          idOf('staff', 'ana'),
        ]);
        await tx.query(
          `INSERT INTO waitlist_offers (entry_id, service_id, staff_id, start_at, end_at, occupied, expires_at,
             token_hash, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, tstzrange($4::timestamptz, $5::timestamptz), '2027-03-29T06:30:00Z',
             sha256('race'::bytea), $6, $6)`,
          [e.id, idOf('services', 'consult'), idOf('staff', 'ana'), START, END, NOW],
        );
        locked();
        await gate;
      });
      await holding;
      const booking = t.store.insertBooking(consult(), at(NOW));
      await new Promise((r) => setTimeout(r, 300)); // the insert has its snapshot and waits for the lock
      release();
      await offerTx;
      expect(await booking).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE', aborted: true });
    });

    it('a lapsed hold (expires_at passed) no longer refuses bookings', async () => {
      expect((await t.store.insertWaitlistOffer(offer((await entry()).id), at(NOW))).ok).toBe(true);
      expect((await t.store.insertBooking(consult(), at('2027-03-29T06:31:00Z'))).ok).toBe(true);
    });

    it('an offer over booked time is refused (not_free); over free time it is made', async () => {
      expect((await t.store.insertBooking(consult(), at(NOW))).ok).toBe(true);
      const e = await entry();
      expect(await t.store.insertWaitlistOffer(offer(e.id), at(NOW))).toEqual({ ok: false, reason: 'not_free' });
      const later = {
        start: at('2027-03-29T11:00:00Z'),
        end: at('2027-03-29T11:30:00Z'),
        occupied: { start: at('2027-03-29T11:00:00Z'), end: at('2027-03-29T11:30:00Z') },
      };
      expect((await t.store.insertWaitlistOffer(offer(e.id, later), at(NOW))).ok).toBe(true);
    });

    it('one live offer per start and per entry; a closed one lets the next be made', async () => {
      const [a, b] = [await entry('Alma'), await entry('Bea')];
      const first = await t.store.insertWaitlistOffer(offer(a.id), at(NOW));
      if (!first.ok) throw new Error('fixture offer refused');
      expect(await t.store.insertWaitlistOffer(offer(b.id), at(NOW))).toEqual({ ok: false, reason: 'offered' });
      expect(await t.store.closeWaitlistOffer(first.offer.id, 'declined', at(NOW))).toBe(true);
      expect(await t.store.closeWaitlistOffer(first.offer.id, 'lapsed', at(NOW))).toBe(false);
      expect((await t.store.insertWaitlistOffer(offer(b.id), at(NOW))).ok).toBe(true);
      expect([...(await t.store.listOfferedEntries(idOf('staff', 'ana'), at(START)))].sort()).toEqual(
        [a.id, b.id].sort(),
      );
    });

    it('20 concurrent offers of one freed start: exactly one is live', async () => {
      const entries = [];
      for (let i = 0; i < 20; i++) entries.push(await entry(`E${i}`));
      const results = await Promise.all(entries.map((e) => t.store.insertWaitlistOffer(offer(e.id), at(NOW))));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const r of results.filter((x) => !x.ok)) expect(r).toEqual({ ok: false, reason: 'offered' });
      expect(await liveOffers()).toBe(1);
    });

    it('listOfferHolds lists live, unexpired holds, leaving out the offer being accepted', async () => {
      const made = await t.store.insertWaitlistOffer(offer((await entry()).id), at(NOW));
      if (!made.ok) throw new Error('fixture offer refused');
      const ana = idOf('staff', 'ana');
      const day = { start: at('2027-03-29T00:00:00Z'), end: at('2027-03-30T00:00:00Z') };
      expect((await t.store.listOfferHolds([ana], day, at(NOW))).get(ana)).toEqual([
        { start: at(START), span: { start: at(START), end: at(END) } },
      ]);
      expect((await t.store.listOfferHolds([ana], day, at(NOW), made.offer.id)).get(ana)).toEqual([]);
      expect((await t.store.listOfferHolds([ana], day, at('2027-03-29T06:30:00Z'))).get(ana)).toEqual([]);
    });

    it('export lists a client’s waitlist entries with the starts offered to them, and no one else’s', async () => {
      const wanda = await entry('Wanda');
      await entry('Xavier');
      expect((await t.store.insertWaitlistOffer(offer(wanda.id), at(NOW))).ok).toBe(true);
      const d = await t.store.exportClientData('WANDA@example.test');
      expect(d.waitlistEntries).toHaveLength(1);
      expect(d.waitlistEntries[0]).toMatchObject({ id: wanda.id, name: 'Wanda', status: 'waiting' });
      expect(d.waitlistEntries[0]?.offers.map((o) => o.status)).toEqual(['live']);
      expect(JSON.stringify(d.waitlistEntries)).not.toContain('Xavier');
    });

    it('erasing a client removes their waitlist entries and offers, and no one else’s', async () => {
      const wanda = await entry('Wanda');
      await entry('Xavier');
      expect((await t.store.insertWaitlistOffer(offer(wanda.id), at(NOW))).ok).toBe(true);
      await t.store.eraseClientData('WANDA@example.test', [], at(NOW));
      const left = await t.db.query('SELECT client_name FROM waitlist_entries');
      expect(left.map((r) => r.client_name)).toEqual(['Xavier']);
      expect(await liveOffers()).toBe(0);
    });

    it('a cancel queues the freed start in its own transaction when someone waits for the service', async () => {
      const freedJobs = async () =>
        (await t.db.query(`SELECT payload FROM jobs WHERE kind = 'waitlist.freed'`)).map((r) =>
          typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
        );
      const first = await t.store.insertBooking(consult(), at(NOW));
      if (!first.ok) throw new Error('fixture booking refused');
      await t.store.cancelBooking(first.booking.id, '', at(NOW));
      expect(await freedJobs()).toEqual([]); // nobody waits: no job
      await entry();
      const second = await t.store.insertBooking(consult(), at(NOW));
      if (!second.ok) throw new Error('fixture booking refused');
      // A rolled-back cancel queues nothing.
      await t.store
        .transaction(async (tx) => {
          await tx.cancelBooking(second.booking.id, '', at(NOW));
          throw new Error('roll back');
        })
        .catch(() => {});
      expect(await freedJobs()).toEqual([]);
      await t.store.cancelBooking(second.booking.id, '', at(NOW));
      expect(await freedJobs()).toEqual([
        { serviceId: idOf('services', 'consult'), staffId: idOf('staff', 'ana'), start: at(START), end: at(END) },
      ]);
    });
  });
}
