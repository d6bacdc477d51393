/**
 * The store contract on webhooks (the endpoints, the delivery log, newest first in pages) and the
 * staff calendar feeds (a token hash names one member; the feed lists confirmed bookings only).
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SetupResult } from '../../app/ports.ts';
import { at, contractFixtures, fakeHash, type GetDb, SETUP } from './fixtures.ts';

const NOW = '2027-03-26T11:00:00Z';
const sha = (s: string) => createHash('sha256').update(s).digest();

export function describeWebhooks(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, insertOk } = contractFixtures(getDb, () => ids);

  describe('webhooks and feeds', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    const hook = (url: string, events: string[], active = true) =>
      t.store.createWebhook(
        { url, secret: `whsec_${url.length}`, events: events as never, active, description: 'd' },
        at(NOW),
      );

    it('creates, reads, changes (only the given fields) and deletes a webhook', async () => {
      const made = await hook('https://a.test/h', ['booking.confirmed', 'booking.paid']);
      expect(made).toEqual({
        id: made.id,
        url: 'https://a.test/h',
        secret: 'whsec_16',
        events: ['booking.confirmed', 'booking.paid'],
        active: true,
        description: 'd',
        createdAt: at(NOW),
        updatedAt: at(NOW),
      });
      expect(await t.store.getWebhook(made.id)).toEqual(made);
      const later = at('2027-03-26T12:00:00Z');
      const changed = await t.store.updateWebhook(made.id, { active: false, events: ['booking.cancelled'] }, later);
      expect(changed).toEqual({ ...made, active: false, events: ['booking.cancelled'], updatedAt: later });
      expect(await t.store.updateWebhook(made.id, { secret: 'whsec_new' }, later)).toEqual({
        ...changed,
        secret: 'whsec_new',
      });
      expect(await t.store.listWebhooks()).toEqual([{ ...changed, secret: 'whsec_new' }]);
      expect(await t.store.deleteWebhook(made.id)).toBe(true);
      expect(await t.store.deleteWebhook(made.id)).toBe(false);
      expect(await t.store.getWebhook(made.id)).toBeNull();
      expect(await t.store.updateWebhook(made.id, { active: true }, later)).toBeNull();
      expect(await t.store.getWebhook('not-an-id')).toBeNull();
    });

    it('listWebhooksFor gives the active webhooks subscribed to the event, by id', async () => {
      const a = await hook('https://a.test', ['booking.confirmed', 'booking.cancelled']);
      await hook('https://b.test', ['booking.cancelled']);
      await hook('https://c.test', ['booking.confirmed'], false);
      const d = await hook('https://d.test', ['booking.paid', 'booking.confirmed']);
      expect((await t.store.listWebhooksFor('booking.confirmed')).map((w) => w.url)).toEqual([a.url, d.url]);
      expect(await t.store.listWebhooksFor('booking.rescheduled')).toEqual([]);
    });

    it('keeps every delivery attempt, pages them newest first, and drops the log with its webhook', async () => {
      const w = await hook('https://a.test', ['booking.confirmed']);
      for (const attempt of [1, 2, 3]) {
        await t.store.recordWebhookDelivery({
          webhookId: w.id,
          event: 'booking.confirmed',
          eventId: 'evt_1',
          attempt,
          statusCode: attempt === 3 ? 200 : null,
          error: attempt === 3 ? null : 'connect ECONNREFUSED',
          durationMs: 10 * attempt,
          deliveredAt: at(NOW) + attempt * 30_000,
        });
      }
      const first = await t.store.listWebhookDeliveries(w.id, { before: null, limit: 2 });
      expect(first.map((d) => [d.attempt, d.statusCode, d.error, d.durationMs])).toEqual([
        [3, 200, null, 30],
        [2, null, 'connect ECONNREFUSED', 20],
      ]);
      expect(first[0]).toMatchObject({ webhookId: w.id, event: 'booking.confirmed', eventId: 'evt_1' });
      expect(first[0]?.deliveredAt).toBe(at(NOW) + 90_000);
      const rest = await t.store.listWebhookDeliveries(w.id, { before: first[1]?.id ?? null, limit: 2 });
      expect(rest.map((d) => d.attempt)).toEqual([1]);
      await t.store.deleteWebhook(w.id);
      expect(await t.db.query('SELECT count(*)::int AS n FROM webhook_deliveries')).toEqual([{ n: 0 }]);
      // An attempt that ends after its webhook was deleted leaves nothing behind.
      await t.store.recordWebhookDelivery({
        webhookId: w.id,
        event: 'ping',
        eventId: 'evt_2',
        attempt: 1,
        statusCode: 200,
        error: null,
        durationMs: 1,
        deliveredAt: at(NOW),
      });
      expect(await t.db.query('SELECT count(*)::int AS n FROM webhook_deliveries')).toEqual([{ n: 0 }]);
    });

    it('a feed token hash names one member until replaced or cleared', async () => {
      const ana = idOf('staff', 'ana');
      expect(await t.store.hasFeed(ana)).toBe(false);
      expect(await t.store.setFeedToken(ana, sha('one'))).toBe(true);
      expect(await t.store.hasFeed(ana)).toBe(true);
      expect(await t.store.findStaffByFeedToken(sha('one'))).toBe(ana);
      await t.store.setFeedToken(ana, sha('two'));
      expect(await t.store.findStaffByFeedToken(sha('one'))).toBeNull();
      expect(await t.store.findStaffByFeedToken(sha('two'))).toBe(ana);
      await t.store.setFeedToken(ana, null);
      expect(await t.store.findStaffByFeedToken(sha('two'))).toBeNull();
      expect(await t.store.hasFeed(ana)).toBe(false);
      expect(await t.store.setFeedToken('999999', sha('x'))).toBe(false);
      expect(await t.store.hasFeed('999999')).toBeNull();
    });

    it("listFeedBookings: the member's confirmed bookings overlapping the window, by start", async () => {
      const ana = (start: string, end: string, more = {}) => insertOk({ staff: 'ana', start, end, ...more }, NOW);
      await ana('2027-03-29T07:00:00Z', '2027-03-29T07:30:00Z'); // ends as the window starts
      const edge = await ana('2027-03-29T09:30:00Z', '2027-03-29T10:00:00Z');
      const first = await ana('2027-03-29T08:00:00Z', '2027-03-29T08:30:00Z');
      await ana('2027-03-29T10:00:00Z', '2027-03-29T10:30:00Z'); // starts as the window ends
      await ana('2027-03-29T08:30:00Z', '2027-03-29T09:00:00Z', { status: 'cancelled' });
      await ana('2027-03-29T09:00:00Z', '2027-03-29T09:30:00Z', {
        status: 'awaiting_payment',
        holdUntil: '2027-03-26T11:15:00Z',
      });
      await insertOk({ staff: 'dan', start: '2027-03-29T08:00:00Z', end: '2027-03-29T08:30:00Z' }, NOW);
      const window = { start: at('2027-03-29T07:30:00Z'), end: at('2027-03-29T10:00:00Z') };
      const listed = await t.store.listFeedBookings(idOf('staff', 'ana'), window, 10);
      expect(listed.map((b) => b.id)).toEqual([first, edge]);
      expect(listed[0]).toMatchObject({ status: 'confirmed', staffName: 'Ana', client: { name: 'Zoé Martin' } });
      expect((await t.store.listFeedBookings(idOf('staff', 'ana'), window, 1)).map((b) => b.id)).toEqual([first]);
    });
  });
}
