/**
 * The services, staff and settings pages as a person meets them: who may open which page (admin
 * everything; a staff member only their own schedule, another's is the 404 page, admin-only pages
 * the 403 page; no session goes to sign-in; no CSRF token is refused), forms that save through the
 * same use cases as the API (checked back through the API and the public availability), refused
 * forms that keep what was typed and link each problem to its field, and names escaped.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { type Browser, browser, EMAILS, makeAccount, signedIn } from '../support/sessions.ts';

let tdb: TestDatabase;
let d: Dashboard;
let ids: { portrait: string; consult: string; ana: string; ben: string; anaDayOff: string };
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
afterEach(() => expect(d.errors).toEqual([]));
beforeEach(async () => {
  d = await startDashboard(tdb);
  const services = await tdb.store.listServices();
  const idOf = (slug: string) => services.find((s) => s.slug === slug)?.id as string;
  const anaDayOff = (await tdb.store.listDaysOff(d.staffIds.ana))[0]?.id as string;
  ids = { portrait: idOf('portrait'), consult: idOf('consult'), ...d.staffIds, anaDayOff };
});

/** `{ana}` → Ana's id, and so on. */
const path = (p: string) =>
  p.replace(/\{(\w+)\}/g, (_, k: string) => {
    const id = ids[k as keyof typeof ids];
    if (!id) throw new Error(`no id ${k}`);
    return id;
  });

/** The times offered for a service on a day, as HH:MM in Paris. */
async function times(service: string, staff: string, date: string): Promise<string[]> {
  const r = await d.call(`/api/v1/availability/day?service=${service}&staff=${staff}&date=${date}`);
  expect(r.status).toBe(200);
  return r.body.slots.map((s: { start: string }) => s.start.slice(11, 16));
}

/** Every slot of the hours editor, empty but for the days given (HH:MM pairs per day). */
function week(days: Record<string, [string, string][]>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) {
    for (let j = 0; j < 3; j++) {
      const range = days[day]?.[j];
      fields[`${day}-${j}-from`] = range?.[0] ?? '';
      fields[`${day}-${j}-to`] = range?.[1] ?? '';
    }
  }
  return fields;
}

const ANA_WEEK: Record<string, [string, string][]> = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [
    day,
    [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
  ]),
);

/** A complete service form, as the new-service page posts it. */
const serviceForm = (over: Record<string, string> = {}) => ({
  slug: 'family',
  name: 'Family portrait',
  description: 'Up to six people.',
  durationMinutes: '90',
  price: '200',
  deposit: '50',
  currency: '',
  imageUrl: '',
  colorPick: '#2f5d8a',
  colorWas: '#2f5d8a',
  color: '#aa3300',
  allowRescheduling: 'on',
  rescheduleLimit: '',
  bufferBeforeMinutes: '0',
  bufferAfterMinutes: '15',
  active: 'on',
  ...over,
});

/** The settings form as the page shows it for the test studio. */
const settingsForm = (over: Record<string, string> = {}) => ({
  name: 'Test Studio',
  timezone: 'Europe/Paris',
  currency: 'EUR',
  locale: 'en',
  staffLabel: 'Choose photographer',
  ownerEmail: '',
  mailFrom: '',
  paymentUrl: '',
  paymentSecret: '',
  slotStepMinutes: '30',
  gapMinutes: '0',
  minNoticeMinutes: '0',
  horizonDays: '400',
  holdMinutes: '15',
  defaultRescheduleLimit: '3',
  allowStaffChangeOnReschedule: 'on',
  rescheduleNoticeHours: '0',
  cancelNoticeHours: '0',
  reminderHours: '24',
  retainUnconfirmedDays: '30',
  retainPastDays: '0',
  noShowLimit: '0',
  waitlistOfferMinutes: '30',
  ...over,
});

describe('who may open which page', () => {
  const PAGES: [string, 'admin' | 'ana', number][] = [
    ['/admin/services', 'admin', 200],
    ['/admin/services/new', 'admin', 200],
    ['/admin/services/{portrait}', 'admin', 200],
    ['/admin/staff', 'admin', 200],
    ['/admin/staff/new', 'admin', 200],
    ['/admin/staff/{ana}', 'admin', 200],
    ['/admin/staff/{ben}', 'admin', 200],
    ['/admin/staff/{ana}/days-off/{anaDayOff}', 'admin', 200],
    ['/admin/settings', 'admin', 200],
    ['/admin/staff/{ana}', 'ana', 200],
    ['/admin/staff/{ana}/days-off/{anaDayOff}', 'ana', 200],
    ['/admin/staff/{ben}', 'ana', 404],
    ['/admin/staff/{ben}/days-off/{anaDayOff}', 'ana', 404],
    ['/admin/staff/999999', 'ana', 404],
    ['/admin/staff/999999', 'admin', 404],
    ['/admin/staff', 'ana', 403],
    ['/admin/staff/new', 'ana', 403],
    ['/admin/services', 'ana', 403],
    ['/admin/services/new', 'ana', 403],
    ['/admin/services/{portrait}', 'ana', 403],
    ['/admin/settings', 'ana', 403],
    ['/admin/services/999999', 'admin', 404],
  ];

  it.each(PAGES)('GET %s as %s → %i', async (p, who, status) => {
    const b = await signedIn(tdb, d, who);
    const r = await b.page(path(p));
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toContain('text/html');
    if (status === 404) {
      expect(r.html).toContain('<h1>Not found</h1>');
      expect(r.html).toContain('There is no such page, or it is not one you can see.');
      expect(r.html).not.toContain('Ben');
    }
    if (status === 403) expect(r.html).toContain('<h1>Not allowed</h1>');
  });

  it.each(['/admin/services', '/admin/services/new', '/admin/staff', '/admin/staff/{ana}', '/admin/settings'])(
    'sends a visitor without a session from %s to sign in',
    async (p) => {
      const r = await browser(d).page(path(p));
      expect(r.status).toBe(303);
      expect(r.location).toBe(`/admin/sign-in?next=${encodeURIComponent(path(p))}`);
    },
  );

  it.each([
    ['/admin/services', serviceForm()],
    ['/admin/staff/{ana}/hours', week({})],
    ['/admin/staff/{ana}/days-off', { from: '2027-04-20', to: '', note: '' }],
    ['/admin/settings', settingsForm({ name: 'Forged' })],
  ])('refuses a form posted to %s without its CSRF token, changing nothing', async (p, fields) => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form(path(p), fields, { csrf: false });
    expect(r.status).toBe(403);
    expect((await d.as('admin', 'GET', 'services')).body.services).toHaveLength(2);
    expect((await d.as('admin', 'GET', `staff/${ids.ana}/days-off`)).body.daysOff).toHaveLength(1);
    expect((await d.as('admin', 'GET', `staff/${ids.ana}/hours`)).body.hours.mon).toEqual(ANA_WEEK.mon);
    expect((await d.as('admin', 'GET', 'settings')).body.name).toBe('Test Studio');
  });

  it.each([
    ['/admin/services', serviceForm()],
    ['/admin/staff/{ana}/hours', week({})],
    ['/admin/staff/{ana}/days-off', { from: '2027-04-20', to: '', note: '' }],
    ['/admin/staff/{ana}/feed', {}],
    ['/admin/settings', settingsForm({ name: 'Forged' })],
  ])('sends a visitor without a session posting to %s to sign in, changing nothing', async (p, fields) => {
    const r = await browser(d).form(path(p), fields, { csrf: false });
    expect([r.status, r.location]).toEqual([303, '/admin/sign-in?next=%2Fadmin']);
    expect((await d.as('admin', 'GET', 'services')).body.services).toHaveLength(2);
    expect((await d.as('admin', 'GET', `staff/${ids.ana}/hours`)).body.hours.mon).toEqual(ANA_WEEK.mon);
    expect((await d.as('admin', 'GET', `staff/${ids.ana}/days-off`)).body.daysOff).toHaveLength(1);
    expect((await d.as('admin', 'GET', `staff/${ids.ana}/feed`)).body).toEqual({ active: false });
    expect((await d.as('admin', 'GET', 'settings')).body.name).toBe('Test Studio');
  });

  const FORMS: [string, string, number, Record<string, string>][] = [
    ['Ben’s hours', '/admin/staff/{ben}/hours', 404, week({ mon: [['08:00', '09:00']] })],
    ['a day off for Ben', '/admin/staff/{ben}/days-off', 404, { from: '2027-04-20', to: '', note: '' }],
    ['Ben’s profile', '/admin/staff/{ben}', 404, { name: 'Hacked', email: 'x@y.test', timezone: '' }],
    ['a calendar feed for Ben', '/admin/staff/{ben}/feed', 404, {}],
    [
      'a change to a day off under Ben',
      '/admin/staff/{ben}/days-off/{anaDayOff}',
      404,
      { from: '2027-05-01', to: '', note: '' },
    ],
    ['an invitation for Ben', '/admin/staff/{ben}/invite', 403, {}],
    ['an invitation for herself', '/admin/staff/{ana}/invite', 403, {}],
    ['removing Ben', '/admin/staff/{ben}/delete', 403, {}],
    ['a new staff member', '/admin/staff', 403, { name: 'Eve', email: 'eve@studio.test' }],
    ['a new service', '/admin/services', 403, serviceForm()],
    ['a service change', '/admin/services/{portrait}', 403, serviceForm({ slug: 'portrait' })],
    ['deleting a service', '/admin/services/{portrait}/delete', 403, {}],
    ['the settings', '/admin/settings', 403, settingsForm({ name: 'Ana’s studio' })],
  ];

  it.each(FORMS)('answers Ana posting %s (%s) with %i and changes nothing', async (_, p, status, fields) => {
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.form(path(p), fields);
    expect(r.status).toBe(status);
    const ben = (await d.as('admin', 'GET', `staff/${ids.ben}`)).body;
    expect([ben.name, ben.email, ben.active]).toEqual(['Ben', 'ben@studio.test', true]);
    expect((await d.as('admin', 'GET', `staff/${ids.ben}/hours`)).body.hours.mon).toEqual([['10:00', '18:00']]);
    expect((await d.as('admin', 'GET', `staff/${ids.ben}/days-off`)).body.daysOff).toEqual([]);
    expect((await d.as('admin', 'GET', `staff/${ids.ben}/feed`)).body).toEqual({ active: false });
    expect((await d.as('admin', 'GET', 'users')).body.users).toHaveLength(1);
    expect((await d.as('admin', 'GET', 'services')).body.services.map((s: { name: string }) => s.name)).toEqual([
      'Consultation',
      'Portrait session',
    ]);
    expect((await d.as('admin', 'GET', 'staff')).body.staff).toHaveLength(2);
    expect((await d.as('admin', 'GET', 'settings')).body.name).toBe('Test Studio');
  });

  it('answers Ana turning off Ben’s calendar feed with the 404 page, and his feed keeps working', async () => {
    const made = await d.as('admin', 'POST', `staff/${ids.ben}/feed`);
    expect(made.status).toBe(201);
    const ana = await signedIn(tdb, d, 'ana');
    expect((await ana.form(`/admin/staff/${ids.ben}/feed/revoke`, {})).status).toBe(404);
    expect((await d.app.request(new URL(made.body.url).pathname)).status).toBe(200);
  });

  it('shows a staff member their page as "My schedule", without the staff list or removal', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.page(`/admin/staff/${ids.ana}`);
    expect(r.html).toContain('<title>My schedule — Test Studio dashboard</title>');
    expect(r.html).toContain(`<a href="/admin/staff/${ids.ana}" aria-current="page">My schedule</a>`);
    expect(r.html).not.toContain('href="/admin/staff"');
    expect(r.html).not.toContain(`action="/admin/staff/${ids.ana}/delete"`);
    expect(r.html).toContain(`action="/admin/staff/${ids.ana}/days-off/${ids.anaDayOff}/delete"`);
    expect(r.html).not.toContain('Invite to the dashboard');
    // Her profile: name, email and zone editable; services and overrides shown, not editable.
    expect(r.html).toContain('id="f-name" name="name"');
    expect(r.html).toContain('id="f-timezone" name="timezone"');
    expect(r.html).not.toContain('name="service-');
    expect(r.html).not.toContain('name="slotStepMinutes"');
    expect(r.html).toContain('<dt>Services offered</dt><dd>Consultation, Portrait session</dd>');
    expect(r.html).toContain('<dt>Slot step in minutes</dt><dd>the business setting (30 min)</dd>');
  });
});

describe('services pages', () => {
  it('lists every service with its duration, price, status and who offers it', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.page('/admin/services');
    expect(r.html).toContain(`<a href="/admin/services/${ids.portrait}">Portrait session</a>`);
    const rows = [...r.html.matchAll(/<tr><th scope="row">.*?<\/tr>/gs)].map((m) =>
      m[0].replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'),
    );
    expect(rows).toEqual([
      '|Consultation|/book/consult|30 min|Free|Active|Ana|',
      '|Portrait session|/book/portrait|1 h|€120.00 (deposit €30.00)|Active|Ana, Ben|',
    ]);
  });

  it('adds a service from the form, with who offers it, and shows it on the public pages', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const form = await admin.page('/admin/services/new');
    expect(form.html).toContain(`name="staff-${ids.ana}"`);
    const r = await admin.form('/admin/services', { ...serviceForm(), [`staff-${ids.ben}`]: 'on' });
    expect([r.status, r.location]).toEqual([303, '/admin/services?done=created']);
    const made = (await d.as('admin', 'GET', 'services/family')).body;
    expect(made).toMatchObject({
      slug: 'family',
      name: 'Family portrait',
      description: 'Up to six people.',
      durationMinutes: 90,
      price: '200.00',
      deposit: '50.00',
      currency: 'EUR',
      usesBusinessCurrency: true,
      imageUrl: null,
      color: '#aa3300',
      allowRescheduling: true,
      rescheduleLimit: null,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 15,
      active: true,
      staff: [{ id: ids.ben, name: 'Ben' }],
    });
    expect((await admin.page('/admin/services?done=created')).html).toContain('The service is added.');
    expect((await d.call('/api/v1/services')).body.services.map((s: { slug: string }) => s.slug)).toContain('family');
  });

  it('refuses a deposit above the price: the summary links to the deposit, which is marked, and values stay', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form('/admin/services', serviceForm({ price: '40', deposit: '50' }));
    expect(r.status).toBe(400);
    expect(r.html).toContain(
      '<div class="alert" role="alert" tabindex="-1" autofocus=""><h2>The service was not saved</h2>',
    );
    expect(r.html).toContain('<a href="#f-deposit">Deposit: must not exceed the price (40.00)</a>');
    expect(r.html).toMatch(/id="f-deposit" name="deposit" type="text" value="50"[^>]* aria-invalid="true"/);
    expect(r.html).toContain('aria-describedby="h-deposit e-deposit"');
    expect(r.html).toContain('id="f-name" name="name" type="text" value="Family portrait"');
    expect(r.html).toContain('>Up to six people.</textarea>');
    expect((await d.as('admin', 'GET', 'services/family')).status).toBe(404);
  });

  it('names each field the API schema refuses, in plain words', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form(
      '/admin/services',
      serviceForm({ slug: 'Not A Slug', durationMinutes: 'soon', bufferAfterMinutes: '5000', color: 'red' }),
    );
    expect(r.status).toBe(400);
    expect(r.html).toContain(
      '<a href="#f-slug">Address name (slug): use lowercase letters, digits and single hyphens</a>',
    );
    expect(r.html).toContain(
      '<a href="#f-durationMinutes">Duration in minutes: must be a whole number, such as 15</a>',
    );
    expect(r.html).toContain('<a href="#f-bufferAfterMinutes">Buffer after, in minutes: must be at most 1440</a>');
    expect(r.html).toContain('<a href="#f-color">Colour: a colour such as &quot;#3366ff&quot;</a>');
  });

  it('takes the picker’s colour when it was moved, and no colour when the text is emptied', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const base = serviceForm({ slug: 'portrait', name: 'Portrait session', price: '120', deposit: '30' });
    await admin.form(`/admin/services/${ids.portrait}`, { ...base, colorPick: '#123456', color: '' });
    expect((await d.as('admin', 'GET', 'services/portrait')).body.color).toBe('#123456');
    await admin.form(`/admin/services/${ids.portrait}`, {
      ...base,
      colorPick: '#123456',
      colorWas: '#123456',
      color: '',
    });
    expect((await d.as('admin', 'GET', 'services/portrait')).body.color).toBeNull();
  });

  it('saves changes to a service, unticking a member and using its own currency', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page(`/admin/services/${ids.portrait}`);
    expect(page.html).toContain(
      `id="f-staff-${ids.ana}" name="staff-${ids.ana}" type="checkbox" value="on" checked=""`,
    );
    const r = await admin.form(`/admin/services/${ids.portrait}`, {
      ...serviceForm({ slug: 'portrait', name: 'Portrait', price: '150', deposit: '0', currency: 'usd' }),
      [`staff-${ids.ana}`]: 'on',
      allowRescheduling: '',
      rescheduleLimit: '1',
    });
    expect([r.status, r.location]).toEqual([303, `/admin/services/${ids.portrait}?done=saved`]);
    expect((await d.as('admin', 'GET', 'services/portrait')).body).toMatchObject({
      name: 'Portrait',
      price: '150.00',
      deposit: '0.00',
      currency: 'USD',
      usesBusinessCurrency: false,
      allowRescheduling: false,
      rescheduleLimit: 1,
      staff: [{ id: ids.ana, name: 'Ana' }],
    });
    expect((await admin.page(r.location as string)).html).toContain('Your changes are saved.');
  });

  it('deletes a service without bookings, and deactivates one with bookings, saying so', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const booked = await d.post('/bookings', {
      service: 'portrait',
      staff: ids.ana,
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Zoé', email: 'zoe@example.test' },
      payment: 'none',
    });
    expect(booked.status).toBe(201);
    const gone = await admin.form(`/admin/services/${ids.consult}/delete`, {});
    expect([gone.status, gone.location]).toEqual([303, '/admin/services?done=deleted']);
    expect((await d.as('admin', 'GET', 'services/consult')).status).toBe(404);
    const kept = await admin.form(`/admin/services/${ids.portrait}/delete`, {});
    expect([kept.status, kept.location]).toEqual([303, `/admin/services?done=deactivated&id=${ids.portrait}`]);
    expect((await d.as('admin', 'GET', 'services/portrait')).body.active).toBe(false);
    const list = await admin.page(kept.location as string);
    expect(list.html).toContain(
      '“Portrait session” has bookings, so it was deactivated instead of deleted: it no longer appears on the booking pages or takes new bookings, and its bookings keep it.',
    );
    expect(list.html).toContain('<td>Inactive (hidden)</td>');
  });
});

describe('staff pages', () => {
  it('lists the members with their services, zone, status and dashboard account', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    await makeAccount(tdb, d, 'ben');
    const r = await admin.page('/admin/staff');
    const rows = [...r.html.matchAll(/<tr><th scope="row">.*?<\/tr>/gs)].map((m) =>
      m[0].replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'),
    );
    expect(rows).toEqual([
      '|Ana|ana@studio.test|Consultation, Portrait session|Europe/Paris (business)|Active|None|',
      '|Ben|ben@studio.test|Portrait session|America/New_York|Active|Yes|',
    ]);
  });

  it('adds a member with their services and overrides, then opens their page', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form('/admin/staff', {
      name: 'Chloé',
      email: 'chloe@studio.test',
      timezone: 'europe/lisbon',
      key: 'chloe',
      [`service-${ids.consult}`]: 'on',
      slotStepMinutes: '15',
      gapMinutes: '',
      minNoticeMinutes: '60',
      active: 'on',
    });
    expect(r.status).toBe(303);
    const id = /^\/admin\/staff\/(\d+)\?done=created#hours$/.exec(r.location ?? '')?.[1] as string;
    expect((await d.as('admin', 'GET', `staff/${id}`)).body).toEqual({
      id,
      key: 'chloe',
      name: 'Chloé',
      email: 'chloe@studio.test',
      timezone: 'Europe/Lisbon',
      services: [{ id: ids.consult, name: 'Consultation' }],
      slotStepMinutes: 15,
      gapMinutes: null,
      minNoticeMinutes: 60,
      active: true,
      bio: '',
      photoUrl: null,
      photo: null,
    });
    const page = await admin.page(r.location as string);
    expect(page.html).toContain('The staff member is added: now set their weekly hours.');
    expect(page.html).toContain('Wall-clock times in Europe/Lisbon.');
  });

  it('refuses a member without a name and with a bad email or zone, keeping the values', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form('/admin/staff', { name: '', email: 'nope', timezone: 'Mars/Base', active: 'on' });
    expect(r.status).toBe(400);
    expect(r.html).toContain('<a href="#f-name">Name: required</a>');
    expect(r.html).toContain('<a href="#f-email">Email: must be an email address, such as name@example.com</a>');
    expect(r.html).toContain('<a href="#f-timezone">Time zone: not an IANA time zone (e.g. Europe/Paris)</a>');
    expect(r.html).toContain('value="Mars/Base"');
    expect((await d.as('admin', 'GET', 'staff')).body.staff).toHaveLength(2);
  });

  it('lets a staff member change their own name, email and zone, and nothing else', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.form(`/admin/staff/${ids.ana}`, {
      name: 'Ana Maria',
      email: 'ana.maria@studio.test',
      timezone: 'Europe/Madrid',
      // Not on her form; a forged field is not read.
      active: '',
      key: 'boss',
      slotStepMinutes: '5',
    });
    expect([r.status, r.location]).toEqual([303, `/admin/staff/${ids.ana}?done=profile#profile`]);
    expect((await d.as('admin', 'GET', `staff/${ids.ana}`)).body).toMatchObject({
      name: 'Ana Maria',
      email: 'ana.maria@studio.test',
      timezone: 'Europe/Madrid',
      key: 'ana',
      active: true,
      slotStepMinutes: null,
    });
    expect((await ana.page(r.location as string)).html).toContain('The profile is saved.');
  });

  it('shows a staff member’s refused profile on their own page, leading with the summary', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.form(`/admin/staff/${ids.ana}`, { name: 'Ana', email: 'not an email', timezone: '' });
    expect(r.status).toBe(400);
    expect(r.html).toContain('<h2>The profile was not saved</h2>');
    expect(r.html).toContain('<a href="#f-email">Email: must be an email address, such as name@example.com</a>');
    expect(r.html).toContain('value="not an email"');
    expect((await d.as('admin', 'GET', `staff/${ids.ana}`)).body.email).toBe('ana@studio.test');
  });

  it('saves weekly hours from the page, and the public availability follows at once', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    expect(await times('consult', ids.ana, '2027-03-30')).toEqual([
      ...['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'],
      ...['13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'],
    ]);
    const r = await admin.form(
      `/admin/staff/${ids.ana}/hours`,
      week({ ...ANA_WEEK, tue: [['10:00', '11:30']], sat: [['20:00', '00:00']] }),
    );
    expect([r.status, r.location]).toEqual([303, `/admin/staff/${ids.ana}?done=hours#hours`]);
    expect(await times('consult', ids.ana, '2027-03-30')).toEqual(['10:00', '10:30', '11:00']);
    expect(await times('consult', ids.ana, '2027-04-03')).toEqual([
      '20:00',
      '20:30',
      '21:00',
      '21:30',
      '22:00',
      '22:30',
      '23:00',
      '23:30',
    ]);
    expect((await d.as('admin', 'GET', `staff/${ids.ana}/hours`)).body.hours).toEqual({
      ...ANA_WEEK,
      tue: [['10:00', '11:30']],
      sat: [['20:00', '24:00']],
      sun: [],
    });
    const page = await admin.page(r.location as string);
    expect(page.html).toContain('The weekly hours are saved: the booking calendar follows them at once.');
    // Midnight shows as 00:00 in the time input, as 24:00 in the day's summary.
    expect(page.html).toContain('id="f-sat-0-to" name="sat-0-to" type="time" value="00:00"');
    expect(page.html).toContain('<td>20:00–24:00</td>');
    expect(page.html).toContain('<td>Not working</td>');
  });

  it('names the day and range of each mistake in the hours, and saves nothing', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.form(
      `/admin/staff/${ids.ana}/hours`,
      week({
        ...ANA_WEEK,
        mon: [['12:00', '09:00']],
        wed: [
          ['09:00', '12:00'],
          ['11:00', '14:00'],
        ],
      }),
    );
    expect(r.status).toBe(400);
    expect(r.html).toContain(
      '<a href="#f-mon-0-from">Monday, range 1: the start must be before the end (end at 00:00 to work until midnight)</a>',
    );
    expect(r.html).toContain('<a href="#f-wed">Wednesday: the ranges overlap</a>');
    // The summary leads the page (it comes back scrolled to the top), before the sections.
    expect(r.html.indexOf('The weekly hours were not saved')).toBeLessThan(r.html.indexOf('<h2 id="profile">'));
    expect(r.html).toMatch(
      /id="f-mon-0-from" name="mon-0-from" type="time" value="12:00" aria-invalid="true" aria-describedby="e-mon"/,
    );
    expect(r.html).toContain('<span class="error" id="e-wed">the ranges overlap</span>');
    const half = await ana.form(`/admin/staff/${ids.ana}/hours`, { ...week(ANA_WEEK), 'thu-2-from': '18:00' });
    expect(half.status).toBe(400);
    expect(half.html).toContain(
      '<a href="#f-thu-2-to">Thursday, range 3: give both times, or neither to leave it out</a>',
    );
    expect((await d.as('admin', 'GET', `staff/${ids.ana}/hours`)).body.hours).toEqual({
      ...ANA_WEEK,
      sat: [],
      sun: [],
    });
  });

  it('adds a day off that closes the day on the public calendar, changes it and removes it', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    expect(await times('consult', ids.ana, '2027-04-13')).toHaveLength(14);
    const added = await ana.form(`/admin/staff/${ids.ana}/days-off`, { from: '2027-04-13', to: '', note: 'Dentist' });
    expect([added.status, added.location]).toEqual([303, `/admin/staff/${ids.ana}?done=day-off-added#days-off`]);
    expect(await times('consult', ids.ana, '2027-04-13')).toEqual([]);
    const list = (await d.as('admin', 'GET', `staff/${ids.ana}/days-off`)).body.daysOff;
    expect(list.map((x: { from: string; to: string; note: string }) => [x.from, x.to, x.note])).toEqual([
      ['2027-04-05', '2027-04-09', 'Holiday'],
      ['2027-04-13', '2027-04-13', 'Dentist'],
    ]);
    const id = list[1].id as string;
    const page = await ana.page(added.location as string);
    expect(page.html).toContain('The day off is added: those days are closed on the booking calendar.');
    expect(page.html).toContain('<td>Tuesday, 13 April 2027</td><td>Tuesday, 13 April 2027</td><td>Dentist</td>');
    expect(page.html).toContain('aria-label="Remove the day off Tuesday, 13 April 2027"');

    const changed = await ana.form(`/admin/staff/${ids.ana}/days-off/${id}`, {
      from: '2027-04-14',
      to: '2027-04-15',
      note: '',
    });
    expect(changed.status).toBe(303);
    expect(await times('consult', ids.ana, '2027-04-13')).toHaveLength(14);
    expect(await times('consult', ids.ana, '2027-04-15')).toEqual([]);

    const removed = await ana.form(`/admin/staff/${ids.ana}/days-off/${id}/delete`, {});
    expect([removed.status, removed.location]).toEqual([303, `/admin/staff/${ids.ana}?done=day-off-removed#days-off`]);
    expect(await times('consult', ids.ana, '2027-04-15')).toHaveLength(14);
  });

  it('refuses a day off that ends before it starts, and one of Ben’s removed by Ana', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const r = await ana.form(`/admin/staff/${ids.ana}/days-off`, { from: '2027-04-20', to: '2027-04-19', note: 'x' });
    expect(r.status).toBe(400);
    expect(r.html).toContain('<a href="#f-to">To: must not be before &quot;from&quot; (2027-04-20)</a>');
    expect(r.html).toContain('id="f-from" name="from" type="date" value="2027-04-20"');
    const bad = await ana.form(`/admin/staff/${ids.ana}/days-off`, { from: '2027-02-30', to: '', note: '' });
    expect(bad.html).toContain('<a href="#f-from">From: a real date YYYY-MM-DD</a>');
    const bens = await tdb.store.addDayOff(ids.ben, { from: '2027-05-01', to: '2027-05-01', note: null });
    const other = await ana.form(`/admin/staff/${ids.ben}/days-off/${bens.id}/delete`, {});
    expect(other.status).toBe(404);
    const underHers = await ana.form(`/admin/staff/${ids.ana}/days-off/${bens.id}/delete`, {});
    expect(underHers.status).toBe(404);
    expect(await tdb.store.listDaysOff(ids.ben)).toHaveLength(1);
  });

  it('invites a member to the dashboard, then shows that they have not chosen a password yet', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    expect((await admin.page(`/admin/staff/${ids.ben}`)).html).toContain('Ben has no dashboard account yet.');
    const r = await admin.form(`/admin/staff/${ids.ben}/invite`, {});
    expect([r.status, r.location]).toEqual([303, `/admin/staff/${ids.ben}?done=invited#account`]);
    await d.deliver();
    expect(d.mail.sent.map((m) => m.to)).toEqual([[EMAILS.ben]]);
    const page = await admin.page(r.location as string);
    expect(page.html).toContain('The invitation is sent');
    expect(page.html).toContain('Ben is invited (as ben@studio.test) but has not chosen a password yet.');
    expect(page.html).toContain('Send the invitation again');
  });

  it('says a member with a password already has an account, and refuses to invite them again', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    await makeAccount(tdb, d, 'ben');
    const page = await admin.page(`/admin/staff/${ids.ben}`);
    expect(page.html).toContain('Ben has a dashboard account and signs in as ben@studio.test.');
    expect(page.html).not.toContain('Invite to the dashboard');
    const r = await admin.form(`/admin/staff/${ids.ben}/invite`, {});
    expect(r.status).toBe(400);
    expect(r.html).toContain(
      'Ben already has a dashboard account; they can reset their password from the sign-in page.',
    );
  });

  it('makes a private calendar feed shown once, which works until it is turned off', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    expect((await ana.page(`/admin/staff/${ids.ana}`)).html).toContain('<strong>No feed address.</strong>');
    const made = await ana.form(`/admin/staff/${ids.ana}/feed`, {});
    expect(made.status).toBe(200);
    expect(made.html).toContain('Copy it now: it will not be shown again.');
    const url = /<code class="secret">([^<]+)<\/code>/.exec(made.html)?.[1] as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const feedPath = new URL(url).pathname;
    expect((await d.app.request(feedPath)).status).toBe(200);
    const later = await ana.page(`/admin/staff/${ids.ana}`);
    expect(later.html).toContain('<strong>A feed address is active.</strong>');
    expect(later.html).not.toContain(feedPath);
    const off = await ana.form(`/admin/staff/${ids.ana}/feed/revoke`, {});
    expect([off.status, off.location]).toEqual([303, `/admin/staff/${ids.ana}?done=feed-off#feed`]);
    expect((await d.app.request(feedPath)).status).toBe(404);
  });

  it('removes a member without bookings, and deactivates one with bookings, saying so', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const booked = await d.post('/bookings', {
      service: 'portrait',
      staff: ids.ana,
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Zoé', email: 'zoe@example.test' },
      payment: 'none',
    });
    expect(booked.status).toBe(201);
    const gone = await admin.form(`/admin/staff/${ids.ben}/delete`, {});
    expect([gone.status, gone.location]).toEqual([303, '/admin/staff?done=deleted']);
    expect((await d.as('admin', 'GET', `staff/${ids.ben}`)).status).toBe(404);
    const kept = await admin.form(`/admin/staff/${ids.ana}/delete`, {});
    expect([kept.status, kept.location]).toEqual([303, `/admin/staff?done=deactivated&id=${ids.ana}`]);
    expect((await d.as('admin', 'GET', `staff/${ids.ana}`)).body.active).toBe(false);
    expect((await admin.page(kept.location as string)).html).toContain(
      'Ana has bookings, so they were deactivated instead of deleted',
    );
  });
});

describe('settings page', () => {
  it('shows every setting, the secret never, and saves changes', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    await d.as('admin', 'PATCH', 'settings', { paymentUrl: 'https://pay.example/', paymentSecret: 'k'.repeat(20) });
    const page = await admin.page('/admin/settings');
    for (const legend of ['Business', 'Emails', 'Online payment', 'Booking times', 'Changes by clients', 'Reminders'])
      expect(page.html).toContain(`<legend>${legend}</legend>`);
    expect(page.html).not.toContain('k'.repeat(20));
    expect(page.html).toContain('A secret is stored: leave this empty to keep it.');
    expect(page.html).toContain('<option value="Europe/Lisbon">');
    const r = await admin.form(
      '/admin/settings',
      settingsForm({
        name: 'Studio Nord',
        staffLabel: 'Choose your photographer',
        ownerEmail: 'owner@studio.test',
        mailFrom: 'Studio Nord <hello@studio.test>',
        paymentUrl: 'https://pay.example/new',
        slotStepMinutes: '15',
        minNoticeMinutes: '120',
        allowStaffChangeOnReschedule: '',
        reminderHours: '48',
        retainUnconfirmedDays: '14',
        retainPastDays: '730',
        locale: 'fr',
      }),
    );
    expect([r.status, r.location]).toEqual([303, '/admin/settings?done=saved']);
    expect((await d.as('admin', 'GET', 'settings')).body).toMatchObject({
      name: 'Studio Nord',
      staffLabel: 'Choose your photographer',
      ownerEmail: 'owner@studio.test',
      mailFrom: 'Studio Nord <hello@studio.test>',
      paymentUrl: 'https://pay.example/new',
      paymentSecretSet: true,
      slotStepMinutes: 15,
      minNoticeMinutes: 120,
      allowStaffChangeOnReschedule: false,
      reminderHours: 48,
      retainUnconfirmedDays: 14,
      retainPastDays: 730,
      locale: 'fr',
    });
    expect((await tdb.store.getSettings()).paymentSecret).toBe('k'.repeat(20));
    // The business now speaks French, and so does the dashboard of a user who chose no language.
    expect((await admin.page('/admin/settings?done=saved')).html).toContain('Les réglages sont enregistrés.');
    const en = await admin.page('/admin/settings?done=saved', { 'accept-language': 'en' });
    expect(en.html).toContain('The settings are saved.');
  });

  it('replaces the secret when one is typed, and removes it with the box (with the payment address)', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const secret = ' a secret with spaces ';
    await admin.form('/admin/settings', settingsForm({ paymentUrl: 'https://pay.example/', paymentSecret: secret }));
    expect((await tdb.store.getSettings()).paymentSecret).toBe(secret);
    const both = await admin.form(
      '/admin/settings',
      settingsForm({ paymentSecret: 'x'.repeat(16), removeSecret: 'on' }),
    );
    expect(both.status).toBe(400);
    expect(both.html).toContain('<a href="#f-paymentSecret">Payment secret: type a new secret or tick');
    const r = await admin.form('/admin/settings', settingsForm({ removeSecret: 'on' }));
    expect(r.status).toBe(303);
    expect((await d.as('admin', 'GET', 'settings')).body).toMatchObject({ paymentUrl: null, paymentSecretSet: false });
  });

  it('refuses a payment address without a secret, and empty or bad numbers, naming the fields', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form('/admin/settings', settingsForm({ paymentUrl: 'https://pay.example/' }));
    expect(r.status).toBe(400);
    expect(r.html).toContain(
      '<a href="#f-paymentSecret">Payment secret: needed when a payment page address is set (the gateway signs with it)</a>',
    );
    expect(r.html).toContain('value="https://pay.example/"');
    const n = await admin.form(
      '/admin/settings',
      settingsForm({ slotStepMinutes: '', holdMinutes: '0', timezone: 'Nowhere' }),
    );
    expect(n.status).toBe(400);
    expect(n.html).toContain('<a href="#f-slotStepMinutes">Slot step, in minutes: required</a>');
    expect(n.html).toContain('<a href="#f-holdMinutes">Hold time, in minutes: must be at least 1</a>');
    expect(n.html).toContain('<a href="#f-timezone">Time zone: not an IANA time zone (e.g. Europe/Paris)</a>');
    expect((await d.as('admin', 'GET', 'settings')).body).toMatchObject({ paymentUrl: null, slotStepMinutes: 30 });
  });
});

describe('names are escaped', () => {
  const HOSTILE = '<script>alert(1)</script>';

  it('in the services and staff lists and pages', async () => {
    const admin: Browser = await signedIn(tdb, d, 'admin');
    await d.as('admin', 'PATCH', `services/${ids.portrait}`, { name: HOSTILE, description: HOSTILE });
    await d.as('admin', 'PATCH', `staff/${ids.ben}`, { name: HOSTILE });
    await tdb.store.addDayOff(ids.ben, { from: '2027-05-01', to: '2027-05-01', note: HOSTILE });
    for (const p of ['/admin/services', `/admin/services/${ids.portrait}`, '/admin/staff', `/admin/staff/${ids.ben}`]) {
      const r = await admin.page(p);
      expect(r.status).toBe(200);
      expect(r.html, p).not.toContain(HOSTILE);
      expect(r.html, p).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('in a refused form sent back', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form('/admin/services', serviceForm({ name: HOSTILE, slug: '"><b>' }));
    expect(r.status).toBe(400);
    expect(r.html).not.toContain(HOSTILE);
    expect(r.html).not.toContain('"><b>');
  });
});
