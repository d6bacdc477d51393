/**
 * The store contract on the dashboard's catalogue writes: what each returns, what the database
 * refuses, delete-or-deactivate, and — with the read cache — that the catalogue reads answer the
 * written state at once, and the committed state after a rolled-back transaction.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceFields } from '../../app/dashboard/catalogue/service-store.ts';
import type { SetupResult } from '../../app/ports.ts';
import { at, contractFixtures, DEFAULT_BUSINESS, fakeHash, type GetDb, SETUP } from './fixtures.ts';

const NOW = '2027-03-26T11:00:00Z';
const hash = (text: string) => createHash('sha256').update(text).digest();

const NEW_SERVICE: ServiceFields = {
  slug: 'family',
  name: 'Family shoot',
  nameWordings: null,
  description: 'Up to six',
  descriptionWordings: null,
  durationMinutes: 90,
  price: 25000,
  deposit: 5000,
  currency: 'CHF',
  imageUrl: '/img/family.jpg',
  color: '#aa3300',
  allowRescheduling: false,
  rescheduleLimit: 1,
  bufferBeforeMinutes: 5,
  bufferAfterMinutes: 10,
  active: true,
  capacity: 1,
  maxSeatsPerBooking: 1,
  // jsonb lists: sent as JSON text, read back as the same lists (a JS array must not become text[]).
  questions: [
    {
      key: 'mobility',
      type: 'choice',
      label: { en: 'Mobility', fr: 'Mobilité' },
      required: true,
      sensitive: true,
      options: [{ key: 'stairs-ok', label: 'Stairs are fine' }],
    },
  ],
  cancellationPolicy: [
    { untilHoursBefore: 48, refund: 'full' },
    { untilHoursBefore: 0, refund: 'deposit_kept' },
  ],
  allowRepeat: true,
};

export function describeAdminCatalog(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, insertOk } = contractFixtures(getDb, () => ids);
  const member = async (key: string) => (await t.store.listStaff()).find((m) => m.key === key);

  describe('admin catalogue: services', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('createService returns the service as stored and links its staff; reads see it at once', async () => {
      await t.store.listServices(); // a cached list must not outlive the write
      const made = await t.store.createService(NEW_SERVICE, [idOf('staff', 'ben'), idOf('staff', 'ben')]);
      if (!made.ok) throw new Error(made.conflict);
      expect(made.value).toEqual({ id: made.value.id, ...NEW_SERVICE, resourceIds: [], image: null });
      expect(await t.store.findService('family')).toEqual(made.value);
      expect((await t.store.listServices()).map((s) => s.slug)).toEqual([
        'consult',
        'family',
        'headshot',
        'portrait',
        'retired',
      ]);
      expect((await t.store.listStaffForService(made.value.id)).map((m) => m.key)).toEqual(['ben']);
    });

    it('a taken slug and a deposit above the price come back as conflicts, writing nothing', async () => {
      expect(await t.store.createService({ ...NEW_SERVICE, slug: 'portrait' }, [])).toEqual({
        ok: false,
        conflict: 'slug',
      });
      expect(await t.store.createService({ ...NEW_SERVICE, deposit: 30000 }, [])).toEqual({
        ok: false,
        conflict: 'deposit',
      });
      expect(await t.store.updateService(idOf('services', 'consult'), { slug: 'portrait' }, undefined)).toEqual({
        ok: false,
        conflict: 'slug',
      });
      expect(await t.store.findService('family')).toBeNull();
      expect((await t.store.findService(idOf('services', 'consult')))?.slug).toBe('consult');
    });

    it('updateService changes only the given fields; staffIds replaces the links', async () => {
      const id = idOf('services', 'portrait');
      const before = await t.store.findService(id);
      const r = await t.store.updateService(id, { name: 'Portrait', price: 15000 }, [idOf('staff', 'dan')]);
      expect(r).toEqual({ ok: true, value: { ...before, name: 'Portrait', price: 15000 } });
      expect(await t.store.findService('portrait')).toEqual({ ...before, name: 'Portrait', price: 15000 });
      expect((await t.store.listStaffForService(id)).map((m) => m.key)).toEqual(['dan']);
      expect(await t.store.updateService('987654', { name: 'X' }, undefined)).toBeNull();
      expect(await t.store.updateService('not-an-id', { name: 'X' }, undefined)).toBeNull();
    });

    it('removeService deletes a service without bookings and deactivates one with bookings', async () => {
      const consult = await t.store.findService('consult');
      await insertOk(
        { staff: 'ana', service: 'consult', start: '2027-03-29T08:00:00Z', end: '2027-03-29T08:30:00Z' },
        NOW,
      );
      const headshot = await t.store.findService('headshot');
      expect(await t.store.removeService(idOf('services', 'headshot'))).toEqual({
        outcome: 'deleted',
        value: headshot,
      });
      expect(await t.store.findService('headshot')).toBeNull();
      expect(await t.store.removeService(idOf('services', 'consult'))).toEqual({
        outcome: 'deactivated',
        value: { ...consult, active: false },
      });
      expect((await t.store.listServices({ activeOnly: true })).map((s) => s.slug)).toEqual(['portrait']);
      expect(await t.store.removeService(idOf('services', 'headshot'))).toBeNull();
    });
  });

  describe('admin catalogue: staff, hours and days off', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('createStaff and updateStaff return the member as stored; a taken key is a conflict', async () => {
      const fields = {
        key: 'eve',
        name: 'Eve',
        email: 'eve@studio.test',
        timezone: 'Europe/London',
        slotStepMinutes: 15,
        gapMinutes: null,
        minNoticeMinutes: 30,
        active: true,
      };
      const made = await t.store.createStaff(fields, [idOf('services', 'consult')]);
      if (!made.ok) throw new Error(made.conflict);
      const eve = {
        id: made.value.id,
        ...fields,
        serviceIds: [idOf('services', 'consult')],
        hours: {},
        daysOff: [],
        dateHours: {},
        blocks: [],
        photo: null,
        bio: '',
      };
      expect(made.value).toEqual(eve);
      expect(await member('eve')).toEqual(eve);
      const changed = await t.store.updateStaff(eve.id, { name: 'Eve L', timezone: null }, []);
      expect(changed).toEqual({ ok: true, value: { ...eve, name: 'Eve L', timezone: null, serviceIds: [] } });
      expect(await member('eve')).toEqual({ ...eve, name: 'Eve L', timezone: null, serviceIds: [] });
      expect(await t.store.createStaff({ ...fields, key: 'ana' }, [])).toEqual({ ok: false, conflict: 'key' });
      expect(await t.store.updateStaff(eve.id, { key: 'ben' }, undefined)).toEqual({ ok: false, conflict: 'key' });
    });

    it('removeStaff deletes a member nothing refers to, with their account and keys', async () => {
      const dan = idOf('staff', 'dan');
      await t.db.query(`INSERT INTO users (email, role, staff_id) VALUES ('dan@studio.test', 'staff', $1)`, [dan]);
      await t.store.createApiKey({
        keyHash: hash('k-dan'),
        prefix: 'swk_dan',
        label: '',
        role: 'staff',
        staffId: dan,
        now: at(NOW),
      });
      const before = await member('dan');
      expect(await t.store.removeStaff(dan, at(NOW))).toEqual({ outcome: 'deleted', value: before });
      expect(await member('dan')).toBeUndefined();
      expect(await t.store.findUserByStaff(dan)).toBeNull();
      expect(await t.store.listApiKeys(dan)).toEqual([]);
      expect(await t.store.removeStaff(dan, at(NOW))).toBeNull();
    });

    it('removeStaff deactivates a member bookings or their history name, ending every way in', async () => {
      const ana = idOf('staff', 'ana');
      const dan = idOf('staff', 'dan');
      const booking = await insertOk(
        { staff: 'ana', service: 'consult', start: '2027-03-29T08:00:00Z', end: '2027-03-29T08:30:00Z' },
        NOW,
      );
      // Dan appears only in the history of a booking moved from him to Ana.
      await t.db.query(
        `INSERT INTO booking_history (booking_id, from_start, to_start, from_staff_id, to_staff_id)
         VALUES ($1, now(), now(), $2, $3)`,
        [booking, dan, ana],
      );
      const [user] = await t.db.query(
        `INSERT INTO users (email, role, staff_id) VALUES ('ana@studio.test', 'staff', $1) RETURNING id`,
        [ana],
      );
      await t.store.createSession({
        tokenHash: hash('s-ana'),
        userId: String(user?.id),
        userAgent: '',
        now: at(NOW),
        expiresAt: at(NOW) + 3_600_000,
      });
      const key = await t.store.createApiKey({
        keyHash: hash('k-ana'),
        prefix: 'swk_ana',
        label: '',
        role: 'staff',
        staffId: ana,
        now: at(NOW),
      });
      await t.db.query('UPDATE staff SET feed_token_hash = $2 WHERE id = $1', [ana, hash('feed-ana')]);

      const removed = await t.store.removeStaff(ana, at(NOW) + 1000);
      expect([removed?.outcome, removed?.value.active, removed?.value.key]).toEqual(['deactivated', false, 'ana']);
      expect((await member('ana'))?.active).toBe(false);
      expect(await t.store.findSession(hash('s-ana'), at(NOW))).toBeNull();
      expect((await t.store.getApiKey(key.id))?.revokedAt).toBe(at(NOW) + 1000);
      const [feed] = await t.db.query('SELECT feed_token_hash FROM staff WHERE id = $1', [ana]);
      expect(feed?.feed_token_hash).toBeNull();
      expect((await t.store.removeStaff(dan, at(NOW)))?.outcome).toBe('deactivated');
      expect((await t.store.listStaffForService(idOf('services', 'consult'))).map((m) => m.key)).toEqual([]);
    });

    it('replaceWorkingHours replaces the whole week; reads see it at once', async () => {
      const ben = idOf('staff', 'ben');
      await t.store.listStaffForService(idOf('services', 'portrait'));
      expect(
        await t.store.replaceWorkingHours(ben, { mon: [{ start: 540, end: 600 }], sun: [{ start: 1380, end: 1440 }] }),
      ).toBe(true);
      expect((await member('ben'))?.hours).toEqual({
        mon: [{ start: 540, end: 600 }],
        sun: [{ start: 1380, end: 1440 }],
      });
      const [fromService] = (await t.store.listStaffForService(idOf('services', 'portrait'))).filter(
        (m) => m.id === ben,
      );
      expect(fromService?.hours).toEqual({ mon: [{ start: 540, end: 600 }], sun: [{ start: 1380, end: 1440 }] });
      expect(await t.store.replaceWorkingHours(ben, {})).toBe(true);
      expect((await member('ben'))?.hours).toEqual({});
      expect(await t.store.replaceWorkingHours('987654', {})).toBe(false);
    });

    it('days off: add, list in date order, read, change, remove; reads see each change', async () => {
      const ana = idOf('staff', 'ana');
      const listed = await t.store.listDaysOff(ana);
      expect(listed.map((x) => [x.staffId, x.from, x.to, x.note])).toEqual([
        [ana, '2027-04-05', '2027-04-09', 'Holiday'],
        [ana, '2027-05-01', '2027-05-01', null],
      ]);
      await t.store.listStaff();
      const added = await t.store.addDayOff(ana, { from: '2027-04-20', to: '2027-04-21', note: 'Course' });
      expect(added).toEqual({ id: added.id, staffId: ana, from: '2027-04-20', to: '2027-04-21', note: 'Course' });
      expect((await t.store.listDaysOff(ana)).map((x) => x.from)).toEqual(['2027-04-05', '2027-04-20', '2027-05-01']);
      expect((await member('ana'))?.daysOff).toContainEqual({ from: '2027-04-20', to: '2027-04-21', note: 'Course' });
      const changed = await t.store.updateDayOff(added.id, { from: '2027-04-22', to: '2027-04-22', note: null });
      expect(changed).toEqual({ ...added, from: '2027-04-22', to: '2027-04-22', note: null });
      expect(await t.store.getDayOff(added.id)).toEqual(changed);
      expect(await t.store.removeDayOff(added.id)).toEqual(changed);
      expect(await t.store.getDayOff(added.id)).toBeNull();
      expect((await member('ana'))?.daysOff.map((x) => x.from)).toEqual(['2027-04-05', '2027-05-01']);
      expect(await t.store.removeDayOff(added.id)).toBeNull();
      expect(await t.store.updateDayOff('x', { from: '2027-04-22', to: '2027-04-22', note: null })).toBeNull();
    });
  });

  describe('admin catalogue: settings', () => {
    it('getSettings gives the business with mailFrom; updateSettings writes the given fields only', async () => {
      expect(await t.store.getSettings()).toEqual(DEFAULT_BUSINESS);
      await t.store.getBusiness();
      const after = await t.store.updateSettings({
        name: 'Renamed',
        mailFrom: 'Studio <a@b.test>',
        slotStepMinutes: 15,
      });
      const expected = { ...DEFAULT_BUSINESS, name: 'Renamed', slotStepMinutes: 15, mailFrom: 'Studio <a@b.test>' };
      expect(after).toEqual(expected);
      expect(await t.store.getSettings()).toEqual(expected);
      expect(await t.store.getBusiness()).toEqual(expected);
      expect(await t.store.updateSettings({})).toEqual(expected);
      expect(await t.store.updateSettings({ mailFrom: null })).toEqual({ ...expected, mailFrom: null });
    });

    it('a rolled-back settings write leaves cached reads on the committed value', async () => {
      await expect(
        t.store.transaction(async (tx) => {
          await tx.updateSettings({ name: 'Never' });
          expect((await tx.getBusiness()).name).toBe('Never');
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect((await t.store.getBusiness()).name).toBe('Slotwise');
      expect((await t.store.getSettings()).name).toBe('Slotwise');
    });
  });
}
