/** The store contract on reading the business and the catalogue: settings, services and staff. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SetupResult } from '../../app/ports.ts';
import {
  contractFixtures,
  DEFAULT_BUSINESS,
  fakeHash,
  type GetDb,
  liveDb,
  PORTRAIT_POLICY,
  PORTRAIT_QUESTIONS,
  SETUP,
} from './fixtures.ts';

export function describeBusiness(getDb: GetDb): void {
  const t = liveDb(getDb);

  describe('business', () => {
    it('getBusiness gives the SPEC §1 defaults on a fresh database', async () => {
      expect(await t.store.getBusiness()).toEqual(DEFAULT_BUSINESS);
    });

    it('isEmpty is true until a service exists', async () => {
      expect(await t.store.isEmpty()).toBe(true);
      await t.store.applySetup({ staff: [{ key: 'solo', name: 'Solo', email: 'solo@studio.test' }] }, fakeHash);
      expect(await t.store.isEmpty()).toBe(true);
      await t.store.applySetup({ services: [{ key: 'consult', name: 'Consultation', durationMinutes: 30 }] }, fakeHash);
      expect(await t.store.isEmpty()).toBe(false);
    });
  });
}

export function describeCatalogueReads(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf } = contractFixtures(getDb, () => ids);

  describe('catalogue reads', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    const portrait = () => ({
      id: idOf('services', 'portrait'),
      slug: 'portrait',
      name: 'Portrait session',
      nameWordings: null,
      description: 'Studio portrait',
      descriptionWordings: null,
      durationMinutes: 60,
      price: 12000,
      deposit: 3000,
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
      // jsonb lists read back as given (setup.ts writes them as JSON text).
      questions: PORTRAIT_QUESTIONS,
      cancellationPolicy: PORTRAIT_POLICY,
      allowRepeat: false,
    });
    const plain = {
      nameWordings: null,
      description: '',
      descriptionWordings: null,
      deposit: 0,
      imageUrl: null,
      image: null,
      color: null,
      rescheduleLimit: null,
      resourceIds: [],
      questions: [],
      cancellationPolicy: [],
    };
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
        capacity: 1,
        maxSeatsPerBooking: 1,
        allowRepeat: false,
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
        capacity: 1,
        maxSeatsPerBooking: 1,
        allowRepeat: false,
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
        capacity: 1,
        maxSeatsPerBooking: 1,
        allowRepeat: false,
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
        dateHours: {},
        blocks: [],
        photo: null,
        bio: '',
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
        dateHours: {},
        blocks: [],
        photo: null,
        bio: '',
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
        dateHours: {},
        blocks: [],
        photo: null,
        bio: '',
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
}
