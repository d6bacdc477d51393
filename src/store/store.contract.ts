/**
 * The contract every Store driver must pass (STYLE 14): the embedded PGlite driver runs it now, a
 * PostgreSQL-server driver will run it unchanged. Only the Store port and the driver's `db` handle
 * (plain PostgreSQL 15+ for set-up and inspection) are used, so the suite says nothing about how a
 * driver is built, only what it guarantees — above all that the database itself refuses two
 * overlapping bookings of one staff member (SPEC §6), even when requests race.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/support/db.ts';
import type { BookingStatus, NewBooking } from '../app/model.ts';
import type { SetupResult } from '../app/ports.ts';
import type { Setup } from '../app/setup-schema.ts';
import { type Interval, occupiedSpan } from '../core/index.ts';
import { bundledMigrations, migrate, pendingMigrations } from './migrate.ts';
import { SetupReferenceError } from './setup.ts';

const MINUTE = 60_000;
const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};
/** An instant (epoch ms or a driver's Date) as `2027-03-29T10:00:00Z`. */
const iso = (v: unknown): string => (v instanceof Date ? v : new Date(Number(v))).toISOString().replace('.000Z', 'Z');
const isoSpan = (i: Interval): string => `${iso(i.start)}/${iso(i.end)}`;
const span = (text: string): Interval => {
  const [s = '', e = ''] = text.split('/');
  return { start: at(s), end: at(e) };
};

/** A fake password hasher: the store must store what it returns, never the password. */
const fakeHash = async (password: string) => `fake-hash(${password.length}:${password.slice(0, 3)})`;

/** Europe/Paris studio. Ana offers portrait + consult, Ben portrait, Cleo (inactive) portrait, Dan consult. */
const SETUP: Setup = {
  business: { name: 'Contract Studio', timezone: 'Europe/Paris', currency: 'EUR', staffLabel: 'Choose photographer' },
  services: [
    {
      key: 'portrait',
      name: 'Portrait session',
      description: 'Studio portrait',
      durationMinutes: 60,
      price: '120.00',
      deposit: '30.00',
      imageUrl: 'https://img.test/portrait.jpg',
      color: '#3366ff',
      rescheduleLimit: 2,
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 10,
    },
    { key: 'consult', name: 'Consultation', durationMinutes: 30, price: '0' },
    { key: 'retired', name: 'Retired class', durationMinutes: 45, price: '50', active: false },
    {
      key: 'headshot',
      name: 'Headshot',
      durationMinutes: 20,
      price: '5000',
      currency: 'JPY',
      allowRescheduling: false,
    },
  ],
  staff: [
    {
      key: 'ana',
      name: 'Ana',
      email: 'ana@studio.test',
      services: ['portrait', 'consult'],
      // Given out of order on purpose: the store returns each weekday's ranges sorted.
      hours: {
        mon: [
          ['13:00', '17:00'],
          ['09:00', '12:00'],
        ],
        fri: [['09:00', '12:00']],
        sun: [['20:00', '24:00']],
      },
      daysOff: [
        { from: '2027-05-01', to: '2027-05-01' },
        { from: '2027-04-05', to: '2027-04-09', note: 'Holiday' },
      ],
    },
    {
      key: 'ben',
      name: 'Ben',
      email: 'ben@studio.test',
      timezone: 'America/New_York',
      services: ['portrait'],
      hours: { sat: [['10:00', '18:00']] },
      slotStepMinutes: 20,
      gapMinutes: 10,
      minNoticeMinutes: 60,
    },
    { key: 'cleo', name: 'Cleo', email: 'cleo@studio.test', services: ['portrait'], active: false },
    { key: 'dan', name: 'Dan', email: 'dan@studio.test', services: ['consult'] },
  ],
  admins: [{ email: 'owner@studio.test', password: 'correct horse battery' }],
};

const DEFAULT_BUSINESS = {
  name: 'Slotwise',
  timezone: 'UTC',
  currency: 'USD',
  locale: 'en',
  staffLabel: 'Offered by',
  ownerEmail: null,
  paymentUrl: null,
  paymentSecret: null,
  slotStepMinutes: 30,
  gapMinutes: 0,
  minNoticeMinutes: 0,
  horizonDays: 90,
  defaultRescheduleLimit: 3,
  allowStaffChangeOnReschedule: true,
  cancelNoticeHours: 0,
  rescheduleNoticeHours: 0,
  holdMinutes: 15,
  reminderHours: 24,
};

const CLIENT = { name: 'Zoé Martin', email: 'zoe@example.test', phone: '+33 6 12 34 56 78', address: null };

/** A booking to write; times are ISO instants, `occupied` defaults to [start, end). */
interface Draft {
  readonly staff: 'ana' | 'ben' | 'dan';
  readonly service?: 'portrait' | 'consult';
  readonly start: string;
  readonly end: string;
  readonly occupied?: Interval;
  readonly status?: BookingStatus;
  readonly holdUntil?: string | null;
  readonly reference?: string;
}

export function describeStoreContract(driver: string, open: () => Promise<TestDatabase>): void {
  describe(`Store contract: ${driver}`, () => {
    let t: TestDatabase;
    let ids: SetupResult;
    let tokenSeq = 0;

    beforeAll(async () => {
      t = await open();
    });
    afterAll(async () => {
      await t?.close();
    });
    beforeEach(async () => {
      await t.reset();
    });

    const idOf = (kind: 'services' | 'staff', key: string): string => {
      const id = ids[kind][key];
      if (id === undefined) throw new Error(`fixture has no ${kind} "${key}"`);
      return id;
    };

    function draft(d: Draft): NewBooking {
      tokenSeq += 1;
      const status = d.status ?? 'confirmed';
      return {
        reference: d.reference ?? `SW-T${String(tokenSeq).padStart(5, '0')}`,
        serviceId: idOf('services', d.service ?? 'consult'),
        staffId: idOf('staff', d.staff),
        client: CLIENT,
        clientId: null,
        notes: '',
        wantsReminder: false,
        locale: 'en',
        timezone: 'Europe/Paris',
        status,
        start: at(d.start),
        end: at(d.end),
        occupied: d.occupied ?? { start: at(d.start), end: at(d.end) },
        holdUntil: d.holdUntil ? at(d.holdUntil) : null,
        paymentOption: 'none',
        amountDue: 0,
        currency: 'EUR',
        price: 0,
        manageTokenHash: createHash('sha256').update(`contract-token-${tokenSeq}`).digest(),
      };
    }

    const insert = (d: Draft, now: string) => t.store.insertBooking(draft(d), at(now));

    async function insertOk(d: Draft, now: string): Promise<string> {
      const result = await insert(d, now);
      if (!result.ok) throw new Error(`fixture booking refused: ${result.code}`);
      return result.booking.id;
    }

    /** Every booking row as `reference status occupied`, in time order. */
    async function bookingRows(): Promise<string[]> {
      const rows = await t.db.query(
        'SELECT reference, status, lower(occupied) AS s, upper(occupied) AS e FROM bookings ORDER BY lower(occupied), reference',
      );
      return rows.map((r) => `${String(r.reference)} ${String(r.status)} ${iso(r.s)}/${iso(r.e)}`);
    }

    const setStatus = (id: string, status: BookingStatus) =>
      t.db.query('UPDATE bookings SET status = $2 WHERE id = $1', [id, status]);

    /** A booking written with plain SQL, bypassing the store's code entirely. */
    const rawInsert = (reference: string, staffId: string, start: string, end: string) =>
      t.db.query(
        `INSERT INTO bookings (reference, service_id, staff_id, client_name, client_email, timezone, status,
           start_at, end_at, occupied, payment_option, currency, manage_token_hash)
         VALUES ($1, $2, $3, 'Raw', 'raw@example.test', 'Europe/Paris', 'confirmed',
           $4::timestamptz, $5::timestamptz, tstzrange($4::timestamptz, $5::timestamptz), 'none', 'EUR',
           sha256(convert_to($1, 'UTF8')))`,
        [reference, idOf('services', 'consult'), staffId, start, end],
      );

    describe('migrations', () => {
      it('records every bundled migration once; migrating again applies nothing', async () => {
        const recorded = async () =>
          (await t.db.query('SELECT version, name FROM schema_migrations ORDER BY version')).map((r) => ({
            version: Number(r.version),
            name: String(r.name),
          }));
        const bundled = bundledMigrations().map((m) => ({ version: m.version, name: m.name }));
        expect(bundled[0]).toEqual({ version: 1, name: '001-init.sql' });
        expect(await recorded()).toEqual(bundled);

        expect(await migrate(t.db)).toEqual([]);
        expect(await recorded()).toEqual(bundled);
        expect(await pendingMigrations(t.db)).toEqual([]);
      });
    });

    describe('business', () => {
      it('getBusiness gives the SPEC §1 defaults on a fresh database', async () => {
        expect(await t.store.getBusiness()).toEqual(DEFAULT_BUSINESS);
      });

      it('isEmpty is true until a service exists', async () => {
        expect(await t.store.isEmpty()).toBe(true);
        await t.store.applySetup({ staff: [{ key: 'solo', name: 'Solo', email: 'solo@studio.test' }] }, fakeHash);
        expect(await t.store.isEmpty()).toBe(true);
        await t.store.applySetup(
          { services: [{ key: 'consult', name: 'Consultation', durationMinutes: 30 }] },
          fakeHash,
        );
        expect(await t.store.isEmpty()).toBe(false);
      });
    });

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
          description: 'Studio portrait',
          durationMinutes: 90,
          price: 15000,
          deposit: 0,
          currency: null,
          imageUrl: 'https://img.test/portrait.jpg',
          color: '#3366ff',
          allowRescheduling: true,
          rescheduleLimit: 2,
          bufferBeforeMinutes: 15,
          bufferAfterMinutes: 10,
          active: true,
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

    describe('catalogue reads', () => {
      beforeEach(async () => {
        ids = await t.store.applySetup(SETUP, fakeHash);
      });

      const portrait = () => ({
        id: idOf('services', 'portrait'),
        slug: 'portrait',
        name: 'Portrait session',
        description: 'Studio portrait',
        durationMinutes: 60,
        price: 12000,
        deposit: 3000,
        currency: null,
        imageUrl: 'https://img.test/portrait.jpg',
        color: '#3366ff',
        allowRescheduling: true,
        rescheduleLimit: 2,
        bufferBeforeMinutes: 15,
        bufferAfterMinutes: 10,
        active: true,
      });
      const plain = { description: '', deposit: 0, imageUrl: null, color: null, rescheduleLimit: null };
      const noBuffers = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

      it('listServices gives every service by name; activeOnly leaves the inactive out', async () => {
        const consult = {
          id: idOf('services', 'consult'),
          slug: 'consult',
          name: 'Consultation',
          durationMinutes: 30,
          price: 0,
          currency: null,
          allowRescheduling: true,
          active: true,
          ...plain,
          ...noBuffers,
        };
        const headshot = {
          id: idOf('services', 'headshot'),
          slug: 'headshot',
          name: 'Headshot',
          durationMinutes: 20,
          price: 5000,
          currency: 'JPY',
          allowRescheduling: false,
          active: true,
          ...plain,
          ...noBuffers,
        };
        const retired = {
          id: idOf('services', 'retired'),
          slug: 'retired',
          name: 'Retired class',
          durationMinutes: 45,
          price: 5000,
          currency: null,
          allowRescheduling: true,
          active: false,
          ...plain,
          ...noBuffers,
        };
        expect(await t.store.listServices()).toEqual([consult, headshot, portrait(), retired]);
        expect(await t.store.listServices({ activeOnly: true })).toEqual([consult, headshot, portrait()]);
        expect(await t.store.listServices({ activeOnly: false })).toEqual([consult, headshot, portrait(), retired]);
      });

      it('findService finds a service by id and by slug; an unknown one is null', async () => {
        expect(await t.store.findService(idOf('services', 'portrait'))).toEqual(portrait());
        expect(await t.store.findService('portrait')).toEqual(portrait());
        expect(await t.store.findService('no-such-service')).toBeNull();
        expect(await t.store.findService('987654321')).toBeNull();
        expect(await t.store.findService('')).toBeNull();
      });

      it('findService finds a slug made only of digits by slug when no service has that id', async () => {
        const added = await t.store.applySetup(
          { services: [{ key: '2027', name: 'Class of 2027', durationMinutes: 90 }] },
          fakeHash,
        );
        const found = await t.store.findService('2027');
        expect(found && [found.id, found.slug, found.name]).toEqual([added.services['2027'], '2027', 'Class of 2027']);
      });

      it('listStaffForService gives the active members offering it, by id, with hours and days off mapped exactly', async () => {
        const ana = {
          id: idOf('staff', 'ana'),
          key: 'ana',
          name: 'Ana',
          email: 'ana@studio.test',
          timezone: null,
          slotStepMinutes: null,
          gapMinutes: null,
          minNoticeMinutes: null,
          active: true,
          serviceIds: [idOf('services', 'portrait'), idOf('services', 'consult')],
          hours: {
            mon: [
              { start: 540, end: 720 },
              { start: 780, end: 1020 },
            ],
            fri: [{ start: 540, end: 720 }],
            sun: [{ start: 1200, end: 1440 }],
          },
          daysOff: [
            { from: '2027-04-05', to: '2027-04-09', note: 'Holiday' },
            { from: '2027-05-01', to: '2027-05-01', note: null },
          ],
        };
        const ben = {
          id: idOf('staff', 'ben'),
          key: 'ben',
          name: 'Ben',
          email: 'ben@studio.test',
          timezone: 'America/New_York',
          slotStepMinutes: 20,
          gapMinutes: 10,
          minNoticeMinutes: 60,
          active: true,
          serviceIds: [idOf('services', 'portrait')],
          hours: { sat: [{ start: 600, end: 1080 }] },
          daysOff: [],
        };
        const dan = {
          id: idOf('staff', 'dan'),
          key: 'dan',
          name: 'Dan',
          email: 'dan@studio.test',
          timezone: null,
          slotStepMinutes: null,
          gapMinutes: null,
          minNoticeMinutes: null,
          active: true,
          serviceIds: [idOf('services', 'consult')],
          hours: {},
          daysOff: [],
        };
        expect(await t.store.listStaffForService(idOf('services', 'portrait'))).toEqual([ana, ben]);
        expect(await t.store.listStaffForService(idOf('services', 'consult'))).toEqual([ana, dan]);
        expect(await t.store.listStaffForService(idOf('services', 'retired'))).toEqual([]);
        const all = await t.store.listStaff();
        expect(all.map((m) => [m.key, m.active])).toEqual([
          ['ana', true],
          ['ben', true],
          ['cleo', false],
          ['dan', true],
        ]);
      });
    });

    describe('busy time and booking counts', () => {
      // Monday 2027-03-29, now 06:00Z, window [08:00Z, 14:00Z).
      const NOW = '2027-03-29T06:00:00Z';
      const WINDOW = span('2027-03-29T08:00:00Z/2027-03-29T14:00:00Z');

      beforeEach(async () => {
        ids = await t.store.applySetup(SETUP, fakeHash);
        // Ana
        await insertOk({ staff: 'ana', start: '2027-03-29T07:00:00Z', end: '2027-03-29T08:00:00Z' }, NOW);
        await insertOk(
          {
            staff: 'ana',
            service: 'portrait',
            start: '2027-03-29T08:15:00Z',
            end: '2027-03-29T09:15:00Z',
            occupied: span('2027-03-29T08:00:00Z/2027-03-29T09:25:00Z'),
          },
          NOW,
        );
        const cancelled = await insertOk(
          { staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' },
          NOW,
        );
        await setStatus(cancelled, 'cancelled');
        const expired = await insertOk(
          { staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' },
          NOW,
        );
        await setStatus(expired, 'expired');
        // A hold made at 05:45 for 15 minutes: lapsed at 06:00.
        await insertOk(
          {
            staff: 'ana',
            start: '2027-03-29T11:00:00Z',
            end: '2027-03-29T12:00:00Z',
            status: 'pending_verification',
            holdUntil: NOW,
          },
          '2027-03-29T05:45:00Z',
        );
        await insertOk(
          {
            staff: 'ana',
            start: '2027-03-29T12:00:00Z',
            end: '2027-03-29T13:00:00Z',
            status: 'awaiting_payment',
            holdUntil: '2027-03-29T06:15:00Z',
          },
          NOW,
        );
        await insertOk({ staff: 'ana', start: '2027-03-29T13:30:00Z', end: '2027-03-29T14:30:00Z' }, NOW);
        // Ben
        await insertOk(
          { staff: 'ben', service: 'portrait', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' },
          NOW,
        );
        await insertOk(
          { staff: 'ben', service: 'portrait', start: '2027-03-29T09:00:00Z', end: '2027-03-29T10:00:00Z' },
          NOW,
        );
        await insertOk(
          { staff: 'ben', service: 'portrait', start: '2027-03-29T14:00:00Z', end: '2027-03-29T15:00:00Z' },
          NOW,
        );
      });

      const busyOf = async (keys: readonly ('ana' | 'ben' | 'dan')[], now = NOW) => {
        const byId = await t.store.listBusy(
          keys.map((k) => idOf('staff', k)),
          WINDOW,
          at(now),
        );
        const keyOf = (id: string) => Object.entries(ids.staff).find(([, v]) => v === id)?.[0];
        return Object.fromEntries([...byId].map(([id, spans]) => [keyOf(id), spans.map(isoSpan)]));
      };

      it('listBusy gives the occupied spans (buffers included) of occupying bookings overlapping the window, per member', async () => {
        expect(await busyOf(['ana', 'ben', 'dan'])).toEqual({
          ana: [
            '2027-03-29T08:00:00Z/2027-03-29T09:25:00Z',
            '2027-03-29T12:00:00Z/2027-03-29T13:00:00Z',
            '2027-03-29T13:30:00Z/2027-03-29T14:30:00Z',
          ],
          ben: ['2027-03-29T08:00:00Z/2027-03-29T09:00:00Z', '2027-03-29T09:00:00Z/2027-03-29T10:00:00Z'],
          dan: [],
        });
      });

      it('listBusy answers only for the members asked; none asked gives an empty map', async () => {
        expect(await busyOf(['ben'])).toEqual({
          ben: ['2027-03-29T08:00:00Z/2027-03-29T09:00:00Z', '2027-03-29T09:00:00Z/2027-03-29T10:00:00Z'],
        });
        expect(await t.store.listBusy([], WINDOW, at(NOW))).toEqual(new Map());
      });

      it('an active hold stops occupying time at exactly its hold_until', async () => {
        expect((await busyOf(['ana'], '2027-03-29T06:14:59.999Z')).ana).toContain(
          '2027-03-29T12:00:00Z/2027-03-29T13:00:00Z',
        );
        expect((await busyOf(['ana'], '2027-03-29T06:15:00Z')).ana).toEqual([
          '2027-03-29T08:00:00Z/2027-03-29T09:25:00Z',
          '2027-03-29T13:30:00Z/2027-03-29T14:30:00Z',
        ]);
      });

      it('countBookings counts occupying bookings whose start lies in [window start, window end), per member', async () => {
        const counts = await t.store.countBookings(
          ['ana', 'ben', 'dan'].map((k) => idOf('staff', k)),
          WINDOW,
          at(NOW),
        );
        expect(counts).toEqual(
          new Map([
            [idOf('staff', 'ana'), 3],
            [idOf('staff', 'ben'), 2],
            [idOf('staff', 'dan'), 0],
          ]),
        );
        expect(await t.store.countBookings([], WINDOW, at(NOW))).toEqual(new Map());
      });
    });

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

      it('cancelled and expired bookings never block', async () => {
        const when = { staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' } as const;
        await setStatus(await insertOk({ ...when, reference: 'SW-CANCELLED' }, NOW), 'cancelled');
        await setStatus(
          await insertOk(
            { ...when, reference: 'SW-EXPIRED', status: 'pending_verification', holdUntil: '2027-03-29T06:15:00Z' },
            NOW,
          ),
          'expired',
        );
        await insertOk({ ...when, reference: 'SW-NEW' }, NOW);
        expect(await bookingRows()).toEqual([
          'SW-CANCELLED cancelled 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
          'SW-EXPIRED expired 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
          'SW-NEW confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
        ]);
      });

      it.each(['pending_verification', 'awaiting_payment'] as const)(
        'an active %s hold blocks the same member until its hold_until',
        async (status) => {
          await insertOk(
            {
              staff: 'ana',
              reference: 'SW-HOLD',
              start: '2027-03-29T10:00:00Z',
              end: '2027-03-29T11:00:00Z',
              status,
              holdUntil: '2027-03-29T06:15:00Z',
            },
            NOW,
          );
          const overlapping = { staff: 'ana', start: '2027-03-29T10:30:00Z', end: '2027-03-29T11:30:00Z' } as const;
          expect(await insert(overlapping, '2027-03-29T06:14:59.999Z')).toEqual({
            ok: false,
            code: 'SLOT_UNAVAILABLE',
          });
          expect(await bookingRows()).toEqual([`SW-HOLD ${status} 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z`]);
        },
      );

      it('a hold whose hold_until has come is expired by the next insert in its way, which succeeds at exactly that instant', async () => {
        await insertOk(
          {
            staff: 'ana',
            reference: 'SW-HOLD',
            start: '2027-03-29T10:00:00Z',
            end: '2027-03-29T11:00:00Z',
            status: 'pending_verification',
            holdUntil: '2027-03-29T06:15:00Z',
          },
          NOW,
        );
        const result = await insert(
          { staff: 'ana', reference: 'SW-NEW', start: '2027-03-29T10:30:00Z', end: '2027-03-29T11:30:00Z' },
          '2027-03-29T06:15:00Z',
        );
        expect(result.ok && result.booking.reference).toBe('SW-NEW');
        expect(await bookingRows()).toEqual([
          'SW-HOLD expired 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
          'SW-NEW confirmed 2027-03-29T10:30:00Z/2027-03-29T11:30:00Z',
        ]);
        const [row] = await t.db.query(`SELECT updated_at FROM bookings WHERE reference = 'SW-HOLD'`);
        expect(iso(row?.updated_at)).toBe('2027-03-29T06:15:00Z');
      });

      it('only the lapsed holds in the way are expired; others stay as they are', async () => {
        const lapsed = { status: 'awaiting_payment', holdUntil: '2027-03-29T06:15:00Z' } as const;
        const when = { start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' };
        await insertOk({ staff: 'ana', reference: 'SW-IN-WAY', ...when, ...lapsed }, NOW);
        await insertOk(
          {
            staff: 'ana',
            reference: 'SW-ELSEWHEN',
            start: '2027-03-29T12:00:00Z',
            end: '2027-03-29T13:00:00Z',
            ...lapsed,
          },
          NOW,
        );
        await insertOk({ staff: 'ben', service: 'portrait', reference: 'SW-OTHER-STAFF', ...when, ...lapsed }, NOW);
        await insertOk({ staff: 'ana', reference: 'SW-NEW', ...when }, '2027-03-29T07:00:00Z');
        expect(await bookingRows()).toEqual([
          'SW-IN-WAY expired 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
          'SW-NEW confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
          'SW-OTHER-STAFF awaiting_payment 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
          'SW-ELSEWHEN awaiting_payment 2027-03-29T12:00:00Z/2027-03-29T13:00:00Z',
        ]);
      });

      it('a refused insert writes nothing, not even the expiry of the lapsed holds it met', async () => {
        await insertOk(
          {
            staff: 'ana',
            reference: 'SW-HOLD',
            start: '2027-03-29T10:00:00Z',
            end: '2027-03-29T11:00:00Z',
            status: 'pending_verification',
            holdUntil: '2027-03-29T06:15:00Z',
          },
          NOW,
        );
        await insertOk(
          { staff: 'ana', reference: 'SW-CONFIRMED', start: '2027-03-29T11:00:00Z', end: '2027-03-29T12:00:00Z' },
          NOW,
        );
        expect(
          await insert(
            { staff: 'ana', start: '2027-03-29T10:30:00Z', end: '2027-03-29T11:30:00Z' },
            '2027-03-29T07:00:00Z',
          ),
        ).toEqual({ ok: false, code: 'SLOT_UNAVAILABLE' });
        expect(await bookingRows()).toEqual([
          'SW-HOLD pending_verification 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
          'SW-CONFIRMED confirmed 2027-03-29T11:00:00Z/2027-03-29T12:00:00Z',
        ]);
      });

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

    describe('the double-booking race (SPEC §6)', () => {
      const NOW = '2027-03-29T06:00:00Z';

      beforeEach(async () => {
        ids = await t.store.applySetup(SETUP, fakeHash);
      });

      /** Twenty pairwise-overlapping spans: 10:00 + 2i minutes, one hour long. */
      const racer = (i: number, status: BookingStatus = 'confirmed', staff: 'ana' | 'ben' = 'ana'): Draft => ({
        staff,
        service: 'portrait',
        reference: `SW-RACE${String(i).padStart(2, '0')}`,
        start: iso(at('2027-03-29T10:00:00Z') + 2 * i * MINUTE),
        end: iso(at('2027-03-29T11:00:00Z') + 2 * i * MINUTE),
        status,
        holdUntil: status === 'confirmed' ? null : '2027-03-29T06:15:00Z',
      });

      async function race(drafts: readonly Draft[]) {
        const results = await Promise.all(drafts.map((d) => insert(d, NOW)));
        const winners = results.flatMap((r) => (r.ok ? [r.booking.reference] : []));
        const losers = results.filter((r) => !r.ok);
        const rows = await t.db.query('SELECT reference FROM bookings ORDER BY reference');
        return { winners, losers, rows: rows.map((r) => String(r.reference)) };
      }

      it('20 concurrent inserts of overlapping spans for one member: exactly one wins, 19 get SLOT_UNAVAILABLE', async () => {
        const { winners, losers, rows } = await race(Array.from({ length: 20 }, (_, i) => racer(i)));
        expect(winners).toHaveLength(1);
        expect(losers).toEqual(Array.from({ length: 19 }, () => ({ ok: false, code: 'SLOT_UNAVAILABLE' })));
        expect(rows).toEqual(winners);
      });

      it('the same race mixing holds and confirmed bookings: exactly one wins', async () => {
        const statuses: BookingStatus[] = ['pending_verification', 'awaiting_payment', 'confirmed'];
        const { winners, losers, rows } = await race(Array.from({ length: 20 }, (_, i) => racer(i, statuses[i % 3])));
        expect(winners).toHaveLength(1);
        expect(losers).toEqual(Array.from({ length: 19 }, () => ({ ok: false, code: 'SLOT_UNAVAILABLE' })));
        expect(rows).toEqual(winners);
      });

      it('racing for two members at once: exactly one winner per member', async () => {
        const { winners, losers, rows } = await race(
          Array.from({ length: 20 }, (_, i) => racer(i, 'confirmed', i % 2 === 0 ? 'ana' : 'ben')),
        );
        expect(losers).toEqual(Array.from({ length: 18 }, () => ({ ok: false, code: 'SLOT_UNAVAILABLE' })));
        const staffOf = await t.db.query('SELECT staff_id FROM bookings ORDER BY staff_id');
        expect(staffOf.map((r) => String(r.staff_id)).sort()).toEqual(
          [idOf('staff', 'ana'), idOf('staff', 'ben')].sort(),
        );
        expect(rows).toEqual([...winners].sort());
      });

      it('the database itself refuses an overlapping row written with plain SQL (23P01 bookings_no_overlap)', async () => {
        await insertOk(
          { staff: 'ana', reference: 'SW-STORE', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' },
          NOW,
        );
        await expect(
          rawInsert('SW-RAW-CLASH', idOf('staff', 'ana'), '2027-03-29T10:59:00Z', '2027-03-29T11:59:00Z'),
        ).rejects.toMatchObject({ code: '23P01', constraint: 'bookings_no_overlap' });
        // The same statement is accepted where there is no overlap, so the refusal above is the constraint's.
        await rawInsert('SW-RAW-BEN', idOf('staff', 'ben'), '2027-03-29T10:59:00Z', '2027-03-29T11:59:00Z');
        await rawInsert('SW-RAW-LATER', idOf('staff', 'ana'), '2027-03-29T11:00:00Z', '2027-03-29T12:00:00Z');
        expect(await bookingRows()).toEqual([
          'SW-STORE confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
          'SW-RAW-BEN confirmed 2027-03-29T10:59:00Z/2027-03-29T11:59:00Z',
          'SW-RAW-LATER confirmed 2027-03-29T11:00:00Z/2027-03-29T12:00:00Z',
        ]);
      });
    });

    describe('clients', () => {
      it('upsertClient creates a client; the same email in another case updates that one row', async () => {
        const id = await t.store.upsertClient({
          name: 'Zoé',
          email: 'Zoe@Example.test',
          phone: '+33 6 12 34 56 78',
          address: null,
        });
        const again = await t.store.upsertClient({
          name: 'Zoé Martin',
          email: 'zoe@EXAMPLE.TEST',
          phone: null,
          address: '1 rue de la Paix, Paris',
        });
        expect(again).toBe(id);
        const rows = await t.db.query('SELECT id, email, name, phone, address FROM clients');
        expect(rows.map((r) => ({ ...r, id: String(r.id) }))).toEqual([
          // The first spelling of the email stays; a missing phone keeps the known one.
          {
            id,
            email: 'Zoe@Example.test',
            name: 'Zoé Martin',
            phone: '+33 6 12 34 56 78',
            address: '1 rue de la Paix, Paris',
          },
        ]);
      });

      it('findClientId compares emails case-insensitively; an unknown email is null', async () => {
        const id = await t.store.upsertClient({ name: 'Zoé', email: 'Zoe@Example.test', phone: null, address: null });
        expect(await t.store.findClientId('zoe@example.test')).toBe(id);
        expect(await t.store.findClientId('ZOE@EXAMPLE.TEST')).toBe(id);
        expect(await t.store.findClientId('zoe@example.org')).toBeNull();
      });
    });

    describe('idempotency keys', () => {
      const T0 = '2027-03-29T06:00:00Z';
      const DAY = 24 * 60 * MINUTE;
      const body = { bookingId: '42', next: { action: 'done' } };

      it('claim new, save, claim again with the same hash: replay of status, body and sealed token', async () => {
        expect(await t.store.claimIdempotencyKey('key-1', 'hash-a', at(T0))).toEqual({ state: 'new' });
        await t.store.saveIdempotentResponse('key-1', 201, body, 'sealed-token');
        expect(await t.store.claimIdempotencyKey('key-1', 'hash-a', at(T0) + MINUTE)).toEqual({
          state: 'replay',
          status: 201,
          body,
          tokenSealed: 'sealed-token',
        });
      });

      it('a saved response without a sealed token replays tokenSealed null', async () => {
        await t.store.claimIdempotencyKey('key-1', 'hash-a', at(T0));
        await t.store.saveIdempotentResponse('key-1', 200, { list: [1, 'two', null] }, null);
        expect(await t.store.claimIdempotencyKey('key-1', 'hash-a', at(T0))).toEqual({
          state: 'replay',
          status: 200,
          body: { list: [1, 'two', null] },
          tokenSealed: null,
        });
      });

      it('the same key with a different request hash is a mismatch', async () => {
        await t.store.claimIdempotencyKey('key-1', 'hash-a', at(T0));
        await t.store.saveIdempotentResponse('key-1', 201, body, 'sealed-token');
        expect(await t.store.claimIdempotencyKey('key-1', 'hash-b', at(T0))).toEqual({ state: 'mismatch' });
      });

      it('release removes an unsaved claim, never a saved response', async () => {
        await t.store.claimIdempotencyKey('unsaved', 'hash-a', at(T0));
        await t.store.releaseIdempotencyKey('unsaved');
        expect(await t.store.claimIdempotencyKey('unsaved', 'hash-b', at(T0))).toEqual({ state: 'new' });

        await t.store.claimIdempotencyKey('saved', 'hash-a', at(T0));
        await t.store.saveIdempotentResponse('saved', 201, body, null);
        await t.store.releaseIdempotencyKey('saved');
        expect(await t.store.claimIdempotencyKey('saved', 'hash-a', at(T0))).toMatchObject({ state: 'replay' });
      });

      it('keys older than 24 hours are purged on the next claim; a key exactly 24 hours old is kept', async () => {
        await t.store.claimIdempotencyKey('old', 'hash-a', at(T0));
        await t.store.saveIdempotentResponse('old', 201, body, null);
        const keys = async () =>
          (await t.db.query('SELECT key FROM idempotency_keys ORDER BY key')).map((r) => String(r.key));

        await t.store.claimIdempotencyKey('day-later', 'hash-x', at(T0) + DAY);
        expect(await keys()).toEqual(['day-later', 'old']);
        await t.store.claimIdempotencyKey('day-later-plus', 'hash-x', at(T0) + DAY + 1);
        expect(await keys()).toEqual(['day-later', 'day-later-plus']);
        expect(await t.store.claimIdempotencyKey('old', 'hash-b', at(T0) + DAY + 2)).toEqual({ state: 'new' });
      });
    });

    describe('transaction()', () => {
      const NOW = '2027-03-29T06:00:00Z';

      beforeEach(async () => {
        ids = await t.store.applySetup(SETUP, fakeHash);
      });

      const clientEmails = async () =>
        (await t.db.query('SELECT email FROM clients ORDER BY email')).map((r) => String(r.email));

      it('commits and returns the value of fn', async () => {
        const value = await t.store.transaction(async (tx) => {
          await tx.upsertClient({ name: 'A', email: 'a@example.test', phone: null, address: null });
          return 'done';
        });
        expect(value).toBe('done');
        expect(await clientEmails()).toEqual(['a@example.test']);
      });

      it('an exception rolls everything back and reaches the caller', async () => {
        await expect(
          t.store.transaction(async (tx) => {
            await tx.upsertClient({ name: 'A', email: 'a@example.test', phone: null, address: null });
            await tx.insertBooking(
              draft({ staff: 'ana', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' }),
              at(NOW),
            );
            await tx.claimIdempotencyKey('key-1', 'hash-a', at(NOW));
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await clientEmails()).toEqual([]);
        expect(await bookingRows()).toEqual([]);
        expect(await t.db.query('SELECT key FROM idempotency_keys')).toEqual([]);
      });

      it('a failing nested transaction rolls back only its own savepoint', async () => {
        await t.store.transaction(async (tx) => {
          await tx.upsertClient({ name: 'Outer', email: 'outer@example.test', phone: null, address: null });
          await expect(
            tx.transaction(async (inner) => {
              await inner.upsertClient({ name: 'Inner', email: 'inner@example.test', phone: null, address: null });
              throw new Error('inner failure');
            }),
          ).rejects.toThrow('inner failure');
          await tx.transaction(async (inner) => {
            await inner.upsertClient({ name: 'Kept', email: 'kept@example.test', phone: null, address: null });
          });
        });
        expect(await clientEmails()).toEqual(['kept@example.test', 'outer@example.test']);
      });

      it('a refused insertBooking inside a transaction leaves the transaction usable (create-booking retries)', async () => {
        await insertOk(
          { staff: 'ana', reference: 'SW-TAKEN', start: '2027-03-29T10:00:00Z', end: '2027-03-29T11:00:00Z' },
          NOW,
        );
        const result = await t.store.transaction(async (tx) => {
          await tx.upsertClient({ name: 'A', email: 'a@example.test', phone: null, address: null });
          const refused = await tx.insertBooking(
            draft({
              staff: 'ana',
              reference: 'SW-TRY-ANA',
              start: '2027-03-29T10:30:00Z',
              end: '2027-03-29T11:30:00Z',
            }),
            at(NOW),
          );
          const taken = await tx.insertBooking(
            draft({
              staff: 'ben',
              service: 'portrait',
              reference: 'SW-TRY-BEN',
              start: '2027-03-29T10:30:00Z',
              end: '2027-03-29T11:30:00Z',
            }),
            at(NOW),
          );
          return [refused, taken.ok && taken.booking.reference];
        });
        expect(result).toEqual([{ ok: false, code: 'SLOT_UNAVAILABLE' }, 'SW-TRY-BEN']);
        expect(await clientEmails()).toEqual(['a@example.test']);
        expect(await bookingRows()).toEqual([
          'SW-TAKEN confirmed 2027-03-29T10:00:00Z/2027-03-29T11:00:00Z',
          'SW-TRY-BEN confirmed 2027-03-29T10:30:00Z/2027-03-29T11:30:00Z',
        ]);
      });
    });

    describe('database checks', () => {
      it('refuses a deposit above the price (23514)', async () => {
        await expect(
          t.db.query(
            `INSERT INTO services (slug, name, duration_minutes, price_minor, deposit_minor)
             VALUES ('too-much', 'Too much', 60, 1000, 1001)`,
          ),
        ).rejects.toMatchObject({ code: '23514' });
        await t.db.query(
          `INSERT INTO services (slug, name, duration_minutes, price_minor, deposit_minor)
           VALUES ('all-of-it', 'All of it', 60, 1000, 1000)`,
        );
        expect((await t.store.listServices()).map((s) => [s.slug, s.price, s.deposit])).toEqual([
          ['all-of-it', 1000, 1000],
        ]);
      });

      it('refuses overlapping working hours of one member on one weekday (23P01); touching ones are fine', async () => {
        const [row] = await t.db.query(
          `INSERT INTO staff (name, email) VALUES ('Ana', 'ana@studio.test') RETURNING id`,
        );
        const staffId = String(row?.id);
        const hours = (weekday: number, from: number, to: number) =>
          t.db.query(
            'INSERT INTO working_hours (staff_id, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4)',
            [staffId, weekday, from, to],
          );
        await hours(1, 540, 720);
        await expect(hours(1, 660, 780)).rejects.toMatchObject({ code: '23P01' });
        await hours(1, 720, 780);
        await hours(2, 660, 780);
        await expect(hours(3, 600, 600)).rejects.toMatchObject({ code: '23514' });
        const rows = await t.db.query(
          'SELECT weekday, start_minute, end_minute FROM working_hours ORDER BY weekday, start_minute',
        );
        expect(rows.map((r) => [Number(r.weekday), Number(r.start_minute), Number(r.end_minute)])).toEqual([
          [1, 540, 720],
          [1, 720, 780],
          [2, 660, 780],
        ]);
      });

      it('refuses a hold without hold_until (23514)', async () => {
        ids = await t.store.applySetup(SETUP, fakeHash);
        // No holdUntil given: draft() writes null.
        const noHoldUntil = draft({
          staff: 'ana',
          start: '2027-03-29T10:00:00Z',
          end: '2027-03-29T11:00:00Z',
          status: 'pending_verification',
        });
        await expect(t.store.insertBooking(noHoldUntil, at('2027-03-29T06:00:00Z'))).rejects.toMatchObject({
          code: '23514',
        });
        expect(await bookingRows()).toEqual([]);
      });
    });
  });
}
