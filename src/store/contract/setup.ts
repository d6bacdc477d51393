/** The store contract on applySetup: what an import writes, how a second one updates, and that it is all or nothing. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SetupResult } from '../../app/ports.ts';
import type { Setup } from '../../app/setup-schema.ts';
import { SetupReferenceError } from '../setup.ts';
import {
  contractFixtures,
  DEFAULT_BUSINESS,
  fakeHash,
  type GetDb,
  PORTRAIT_POLICY,
  PORTRAIT_QUESTIONS,
  SETUP,
} from './fixtures.ts';

export function describeSetup(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf } = contractFixtures(getDb, () => ids);

  describe('applySetup', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('returns the id of every service by slug and every staff member by key', async () => {
      const services = await t.db.query('SELECT id, slug FROM services ORDER BY id');
      const staff = await t.db.query('SELECT id, key FROM staff ORDER BY id');
      expect(ids).toEqual({
        services: Object.fromEntries(services.map((r) => [String(r.slug), String(r.id)])),
        staff: Object.fromEntries(staff.map((r) => [String(r.key), String(r.id)])),
      });
      expect(Object.keys(ids.services)).toEqual(['portrait', 'consult', 'retired', 'headshot']);
      expect(Object.keys(ids.staff)).toEqual(['ana', 'ben', 'cleo', 'dan']);
    });

    it('writes the business settings it names and keeps the defaults of the others', async () => {
      expect(await t.store.getBusiness()).toEqual({
        ...DEFAULT_BUSINESS,
        name: 'Contract Studio',
        timezone: 'Europe/Paris',
        currency: 'EUR',
        staffLabel: 'Choose photographer',
      });
    });

    it('stores money in minor units of the service currency (else the business currency)', async () => {
      const rows = await t.db.query('SELECT slug, price_minor, deposit_minor, currency FROM services ORDER BY slug');
      expect(
        rows.map((r) => [String(r.slug), Number(r.price_minor), Number(r.deposit_minor), r.currency ?? null]),
      ).toEqual([
        ['consult', 0, 0, null],
        ['headshot', 5000, 0, 'JPY'],
        ['portrait', 12000, 3000, null],
        ['retired', 5000, 0, null],
      ]);
    });

    it('updates services by slug and staff by key, keeping their ids; replaces hours, days off and services', async () => {
      const second = await t.store.applySetup(
        {
          business: { name: 'Renamed Studio', gapMinutes: 5 },
          services: [{ key: 'portrait', name: 'Portrait deluxe', durationMinutes: 90, price: '150', deposit: '0' }],
          staff: [
            {
              key: 'ana',
              name: 'Ana Lopez',
              email: 'ana.lopez@studio.test',
              services: ['consult'],
              hours: { tue: [['10:00', '16:00']] },
              daysOff: [{ from: '2027-12-24', to: '2027-12-26', note: 'Christmas' }],
            },
            { key: 'eve', name: 'Eve', email: 'eve@studio.test', services: ['portrait', 'headshot'] },
          ],
        },
        fakeHash,
      );
      expect(second.services).toEqual({ portrait: idOf('services', 'portrait') });
      expect(second.staff.ana).toBe(idOf('staff', 'ana'));
      expect(Object.keys(second.staff)).toEqual(['ana', 'eve']);
      expect(second.staff.eve).toMatch(/^\d+$/);
      expect(Object.values(ids.staff)).not.toContain(second.staff.eve);

      expect((await t.store.getBusiness()).name).toBe('Renamed Studio');
      expect((await t.store.getBusiness()).gapMinutes).toBe(5);
      expect((await t.store.getBusiness()).staffLabel).toBe('Choose photographer');
      expect(await t.store.findService('portrait')).toEqual({
        id: idOf('services', 'portrait'),
        slug: 'portrait',
        name: 'Portrait deluxe',
        nameWordings: null,
        description: 'Studio portrait',
        descriptionWordings: null,
        durationMinutes: 90,
        price: 15000,
        deposit: 0,
        currency: null,
        imageUrl: 'https://img.test/portrait.jpg',
        image: null,
        color: '#3366ff',
        allowRescheduling: true,
        rescheduleLimit: 2,
        bufferBeforeMinutes: 15,
        bufferAfterMinutes: 10,
        active: true,
        resourceIds: [],
        capacity: 1,
        maxSeatsPerBooking: 1,
        // Not in the second file: kept as they were.
        questions: PORTRAIT_QUESTIONS,
        cancellationPolicy: PORTRAIT_POLICY,
        allowRepeat: false,
      });
      const staff = await t.store.listStaff();
      expect(staff.map((m) => m.key)).toEqual(['ana', 'ben', 'cleo', 'dan', 'eve']);
      expect(staff[0]).toEqual({
        id: idOf('staff', 'ana'),
        key: 'ana',
        name: 'Ana Lopez',
        email: 'ana.lopez@studio.test',
        timezone: null,
        slotStepMinutes: null,
        gapMinutes: null,
        minNoticeMinutes: null,
        active: true,
        serviceIds: [idOf('services', 'consult')],
        hours: { tue: [{ start: 600, end: 960 }] },
        daysOff: [{ from: '2027-12-24', to: '2027-12-26', note: 'Christmas' }],
        dateHours: {},
        blocks: [],
        photo: null,
        bio: '',
      });
      expect(staff[4]?.serviceIds).toEqual([idOf('services', 'portrait'), idOf('services', 'headshot')]);
      expect(await t.db.query('SELECT count(*)::int AS n FROM services')).toEqual([{ n: 4 }]);
    });

    it('a staff member may name a service that is already in the database but not in the file', async () => {
      const again = await t.store.applySetup(
        { staff: [{ key: 'dan', name: 'Dan', email: 'dan@studio.test', services: ['headshot', 'consult'] }] },
        fakeHash,
      );
      expect(again).toEqual({ services: {}, staff: { dan: idOf('staff', 'dan') } });
      const dan = (await t.store.listStaff()).find((m) => m.key === 'dan');
      expect(dan?.serviceIds).toEqual([idOf('services', 'consult'), idOf('services', 'headshot')]);
    });

    it('creates admins with the password hash, never the password; a second import updates by email', async () => {
      const users = () =>
        t.db.query('SELECT email, password_hash, role, staff_id FROM users ORDER BY id').then((rows) =>
          rows.map((r) => ({
            email: r.email,
            passwordHash: r.password_hash,
            role: r.role,
            staffId: r.staff_id ?? null,
          })),
        );
      expect(await users()).toEqual([
        { email: 'owner@studio.test', passwordHash: 'fake-hash(21:cor)', role: 'admin', staffId: null },
      ]);
      await t.store.applySetup(
        {
          admins: [
            { email: 'OWNER@Studio.test', password: 'new secret phrase' },
            { email: 'second@studio.test', password: 'another passphrase' },
          ],
        },
        fakeHash,
      );
      expect(await users()).toEqual([
        { email: 'owner@studio.test', passwordHash: 'fake-hash(17:new)', role: 'admin', staffId: null },
        { email: 'second@studio.test', passwordHash: 'fake-hash(18:ano)', role: 'admin', staffId: null },
      ]);
      const leaked = await t.db.query(
        `SELECT count(*)::int AS n FROM users WHERE password_hash LIKE '%correct horse%' OR password_hash LIKE '%new secret%'`,
      );
      expect(leaked).toEqual([{ n: 0 }]);
    });

    it('a question left out of a file stays, retired; a question may not change its type (SPEC §10.1)', async () => {
      const portrait = (questions: unknown[]) => ({
        services: [{ key: 'portrait', name: 'Portrait session', durationMinutes: 60, questions }],
      });
      const mood = { key: 'mood', type: 'text', label: 'Mood?', required: false, sensitive: false };
      await t.store.applySetup(portrait([mood]) as Setup, fakeHash);
      expect((await t.store.findService('portrait'))?.questions).toEqual([
        mood,
        ...PORTRAIT_QUESTIONS.map((q) => ({ ...q, retired: true })),
      ]);
      const retyped = portrait([{ ...mood, type: 'longText' }]) as Setup;
      await expect(t.store.applySetup(retyped, fakeHash)).rejects.toMatchObject({
        name: 'SetupReferenceError',
        path: 'services[0].questions[0].type',
      });
      expect((await t.store.findService('portrait'))?.questions[0]).toEqual(mood);
    });
  });

  describe('applySetup is all or nothing', () => {
    it('a staff member naming an unknown service throws SetupReferenceError with its path and writes nothing', async () => {
      const broken: Setup = {
        business: { name: 'Half Written', currency: 'EUR' },
        services: [{ key: 'fresh', name: 'Fresh service', durationMinutes: 30, price: '10' }],
        staff: [
          {
            key: 'first',
            name: 'First',
            email: 'first@studio.test',
            services: ['fresh'],
            hours: { mon: [['09:00', '17:00']] },
          },
          { key: 'second', name: 'Second', email: 'second@studio.test', services: ['fresh', 'missing'] },
        ],
        admins: [{ email: 'owner@studio.test', password: 'correct horse battery' }],
      };
      const error = await t.store.applySetup(broken, fakeHash).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SetupReferenceError);
      expect(error).toMatchObject({ path: 'staff[1].services[1]', message: 'no service with key "missing"' });

      expect(await t.store.getBusiness()).toEqual(DEFAULT_BUSINESS);
      expect(await t.store.listServices()).toEqual([]);
      expect(await t.store.listStaff()).toEqual([]);
      const counts = await t.db.query(
        `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM working_hours)::int AS hours,
           (SELECT count(*) FROM staff_services)::int AS links`,
      );
      expect(counts).toEqual([{ users: 0, hours: 0, links: 0 }]);
    });

    it('a refused update leaves the previous import exactly as it was', async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
      const business = await t.store.getBusiness();
      const services = await t.store.listServices();
      const staff = await t.store.listStaff();
      await expect(
        t.store.applySetup(
          {
            business: { name: 'Half Written' },
            services: [{ key: 'portrait', name: 'Changed', durationMinutes: 15 }],
            staff: [{ key: 'ana', name: 'Changed', email: 'x@studio.test', services: ['nope'], hours: {} }],
          },
          fakeHash,
        ),
      ).rejects.toMatchObject({ name: 'SetupReferenceError', path: 'staff[0].services[0]' });
      expect(await t.store.getBusiness()).toEqual(business);
      expect(await t.store.listServices()).toEqual(services);
      expect(await t.store.listStaff()).toEqual(staff);
    });
  });
}
