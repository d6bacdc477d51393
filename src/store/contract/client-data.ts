/**
 * The store contract on clients' data (SPEC §11): erase leaves no row of any table mentioning the
 * person and keeps their bookings for the books (and for the no-overlap guarantee), cancels what
 * was queued for them, and touches no one else; export finds every fact; the "my bookings" links
 * are single-use and expire.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JobSpec } from '../../app/model.ts';
import type { SetupResult } from '../../app/ports.ts';
import { createJobQueue } from '../jobs.ts';
import { at, CLIENT, contractFixtures, fakeHash, type GetDb, SETUP } from './fixtures.ts';

const NOW = '2027-03-26T11:00:00Z';
const sha = (s: string) => createHash('sha256').update(s).digest();
/** What must not survive an erase of Zoé, anywhere (compared lower-case). */
const HERS = [
  'zoe@example.test',
  'zoé martin',
  '+33 6 12 34 56 78',
  'allergic to cats',
  'running late',
  'rue des lilas',
];
const OTHER = { name: 'Yann Other', email: 'yann@example.test', phone: '+33 7 00 00 00 00', address: null };
const TABLES = [
  'bookings',
  'clients',
  'booking_history',
  'payments',
  'manage_tokens',
  'verification_codes',
  'jobs',
  'dev_mailbox',
  'idempotency_keys',
  'my_bookings_links',
  'rate_limits',
  'webhook_deliveries',
];

export function describeClientData(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, draft } = contractFixtures(getDb, () => ids);

  /** Which of `needles` appear in any row of the tables (lower-case JSON of every row). */
  const mentioned = async (needles: readonly string[]) => {
    const found = new Set<string>();
    for (const table of TABLES) {
      const text = JSON.stringify(await t.db.query(`SELECT * FROM ${table}`)).toLowerCase();
      for (const n of needles) if (text.includes(n)) found.add(`${table}: ${n}`);
    }
    return [...found].sort();
  };

  const book = async (over: { start: string; status?: 'confirmed' | 'cancelled' | 'expired'; who?: typeof OTHER }) => {
    const d = draft({ staff: 'ana', start: over.start, end: new Date(at(over.start) + 30 * 60_000).toISOString() });
    const client = over.who ?? { ...CLIENT, address: '3 rue des Lilas' };
    const r = await t.store.insertBooking({ ...d, client, notes: over.who ? '' : 'Allergic to cats' }, at(NOW));
    if (!r.ok) throw new Error(r.code);
    if (over.status === 'cancelled' || over.status === 'expired') {
      const reason = over.status === 'cancelled' ? 'Zoé Martin is running late' : null;
      await t.db.query('UPDATE bookings SET status = $2, cancel_reason = $3 WHERE id = $1', [
        r.booking.id,
        over.status,
        reason,
      ]);
    }
    return r.booking;
  };

  /** Zoé with three bookings and her data in every place it can be; Yann with one booking, his own job and mail. */
  const studio = async () => {
    await t.store.upsertClient({ ...CLIENT, address: '3 rue des Lilas' });
    const mine = [
      await book({ start: '2027-03-29T08:00:00Z' }),
      await book({ start: '2027-03-29T09:00:00Z', status: 'cancelled' }),
      await book({ start: '2027-03-29T10:00:00Z', status: 'expired' }),
    ];
    const [b1, b2] = mine as [(typeof mine)[0], (typeof mine)[0]];
    const his = await book({ start: '2027-03-29T12:00:00Z', who: OTHER });
    await t.store.addManageToken(b1.id, sha('emailed link'), at(NOW));
    await t.store.startVerification(b2.id, at(NOW));
    const anaId = ids.staff.ana;
    await t.db.query(
      `INSERT INTO booking_history (booking_id, from_start, to_start, from_staff_id, to_staff_id, reason)
       VALUES ($1, $2, $2, $3, $3, 'Running late')`,
      [b1.id, '2027-03-29T07:00:00Z', anaId],
    );
    await t.store.recordPayment(
      {
        transactionId: 'tx-zoe',
        bookingId: b1.id,
        amountMinor: 3000,
        amountText: null,
        currency: 'EUR',
        status: 'paid',
        reason: null,
      },
      at(NOW),
    );
    const jobs: JobSpec[] = [
      {
        kind: 'email.booking',
        payload: { bookingId: b1.id, event: 'confirmed', audience: 'client', previous: null, cancelReason: '' },
      },
      { kind: 'email.my-bookings', payload: { email: 'Zoe@Example.test', locale: 'fr' } },
      {
        kind: 'email.booking',
        payload: { bookingId: his.id, event: 'confirmed', audience: 'client', previous: null, cancelReason: '' },
      },
    ];
    await t.store.enqueueJobs(jobs, at(NOW));
    // A delivered webhook whose body names her booking, and a job already done.
    await t.db.query(
      `INSERT INTO jobs (kind, payload, run_at, created_at, done_at) VALUES
         ('webhook.deliver', jsonb_build_object('webhookId', '1', 'eventId', 'evt_1', 'type', 'booking.confirmed', 'body', $1::text), $2, $2, $2)`,
      [JSON.stringify({ data: { booking: { reference: b1.reference, client: { name: 'Zoé Martin' } } } }), NOW],
    );
    await t.db.query(
      `INSERT INTO idempotency_keys (key, request_hash, status, body, created_at) VALUES
         ('k-zoe', 'h', 201, $1, $3), ('k-yann', 'h', 201, $2, $3)`,
      [
        JSON.stringify({ bookingId: b1.id, next: { url: `https://pay.test/?reference=${b1.reference}` } }),
        JSON.stringify({ bookingId: his.id }),
        NOW,
      ],
    );
    const mail = (to: string, subject: string) =>
      t.db.query(
        `INSERT INTO dev_mailbox (recipients, subject, text_body, html_body, sent_at) VALUES ($1, $2, $2, $2, $3)`,
        [[to], subject, NOW],
      );
    await mail('zoe@example.test', 'Your code');
    await mail('ana@studio.test', `New booking: Zoé Martin (${b1.reference})`);
    await mail('yann@example.test', 'Booking confirmed');
    await t.store.createMyBookingsLink({
      tokenHash: sha('my link'),
      email: 'zoe@example.test',
      now: at(NOW),
      expiresAt: at(NOW) + 1800_000,
    });
    await t.db.query(`INSERT INTO rate_limits (key, tat) VALUES ('booking-email:zoe', 1), ('booking-email:yann', 1)`);
    return { mine, his };
  };

  describe("clients' data: erase and export", () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('erase leaves no row of any table mentioning the person, and cancels what was queued for her', async () => {
      const { mine, his } = await studio();
      const references = mine.map((b) => b.reference.toLowerCase());
      expect((await mentioned(HERS)).length).toBeGreaterThan(10);
      const erased = await t.store.transaction((tx) =>
        tx.eraseClientData('ZOE@example.test', ['booking-email:zoe'], at(NOW)),
      );
      expect(erased).toEqual({ client: true, bookings: 3, jobs: 3, outbox: 2, idempotencyKeys: 1, myBookingsLinks: 1 });
      // The references stay on the booking rows (the books); nothing else of hers is anywhere.
      expect(await mentioned([...HERS, ...references])).toEqual(references.map((r) => `bookings: ${r}`).sort());
      expect(await t.db.query('SELECT key FROM rate_limits')).toEqual([{ key: 'booking-email:yann' }]);
      // The queued emails to her are cancelled, never claimed; Yann's still goes.
      const claimed = await createJobQueue(t.db).claimJobs('w', at(NOW) + 60_000, 60_000, 10);
      expect(claimed.map((j) => j.payload)).toEqual([expect.objectContaining({ bookingId: his.id })]);
      expect(
        await t.db.query(
          `SELECT kind, payload FROM jobs WHERE failed_at IS NOT NULL AND last_error LIKE 'cancelled%' ORDER BY id`,
        ),
      ).toEqual([
        { kind: 'email.booking', payload: { erased: true } },
        { kind: 'email.my-bookings', payload: { erased: true } },
      ]);
    });

    it("erase keeps the bookings for the books: times, staff, amounts, status; her links stop working; Yann's data is untouched", async () => {
      const { mine, his } = await studio();
      const before = await t.db.query(
        'SELECT id, status, start_at, end_at, staff_id, service_id, amount_paid_minor, occupied FROM bookings ORDER BY id',
      );
      const yann = await t.db.query("SELECT * FROM bookings WHERE client_email = 'yann@example.test'");
      await t.store.transaction((tx) => tx.eraseClientData('zoe@example.test', [], at(NOW)));
      expect(
        await t.db.query(
          'SELECT id, status, start_at, end_at, staff_id, service_id, amount_paid_minor, occupied FROM bookings ORDER BY id',
        ),
      ).toEqual(before);
      expect(await t.db.query("SELECT * FROM bookings WHERE client_email = 'yann@example.test'")).toEqual(yann);
      const rows = await t.db.query(
        'SELECT client_name, client_email, client_phone, client_address, notes, erased_at IS NOT NULL AS erased FROM bookings WHERE id = ANY($1::bigint[])',
        [mine.map((b) => b.id)],
      );
      expect(rows).toEqual(
        mine.map(() => ({
          client_name: '',
          client_email: '',
          client_phone: null,
          client_address: null,
          notes: '',
          erased: true,
        })),
      );
      expect(await t.store.findBookingByToken(sha('emailed link'))).toBeNull();
      expect(await t.store.findClientId('zoe@example.test')).toBeNull();
      expect(await t.store.hasBookings('zoe@example.test')).toBe(false);
      expect((await t.store.listBookingsByEmail('yann@example.test')).map((b) => b.id)).toEqual([his.id]);
      // Her confirmed booking still holds its time: the database still refuses an overlap.
      const overlap = await t.store.insertBooking(
        draft({ staff: 'ana', start: '2027-03-29T08:15:00Z', end: '2027-03-29T08:45:00Z' }),
        at(NOW),
      );
      expect(overlap).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
    });

    it('erase of an email that was never stored changes nothing', async () => {
      await studio();
      const count = async () =>
        t.db.query(
          `SELECT (SELECT count(*) FROM jobs WHERE failed_at IS NULL)::int AS j, (SELECT count(*) FROM dev_mailbox)::int AS m`,
        );
      const before = await count();
      expect(await t.store.transaction((tx) => tx.eraseClientData('nobody@example.test', [], at(NOW)))).toEqual({
        client: false,
        bookings: 0,
        jobs: 0,
        outbox: 0,
        idempotencyKeys: 0,
        myBookingsLinks: 0,
      });
      expect(await count()).toEqual(before);
    });

    it('export finds every fact about her, whatever the case of the email, and nothing of Yann', async () => {
      const { mine } = await studio();
      const d = await t.store.exportClientData('ZOE@EXAMPLE.TEST');
      expect(d.client).toMatchObject({
        name: 'Zoé Martin',
        email: 'zoe@example.test',
        phone: CLIENT.phone,
        bookings: 3,
      });
      expect(d.bookings.map((b) => [b.reference, b.status, b.notes])).toEqual(
        mine.map((b, i) => [b.reference, ['confirmed', 'cancelled', 'expired'][i], 'Allergic to cats']),
      );
      expect(d.bookings[0]).toMatchObject({
        manageLinks: 1,
        history: [{ reason: 'Running late' }],
        payments: [{ transactionId: 'tx-zoe', amount: 3000 }],
      });
      expect(d.bookings[1]).toMatchObject({
        cancelReason: 'Zoé Martin is running late',
        verification: { attempts: 0 },
      });
      expect(d.jobs.map((j) => j.kind).sort()).toEqual(['email.booking', 'email.my-bookings', 'webhook.deliver']);
      expect(d.outbox.map((m) => m.to[0]).sort()).toEqual(['ana@studio.test', 'zoe@example.test']);
      expect(d.idempotencyKeys.map((k) => k.key)).toEqual(['k-zoe']);
      expect(d.myBookingsLinks).toHaveLength(1);
      expect(JSON.stringify(d).toLowerCase()).not.toContain('yann');
    });

    it('searchClients finds by part of a name, email or phone, case-insensitively, literally', async () => {
      await t.store.upsertClient(CLIENT);
      await t.store.upsertClient(OTHER);
      const names = async (q: string | null) => (await t.store.searchClients(q, 10)).map((c) => c.name);
      expect(await names(null)).toEqual(['Yann Other', 'Zoé Martin']);
      expect(await names('zoé')).toEqual(['Zoé Martin']);
      expect(await names('ZOE@')).toEqual(['Zoé Martin']);
      expect(await names('example.test')).toEqual(['Yann Other', 'Zoé Martin']);
      expect(await names('+33 7')).toEqual(['Yann Other']);
      expect(await names('%')).toEqual([]);
      expect(await names('_')).toEqual([]);
      const [zoe] = await t.store.searchClients('zoe', 1);
      expect(await t.store.getClient(zoe?.id ?? '')).toEqual(zoe);
      expect(await t.store.getClient('x')).toBeNull();
    });
  });

  describe('"my bookings" links', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('a link is usable once, until just before its expiry; peeking does not use it', async () => {
      const link = { tokenHash: sha('t'), email: 'zoe@example.test', now: at(NOW), expiresAt: at(NOW) + 1800_000 };
      await t.store.createMyBookingsLink(link);
      await t.store.createMyBookingsLink({ ...link, tokenHash: sha('u') });
      expect(await t.store.peekMyBookingsLink(sha('t'), link.expiresAt - 1)).toBe('zoe@example.test');
      expect(await t.store.peekMyBookingsLink(sha('t'), link.expiresAt)).toBeNull();
      expect(await t.store.useMyBookingsLink(sha('u'), link.expiresAt)).toBeNull();
      const [a, b] = await Promise.all([
        t.store.useMyBookingsLink(sha('t'), at(NOW)),
        t.store.useMyBookingsLink(sha('t'), at(NOW)),
      ]);
      expect([a, b].sort()).toEqual(['zoe@example.test', null].sort());
      expect(await t.store.peekMyBookingsLink(sha('t'), at(NOW))).toBeNull();
      expect(await t.store.useMyBookingsLink(sha('nope'), at(NOW))).toBeNull();
    });
  });
}
