/**
 * The store contract on retention and the daily clean-up (SPEC §11): which bookings lose their
 * client's details, at which instant exactly; which operational rows are deleted, each kind at its
 * boundary; the scheduled task queued by exactly one of several concurrent sweepers; and the space
 * reclaimed outside a transaction.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BookingStatus } from '../../app/model.ts';
import type { SetupResult } from '../../app/ports.ts';
import { queueDueTask } from '../jobs.ts';
import { at, CLIENT, contractFixtures, fakeHash, type GetDb, iso, SETUP } from './fixtures.ts';

const DAY = 24 * 3_600_000;
const NOW = '2027-06-30T12:00:00Z';
const sha = (s: string) => createHash('sha256').update(s).digest();

export function describeRetention(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, draft } = contractFixtures(getDb, () => ids);

  /** A 30-minute booking of Ana made at `created`, starting at `start`, with a status (a hold ends at `holdUntil`). */
  const booking = async (
    name: string,
    o: { created: string; start: string; status: BookingStatus; holdUntil?: string; staff?: 'ana' | 'dan' },
  ) => {
    const d = draft({
      staff: o.staff ?? 'ana',
      start: o.start,
      end: iso(at(o.start) + 30 * 60_000),
      reference: `SW-${name}`,
    });
    const r = await t.store.insertBooking({ ...d, client: { ...CLIENT, name } }, at(o.created));
    if (!r.ok) throw new Error(r.code);
    await t.db.query('UPDATE bookings SET status = $2, hold_until = $3, created_at = $4 WHERE id = $1', [
      r.booking.id,
      o.status,
      o.holdUntil ?? null,
      o.created,
    ]);
  };
  /** The names still on bookings, in reference order (erased ones are ''). */
  const kept = async () =>
    (await t.db.query("SELECT client_name FROM bookings WHERE client_name <> '' ORDER BY reference")).map((r) =>
      String(r.client_name),
    );

  describe('retention', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('expired and lapsed unconfirmed bookings lose their data once made before the boundary, not at it', async () => {
      const boundary = at(NOW) - 30 * DAY;
      const before = iso(boundary - 1);
      await booking('A-expired-before', { created: before, start: '2027-05-03T08:00:00Z', status: 'expired' });
      await booking('B-expired-at', { created: iso(boundary), start: '2027-05-03T09:00:00Z', status: 'expired' });
      await booking('C-lapsed-hold-before', {
        created: before,
        start: '2027-05-03T10:00:00Z',
        status: 'pending_verification',
        holdUntil: iso(boundary),
      });
      await booking('D-awaiting-lapsed-before', {
        created: before,
        start: '2027-05-03T11:00:00Z',
        status: 'awaiting_payment',
        holdUntil: iso(boundary),
      });
      await booking('E-confirmed-before', { created: before, start: '2027-05-03T12:00:00Z', status: 'confirmed' });
      await booking('F-cancelled-before', { created: before, start: '2027-05-03T13:00:00Z', status: 'cancelled' });
      const removed = await t.store.applyRetention({ unconfirmedBefore: boundary, pastBefore: null }, at(NOW));
      expect(removed).toMatchObject({ bookings: 3 });
      expect(await kept()).toEqual(['B-expired-at', 'E-confirmed-before', 'F-cancelled-before']);
    });

    it('past bookings lose their data once they ended before the boundary, whatever their status; null keeps them', async () => {
      const boundary = at(NOW) - 365 * DAY;
      const made = iso(boundary - 10 * DAY);
      await booking('A-ended-before', { created: made, start: iso(boundary - 30 * 60_000 - 1), status: 'confirmed' });
      await booking('B-ended-at', {
        created: made,
        start: iso(boundary - 30 * 60_000),
        status: 'confirmed',
        staff: 'dan',
      });
      await booking('C-cancelled-ended-before', { created: made, start: iso(boundary - DAY), status: 'cancelled' });
      await booking('D-future', { created: made, start: '2027-07-01T08:00:00Z', status: 'confirmed' });
      await t.store.applyRetention({ unconfirmedBefore: 0, pastBefore: null }, at(NOW));
      expect(await kept()).toHaveLength(4);
      await t.store.applyRetention({ unconfirmedBefore: 0, pastBefore: boundary }, at(NOW));
      expect(await kept()).toEqual(['B-ended-at', 'D-future']);
    });

    it('a client record goes when none of its bookings holds data any more, and stays while one does', async () => {
      const made = iso(at(NOW) - 400 * DAY);
      await booking('Old', { created: made, start: '2026-05-01T08:00:00Z', status: 'confirmed' });
      await t.store.upsertClient(CLIENT);
      await t.store.upsertClient({ ...CLIENT, email: 'kept@example.test' });
      await booking('Recent', { created: made, start: '2027-06-01T08:00:00Z', status: 'confirmed' });
      await t.db.query("UPDATE bookings SET client_email = 'kept@example.test' WHERE reference = 'SW-Recent'");
      const removed = await t.store.applyRetention({ unconfirmedBefore: 0, pastBefore: at(NOW) - 365 * DAY }, at(NOW));
      expect(removed).toMatchObject({ bookings: 1, clients: 1 });
      expect((await t.db.query('SELECT email FROM clients')).map((r) => r.email)).toEqual(['kept@example.test']);
    });
  });

  describe('the daily clean-up', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('deletes each kind of row past its use, at its own boundary, and keeps the rest', async () => {
      const now = at(NOW);
      const b = (ms: number) => iso(now - ms);
      const [user] = (
        await t.db.query("INSERT INTO users (email, role, name) VALUES ('a@s.test', 'admin', 'A') RETURNING id")
      ).map((r) => r.id);
      await t.db.query(
        `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES
           ($1, $3, $4, $4, $4), ($2, $3, $4, $4, $5)`,
        [sha('expired'), sha('live'), user, NOW, iso(now + 1)],
      );
      await t.db.query(
        `INSERT INTO password_tokens (token_hash, user_id, purpose, created_at, expires_at, used_at) VALUES
           ($1, $4, 'reset', $5, $6, $5), ($2, $4, 'reset', $5, $5, NULL), ($3, $4, 'reset', $5, $6, NULL)`,
        [sha('used'), sha('expired'), sha('live'), user, NOW, iso(now + 1)],
      );
      for (const [name, expires, used] of [
        ['used', now + 1, now],
        ['expired', now, null],
        ['live', now + 1, null],
      ] as const) {
        await t.store.createMyBookingsLink({
          tokenHash: sha(`my-${name}`),
          email: 'z@example.test',
          now,
          expiresAt: expires,
        });
        if (used) await t.store.useMyBookingsLink(sha(`my-${name}`), used);
      }
      const r1 = await t.store.insertBooking(
        draft({
          staff: 'ana',
          start: '2027-07-05T08:00:00Z',
          end: '2027-07-05T09:00:00Z',
          status: 'pending_verification',
          holdUntil: iso(now + 60_000),
        }),
        now,
      );
      const r2 = await t.store.insertBooking(
        draft({ staff: 'ana', start: '2027-07-05T10:00:00Z', end: '2027-07-05T11:00:00Z' }),
        now,
      );
      if (!r1.ok || !r2.ok) throw new Error('fixture bookings refused');
      await t.store.startVerification(r1.booking.id, now);
      await t.store.startVerification(r2.booking.id, now);
      const cut = { idem: DAY, jobs: 7 * DAY, deliveries: 90 * DAY, outbox: 7 * DAY };
      await t.db.query(
        `INSERT INTO idempotency_keys (key, request_hash, created_at) VALUES ('old', 'h', $1), ('new', 'h', $2)`,
        [b(cut.idem + 1), b(cut.idem)],
      );
      await t.db.query(
        `INSERT INTO jobs (kind, payload, run_at, created_at, done_at, failed_at) VALUES
           ('old-done', '{}', $1, $1, $1, NULL), ('old-failed', '{}', $1, $1, NULL, $1), ('new-done', '{}', $2, $2, $2, NULL),
           ('old-pending', '{}', $1, $1, NULL, NULL)`,
        [b(cut.jobs + 1), b(cut.jobs)],
      );
      const hook = await t.store.createWebhook(
        { url: 'https://h.test', secret: 's', events: ['booking.paid'], active: true, description: '' },
        now,
      );
      for (const [ev, ms] of [
        ['old', cut.deliveries + 1],
        ['new', cut.deliveries],
      ] as const) {
        await t.store.recordWebhookDelivery({
          webhookId: hook.id,
          event: 'booking.paid',
          eventId: ev,
          attempt: 1,
          statusCode: 200,
          error: null,
          durationMs: 1,
          deliveredAt: now - ms,
        });
      }
      await t.db.query(
        `INSERT INTO dev_mailbox (recipients, subject, text_body, html_body, sent_at) VALUES ('{a}', 'old', '', '', $1), ('{a}', 'new', '', '', $2)`,
        [b(cut.outbox + 1), b(cut.outbox)],
      );
      await t.db.query('INSERT INTO rate_limits (key, tat) VALUES ($1, $2), ($3, $4)', [
        'past',
        now,
        'future',
        now + 1,
      ]);

      // Now is 2027-06-30 12:00 UTC: the 28th is over in every zone, the 29th still runs at UTC-12.
      for (const date of ['2027-06-28', '2027-06-29', '2027-06-30']) {
        await t.db.query(
          `INSERT INTO waitlist_entries (service_id, date, timezone, client_name, client_email, locale, leave_token_hash, created_at)
           VALUES ($1, $2, 'Pacific/Kiritimati', 'Wanda', 'w@example.test', 'en', $3, $4)`,
          [ids.services.portrait, date, sha(`leave-${date}`), iso(now - 3 * DAY)],
        );
      }
      const counts = await t.store.cleanUp({
        now,
        idempotencyBefore: now - cut.idem,
        jobsBefore: now - cut.jobs,
        deliveriesBefore: now - cut.deliveries,
        outboxBefore: now - cut.outbox,
      });
      expect(counts).toEqual({
        sessions: 1,
        passwordLinks: 2,
        myBookingsLinks: 2,
        verificationCodes: 1,
        idempotencyKeys: 1,
        finishedJobs: 2,
        webhookDeliveries: 1,
        devOutbox: 1,
        waitlistEntries: 1,
        rateLimits: 1,
      });
      const left = async (sql: string) => (await t.db.query(sql)).map((r) => Object.values(r)[0]);
      expect(await left('SELECT count(*)::int FROM sessions')).toEqual([1]);
      expect(await left('SELECT count(*)::int FROM password_tokens')).toEqual([1]);
      expect(await left('SELECT booking_id::text FROM verification_codes')).toEqual([r1.booking.id]);
      expect(await left('SELECT key FROM idempotency_keys')).toEqual(['new']);
      expect(await left('SELECT kind FROM jobs ORDER BY kind')).toEqual(['new-done', 'old-pending']);
      expect(await left('SELECT event_id FROM webhook_deliveries')).toEqual(['new']);
      expect(await left('SELECT subject FROM dev_mailbox')).toEqual(['new']);
      expect(await left('SELECT key FROM rate_limits')).toEqual(['future']);
      expect(await left("SELECT to_char(date, 'YYYY-MM-DD') FROM waitlist_entries ORDER BY date")).toEqual([
        '2027-06-29',
        '2027-06-30',
      ]);
      expect(await t.store.peekMyBookingsLink(sha('my-live'), now)).toBe('z@example.test');
    });

    it('reclaims the space of the tables it changes, outside a transaction', async () => {
      await expect(t.store.reclaimSpace()).resolves.toBeUndefined();
    });
  });

  describe('scheduled tasks', () => {
    it('one of several concurrent sweepers queues a due task; it is due again only after its period', async () => {
      const sweep = (now: number) =>
        Promise.all(Array.from({ length: 4 }, () => queueDueTask(t.db, 'data.retention', now, DAY)));
      const jobs = async () =>
        Number((await t.db.query("SELECT count(*) AS n FROM jobs WHERE kind = 'data.retention'"))[0]?.n);
      expect((await sweep(at(NOW))).filter(Boolean)).toHaveLength(1);
      expect(await jobs()).toBe(1);
      expect((await sweep(at(NOW) + DAY - 1)).filter(Boolean)).toHaveLength(0);
      expect((await sweep(at(NOW) + DAY)).filter(Boolean)).toHaveLength(1);
      expect(await jobs()).toBe(2);
    });
  });
}
