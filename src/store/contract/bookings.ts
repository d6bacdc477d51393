/** The store contract on insertBooking and getBooking: the row written, overlaps, buffers and references. */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewBooking } from '../../app/model.ts';
import { asStored } from '../../app/place-booking.ts';
import type { SetupResult } from '../../app/ports.ts';
import { occupiedSpan } from '../../core/index.ts';
import { at, CLIENT, contractFixtures, fakeHash, type GetDb, iso, MINUTE, SETUP } from './fixtures.ts';
import { holdCases } from './holds.ts';

export function describeInsertBooking(getDb: GetDb): void {
  let ids: SetupResult;
  const fixtures = contractFixtures(getDb, () => ids);
  const { t, idOf, draft, insert, insertOk, bookingRows } = fixtures;

  describe('insertBooking', () => {
    const NOW = '2027-03-29T06:00:00Z';

    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('returns the booking written, every field mapped exactly (money in minor units)', async () => {
      const clientId = await t.store.upsertClient(CLIENT);
      const booking: NewBooking = {
        reference: 'SW-7K3P9Q',
        serviceId: idOf('services', 'portrait'),
        staffId: idOf('staff', 'ana'),
        client: CLIENT,
        clientId,
        notes: 'Window light, please',
        wantsReminder: true,
        locale: 'fr',
        timezone: 'Europe/Paris',
        status: 'awaiting_payment',
        start: at('2027-03-29T07:00:00Z'),
        end: at('2027-03-29T08:00:00Z'),
        occupied: occupiedSpan(
          at('2027-03-29T07:00:00Z'),
          at('2027-03-29T08:00:00Z'),
          { durationMinutes: 60, bufferBeforeMinutes: 15, bufferAfterMinutes: 10 },
          5,
        ),
        holdUntil: at('2027-03-29T06:15:00Z'),
        paymentOption: 'deposit',
        amountDue: 3000,
        currency: 'EUR',
        price: 12000,
        manageTokenHash: createHash('sha256').update('the manage token').digest(),
        remindAt: null,
        // jsonb: every kind of answer value reads back as written; the sealed text as it was.
        answers: { people: 3, outdoor: true, style: 'warm', looks: ['casual', 'formal'] },
        sealedAnswers: 'v1.aXY.Ym9keQ.dGFn',
      };
      const result = await t.store.insertBooking(booking, at(NOW));
      const [row] = await t.db.query(
        `SELECT id, client_id, lower(occupied) AS s, upper(occupied) AS e, encode(manage_token_hash, 'hex') AS hash
         FROM bookings`,
      );
      const id = String(row?.id);
      expect(result).toEqual({
        ok: true,
        booking: {
          id,
          reference: 'SW-7K3P9Q',
          status: 'awaiting_payment',
          serviceId: idOf('services', 'portrait'),
          serviceName: 'Portrait session',
          serviceNameWordings: null,
          staffId: idOf('staff', 'ana'),
          staffName: 'Ana',
          start: at('2027-03-29T07:00:00Z'),
          end: at('2027-03-29T08:00:00Z'),
          timezone: 'Europe/Paris',
          client: { name: 'Zoé Martin', email: 'zoe@example.test', phone: '+33 6 12 34 56 78', address: null },
          notes: 'Window light, please',
          wantsReminder: true,
          locale: 'fr',
          holdUntil: at('2027-03-29T06:15:00Z'),
          payment: { option: 'deposit', amountDue: 3000, amountPaid: 0, currency: 'EUR' },
          price: 12000,
          rescheduleCount: 0,
          createdAt: at(NOW),
          seats: 1,
          answers: { people: 3, outdoor: true, style: 'warm', looks: ['casual', 'formal'] },
          sealedAnswers: 'v1.aXY.Ym9keQ.dGFn',
          outcome: null,
          cancellation: null,
          seriesId: null,
        },
      });
      expect({
        clientId: String(row?.client_id),
        occupied: `${iso(row?.s)}/${iso(row?.e)}`,
        hash: row?.hash,
      }).toEqual({
        clientId,
        occupied: '2027-03-29T06:45:00Z/2027-03-29T08:15:00Z',
        hash: createHash('sha256').update('the manage token').digest('hex'),
      });
      expect(await t.store.getBooking(id)).toEqual(result.ok ? result.booking : null);
    });

    it('insertBookingWithId writes the row under an id taken before, reading back exactly as asStored says', async () => {
      // Decision 043: what names a new booking (its jobs, the stored answer, the 201) is built from
      // asStored before the insert is answered; it must be the row as the store reads it back.
      const clientId = await t.store.upsertClient(CLIENT);
      const base = {
        reference: 'SW-7K3P9R',
        serviceId: idOf('services', 'portrait'),
        staffId: idOf('staff', 'ana'),
        clientId,
        timezone: 'Europe/Paris',
        manageTokenHash: createHash('sha256').update('another token').digest(),
        occupied: { start: at('2027-03-30T07:00:00Z'), end: at('2027-03-30T08:00:00Z') },
        start: at('2027-03-30T07:00:00Z'),
        end: at('2027-03-30T08:00:00Z'),
        currency: 'EUR',
        price: 12000,
      };
      const rows: NewBooking[] = [
        {
          ...base,
          client: CLIENT,
          notes: 'Window light, please',
          wantsReminder: true,
          locale: 'fr',
          status: 'awaiting_payment',
          holdUntil: at('2027-03-29T06:15:00Z'),
          paymentOption: 'deposit',
          amountDue: 3000,
          remindAt: null,
          answers: { people: 3, outdoor: true, style: 'warm', looks: ['casual', 'formal'] },
          sealedAnswers: 'v1.aXY.Ym9keQ.dGFn',
        },
        {
          ...base,
          reference: 'SW-7K3P9S',
          client: { name: 'Ada', email: 'ada@example.test', phone: null, address: '1 Rue X' },
          clientId: null,
          notes: '',
          wantsReminder: false,
          locale: 'en',
          status: 'confirmed',
          start: at('2027-03-31T07:00:00Z'),
          end: at('2027-03-31T08:00:00Z'),
          occupied: { start: at('2027-03-31T07:00:00Z'), end: at('2027-03-31T08:00:00Z') },
          holdUntil: null,
          paymentOption: 'none',
          amountDue: 0,
          remindAt: at('2027-03-30T07:00:00Z'),
          answers: {},
          sealedAnswers: null,
          manageTokenHash: createHash('sha256').update('a third token').digest(),
        },
      ];
      const names = { serviceName: 'Portrait session', serviceNameWordings: null, staffName: 'Ana' };
      for (const row of rows) {
        const id = await t.store.transaction(async (tx) => {
          const id = await tx.nextBookingId();
          expect(await tx.insertBookingWithId(row, id, at(NOW))).toBe(true);
          return id;
        });
        expect(await t.store.getBooking(id)).toEqual(asStored(row, id, names, at(NOW)));
      }
    });

    it('insertBookingWithId: a row a constraint refuses is false, its transaction fails, and nothing stays', async () => {
      await insertOk({ staff: 'ana', start: '2027-03-29T07:00:00Z', end: '2027-03-29T08:00:00Z' }, NOW);
      const before = await bookingRows();
      let answer: boolean | undefined;
      const clash = draft({ staff: 'ana', start: '2027-03-29T07:30:00Z', end: '2027-03-29T08:30:00Z' });
      const tried = t.store.transaction(async (tx) => {
        const id = await tx.nextBookingId();
        await tx.upsertClient({ ...CLIENT, email: 'kept-not@example.test' });
        answer = await tx.insertBookingWithId(clash, id, at(NOW));
      });
      await expect(tried).rejects.toThrow();
      expect(answer).toBe(false);
      expect(await bookingRows()).toEqual(before);
      expect(await t.db.query(`SELECT 1 FROM clients WHERE email = 'kept-not@example.test'`)).toEqual([]);
    });

    /** `count` weekly hour-long occurrences for Ana from Monday 5 April 2027, 07:00Z, named by `tag`. */
    const weekly = (count: number, tag: string, token: string) =>
      Array.from({ length: count }, (_, week) => {
        const start = at('2027-04-05T07:00:00Z') + week * 7 * 86_400_000;
        return {
          ...draft({
            staff: 'ana',
            start: new Date(start).toISOString(),
            end: new Date(start + 3_600_000).toISOString(),
          }),
          reference: `SW-${tag}${week}AB`,
          manageTokenHash: createHash('sha256').update(`${token} ${week}`).digest(),
        };
      });

    it('insertSeriesBookingsWithIds writes every occurrence under its id, reading back as asStored says', async () => {
      const seriesId = await t.store.createSeries({ frequency: 'weekly', count: 3 }, at(NOW));
      const rows = weekly(3, 'SER', 'occurrence').map((row) => ({ ...row, seriesId }));
      const names = { serviceName: 'Consultation', serviceNameWordings: null, staffName: 'Ana' };
      const ids = await t.store.transaction(async (tx) => {
        const ids = await tx.nextBookingIds(rows.length);
        expect(new Set(ids).size).toBe(rows.length);
        expect(await tx.insertSeriesBookingsWithIds(rows, ids, at(NOW))).toBe(true);
        return ids;
      });
      expect(await t.store.listSeriesBookings(seriesId)).toEqual(
        rows.map((row, i) => asStored(row, ids[i] as string, names, at(NOW))),
      );
    });

    it('insertSeriesBookingsWithIds: one occurrence refused is false, none stays, and the transaction goes on', async () => {
      await insertOk({ staff: 'ana', start: '2027-04-12T07:30:00Z', end: '2027-04-12T08:30:00Z' }, NOW);
      const before = await bookingRows();
      const rows = weekly(2, 'REF', 'refused');
      await t.store.transaction(async (tx) => {
        const ids = await tx.nextBookingIds(rows.length);
        expect(await tx.insertSeriesBookingsWithIds(rows, ids, at(NOW))).toBe(false);
        await tx.upsertClient({ ...CLIENT, email: 'after-refusal@example.test' });
      });
      expect(await bookingRows()).toEqual(before);
      expect(await t.db.query(`SELECT 1 FROM clients WHERE email = 'after-refusal@example.test'`)).toHaveLength(1);
    });

    it('getBooking of an unknown or malformed id is null', async () => {
      expect(await t.store.getBooking('123456')).toBeNull();
      expect(await t.store.getBooking('SW-7K3P9Q')).toBeNull();
      expect(await t.store.getBooking('')).toBeNull();
    });

    it('refuses an overlapping booking of the same member with SLOT_UNAVAILABLE and writes nothing', async () => {
      await insertOk(
        { staff: 'ana', reference: 'SW-FIRST', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' },
        NOW,
      );
      for (const [start, end] of [
        ['2027-03-29T10:30:00Z', '2027-03-29T11:30:00Z'],
        ['2027-03-29T09:30:00Z', '2027-03-29T10:01:00Z'],
        ['2027-03-29T10:15:00Z', '2027-03-29T10:45:00Z'],
        ['2027-03-29T09:00:00Z', '2027-03-29T12:00:00Z'],
        ['2027-03-29T10:00:00Z', '2027-03-29T11:00:00Z'],
      ] as const) {
        expect(await insert({ staff: 'ana', start, end }, NOW)).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
      }
      expect(await bookingRows()).toEqual(['SW-FIRST confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z']);
    });

    it('allows touching spans: [10:00, 11:00) then [11:00, 12:00) and [09:00, 10:00)', async () => {
      await insertOk(
        { staff: 'ana', reference: 'SW-B', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' },
        NOW,
      );
      await insertOk(
        { staff: 'ana', reference: 'SW-C', start: '2027-03-29T11:00:00Z', end: '2027-03-29T12:00:00Z' },
        NOW,
      );
      await insertOk(
        { staff: 'ana', reference: 'SW-A', start: '2027-03-29T09:00:00Z', end: '2027-03-29T10:00:00Z' },
        NOW,
      );
      expect(await bookingRows()).toEqual([
        'SW-A confirmed 2027-03-29T09:00:00Z/2027-03-29T10:00:00Z',
        'SW-B confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
        'SW-C confirmed 2027-03-29T11:00:00Z/2027-03-29T12:00:00Z',
      ]);
    });

    it('another member may be booked at the same time', async () => {
      const when = { start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' };
      await insertOk({ staff: 'ana', service: 'portrait', reference: 'SW-ANA', ...when }, NOW);
      await insertOk({ staff: 'ben', service: 'portrait', reference: 'SW-BEN', ...when }, NOW);
      expect(await bookingRows()).toEqual([
        'SW-ANA confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
        'SW-BEN confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
      ]);
    });

    it('buffers and gap are part of the occupied span, so bookings that only come near conflict', async () => {
      // Portrait 10:00–11:00, buffers 15 before / 10 after, gap 5: occupies [09:45, 11:15).
      const start = at('2027-03-29T10:00:00Z');
      const portraitTiming = { durationMinutes: 60, bufferBeforeMinutes: 15, bufferAfterMinutes: 10 };
      const occupied = occupiedSpan(start, start + 60 * MINUTE, portraitTiming, 5);
      await insertOk(
        {
          staff: 'ana',
          service: 'portrait',
          reference: 'SW-PORTRAIT',
          start: '2027-03-29T10:00:00Z',
          end: '2027-03-29T11:00:00Z',
          occupied,
        },
        NOW,
      );
      const consult = (start: string, end: string, reference: string) =>
        insert({ staff: 'ana', reference, start, end }, NOW);
      expect(await consult('2027-03-29T11:00:00Z', '2027-03-29T11:30:00Z', 'SW-AFTER')).toEqual({
        ok: false,
        code: 'SLOT_UNAVAILABLE',
      });
      expect(await consult('2027-03-29T09:30:00Z', '2027-03-29T10:00:00Z', 'SW-BEFORE')).toEqual({
        ok: false,
        code: 'SLOT_UNAVAILABLE',
      });
      expect((await consult('2027-03-29T11:15:00Z', '2027-03-29T11:45:00Z', 'SW-LATER')).ok).toBe(true);
      expect((await consult('2027-03-29T09:15:00Z', '2027-03-29T09:45:00Z', 'SW-EARLIER')).ok).toBe(true);
      expect(await bookingRows()).toEqual([
        'SW-EARLIER confirmed 2027-03-29T09:15:00Z/2027-03-29T09:45:00Z',
        'SW-PORTRAIT confirmed 2027-03-29T09:45:00Z/2027-03-29T11:15:00Z',
        'SW-LATER confirmed 2027-03-29T11:15:00Z/2027-03-29T11:45:00Z',
      ]);
    });

    holdCases(fixtures);

    it('a reference already used gives DUPLICATE_REFERENCE and writes nothing', async () => {
      await insertOk(
        { staff: 'ana', reference: 'SW-SAME', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' },
        NOW,
      );
      expect(
        await insert(
          {
            staff: 'ben',
            service: 'portrait',
            reference: 'SW-SAME',
            start: '2027-03-29T14:00:00Z',
            end: '2027-03-29T15:00:00Z',
          },
          NOW,
        ),
      ).toEqual({ ok: false, code: 'DUPLICATE_REFERENCE' });
      expect(await bookingRows()).toEqual(['SW-SAME confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z']);
    });
  });
}
