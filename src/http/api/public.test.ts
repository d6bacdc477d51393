/**
 * The public JSON API (API.md) end to end through createApp(deps).request(): a real in-memory
 * PGlite with the fixture studio (test/support/studio.ts), a hand-set clock, no port.
 *
 * Fixture facts the expectations rest on: now = Fri 2027-03-26 12:00 Paris (11:00Z, UTC+1; Paris
 * moves to UTC+2 on Sun 28th, New York is already UTC-4). Ana (id 1, Paris) works Mon-Fri
 * 09-12 & 13-17 and is off 2027-04-05..09; Ben (id 2, New York) works Mon-Sat 10-18. Portrait
 * (id 1) lasts 60 min on a 30-min step: Ana has 12 starts a day, Ben 15. Horizon 400 days:
 * the last bookable date is 2028-04-29.
 */
import { createHmac } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestClock, testClock } from '../../../test/support/clock.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { testOutbound } from '../../../test/support/outbound.ts';
import { STUDIO, STUDIO_NOW } from '../../../test/support/studio.ts';
import { createApp } from '../app.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions, not by types
type Body = any;

const SECRET = 'x'.repeat(40);
const PUBLIC_URL = 'http://127.0.0.1:3000';
const PAYMENT_URL = 'https://pay.test/checkout';
const PAYMENT_SECRET = 's'.repeat(20);
const hash = async (p: string) => `hash:${p}`;

const ANA = '1';
const BEN = '2';
const PORTRAIT = '1';
const CONSULT = '2';

const REFERENCE = /^SW-[2-9A-HJKMNP-TV-Z]{6}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

let tdb: TestDatabase;
let clock: TestClock;
let app: Hono;
let errors: unknown[];

beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  await tdb.reset();
  const ids = await tdb.store.applySetup(STUDIO, hash);
  expect(ids).toEqual({ services: { portrait: PORTRAIT, consult: CONSULT }, staff: { ana: ANA, ben: BEN } });
  clock = testClock(STUDIO_NOW);
  errors = [];
  app = createApp({
    outbound: testOutbound(),
    store: tdb.store,
    clock,
    secret: SECRET,
    publicUrl: PUBLIC_URL,
    logError: (error) => errors.push(error),
  });
});
afterEach(() => {
  // A 500 is a bug: every request in this file must be answered without reaching logError.
  expect(errors).toEqual([]);
});

async function call(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: Body }> {
  const res = await app.request(path, init);
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const get = (path: string) => call(`/api/v1${path}`);

function post(body: unknown, headers: Record<string, string> = {}) {
  return call('/api/v1/bookings', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A valid booking body: Ada books Ana's portrait on Monday 29 March at 10:00 Paris. */
function booking(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    service: 'portrait',
    staff: ANA,
    start: '2027-03-29T10:00:00+02:00',
    client: { name: 'Ada Lovelace', email: 'ada@example.com' },
    wantsReminder: false,
    payment: 'none',
    ...over,
  };
}

async function slotStarts(query: string): Promise<string[]> {
  const r = await get(`/availability/day?${query}`);
  expect(r.status).toBe(200);
  return r.body.slots.map((s: { start: string }) => s.start);
}

async function count(table: string): Promise<number> {
  const [row] = await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(row?.n);
}

async function enablePayments(): Promise<void> {
  await tdb.store.applySetup({ business: { paymentUrl: PAYMENT_URL, paymentSecret: PAYMENT_SECRET } }, hash);
}

/** Expects exactly `{error: {code, message[, details]}}` with the status of API.md's table. */
function expectError(r: { status: number; body: Body }, status: number, code: string, details?: unknown) {
  expect(r.status).toBe(status);
  expect(r.body).toStrictEqual({
    error:
      details === undefined ? { code, message: expect.any(String) } : { code, message: expect.any(String), details },
  });
  expect(r.body.error.message.length).toBeGreaterThan(0);
}

const day = (date: string, status: 'past' | 'closed' | 'full' | 'available', slots = 0) => ({ date, status, slots });
const pastDays = (month: string, through: number) =>
  Array.from({ length: through }, (_, i) => day(`${month}-${String(i + 1).padStart(2, '0')}`, 'past'));
const slot = (start: string, end: string, staff: string[]) => ({ start, end, staff });

describe('GET /business and /services', () => {
  it('describes the business, with payment disabled while no payment URL is set', async () => {
    const r = await get('/business');
    expect(r.status).toBe(200);
    expect(r.body).toStrictEqual({
      name: 'Test Studio',
      timezone: 'Europe/Paris',
      currency: 'EUR',
      locale: 'en',
      locales: ['en', 'fr', 'de', 'es', 'pt'],
      staffLabel: 'Choose photographer',
      paymentEnabled: false,
    });
  });

  it('lists active services by name with decimal money, the staff offering each, and only "none" without a payment URL', async () => {
    const r = await get('/services');
    expect(r.status).toBe(200);
    expect(r.body).toStrictEqual({
      services: [
        {
          id: CONSULT,
          slug: 'consult',
          name: 'Consultation',
          description: '',
          durationMinutes: 30,
          price: '0.00',
          deposit: '0.00',
          currency: 'EUR',
          imageUrl: null,
          color: null,
          paymentOptions: ['none'],
          staff: [{ id: ANA, name: 'Ana', photoUrl: null, bio: '' }],
          capacity: 1,
          maxSeatsPerBooking: 1,
          questions: [],
          cancellationPolicy: [],
          allowRepeat: false,
        },
        {
          id: PORTRAIT,
          slug: 'portrait',
          name: 'Portrait session',
          description: '',
          durationMinutes: 60,
          price: '120.00',
          deposit: '30.00',
          currency: 'EUR',
          imageUrl: null,
          color: null,
          paymentOptions: ['none'],
          staff: [
            { id: ANA, name: 'Ana', photoUrl: null, bio: '' },
            { id: BEN, name: 'Ben', photoUrl: null, bio: '' },
          ],
          capacity: 1,
          maxSeatsPerBooking: 1,
          questions: [],
          cancellationPolicy: [],
          allowRepeat: false,
        },
      ],
    });
  });

  it('addresses a service by id or by slug alike', async () => {
    const byId = await get(`/services/${PORTRAIT}`);
    const bySlug = await get('/services/portrait');
    expect(byId.status).toBe(200);
    expect(bySlug.status).toBe(200);
    expect(byId.body).toStrictEqual(bySlug.body);
    expect(bySlug.body).toMatchObject({ id: PORTRAIT, slug: 'portrait', price: '120.00', deposit: '30.00' });
  });

  it.each(['nope', '999', '99999999999999999999', 'a'.repeat(300)])(
    'an unknown service %s is 404 NOT_FOUND',
    async (ref) => {
      expectError(await get(`/services/${ref}`), 404, 'NOT_FOUND');
    },
  );

  it('an inactive service is neither listed nor addressable', async () => {
    await tdb.store.applySetup(
      { services: [{ key: 'consult', name: 'Consultation', durationMinutes: 30, active: false }] },
      hash,
    );
    const list = await get('/services');
    expect(list.body.services.map((s: { slug: string }) => s.slug)).toEqual(['portrait']);
    expectError(await get('/services/consult'), 404, 'NOT_FOUND');
  });

  it('with a payment URL and secret, portrait offers full and deposit, the free consult still only none', async () => {
    await enablePayments();
    expect((await get('/business')).body.paymentEnabled).toBe(true);
    const list = await get('/services');
    expect(
      list.body.services.map((s: { slug: string; paymentOptions: string[] }) => [s.slug, s.paymentOptions]),
    ).toEqual([
      ['consult', ['none']],
      ['portrait', ['full', 'deposit']],
    ]);
  });

  it('a priced service without a deposit offers full only', async () => {
    await enablePayments();
    await tdb.store.applySetup(
      { services: [{ key: 'portrait', name: 'Portrait session', durationMinutes: 60, price: '120', deposit: '0' }] },
      hash,
    );
    expect((await get('/services/portrait')).body.paymentOptions).toEqual(['full']);
  });
});

describe('GET /availability/month', () => {
  it('Ana in March (Paris): past before the 26th, today keeps its 7 afternoon slots, weekends closed, weekdays 12', async () => {
    const r = await get('/availability/month?service=portrait&staff=1&month=2027-03');
    expect(r.status).toBe(200);
    expect(r.body).toStrictEqual({
      month: '2027-03',
      timezone: 'Europe/Paris',
      firstAvailable: '2027-03-26',
      days: [
        ...pastDays('2027-03', 25),
        day('2027-03-26', 'available', 7),
        day('2027-03-27', 'closed'),
        day('2027-03-28', 'closed'),
        day('2027-03-29', 'available', 12),
        day('2027-03-30', 'available', 12),
        day('2027-03-31', 'available', 12),
      ],
    });
  });

  it('Ana in April: her holiday 5-9 April is closed like the weekends; firstAvailable is the 1st', async () => {
    const r = await get('/availability/month?service=portrait&staff=1&month=2027-04');
    const closed = ['03', '04', '05', '06', '07', '08', '09', '10', '11', '17', '18', '24', '25'];
    expect(r.body.firstAvailable).toBe('2027-04-01');
    expect(r.body.days).toStrictEqual(
      Array.from({ length: 30 }, (_, i) => {
        const dd = String(i + 1).padStart(2, '0');
        return closed.includes(dd) ? day(`2027-04-${dd}`, 'closed') : day(`2027-04-${dd}`, 'available', 12);
      }),
    );
  });

  it('Ben in March (New York, seen from Paris): 15 slots Mon-Sat including today, Sunday closed', async () => {
    const r = await get('/availability/month?service=portrait&staff=2&month=2027-03');
    expect(r.body).toStrictEqual({
      month: '2027-03',
      timezone: 'Europe/Paris',
      firstAvailable: '2027-03-26',
      days: [
        ...pastDays('2027-03', 25),
        day('2027-03-26', 'available', 15),
        day('2027-03-27', 'available', 15),
        day('2027-03-28', 'closed'),
        day('2027-03-29', 'available', 15),
        day('2027-03-30', 'available', 15),
        day('2027-03-31', 'available', 15),
      ],
    });
  });

  it('any staff is the union: starts both can take count once (3 on the 26th at UTC+1, 1 from the 29th at UTC+2)', async () => {
    const r = await get('/availability/month?service=portrait&staff=any&month=2027-03');
    expect(r.body.days.slice(25)).toStrictEqual([
      day('2027-03-26', 'available', 7 + 15 - 3),
      day('2027-03-27', 'available', 15),
      day('2027-03-28', 'closed'),
      day('2027-03-29', 'available', 12 + 15 - 1),
      day('2027-03-30', 'available', 26),
      day('2027-03-31', 'available', 26),
    ]);
    expect(r.body.firstAvailable).toBe('2027-03-26');
  });

  it("staff defaults to any; Ana's holiday leaves Ben's 15 slots, Sunday stays closed", async () => {
    const r = await get('/availability/month?service=portrait&month=2027-04');
    const byDate = new Map(r.body.days.map((d: { date: string }) => [d.date, d]));
    expect(byDate.get('2027-04-04')).toStrictEqual(day('2027-04-04', 'closed'));
    expect(byDate.get('2027-04-06')).toStrictEqual(day('2027-04-06', 'available', 15));
    expect(byDate.get('2027-04-10')).toStrictEqual(day('2027-04-10', 'available', 15));
    expect(byDate.get('2027-04-12')).toStrictEqual(day('2027-04-12', 'available', 26));
  });

  it("tz=Asia/Kolkata lists Ben's New York afternoons under the next date: Sunday the 28th gets Saturday's last 6", async () => {
    const paris = await get('/availability/month?service=portrait&staff=any&month=2027-03');
    const kolkata = await get('/availability/month?service=portrait&staff=any&month=2027-03&tz=Asia/Kolkata');
    expect(paris.body.days[27]).toStrictEqual(day('2027-03-28', 'closed'));
    expect(kolkata.body.timezone).toBe('Asia/Kolkata');
    expect(kolkata.body.days.slice(25)).toStrictEqual([
      day('2027-03-26', 'available', 13), // Ana 17:30-20:30 IST (7), Ben Fri 10:00-14:00 EDT (9), 3 shared
      day('2027-03-27', 'available', 15), // Ben Fri 14:30-17:00 (6) + Sat 10:00-14:00 (9)
      day('2027-03-28', 'available', 6), // Ben Sat 14:30-17:00 EDT = 00:00-02:30 IST
      day('2027-03-29', 'available', 20), // Ana 12 + Ben Mon 10:00-14:00 (9), 1 shared
      day('2027-03-30', 'available', 26),
      day('2027-03-31', 'available', 26),
    ]);
  });

  it("tz=America/New_York decides the viewer's today: at 22:00 Friday in New York the 26th is full there but past in Paris", async () => {
    clock.set('2027-03-27T02:00:00Z'); // Sat 03:00 Paris, Fri 22:00 New York
    const paris = await get('/availability/month?service=portrait&staff=2&month=2027-03');
    const ny = await get('/availability/month?service=portrait&staff=2&month=2027-03&tz=America/New_York');
    expect(paris.body.days.slice(25, 27)).toStrictEqual([
      day('2027-03-26', 'past'),
      day('2027-03-27', 'available', 15),
    ]);
    expect(ny.body.days.slice(25, 27)).toStrictEqual([day('2027-03-26', 'full'), day('2027-03-27', 'available', 15)]);
    expect(paris.body.firstAvailable).toBe('2027-03-27');
    expect(ny.body.firstAvailable).toBe('2027-03-27');
  });

  it('a worked day with no start left is full, not closed (Ana at 16:30 on the 26th)', async () => {
    clock.set('2027-03-26T15:30:00Z');
    const r = await get('/availability/month?service=portrait&staff=1&month=2027-03');
    expect(r.body.days[25]).toStrictEqual(day('2027-03-26', 'full'));
    expect(r.body.firstAvailable).toBe('2027-03-29');
  });

  it('the horizon (400 days: 2028-04-29) ends the calendar: Ben is bookable on Saturday the 29th, May is all closed', async () => {
    const april = await get('/availability/month?service=portrait&staff=2&month=2028-04');
    expect(april.body.days.slice(27)).toStrictEqual([
      day('2028-04-28', 'available', 15),
      day('2028-04-29', 'available', 15),
      day('2028-04-30', 'closed'),
    ]);
    const may = await get('/availability/month?service=portrait&staff=2&month=2028-05');
    expect(may.body.firstAvailable).toBeNull();
    expect(may.body.days).toHaveLength(31);
    expect(may.body.days.filter((d: { status: string }) => d.status !== 'closed')).toEqual([]);
  });

  it('firstAvailable looks past a month that is all past: February opens on today, the 26th of March', async () => {
    const r = await get('/availability/month?service=portrait&staff=1&month=2027-02');
    expect(r.body.firstAvailable).toBe('2027-03-26');
    expect(r.body.days).toStrictEqual(pastDays('2027-02', 28));
  });

  it('firstAvailable looks past a month that is all off: Ana away all May opens on Tuesday 1 June', async () => {
    await tdb.store.applySetup(
      {
        staff: [
          {
            key: 'ana',
            name: 'Ana',
            email: 'ana@studio.test',
            daysOff: [
              { from: '2027-04-05', to: '2027-04-09', note: 'Holiday' },
              { from: '2027-05-01', to: '2027-05-31', note: 'Sabbatical' },
            ],
          },
        ],
      },
      hash,
    );
    const r = await get('/availability/month?service=portrait&staff=1&month=2027-05');
    expect(r.body.firstAvailable).toBe('2027-06-01');
    expect(r.body.days.filter((d: { status: string }) => d.status !== 'closed')).toEqual([]);
  });

  it('a member who does not offer the service is 400 with details.fields.staff; an unknown service is 404', async () => {
    expectError(await get('/availability/month?service=consult&staff=2&month=2027-03'), 400, 'VALIDATION_FAILED', {
      fields: { staff: 'staff "2" does not offer "consult"' },
    });
    expectError(await get('/availability/month?service=nope&staff=any&month=2027-03'), 404, 'NOT_FOUND');
  });
});

describe('GET /availability/day', () => {
  it("lists Ana's Monday in Paris: every 30 minutes, 60-minute sessions inside 09-12 and 13-17", async () => {
    const r = await get('/availability/day?service=portrait&staff=1&date=2027-03-29');
    expect(r.status).toBe(200);
    expect(r.body).toStrictEqual({
      date: '2027-03-29',
      timezone: 'Europe/Paris',
      slots: [
        slot('2027-03-29T09:00:00+02:00', '2027-03-29T10:00:00+02:00', [ANA]),
        slot('2027-03-29T09:30:00+02:00', '2027-03-29T10:30:00+02:00', [ANA]),
        slot('2027-03-29T10:00:00+02:00', '2027-03-29T11:00:00+02:00', [ANA]),
        slot('2027-03-29T10:30:00+02:00', '2027-03-29T11:30:00+02:00', [ANA]),
        slot('2027-03-29T11:00:00+02:00', '2027-03-29T12:00:00+02:00', [ANA]),
        slot('2027-03-29T13:00:00+02:00', '2027-03-29T14:00:00+02:00', [ANA]),
        slot('2027-03-29T13:30:00+02:00', '2027-03-29T14:30:00+02:00', [ANA]),
        slot('2027-03-29T14:00:00+02:00', '2027-03-29T15:00:00+02:00', [ANA]),
        slot('2027-03-29T14:30:00+02:00', '2027-03-29T15:30:00+02:00', [ANA]),
        slot('2027-03-29T15:00:00+02:00', '2027-03-29T16:00:00+02:00', [ANA]),
        slot('2027-03-29T15:30:00+02:00', '2027-03-29T16:30:00+02:00', [ANA]),
        slot('2027-03-29T16:00:00+02:00', '2027-03-29T17:00:00+02:00', [ANA]),
      ],
    });
  });

  it('today keeps only the starts after now, shown at the winter offset (+01:00)', async () => {
    expect(await slotStarts('service=portrait&staff=1&date=2027-03-26')).toEqual([
      '2027-03-26T13:00:00+01:00',
      '2027-03-26T13:30:00+01:00',
      '2027-03-26T14:00:00+01:00',
      '2027-03-26T14:30:00+01:00',
      '2027-03-26T15:00:00+01:00',
      '2027-03-26T15:30:00+01:00',
      '2027-03-26T16:00:00+01:00',
    ]);
  });

  it('any staff unites Ana and Ben; 16:00 Paris (10:00 New York) lists both, lowest id first', async () => {
    const r = await get('/availability/day?service=portrait&staff=any&date=2027-03-29');
    const p = (hhmm: string) => `2027-03-29T${hhmm}:00+02:00`;
    expect(r.body).toStrictEqual({
      date: '2027-03-29',
      timezone: 'Europe/Paris',
      slots: [
        slot(p('09:00'), p('10:00'), [ANA]),
        slot(p('09:30'), p('10:30'), [ANA]),
        slot(p('10:00'), p('11:00'), [ANA]),
        slot(p('10:30'), p('11:30'), [ANA]),
        slot(p('11:00'), p('12:00'), [ANA]),
        slot(p('13:00'), p('14:00'), [ANA]),
        slot(p('13:30'), p('14:30'), [ANA]),
        slot(p('14:00'), p('15:00'), [ANA]),
        slot(p('14:30'), p('15:30'), [ANA]),
        slot(p('15:00'), p('16:00'), [ANA]),
        slot(p('15:30'), p('16:30'), [ANA]),
        slot(p('16:00'), p('17:00'), [ANA, BEN]),
        slot(p('16:30'), p('17:30'), [BEN]),
        slot(p('17:00'), p('18:00'), [BEN]),
        slot(p('17:30'), p('18:30'), [BEN]),
        slot(p('18:00'), p('19:00'), [BEN]),
        slot(p('18:30'), p('19:30'), [BEN]),
        slot(p('19:00'), p('20:00'), [BEN]),
        slot(p('19:30'), p('20:30'), [BEN]),
        slot(p('20:00'), p('21:00'), [BEN]),
        slot(p('20:30'), p('21:30'), [BEN]),
        slot(p('21:00'), p('22:00'), [BEN]),
        slot(p('21:30'), p('22:30'), [BEN]),
        slot(p('22:00'), p('23:00'), [BEN]),
        slot(p('22:30'), p('23:30'), [BEN]),
        slot(p('23:00'), '2027-03-30T00:00:00+02:00', [BEN]),
      ],
    });
  });

  it("tz=America/New_York shows Ana's Paris morning at New York's offset, same instants", async () => {
    expect(await slotStarts('service=portrait&staff=1&date=2027-03-29&tz=America/New_York')).toEqual([
      '2027-03-29T03:00:00-04:00',
      '2027-03-29T03:30:00-04:00',
      '2027-03-29T04:00:00-04:00',
      '2027-03-29T04:30:00-04:00',
      '2027-03-29T05:00:00-04:00',
      '2027-03-29T07:00:00-04:00',
      '2027-03-29T07:30:00-04:00',
      '2027-03-29T08:00:00-04:00',
      '2027-03-29T08:30:00-04:00',
      '2027-03-29T09:00:00-04:00',
      '2027-03-29T09:30:00-04:00',
      '2027-03-29T10:00:00-04:00',
    ]);
  });

  it("tz=Asia/Kolkata lists Ben's Saturday 14:30-17:00 New York under Sunday the 28th, at +05:30", async () => {
    const r = await get('/availability/day?service=portrait&staff=2&date=2027-03-28&tz=Asia/Kolkata');
    expect(r.body).toStrictEqual({
      date: '2027-03-28',
      timezone: 'Asia/Kolkata',
      slots: [
        slot('2027-03-28T00:00:00+05:30', '2027-03-28T01:00:00+05:30', [BEN]),
        slot('2027-03-28T00:30:00+05:30', '2027-03-28T01:30:00+05:30', [BEN]),
        slot('2027-03-28T01:00:00+05:30', '2027-03-28T02:00:00+05:30', [BEN]),
        slot('2027-03-28T01:30:00+05:30', '2027-03-28T02:30:00+05:30', [BEN]),
        slot('2027-03-28T02:00:00+05:30', '2027-03-28T03:00:00+05:30', [BEN]),
        slot('2027-03-28T02:30:00+05:30', '2027-03-28T03:30:00+05:30', [BEN]),
      ],
    });
    expect(await slotStarts('service=portrait&staff=2&date=2027-03-28')).toEqual([]);
  });

  it('a day off, a weekend day and a day beyond the horizon list nothing', async () => {
    expect(await slotStarts('service=portrait&staff=1&date=2027-04-06')).toEqual([]);
    expect(await slotStarts('service=portrait&staff=1&date=2027-03-27')).toEqual([]);
    expect(await slotStarts('service=portrait&staff=2&date=2028-05-01')).toEqual([]);
  });
});

describe('POST /bookings', () => {
  it('books a free slot: 201 with the booking in the staff zone, a manage token and next "done"', async () => {
    const r = await post(booking({ notes: 'Window light, please', client: { name: 'Ada', email: 'ada@example.com' } }));
    expect(r.status).toBe(201);
    expect(r.body).toStrictEqual({
      booking: {
        id: '1',
        reference: expect.stringMatching(REFERENCE),
        status: 'confirmed',
        service: { id: PORTRAIT, name: 'Portrait session' },
        staff: { id: ANA, name: 'Ana' },
        start: '2027-03-29T10:00:00+02:00',
        end: '2027-03-29T11:00:00+02:00',
        timezone: 'Europe/Paris',
        client: { name: 'Ada', email: 'ada@example.com' },
        notes: 'Window light, please',
        wantsReminder: false,
        locale: 'en',
        payment: { option: 'none', amountDue: '0.00', amountPaid: '0.00', currency: 'EUR' },
        seats: 1,
        seriesId: null,
        reschedule: { count: 0, limit: 3, allowed: true },
        cancel: { allowed: true },
        holdExpiresAt: null,
        answers: {},
        // No policy and no notice: free cancellation up to the start (SPEC §10.2).
        policy: { untilHoursBefore: 0, refund: 'full' },
        outcome: null,
        cancellation: null,
      },
      token: expect.stringMatching(TOKEN),
      next: { action: 'done' },
    });
  });

  it("a booking with Ben is shown in New York time, and keeps the client's locale and reminder choice", async () => {
    const r = await post(
      booking({ staff: BEN, start: '2027-03-29T16:00:00+02:00', locale: 'fr', wantsReminder: true }),
    );
    expect(r.status).toBe(201);
    expect(r.body.booking).toMatchObject({
      staff: { id: BEN, name: 'Ben' },
      start: '2027-03-29T10:00:00-04:00',
      end: '2027-03-29T11:00:00-04:00',
      timezone: 'America/New_York',
      locale: 'fr',
      wantsReminder: true,
    });
  });

  it('the booked time leaves the day at once, with the 60-minute neighbours that would overlap it', async () => {
    const query = 'service=portrait&staff=1&date=2027-03-29';
    const p = (hhmm: string) => `2027-03-29T${hhmm}:00+02:00`;
    const afternoon = ['13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00'].map(p);
    expect(await slotStarts(query)).toEqual([p('09:00'), p('09:30'), p('10:00'), p('10:30'), p('11:00'), ...afternoon]);
    expect((await post(booking())).status).toBe(201);
    // 09:30-10:30 and 10:30-11:30 overlap 10:00-11:00; 09:00-10:00 and 11:00-12:00 only touch it.
    expect(await slotStarts(query)).toEqual([p('09:00'), p('11:00'), ...afternoon]);
    const month = await get('/availability/month?service=portrait&staff=1&month=2027-03');
    expect(month.body.days[28]).toStrictEqual(day('2027-03-29', 'available', 9));
  });

  it('the same slot, or one overlapping it, is then 409 SLOT_UNAVAILABLE "taken"; a touching one is fine', async () => {
    expect((await post(booking())).status).toBe(201);
    const again = await post(booking({ client: { name: 'Bob', email: 'bob@example.com' } }));
    expectError(again, 409, 'SLOT_UNAVAILABLE', { reason: 'taken' });
    const overlapping = await post(booking({ start: '2027-03-29T10:30:00+02:00' }));
    expectError(overlapping, 409, 'SLOT_UNAVAILABLE', { reason: 'taken' });
    expect((await post(booking({ start: '2027-03-29T09:00:00+02:00' }))).status).toBe(201);
    expect((await post(booking({ start: '2027-03-29T11:00:00+02:00' }))).status).toBe(201);
    expect(await count('bookings')).toBe(3);
  });

  it.each([
    ['past', 'earlier today', '2027-03-26T10:00:00+01:00'],
    ['past', 'yesterday', '2027-03-25T14:00:00+01:00'],
    ['not_offered', 'off the 30-minute grid', '2027-03-29T09:10:00+02:00'],
    ['not_offered', 'running into the lunch break', '2027-03-29T11:30:00+02:00'],
    ['day_off', "during Ana's holiday", '2027-04-06T10:00:00+02:00'],
    ['not_worked', 'on a Saturday for Ana', '2027-03-27T10:00:00+01:00'],
    ['beyond_horizon', 'after 2028-04-29', '2028-05-01T10:00:00+02:00'],
  ])('refuses 409 SLOT_UNAVAILABLE with reason %s for a start %s', async (reason, _what, start) => {
    expectError(await post(booking({ start })), 409, 'SLOT_UNAVAILABLE', { reason });
    expect(await count('bookings')).toBe(0);
  });

  it('the last date inside the horizon is bookable (Ben, Saturday 2028-04-29)', async () => {
    const r = await post(booking({ staff: BEN, start: '2028-04-29T10:00:00-04:00' }));
    expect(r.status).toBe(201);
    expect(r.body.booking.start).toBe('2028-04-29T10:00:00-04:00');
  });

  it('with a minimum notice, a start sooner than now + notice is "too_soon" and one exactly at it is fine', async () => {
    await tdb.store.applySetup({ business: { minNoticeMinutes: 120 } }, hash);
    const soon = await post(booking({ start: '2027-03-26T13:30:00+01:00' }));
    expectError(soon, 409, 'SLOT_UNAVAILABLE', { reason: 'too_soon' });
    expect((await post(booking({ start: '2027-03-26T14:00:00+01:00' }))).status).toBe(201);
  });

  it('a staff member who does not offer the service is 400 VALIDATION_FAILED naming staff', async () => {
    const r = await post(booking({ service: 'consult', staff: BEN }));
    expectError(r, 400, 'VALIDATION_FAILED', { fields: { staff: 'staff "2" does not offer "consult"' } });
  });

  it('an unknown service is 400 VALIDATION_FAILED naming service (it is a body field, not the resource)', async () => {
    const r = await post(booking({ service: 'nope' }));
    expectError(r, 400, 'VALIDATION_FAILED', { fields: { service: 'no active service "nope"' } });
  });

  it('the service may be given by id', async () => {
    const r = await post(booking({ service: CONSULT, start: '2027-03-29T11:30:00+02:00' }));
    expect(r.status).toBe(201);
    expect(r.body.booking).toMatchObject({
      service: { id: CONSULT, name: 'Consultation' },
      start: '2027-03-29T11:30:00+02:00',
      end: '2027-03-29T12:00:00+02:00',
    });
  });

  describe('staff "any"', () => {
    const ANY_16 = '2027-03-29T16:00:00+02:00'; // Ana's last start, Ben's first (10:00 New York)

    it('goes to the lowest id when both are free and neither has a booking that day', async () => {
      const r = await post(booking({ staff: 'any', start: ANY_16 }));
      expect(r.body.booking.staff).toEqual({ id: ANA, name: 'Ana' });
    });

    it('goes to the member with fewer bookings that day: Ana has one at 09:00, so Ben takes 16:00', async () => {
      expect((await post(booking({ start: '2027-03-29T09:00:00+02:00' }))).status).toBe(201);
      const r = await post(booking({ staff: 'any', start: ANY_16, client: { name: 'Bo', email: 'bo@example.com' } }));
      expect(r.status).toBe(201);
      expect(r.body.booking).toMatchObject({
        staff: { id: BEN, name: 'Ben' },
        start: '2027-03-29T10:00:00-04:00',
        timezone: 'America/New_York',
      });
    });

    it('ties on bookings that day go back to the lowest id', async () => {
      expect((await post(booking({ start: '2027-03-29T09:00:00+02:00' }))).status).toBe(201);
      expect((await post(booking({ staff: BEN, start: '2027-03-29T19:00:00+02:00' }))).status).toBe(201);
      const r = await post(booking({ staff: 'any', start: ANY_16 }));
      expect(r.body.booking.staff.id).toBe(ANA);
    });

    it('a start only one member can take goes to that member, whatever the counts', async () => {
      expect((await post(booking({ staff: BEN, start: '2027-03-29T19:00:00+02:00' }))).status).toBe(201);
      const r = await post(booking({ staff: 'any', start: '2027-03-29T20:00:00+02:00' }));
      expect(r.body.booking.staff.id).toBe(BEN);
    });
  });

  describe('payment', () => {
    it('without a payment URL, "full" and "deposit" are 422 PAYMENT_OPTION_NOT_ALLOWED and nothing is written', async () => {
      for (const payment of ['full', 'deposit']) {
        expectError(await post(booking({ payment })), 422, 'PAYMENT_OPTION_NOT_ALLOWED', { allowed: ['none'] });
      }
      expect(await count('bookings')).toBe(0);
    });

    it('with a gateway, "none" on the paid portrait is 422; the free consult still takes "none" and is confirmed', async () => {
      await enablePayments();
      expectError(await post(booking()), 422, 'PAYMENT_OPTION_NOT_ALLOWED', { allowed: ['full', 'deposit'] });
      const free = await post(booking({ service: 'consult', start: '2027-03-29T09:00:00+02:00' }));
      expect(free.status).toBe(201);
      expect(free.body.booking.status).toBe('confirmed');
      expect(free.body.next).toEqual({ action: 'done' });
      expectError(
        await post(booking({ service: 'consult', start: '2027-03-29T09:30:00+02:00', payment: 'full' })),
        422,
        'PAYMENT_OPTION_NOT_ALLOWED',
        { allowed: ['none'] },
      );
    });

    it('a deposit booking awaits payment for 15 minutes and sends the client to a correctly signed gateway URL without its manage token', async () => {
      await enablePayments();
      const r = await post(booking({ payment: 'deposit', start: '2027-03-26T14:00:00+01:00' }));
      expect(r.status).toBe(201);
      const { booking: b, token, next } = r.body;
      expect(b).toMatchObject({
        status: 'awaiting_payment',
        start: '2027-03-26T14:00:00+01:00',
        payment: { option: 'deposit', amountDue: '30.00', amountPaid: '0.00', currency: 'EUR' },
        reschedule: { count: 0, limit: 3, allowed: false },
        cancel: { allowed: true },
        holdExpiresAt: '2027-03-26T12:15:00+01:00', // now (12:00 Paris) + holdMinutes 15
      });
      expect(next.action).toBe('pay');
      const url = new URL(next.url);
      expect(`${url.origin}${url.pathname}`).toBe(PAYMENT_URL);
      // The return URL holds no credential: the booking's public return page (SPEC §10.4).
      const returnUrl = `${PUBLIC_URL}/return/${b.reference}`;
      expect(next.url).not.toContain(token);
      const e = encodeURIComponent;
      const signature = createHmac('sha256', PAYMENT_SECRET)
        .update(`amount=${e('30.00')}&currency=${e('EUR')}&reference=${e(b.reference)}&returnUrl=${e(returnUrl)}`)
        .digest('hex');
      expect([...url.searchParams]).toEqual([
        ['amount', '30.00'],
        ['currency', 'EUR'],
        ['reference', b.reference],
        ['returnUrl', returnUrl],
        ['signature', signature],
      ]);
    });

    it('a full payment is due the price', async () => {
      await enablePayments();
      const r = await post(booking({ payment: 'full' }));
      expect(r.body.booking.payment).toEqual({
        option: 'full',
        amountDue: '120.00',
        amountPaid: '0.00',
        currency: 'EUR',
      });
      expect(new URL(r.body.next.url).searchParams.get('amount')).toBe('120.00');
    });
  });

  describe('known clients and holds', () => {
    it('a second booking by a confirmed client (email in any case) waits for email verification', async () => {
      expect((await post(booking())).body.booking.status).toBe('confirmed');
      const r = await post(
        booking({ start: '2027-03-30T10:00:00+02:00', client: { name: 'Ada', email: 'ADA@EXAMPLE.COM' } }),
      );
      expect(r.status).toBe(201);
      expect(r.body.booking).toMatchObject({
        status: 'pending_verification',
        client: { name: 'Ada', email: 'ADA@EXAMPLE.COM' },
        holdExpiresAt: '2027-03-26T12:15:00+01:00',
      });
      expect(r.body.next).toEqual({ action: 'verify_email' });
      expect(await count('clients')).toBe(1);
    });

    it('a booking still awaiting payment does not make its email a known client', async () => {
      await enablePayments();
      expect((await post(booking({ payment: 'deposit' }))).body.booking.status).toBe('awaiting_payment');
      expect(await count('clients')).toBe(0);
      const r = await post(booking({ service: 'consult', start: '2027-03-30T10:00:00+02:00' }));
      expect(r.body.booking.status).toBe('confirmed');
    });

    it('a pending hold blocks its slot for holdMinutes; from then on the same slot books fine', async () => {
      await enablePayments();
      const hold = await post(booking({ payment: 'deposit' }));
      expect(hold.status).toBe(201);
      const query = 'service=portrait&staff=1&date=2027-03-29';
      expect(await slotStarts(query)).not.toContain('2027-03-29T10:00:00+02:00');

      clock.advance(14);
      const bob = booking({ payment: 'full', client: { name: 'Bob', email: 'bob@example.com' } });
      expectError(await post(bob), 409, 'SLOT_UNAVAILABLE', { reason: 'taken' });

      clock.advance(1); // hold_until reached: the hold no longer occupies time
      expect(await slotStarts(query)).toContain('2027-03-29T10:00:00+02:00');
      const r = await post(bob);
      expect(r.status).toBe(201);
      expect(r.body.booking.start).toBe('2027-03-29T10:00:00+02:00');
      // The lapsed hold is expired by the new booking (identity values may skip: a refused insert uses one).
      const rows = await tdb.db.query('SELECT id::text AS id, status FROM bookings ORDER BY id');
      expect(rows).toEqual([
        { id: '1', status: 'expired' },
        { id: r.body.booking.id, status: 'awaiting_payment' },
      ]);
    });
  });

  describe('Idempotency-Key', () => {
    it('the same key and body twice answer the same 201, same booking and token, with one row written', async () => {
      const first = await post(booking(), { 'Idempotency-Key': 'order-42' });
      const second = await post(booking(), { 'Idempotency-Key': 'order-42' });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toStrictEqual(first.body);
      expect(second.body.token).toMatch(TOKEN);
      expect(await count('bookings')).toBe(1);
    });

    it('two simultaneous requests with one key make one booking', async () => {
      const [a, b] = await Promise.all([
        post(booking(), { 'Idempotency-Key': 'double-click' }),
        post(booking(), { 'Idempotency-Key': 'double-click' }),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.booking.id).toBe(b.body.booking.id);
      expect(a.body.token).toBe(b.body.token);
      expect(await count('bookings')).toBe(1);
    });

    it('the same key with another body is 422 IDEMPOTENCY_KEY_REUSED and books nothing', async () => {
      expect((await post(booking(), { 'Idempotency-Key': 'order-42' })).status).toBe(201);
      const other = await post(booking({ start: '2027-03-29T13:00:00+02:00' }), { 'Idempotency-Key': 'order-42' });
      expectError(other, 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(await count('bookings')).toBe(1);
    });

    it('a refused request does not consume its key: the key then books another body', async () => {
      expect((await post(booking())).status).toBe(201);
      const refused = await post(booking({ client: { name: 'Bo', email: 'bo@example.com' } }), {
        'Idempotency-Key': 'retry-me',
      });
      expectError(refused, 409, 'SLOT_UNAVAILABLE', { reason: 'taken' });
      expect(await count('idempotency_keys')).toBe(0);
      const r = await post(booking({ start: '2027-03-29T13:00:00+02:00' }), { 'Idempotency-Key': 'retry-me' });
      expect(r.status).toBe(201);
    });
  });

  it('of three simultaneous requests for one slot exactly one wins; the others see it taken', async () => {
    const results = await Promise.all(
      ['a', 'b', 'c'].map((who) => post(booking({ client: { name: who, email: `${who}@example.com` } }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) {
      expectError(r, 409, 'SLOT_UNAVAILABLE', { reason: 'taken' });
    }
    expect(await count('bookings')).toBe(1);
    expect(await count('clients')).toBe(1);
  });
});

describe('malformed input: 4xx with exactly {error: {code, message, details?}}, never 500', () => {
  it('a body that is not JSON is 400 VALIDATION_FAILED', async () => {
    expectError(await post('{"service": "portrait",'), 400, 'VALIDATION_FAILED', {
      fields: { body: 'not valid JSON' },
    });
  });

  it('a body without a content type, or with another one, is 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const json = JSON.stringify(booking());
    const none = await call('/api/v1/bookings', { method: 'POST', body: new TextEncoder().encode(json) });
    expectError(none, 415, 'UNSUPPORTED_MEDIA_TYPE');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) {
      const r = await call('/api/v1/bookings', { method: 'POST', headers: { 'content-type': type }, body: json });
      expectError(r, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await count('bookings')).toBe(0);
  });

  it('application/json with a charset parameter is accepted', async () => {
    const r = await call('/api/v1/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(booking()),
    });
    expect(r.status).toBe(201);
  });

  it('a body of exactly 64 KiB is read (then refused for its long notes); one byte more is 413 PAYLOAD_TOO_LARGE', async () => {
    const bare = JSON.stringify(booking({ notes: '' }));
    const exact = JSON.stringify(booking({ notes: 'n'.repeat(64 * 1024 - bare.length) }));
    expect(exact.length).toBe(64 * 1024);
    const r = await post(exact);
    expectError(r, 400, 'VALIDATION_FAILED', { fields: { notes: expect.any(String) } });
    expectError(
      await post(JSON.stringify(booking({ notes: 'n'.repeat(64 * 1024 - bare.length + 1) }))),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it.each([
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"book me"'],
    ['a number', '42'],
  ])('a JSON body that is %s is 400 naming body', async (_what, raw) => {
    expectError(await post(raw), 400, 'VALIDATION_FAILED', { fields: { body: expect.any(String) } });
  });

  it('missing required fields are each named', async () => {
    const r = await post({});
    expectError(r, 400, 'VALIDATION_FAILED', {
      fields: {
        service: expect.any(String),
        staff: expect.any(String),
        start: expect.any(String),
        client: expect.any(String),
      },
    });
    const c = await post(booking({ client: {} }));
    expectError(c, 400, 'VALIDATION_FAILED', {
      fields: { 'client.name': expect.any(String), 'client.email': expect.any(String) },
    });
  });

  it.each([
    ['service', { service: 5 }],
    ['service', { service: '' }],
    ['staff', { staff: 1 }],
    ['staff', { staff: 'abc' }],
    ['start', { start: 1806048000000 }],
    ['client', { client: 'Ada <ada@example.com>' }],
    ['client.name', { client: { name: 5, email: 'ada@example.com' } }],
    ['client.name', { client: { name: '   ', email: 'ada@example.com' } }],
    ['client.email', { client: { name: 'Ada', email: true } }],
    ['client.phone', { client: { name: 'Ada', email: 'ada@example.com', phone: 33 } }],
    ['client.address', { client: { name: 'Ada', email: 'ada@example.com', address: ['1 Rue'] } }],
    ['notes', { notes: 5 }],
    ['wantsReminder', { wantsReminder: 'yes' }],
    ['payment', { payment: 1 }],
    ['locale', { locale: 7 }],
  ])('a wrong type or empty value for %s is 400 naming it', async (field, over) => {
    expectError(await post(booking(over)), 400, 'VALIDATION_FAILED', { fields: { [field]: expect.any(String) } });
  });

  it.each([
    ['without an offset', '2027-03-29T09:00:00'],
    ['with a space for T', '2027-03-29 09:00:00+02:00'],
    ['on 30 February', '2027-02-30T10:00:00+01:00'],
    ['at hour 25', '2027-03-29T25:00:00+02:00'],
    ['with an offset beyond ±23:59', '2027-03-29T09:00:00+25:00'],
  ])('a start %s is 400 naming start', async (_what, start) => {
    expectError(await post(booking({ start })), 400, 'VALIDATION_FAILED', {
      fields: { start: 'an ISO 8601 time with offset, e.g. 2027-03-29T09:00:00+02:00' },
    });
  });

  it.each(['0001-01-01T00:00:00Z', '9999-12-31T23:59:59+14:00'])(
    'a start in year %s is 400, not a database error',
    async (start) => {
      expectError(await post(booking({ start })), 400, 'VALIDATION_FAILED', {
        fields: { start: 'a year between 1900 and 2999' },
      });
    },
  );

  it.each([
    [
      'a name with a NUL character',
      { client: { name: 'Ada\u0000', email: 'ada@example.com' } },
      'client.name',
      'must not contain NUL characters',
    ],
    ['notes of 10,000 characters', { notes: 'n'.repeat(10_000) }, 'notes', expect.any(String)],
    ['an invalid email', { client: { name: 'Ada', email: 'ada@' } }, 'client.email', 'a valid email address'],
    ['an invalid payment option', { payment: 'cash' }, 'payment', expect.any(String)],
    ['an unsupported locale', { locale: 'xx' }, 'locale', expect.any(String)],
    ['an unknown field', { wantsReminders: true }, 'wantsReminders', 'unknown field'],
    [
      'an unknown client field',
      { client: { name: 'Ada', email: 'ada@example.com', age: 36 } },
      'client.age',
      'unknown field',
    ],
  ])('%s is 400 naming %s', async (_what, over, field, message) => {
    expectError(await post(booking(over)), 400, 'VALIDATION_FAILED', { fields: { [field]: message } });
    expect(await count('bookings')).toBe(0);
  });

  it('a "__proto__" key is named as an unknown field and pollutes nothing', async () => {
    const valid = JSON.stringify(booking());
    const top = await post(`{"__proto__": {"polluted": true}, ${valid.slice(1)}`);
    expect(top.status).toBe(400);
    expect(top.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.entries(top.body.error.details.fields)).toEqual([['__proto__', 'unknown field']]);
    const nested = await post(
      `${valid.slice(0, -1)}, "client": {"__proto__": {"polluted": true}, "name": "Ada", "email": "ada@example.com"}}`,
    );
    expectError(nested, 400, 'VALIDATION_FAILED', { fields: { 'client.__proto__': 'unknown field' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await count('bookings')).toBe(0);
  });

  it.each([
    ['with spaces', 'my key'],
    ['of 300 characters', 'k'.repeat(300)],
    ['empty', ''],
  ])('an Idempotency-Key %s is 400 naming the header', async (_what, key) => {
    expectError(await post(booking(), { 'Idempotency-Key': key }), 400, 'VALIDATION_FAILED', {
      fields: { 'Idempotency-Key': 'invalid' },
    });
    expect(await count('bookings')).toBe(0);
  });

  it.each([
    ['month', '/availability/month?service=portrait&month=2027-13'],
    ['month', '/availability/month?service=portrait&month=2027-3'],
    ['month', '/availability/month?service=portrait&month=0001-01'],
    ['month', '/availability/month?service=portrait'],
    ['date', '/availability/day?service=portrait&date=2027-02-30'],
    ['date', '/availability/day?service=portrait&date=29/03/2027'],
    ['date', '/availability/day?service=portrait&date=9999-12-31'],
    ['tz', '/availability/day?service=portrait&date=2027-03-29&tz=Mars/Olympus'],
    ['tz', '/availability/day?service=portrait&date=2027-03-29&tz=%2B02:00'],
    ['staff', '/availability/day?service=portrait&date=2027-03-29&staff=abc'],
    ['staff', '/availability/month?service=portrait&month=2027-03&staff=-1'],
    ['service', '/availability/day?date=2027-03-29'],
  ])('a bad query parameter %s is 400 naming it (%s)', async (field, path) => {
    expectError(await get(path), 400, 'VALIDATION_FAILED', { fields: { [field]: expect.any(String) } });
  });

  it('an unknown staff id is 400 naming staff; an unknown service in a query is 404', async () => {
    expectError(await get('/availability/day?service=portrait&date=2027-03-29&staff=99'), 400, 'VALIDATION_FAILED', {
      fields: { staff: 'staff "99" does not offer "portrait"' },
    });
    expectError(await get('/availability/day?service=nope&date=2027-03-29'), 404, 'NOT_FOUND');
  });

  it('an unknown path or method under /api/v1 is 404 NOT_FOUND in the error shape', async () => {
    expectError(await get('/nope'), 404, 'NOT_FOUND');
    expectError(await get('/bookings'), 404, 'NOT_FOUND');
    expectError(await call('/api/v1/services', { method: 'DELETE' }), 404, 'NOT_FOUND');
  });
});
