/**
 * The dashboard's catalogue through the admin API: services, staff, weekly hours, days off and
 * settings round-trip exactly, invalid input names its fields, removing what bookings refer to
 * deactivates it instead, and every edit reaches the public availability at once (cached store).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ViewCache } from '../../src/app/view-cache.ts';
import { createApp } from '../../src/http/app.ts';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { type Body, PUBLIC_URL, SECRET } from '../support/lifecycle.ts';
import { testOutbound } from '../support/outbound.ts';

let tdb: TestDatabase;
let d: Dashboard;
let ids: { portrait: string; consult: string; ana: string; ben: string };
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
// Nothing may reach the error log (a 500 or a failed job would).
afterEach(() => expect(d.errors).toEqual([]));
beforeEach(async () => {
  d = await startDashboard(tdb);
  const services = await tdb.store.listServices();
  const idOf = (slug: string) => services.find((s) => s.slug === slug)?.id as string;
  ids = { portrait: idOf('portrait'), consult: idOf('consult'), ...d.staffIds };
});

const fieldsOf = (r: { body: Body }) => r.body.error.details.fields;

/** A booking of Ana's portrait on Monday 2027-03-29 at 10:00 Paris, through the public API. */
async function bookAna(): Promise<void> {
  const r = await d.post('/bookings', {
    service: 'portrait',
    staff: ids.ana,
    start: '2027-03-29T10:00:00+02:00',
    client: { name: 'Zoé', email: 'zoe@example.test' },
    payment: 'none',
  });
  expect(r.status).toBe(201);
}

describe('services', () => {
  const portrait = () => ({
    id: ids.portrait,
    slug: 'portrait',
    name: 'Portrait session',
    description: '',
    durationMinutes: 60,
    price: '120.00',
    deposit: '30.00',
    currency: 'EUR',
    usesBusinessCurrency: true,
    imageUrl: null,
    image: null,
    color: null,
    allowRescheduling: true,
    rescheduleLimit: null,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    active: true,
    capacity: 1,
    maxSeatsPerBooking: 1,
    allowRepeat: false,
    staff: [
      { id: ids.ana, name: 'Ana' },
      { id: ids.ben, name: 'Ben' },
    ],
    resources: [],
    questions: [],
    cancellationPolicy: [],
  });

  it('lists every service by name, inactive ones included, to admins and staff alike', async () => {
    await tdb.store.updateService(ids.consult, { active: false }, undefined);
    const consult = {
      ...portrait(),
      id: ids.consult,
      slug: 'consult',
      name: 'Consultation',
      durationMinutes: 30,
      price: '0.00',
      deposit: '0.00',
      active: false,
      staff: [{ id: ids.ana, name: 'Ana' }],
    };
    const admin = await d.as('admin', 'GET', 'services');
    expect(admin.status).toBe(200);
    expect(admin.body).toEqual({ services: [consult, portrait()] });
    expect((await d.as('ana', 'GET', 'services')).body).toEqual(admin.body);
    expect((await d.as('ben', 'GET', 'services/portrait')).body).toEqual(portrait());
  });

  it('judges seat settings with the stored ones: 400 naming maxSeatsPerBooking or capacity, nothing written', async () => {
    const made = await d.as('admin', 'POST', 'services', {
      slug: 'class',
      name: 'Class',
      durationMinutes: 60,
      capacity: 2,
      maxSeatsPerBooking: 3,
    });
    expect([made.status, Object.keys(made.body.error.details.fields)]).toEqual([400, ['maxSeatsPerBooking']]);
    const ok = await d.as('admin', 'PATCH', 'services/portrait', { capacity: 8, maxSeatsPerBooking: 4 });
    expect([ok.status, ok.body.capacity, ok.body.maxSeatsPerBooking]).toEqual([200, 8, 4]);
    const lowered = await d.as('admin', 'PATCH', 'services/portrait', { capacity: 3 });
    expect([lowered.status, Object.keys(lowered.body.error.details.fields)]).toEqual([400, ['capacity']]);
    expect((await d.as('admin', 'GET', 'services/portrait')).body.capacity).toBe(8);
  });

  it('a group service may require resources (its sessions hold them once, SPEC §9.1): 200 by PATCH and POST', async () => {
    const room = await d.as('admin', 'POST', 'resources', { key: 'room', name: 'Studio room' });
    expect(room.status).toBe(201);
    const patched = await d.as('admin', 'PATCH', 'services/portrait', { capacity: 8, resources: [room.body.id] });
    expect([patched.status, patched.body.capacity, patched.body.resources.map((r: Body) => r.key)]).toEqual([
      200,
      8,
      ['room'],
    ]);
    const made = await d.as('admin', 'POST', 'services', {
      slug: 'class',
      name: 'Class',
      durationMinutes: 60,
      capacity: 6,
      resources: [room.body.id],
    });
    expect([made.status, made.body.capacity, made.body.resources.length]).toEqual([201, 6, 1]);
  });

  it('allowRepeat (SPEC §9.2) is off by default, set by PATCH, and a non-boolean is a 400 naming it', async () => {
    expect((await d.as('admin', 'GET', 'services/portrait')).body.allowRepeat).toBe(false);
    const bad = await d.as('admin', 'PATCH', 'services/portrait', { allowRepeat: 'yes' });
    expect([bad.status, Object.keys(bad.body.error.details.fields)]).toEqual([400, ['allowRepeat']]);
    const on = await d.as('admin', 'PATCH', 'services/portrait', { allowRepeat: true });
    expect([on.status, on.body.allowRepeat]).toEqual([200, true]);
    expect((await d.as('admin', 'GET', 'services/portrait')).body.allowRepeat).toBe(true);
  });

  it('creates a service with every field and reads it back exactly, by id and by slug', async () => {
    const body = {
      slug: 'family-shoot',
      name: 'Family shoot',
      description: 'Up to six people',
      durationMinutes: 90,
      price: '250.5',
      deposit: '50',
      currency: 'CHF',
      imageUrl: 'https://img.test/family.jpg',
      color: '#aa3300',
      allowRescheduling: false,
      rescheduleLimit: 1,
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 30,
      active: true,
      capacity: 6,
      maxSeatsPerBooking: 2,
      allowRepeat: true,
      staff: [ids.ben],
      questions: [
        {
          key: 'people',
          type: 'number',
          label: { en: 'How many people?', fr: 'Combien de personnes ?' },
          required: true,
          sensitive: false,
        },
        {
          key: 'access',
          type: 'multiChoice',
          label: 'Access needs',
          required: false,
          sensitive: true,
          options: [
            { key: 'stairs', label: 'No stairs' },
            { key: 'chair', label: { en: 'A chair', fr: 'Une chaise' } },
          ],
        },
      ],
      cancellationPolicy: [
        { untilHoursBefore: 48, refund: 'full' },
        { untilHoursBefore: 24, refund: 'deposit_kept' },
        { untilHoursBefore: 0, refund: 'none_online' },
      ],
    };
    const made = await d.as('admin', 'POST', 'services', body);
    expect(made.status).toBe(201);
    const expected = {
      ...body,
      id: made.body.id,
      price: '250.50',
      deposit: '50.00',
      usesBusinessCurrency: false,
      staff: [{ id: ids.ben, name: 'Ben' }],
      resources: [],
      image: null,
    };
    expect(made.body).toEqual(expected);
    expect(made.body.id).toMatch(/^\d+$/);
    expect((await d.as('admin', 'GET', `services/${made.body.id}`)).body).toEqual(expected);
    expect((await d.as('admin', 'GET', 'services/family-shoot')).body).toEqual(expected);
    const shown = await d.call('/api/v1/services/family-shoot');
    expect([shown.body.price, shown.body.currency, shown.body.staff]).toEqual([
      '250.50',
      'CHF',
      [{ id: ids.ben, name: 'Ben', photoUrl: null, bio: '' }],
    ]);
  });

  it('gives a new service SPEC §1 defaults for what it leaves out', async () => {
    const made = await d.as('admin', 'POST', 'services', { slug: 'mini', name: 'Mini', durationMinutes: 15 });
    expect(made.body).toEqual({
      ...portrait(),
      id: made.body.id,
      slug: 'mini',
      name: 'Mini',
      durationMinutes: 15,
      price: '0.00',
      deposit: '0.00',
      staff: [],
    });
  });

  it('changes only the given fields; `staff` replaces who offers it', async () => {
    const r = await d.as('admin', 'PATCH', `services/${ids.portrait}`, {
      name: 'Portrait',
      color: '#112233',
      staff: [ids.ben],
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      ...portrait(),
      name: 'Portrait',
      color: '#112233',
      staff: [{ id: ids.ben, name: 'Ben' }],
    });
    expect((await d.call('/api/v1/services/portrait')).body.staff).toEqual([
      { id: ids.ben, name: 'Ben', photoUrl: null, bio: '' },
    ]);
  });

  it('names every invalid field', async () => {
    const r = await d.as('admin', 'POST', 'services', {
      slug: 'Bad Slug',
      name: ' ',
      durationMinutes: 0,
      price: 'abc',
      color: 'red',
      imageUrl: 'javascript:alert(1)',
      extra: 1,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(r)).toEqual({
      slug: 'use lowercase letters, digits and single hyphens',
      name: 'required',
      durationMinutes: 'Too small: expected number to be >=1',
      price: 'a non-negative decimal amount such as "120.00"',
      color: 'a colour such as "#3366ff"',
      imageUrl: 'an http(s) URL or a path such as /img/a.jpg',
      extra: 'unknown field',
    });
    const unknownStaff = await d.as('admin', 'PATCH', 'services/portrait', { staff: [ids.ana, '999'] });
    expect(fieldsOf(unknownStaff)).toEqual({ 'staff[1]': 'no staff member 999' });
    const decimals = await d.as('admin', 'PATCH', 'services/portrait', { price: '12.345' });
    expect(fieldsOf(decimals)).toEqual({ price: 'too many decimals for EUR' });
  });

  it('refuses a deposit above the price, judged against the stored price and deposit', async () => {
    const create = await d.as('admin', 'POST', 'services', {
      slug: 'x',
      name: 'X',
      durationMinutes: 30,
      price: '50',
      deposit: '60',
    });
    expect(fieldsOf(create)).toEqual({ deposit: 'must not exceed the price (50.00)' });
    const deposit = await d.as('admin', 'PATCH', 'services/portrait', { deposit: '150.00' });
    expect([deposit.status, fieldsOf(deposit)]).toEqual([400, { deposit: 'must not exceed the price (120.00)' }]);
    const price = await d.as('admin', 'PATCH', 'services/portrait', { price: '20' });
    expect([price.status, fieldsOf(price)]).toEqual([400, { price: 'must not be less than the deposit (30.00)' }]);
    const both = await d.as('admin', 'PATCH', 'services/portrait', { price: '20', deposit: '10' });
    expect([both.status, both.body.price, both.body.deposit]).toEqual([200, '20.00', '10.00']);
  });

  it('re-expresses stored amounts in a new currency, refusing what does not fit', async () => {
    const yen = await d.as('admin', 'PATCH', 'services/portrait', { currency: 'JPY' });
    expect([yen.body.price, yen.body.deposit, yen.body.currency, yen.body.usesBusinessCurrency]).toEqual([
      '120',
      '30',
      'JPY',
      false,
    ]);
    const back = await d.as('admin', 'PATCH', 'services/portrait', { currency: null, price: '42.50' });
    expect([back.body.price, back.body.deposit, back.body.currency, back.body.usesBusinessCurrency]).toEqual([
      '42.50',
      '30.00',
      'EUR',
      true,
    ]);
    const refused = await d.as('admin', 'PATCH', 'services/portrait', { currency: 'JPY', deposit: '0' });
    expect(fieldsOf(refused)).toEqual({
      currency: 'the stored price has too many decimals for JPY: give the amounts again',
    });
  });

  it('refuses a slug another service uses, on create and on update', async () => {
    const create = await d.as('admin', 'POST', 'services', { slug: 'consult', name: 'Again', durationMinutes: 30 });
    expect([create.status, fieldsOf(create)]).toEqual([400, { slug: '"consult" is already used by another service' }]);
    const update = await d.as('admin', 'PATCH', 'services/portrait', { slug: 'consult' });
    expect([update.status, fieldsOf(update)]).toEqual([400, { slug: '"consult" is already used by another service' }]);
    expect((await d.as('admin', 'PATCH', 'services/portrait', { slug: 'portrait' })).status).toBe(200);
  });

  it('deletes a service without bookings, and deactivates one with bookings instead', async () => {
    const gone = await d.as('admin', 'DELETE', `services/${ids.consult}`);
    expect(gone.status).toBe(200);
    expect(gone.body.outcome).toBe('deleted');
    expect(gone.body.service.slug).toBe('consult');
    expect((await d.as('admin', 'GET', `services/${ids.consult}`)).status).toBe(404);
    expect((await d.as('admin', 'DELETE', `services/${ids.consult}`)).status).toBe(404);

    await bookAna();
    const kept = await d.as('admin', 'DELETE', 'services/portrait');
    expect(kept.status).toBe(200);
    expect(kept.body).toEqual({ outcome: 'deactivated', service: { ...portrait(), active: false } });
    expect((await d.call('/api/v1/services/portrait')).status).toBe(404);
    expect((await d.as('admin', 'GET', 'services')).body.services.map((s: Body) => [s.slug, s.active])).toEqual([
      ['portrait', false],
    ]);
    const [row] = await tdb.db.query('SELECT count(*)::int AS n FROM bookings WHERE service_id = $1', [ids.portrait]);
    expect(row?.n).toBe(1);
  });
});

describe('staff', () => {
  const ana = () => ({
    id: ids.ana,
    key: 'ana',
    name: 'Ana',
    email: 'ana@studio.test',
    timezone: null,
    services: [
      { id: ids.consult, name: 'Consultation' },
      { id: ids.portrait, name: 'Portrait session' },
    ],
    slotStepMinutes: null,
    gapMinutes: null,
    minNoticeMinutes: null,
    active: true,
    bio: '',
    photoUrl: null,
    photo: null,
  });

  it('creates a member with every field and reads it back exactly', async () => {
    const made = await d.as('admin', 'POST', 'staff', {
      key: 'cleo',
      name: 'Cléo',
      email: 'cleo@studio.test',
      timezone: 'Europe/London',
      services: [ids.consult],
      slotStepMinutes: 15,
      gapMinutes: 5,
      minNoticeMinutes: 120,
      active: true,
      bio: 'Weddings and portraits.',
    });
    expect(made.status).toBe(201);
    const expected = {
      id: made.body.id,
      key: 'cleo',
      name: 'Cléo',
      email: 'cleo@studio.test',
      timezone: 'Europe/London',
      services: [{ id: ids.consult, name: 'Consultation' }],
      slotStepMinutes: 15,
      gapMinutes: 5,
      minNoticeMinutes: 120,
      active: true,
      bio: 'Weddings and portraits.',
      photoUrl: null,
      photo: null,
    };
    expect(made.body).toEqual(expected);
    expect((await d.as('admin', 'GET', `staff/${made.body.id}`)).body).toEqual(expected);
    expect((await d.as('admin', 'GET', 'staff')).body.staff.map((m: Body) => m.key)).toEqual(['ana', 'ben', 'cleo']);
    expect((await d.call('/api/v1/services/consult')).body.staff).toEqual([
      { id: ids.ana, name: 'Ana', photoUrl: null, bio: '' },
      { id: made.body.id, name: 'Cléo', photoUrl: null, bio: 'Weddings and portraits.' },
    ]);
  });

  it('shows a staff member only themselves', async () => {
    expect((await d.as('ana', 'GET', 'staff')).body).toEqual({ staff: [ana()] });
    expect((await d.as('ana', 'GET', `staff/${ids.ana}`)).body).toEqual(ana());
  });

  it('lets a staff member change their profile, and nothing else', async () => {
    const own = await d.as('ana', 'PATCH', `staff/${ids.ana}`, {
      name: 'Ana María',
      email: 'ana.maria@studio.test',
      timezone: 'Europe/Madrid',
    });
    expect(own.status).toBe(200);
    expect(own.body).toEqual({
      ...ana(),
      name: 'Ana María',
      email: 'ana.maria@studio.test',
      timezone: 'Europe/Madrid',
    });
    const services = await d.as('ana', 'PATCH', `staff/${ids.ana}`, { name: 'Ana', services: [], gapMinutes: 10 });
    expect(services.status).toBe(403);
    expect(services.body.error).toEqual({
      code: 'FORBIDDEN',
      message: 'Only an admin can change services, gapMinutes; you may change your name, email, time zone and bio.',
      details: { fields: ['services', 'gapMinutes'] },
    });
    expect((await d.as('ana', 'PATCH', `staff/${ids.ana}`, { active: false })).status).toBe(403);
    expect((await d.as('ana', 'GET', `staff/${ids.ana}`)).body.name).toBe('Ana María');
  });

  it('lets an admin change every field; services replace the list', async () => {
    const r = await d.as('admin', 'PATCH', `staff/${ids.ana}`, {
      key: 'ana-p',
      services: [ids.portrait],
      slotStepMinutes: 20,
      gapMinutes: null,
      active: false,
    });
    expect(r.body).toEqual({
      ...ana(),
      key: 'ana-p',
      services: [{ id: ids.portrait, name: 'Portrait session' }],
      slotStepMinutes: 20,
      active: false,
    });
    expect((await d.call('/api/v1/services/portrait')).body.staff).toEqual([
      { id: ids.ben, name: 'Ben', photoUrl: null, bio: '' },
    ]);
  });

  it('names invalid fields, unknown services and a key another member uses', async () => {
    const bad = await d.as('admin', 'POST', 'staff', {
      name: '',
      email: 'not-an-email',
      timezone: 'Mars/Olympus',
      slotStepMinutes: 0,
    });
    expect(fieldsOf(bad)).toEqual({
      name: 'required',
      email: 'Invalid email address',
      timezone: 'not an IANA time zone (e.g. Europe/Paris)',
      slotStepMinutes: 'Too small: expected number to be >=1',
    });
    const unknown = await d.as('admin', 'POST', 'staff', { name: 'Dan', email: 'dan@studio.test', services: ['77'] });
    expect(fieldsOf(unknown)).toEqual({ 'services[0]': 'no service 77' });
    const taken = await d.as('admin', 'PATCH', `staff/${ids.ben}`, { key: 'ana' });
    expect(fieldsOf(taken)).toEqual({ key: '"ana" is already used by another staff member' });
  });

  it('deletes a member without bookings, and deactivates one with bookings, revoking their keys', async () => {
    const gone = await d.as('admin', 'DELETE', `staff/${ids.ben}`);
    expect([gone.status, gone.body.outcome, gone.body.staff.key]).toEqual([200, 'deleted', 'ben']);
    expect((await d.as('admin', 'GET', `staff/${ids.ben}`)).status).toBe(404);
    expect((await d.as('ben', 'GET', 'services')).status).toBe(401);

    await bookAna();
    const kept = await d.as('admin', 'DELETE', `staff/${ids.ana}`);
    expect(kept.body).toEqual({ outcome: 'deactivated', staff: { ...ana(), active: false } });
    expect((await d.as('ana', 'GET', `staff/${ids.ana}`)).status).toBe(401);
    expect((await d.call('/api/v1/services/portrait')).body.staff).toEqual([]);
    expect((await d.as('admin', 'GET', `staff/${ids.ana}`)).body.active).toBe(false);
  });
});

describe('working hours', () => {
  const week = (over: Record<string, string[][]>) => ({
    mon: [],
    tue: [],
    wed: [],
    thu: [],
    fri: [],
    sat: [],
    sun: [],
    ...over,
  });

  it('reads a week with every weekday, not-worked days empty', async () => {
    const day = [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ];
    expect((await d.as('ana', 'GET', `staff/${ids.ana}/hours`)).body).toEqual({
      hours: week({ mon: day, tue: day, wed: day, thu: day, fri: day }),
    });
  });

  it('replaces the whole week, sorting each day and accepting 24:00 as an end', async () => {
    const r = await d.as('ana', 'PUT', `staff/${ids.ana}/hours`, {
      hours: {
        tue: [
          ['14:00', '18:00'],
          ['08:00', '12:00'],
        ],
        sun: [['20:00', '24:00']],
        sat: [],
      },
    });
    expect(r.status).toBe(200);
    const expected = {
      hours: week({
        tue: [
          ['08:00', '12:00'],
          ['14:00', '18:00'],
        ],
        sun: [['20:00', '24:00']],
      }),
    };
    expect(r.body).toEqual(expected);
    expect((await d.as('admin', 'GET', `staff/${ids.ana}/hours`)).body).toEqual(expected);
  });

  it('refuses what the set-up file refuses, naming each range', async () => {
    const rules = await d.as('admin', 'PUT', `staff/${ids.ana}/hours`, {
      hours: {
        mon: [['12:00', '09:00']],
        tue: [
          ['09:00', '12:00'],
          ['11:00', '13:00'],
        ],
        wed: [['24:00', '24:00']],
      },
    });
    expect(fieldsOf(rules)).toEqual({
      'hours.mon[0]': 'the start must be before the end',
      'hours.tue': 'ranges overlap',
      'hours.wed[0]': 'the start must be before the end',
    });
    const shape = await d.as('admin', 'PUT', `staff/${ids.ana}/hours`, {
      hours: { mon: [['9:00', '10:00']], fri: [['09:00', '24:30']], someday: [] },
    });
    expect(fieldsOf(shape)).toEqual({
      'hours.mon[0][0]': 'a time HH:MM between 00:00 and 24:00',
      'hours.fri[0][1]': 'a time HH:MM between 00:00 and 24:00',
      'hours.someday': 'unknown field',
    });
    expect((await d.as('admin', 'GET', `staff/${ids.ana}/hours`)).body.hours.mon).toEqual([
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ]);
  });
});

describe('days off', () => {
  it('round-trips a day off: add, list, read, change, remove', async () => {
    const path = `staff/${ids.ana}/days-off`;
    const made = await d.as('ana', 'POST', path, { from: '2027-05-03', to: '2027-05-04', note: 'Wedding' });
    expect(made.status).toBe(201);
    const off = { id: made.body.id, staff: ids.ana, from: '2027-05-03', to: '2027-05-04', note: 'Wedding' };
    expect(made.body).toEqual(off);
    const holiday = (await d.as('ana', 'GET', path)).body.daysOff[0];
    expect(holiday).toEqual({ id: holiday.id, staff: ids.ana, from: '2027-04-05', to: '2027-04-09', note: 'Holiday' });
    expect((await d.as('ana', 'GET', path)).body).toEqual({ daysOff: [holiday, off] });
    expect((await d.as('ana', 'GET', `${path}/${off.id}`)).body).toEqual(off);
    const changed = await d.as('ana', 'PATCH', `${path}/${off.id}`, { to: '2027-05-05', note: null });
    expect(changed.body).toEqual({ ...off, to: '2027-05-05', note: null });
    expect((await d.as('ana', 'DELETE', `${path}/${off.id}`)).body).toEqual({ ...off, to: '2027-05-05', note: null });
    expect((await d.as('ana', 'GET', `${path}/${off.id}`)).status).toBe(404);
    expect((await d.as('ana', 'GET', path)).body).toEqual({ daysOff: [holiday] });
  });

  it('refuses a day off ending before it starts, judged with the stored dates', async () => {
    const path = `staff/${ids.ana}/days-off`;
    const made = await d.as('admin', 'POST', path, { from: '2027-05-04', to: '2027-05-03' });
    expect(fieldsOf(made)).toEqual({ to: 'must not be before "from" (2027-05-04)' });
    const bad = await d.as('admin', 'POST', path, { from: '2027-02-30', to: '2027-03-01', extra: true });
    expect(fieldsOf(bad)).toEqual({ from: 'a real date YYYY-MM-DD', extra: 'unknown field' });
    const holiday = (await d.as('admin', 'GET', path)).body.daysOff[0];
    const moved = await d.as('admin', 'PATCH', `${path}/${holiday.id}`, { from: '2027-04-10' });
    expect(fieldsOf(moved)).toEqual({ to: 'must not be before "from" (2027-04-10)' });
  });

  it("answers 404 for a member's day off addressed under another member", async () => {
    const bens = await d.as('admin', 'POST', `staff/${ids.ben}/days-off`, { from: '2027-06-01', to: '2027-06-01' });
    const wrong = `staff/${ids.ana}/days-off/${bens.body.id}`;
    for (const who of ['admin', 'ana'] as const) {
      expect((await d.as(who, 'GET', wrong)).status).toBe(404);
      expect((await d.as(who, 'PATCH', wrong, { note: 'mine' })).status).toBe(404);
      expect((await d.as(who, 'DELETE', wrong)).status).toBe(404);
    }
    expect((await d.as('ben', 'GET', `staff/${ids.ben}/days-off/${bens.body.id}`)).body.note).toBeNull();
  });
});

describe('settings', () => {
  const studio = {
    name: 'Test Studio',
    timezone: 'Europe/Paris',
    currency: 'EUR',
    locale: 'en',
    staffLabel: 'Choose photographer',
    ownerEmail: null,
    paymentUrl: null,
    slotStepMinutes: 30,
    gapMinutes: 0,
    minNoticeMinutes: 0,
    horizonDays: 400,
    defaultRescheduleLimit: 3,
    allowStaffChangeOnReschedule: true,
    cancelNoticeHours: 0,
    rescheduleNoticeHours: 0,
    holdMinutes: 15,
    reminderHours: 24,
    mailFrom: null,
    retainUnconfirmedDays: 30,
    retainPastDays: 0,
    noShowLimit: 0,
    waitlistOfferMinutes: 30,
    paymentSecretSet: false,
    noShowRule: { status: 'off', freeServices: [] },
  };

  it('reads every setting, never the payment secret', async () => {
    expect((await d.as('admin', 'GET', 'settings')).body).toEqual(studio);
  });

  it('round-trips every setting; the secret is stored but only reported as set', async () => {
    const all = {
      name: 'Lumen Studio',
      timezone: 'America/New_York',
      currency: 'USD',
      locale: 'fr',
      staffLabel: 'Choose a photographer',
      ownerEmail: 'owner@lumen.test',
      paymentUrl: 'https://pay.lumen.test/checkout',
      paymentSecret: 'k'.repeat(32),
      slotStepMinutes: 15,
      gapMinutes: 10,
      minNoticeMinutes: 120,
      horizonDays: 60,
      defaultRescheduleLimit: 2,
      allowStaffChangeOnReschedule: false,
      cancelNoticeHours: 24,
      rescheduleNoticeHours: 12,
      holdMinutes: 20,
      reminderHours: 48,
      mailFrom: 'Lumen Studio <bookings@lumen.test>',
      retainUnconfirmedDays: 7,
      retainPastDays: 365,
      noShowLimit: 2,
      waitlistOfferMinutes: 45,
    };
    const r = await d.as('admin', 'PATCH', 'settings', all);
    expect(r.status).toBe(200);
    const { paymentSecret: _secret, ...shown } = all;
    // The rule is on with a gateway; the free consultation is out of its reach (SPEC §10.3).
    const noShowRule = { status: 'on', freeServices: [{ id: ids.consult, name: 'Consultation' }] };
    expect(r.body).toEqual({ ...shown, paymentSecretSet: true, noShowRule });
    expect(JSON.stringify(r.body)).not.toContain('kkkk');
    expect((await d.as('admin', 'GET', 'settings')).body).toEqual({ ...shown, paymentSecretSet: true, noShowRule });
    const [row] = await tdb.db.query('SELECT payment_secret, mail_from FROM business');
    expect(row).toEqual({ payment_secret: 'k'.repeat(32), mail_from: 'Lumen Studio <bookings@lumen.test>' });
    expect((await d.call('/api/v1/business')).body).toEqual({
      name: 'Lumen Studio',
      timezone: 'America/New_York',
      currency: 'USD',
      locale: 'fr',
      locales: ['en', 'fr', 'de', 'es', 'pt'],
      staffLabel: 'Choose a photographer',
      paymentEnabled: true,
    });
  });

  it('refuses a payment URL without a stored secret, writing nothing', async () => {
    const url = await d.as('admin', 'PATCH', 'settings', { paymentUrl: 'https://pay.test/', name: 'Renamed' });
    expect([url.status, fieldsOf(url)]).toEqual([400, { paymentSecret: 'required when paymentUrl is set' }]);
    expect((await d.as('admin', 'GET', 'settings')).body).toEqual(studio);
    const secret = await d.as('admin', 'PATCH', 'settings', { paymentSecret: 's'.repeat(20) });
    expect(secret.body.paymentSecretSet).toBe(true);
    expect((await d.as('admin', 'PATCH', 'settings', { paymentUrl: 'https://pay.test/' })).status).toBe(200);
    const cleared = await d.as('admin', 'PATCH', 'settings', { paymentSecret: null });
    expect(fieldsOf(cleared)).toEqual({ paymentSecret: 'required when paymentUrl is set' });
    const off = await d.as('admin', 'PATCH', 'settings', { paymentSecret: null, paymentUrl: null });
    expect([off.body.paymentUrl, off.body.paymentSecretSet]).toEqual([null, false]);
  });

  it('sends every email from the mail sender set in the settings, and from the default without one', async () => {
    const bookOne = async (email: string) => {
      const day = (await d.call('/api/v1/availability/day?service=portrait&staff=any&date=2027-03-29')).body;
      const made = await d.post('/bookings', {
        service: 'portrait',
        staff: day.slots[0].staff[0],
        start: day.slots[0].start,
        client: { name: 'Ada', email },
      });
      expect(made.status).toBe(201);
      await d.deliver();
      return d.mail.to(email).map((m) => m.from ?? 'default');
    };
    expect(await bookOne('first@example.test')).toEqual(['default']);
    const set = await d.as('admin', 'PATCH', 'settings', { mailFrom: 'Test Studio <hello@studio.test>' });
    expect(set.status).toBe(200);
    expect(await bookOne('second@example.test')).toEqual(['Test Studio <hello@studio.test>']);
  });

  it('keeps the amounts of services that follow the business currency when it changes', async () => {
    const price = async (slug: string) => {
      const s = (await d.as('admin', 'GET', `services/${slug}`)).body;
      return `${s.price}/${s.deposit} ${s.currency}`;
    };
    expect(await price('portrait')).toBe('120.00/30.00 EUR');
    expect((await d.as('admin', 'PATCH', 'settings', { currency: 'JPY' })).status).toBe(200);
    expect(await price('portrait')).toBe('120/30 JPY');
    expect((await d.as('admin', 'PATCH', 'settings', { currency: 'USD' })).status).toBe(200);
    expect(await price('portrait')).toBe('120.00/30.00 USD');
    expect((await d.as('admin', 'PATCH', 'services/portrait', { price: '120.50' })).status).toBe(200);
    const refused = await d.as('admin', 'PATCH', 'settings', { currency: 'JPY', name: 'Renamed' });
    expect([refused.status, fieldsOf(refused)]).toEqual([
      400,
      { currency: 'change the amounts of "Portrait session" first, or give it its own currency' },
    ]);
    expect((await d.as('admin', 'GET', 'settings')).body.name).toBe('Test Studio');
    expect(await price('portrait')).toBe('120.50/30.00 USD');
  });

  it('names invalid settings, including a sender that would break the mail header', async () => {
    const r = await d.as('admin', 'PATCH', 'settings', {
      mailFrom: 'Studio\r\nBcc: all@example.test <a@b.test>',
      paymentSecret: 'short',
      locale: 'xx',
      holdMinutes: 0,
      currency: 'EURO',
    });
    expect(fieldsOf(r)).toEqual({
      mailFrom: 'an address, e.g. "Lumen Studio <bookings@lumen.example>"',
      paymentSecret: 'at least 16 characters',
      locale: 'Invalid option: expected one of "en"|"fr"|"de"|"es"|"pt"',
      holdMinutes: 'Too small: expected number to be >=1',
      currency: 'not an ISO 4217 currency code (e.g. EUR)',
    });
  });
});

describe('public availability follows every edit at once', () => {
  /** The public API as production serves it in embedded mode: cached store and cached month views. */
  const publicApp = () =>
    createApp({
      outbound: testOutbound(),
      store: tdb.store,
      clock: d.clock,
      secret: SECRET,
      publicUrl: PUBLIC_URL,
      monthViews: new ViewCache(),
      logError: (error) => d.errors.push(error),
    });
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    app = publicApp();
  });
  const get = async (path: string) => {
    const res = await app.request(`/api/v1/availability/${path}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Body;
  };
  const starts = async (date: string) =>
    (await get(`day?service=portrait&staff=${ids.ana}&date=${date}`)).slots.map((s: Body) => s.start.slice(11, 16));
  const statuses = async (month: string, dates: string[]) => {
    const days = (await get(`month?service=portrait&staff=${ids.ana}&month=${month}`)).days as Body[];
    return dates.map((date) => days.find((x) => x.date === date)?.status);
  };

  it('after PUT hours, the day and the month show the new week', async () => {
    expect(await starts('2027-03-29')).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
    ]);
    expect(await statuses('2027-03', ['2027-03-29', '2027-03-27'])).toEqual(['available', 'closed']);
    const put = await d.as('ana', 'PUT', `staff/${ids.ana}/hours`, {
      hours: { mon: [['10:00', '11:30']], sat: [['09:00', '10:00']] },
    });
    expect(put.status).toBe(200);
    expect(await starts('2027-03-29')).toEqual(['10:00', '10:30']);
    expect(await starts('2027-03-30')).toEqual([]);
    expect(await statuses('2027-03', ['2027-03-29', '2027-03-30', '2027-03-27'])).toEqual([
      'available',
      'closed',
      'available',
    ]);
  });

  it('after adding and removing a day off, the day closes and opens again', async () => {
    expect(await statuses('2027-04', ['2027-04-12', '2027-04-13'])).toEqual(['available', 'available']);
    expect((await starts('2027-04-12')).length).toBe(12);
    const off = await d.as('ana', 'POST', `staff/${ids.ana}/days-off`, { from: '2027-04-12', to: '2027-04-12' });
    expect(off.status).toBe(201);
    expect(await statuses('2027-04', ['2027-04-12', '2027-04-13'])).toEqual(['closed', 'available']);
    expect(await starts('2027-04-12')).toEqual([]);
    await d.as('ana', 'PATCH', `staff/${ids.ana}/days-off/${off.body.id}`, { to: '2027-04-13' });
    expect(await statuses('2027-04', ['2027-04-12', '2027-04-13', '2027-04-14'])).toEqual([
      'closed',
      'closed',
      'available',
    ]);
    await d.as('ana', 'DELETE', `staff/${ids.ana}/days-off/${off.body.id}`);
    expect(await statuses('2027-04', ['2027-04-12', '2027-04-13'])).toEqual(['available', 'available']);
  });

  it('after changing settings, a service or a member, the slots follow', async () => {
    await d.as('admin', 'PATCH', 'settings', { slotStepMinutes: 60 });
    expect(await starts('2027-03-29')).toEqual(['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00']);
    await d.as('admin', 'PATCH', 'services/portrait', { durationMinutes: 120 });
    expect(await starts('2027-03-29')).toEqual(['09:00', '10:00', '13:00', '14:00', '15:00']);
    await d.as('admin', 'PATCH', `staff/${ids.ana}`, { slotStepMinutes: 90 });
    expect(await starts('2027-03-29')).toEqual(['09:00', '13:00', '14:30']);
    const staffOn = async (date: string) =>
      [
        ...new Set((await get(`day?service=portrait&staff=any&date=${date}`)).slots.flatMap((x: Body) => x.staff)),
      ].sort();
    expect(await staffOn('2027-03-29')).toEqual([ids.ana, ids.ben].sort());
    await d.as('admin', 'PATCH', `staff/${ids.ana}`, { active: false });
    expect(await staffOn('2027-03-29')).toEqual([ids.ben]);
  });
});
