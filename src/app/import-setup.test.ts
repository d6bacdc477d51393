/**
 * importSetup (`slotwise import`) against the real embedded store: every problem listed with its
 * path in the file, and nothing written unless the whole file applies.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { STUDIO } from '../../test/support/studio.ts';
import { demoSetup } from '../demo/demo-studio.ts';
import { importSetup } from './import-setup.ts';

let tdb: TestDatabase;
let deps: Parameters<typeof importSetup>[0];

beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  await tdb.reset();
  deps = { store: tdb.store, hashPassword: async (p) => `hash:${p}` };
});

const portrait = { key: 'portrait', name: 'Portrait session', durationMinutes: 60 };
const ana = { key: 'ana', name: 'Ana', email: 'ana@studio.test' };

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['services', 'staff', 'staff_services', 'working_hours', 'days_off', 'users']) {
    const [row] = await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = Number(row?.n);
  }
  return out;
}

const NOTHING = { services: 0, staff: 0, staff_services: 0, working_hours: 0, days_off: 0, users: 0 };

async function businessName(): Promise<string> {
  return (await tdb.store.getBusiness()).name;
}

/** Expects a refusal listing exactly these problems, and an untouched database. */
async function expectProblems(file: unknown, fields: Record<string, unknown>): Promise<void> {
  const r = await importSetup(deps, file);
  expect(r).toEqual({
    ok: false,
    code: 'VALIDATION_FAILED',
    message: 'The set-up file has problems.',
    details: { fields },
  });
  expect(await counts()).toEqual(NOTHING);
  expect(await businessName()).toBe('Slotwise');
}

describe('importSetup', () => {
  it('imports the studio and answers the ids by key', async () => {
    const r = await importSetup(deps, STUDIO);
    expect(r).toEqual({
      ok: true,
      value: { services: { portrait: '1', consult: '2' }, staff: { ana: '1', ben: '2' } },
    });
    // Ana: 2 ranges x 5 days, Ben: 1 x 6; Ana offers both services, Ben the portrait.
    expect(await counts()).toEqual({
      services: 2,
      staff: 2,
      staff_services: 3,
      working_hours: 16,
      days_off: 1,
      users: 0,
    });
    expect(await businessName()).toBe('Test Studio');
  });

  it('importing again updates by key: same ids, no duplicates, and the hours the file gives replace the old ones', async () => {
    await importSetup(deps, STUDIO);
    const r = await importSetup(deps, {
      services: [{ ...portrait, name: 'Portrait' }],
      staff: [{ ...ana, hours: { mon: [['10:00', '11:00']] } }],
    });
    expect(r).toEqual({ ok: true, value: { services: { portrait: '1' }, staff: { ana: '1' } } });
    expect(await counts()).toEqual({
      services: 2,
      staff: 2,
      staff_services: 3,
      working_hours: 7,
      days_off: 1,
      users: 0,
    });
    expect((await tdb.store.findService('portrait'))?.name).toBe('Portrait');
  });

  it('imports the retention settings (SPEC §11)', async () => {
    const r = await importSetup(deps, { business: { retainUnconfirmedDays: 7, retainPastDays: 730 } });
    expect(r.ok).toBe(true);
    expect(await tdb.store.getBusiness()).toMatchObject({ retainUnconfirmedDays: 7, retainPastDays: 730 });
  });

  it('imports questions, a cancellation policy and the no-show limit (SPEC §10), as the demo studio has them', async () => {
    const r = await importSetup(deps, demoSetup(Date.parse('2027-03-26T11:00:00Z')));
    expect(r.ok).toBe(true);
    expect((await tdb.store.getBusiness()).noShowLimit).toBe(0);
    const portraitRow = await tdb.store.findService('portrait-session');
    expect(portraitRow?.questions.map((q) => [q.key, q.type, q.sensitive])).toEqual([
      ['people', 'number', false],
      ['health', 'longText', true],
    ]);
    expect(portraitRow?.questions[1]?.label).toMatchObject({
      en: 'Anything we should know about your health or mobility?',
    });
    expect(portraitRow?.cancellationPolicy).toEqual([
      { untilHoursBefore: 48, refund: 'full' },
      { untilHoursBefore: 24, refund: 'deposit_kept' },
      { untilHoursBefore: 0, refund: 'none' },
    ]);
    await importSetup(deps, { business: { noShowLimit: 2 } });
    expect((await tdb.store.getBusiness()).noShowLimit).toBe(2);
  });

  it('refuses tiers out of order and a question of an unknown type, naming each path, writing nothing', async () => {
    await expectProblems(
      {
        services: [
          {
            ...portrait,
            questions: [{ key: 'q', type: 'colour', label: 'Q' }],
            cancellationPolicy: [
              { untilHoursBefore: 24, refund: 'deposit_kept' },
              { untilHoursBefore: 48, refund: 'full' },
            ],
          },
        ],
      },
      expect.objectContaining({
        'services[0].questions[0].type': expect.any(String),
        'services[0].cancellationPolicy[1].untilHoursBefore': expect.any(String),
      }),
    );
  });

  it('per-language texts (SPEC §12): a language the pages do not speak is refused, naming it, writing nothing', async () => {
    await expectProblems(
      {
        business: { name: 'Lumen', staffLabel: { en: 'With', xx: 'Xx' } },
        services: [{ ...portrait, name: { pt: 'Retrato', 'pt-BR': 'Retrato' }, description: { de: '' } }],
      },
      {
        'business.staffLabel.xx': 'not a language the pages speak (en, fr, de, es, pt)',
        'services[0].name.pt-BR': 'not a language the pages speak (en, fr, de, es, pt)',
        'services[0].description.de': 'required',
      },
    );
  });

  it('imports per-language names, descriptions and the staff label (SPEC §12)', async () => {
    const r = await importSetup(deps, {
      business: { locale: 'pt', staffLabel: { en: 'Choose photographer', pt: 'Escolha o fotógrafo' } },
      services: [
        { ...portrait, name: { en: 'Portrait session', pt: 'Sessão de retrato' }, description: { pt: 'Uma hora' } },
      ],
    });
    expect(r.ok).toBe(true);
    expect(await tdb.store.findService('portrait')).toMatchObject({
      name: 'Sessão de retrato',
      nameWordings: { en: 'Portrait session', pt: 'Sessão de retrato' },
      description: 'Uma hora',
      descriptionWordings: { pt: 'Uma hora' },
    });
    expect((await tdb.store.getBusiness()).staffLabel).toBe('Escolha o fotógrafo');
  });

  it('a staff member may name a service imported by an earlier file', async () => {
    await importSetup(deps, { services: [portrait] });
    const r = await importSetup(deps, { staff: [{ ...ana, services: ['portrait'] }] });
    expect(r).toEqual({ ok: true, value: { services: {}, staff: { ana: '1' } } });
  });

  it('admins are stored with the hashed password; the same email in another case updates, not duplicates', async () => {
    await importSetup(deps, { admins: [{ email: 'admin@studio.test', password: 'correct horse' }] });
    await importSetup(deps, { admins: [{ email: 'ADMIN@studio.test', password: 'battery staple' }] });
    expect(await tdb.db.query('SELECT email, password_hash, role FROM users')).toEqual([
      { email: 'admin@studio.test', password_hash: 'hash:battery staple', role: 'admin' },
    ]);
  });

  describe('problems, each with its path; nothing written', () => {
    it('an unknown field is named with its path (services[0].durationMinuts)', async () => {
      await expectProblems(
        { services: [{ key: 'portrait', name: 'Portrait session', durationMinuts: 60 }] },
        { 'services[0].durationMinuts': 'unknown field', 'services[0].durationMinutes': expect.any(String) },
      );
    });

    it('an image that is not an http(s) URL or a local path (no javascript: links on the pages)', async () => {
      await expectProblems(
        { services: [{ ...portrait, imageUrl: 'javascript:alert(1)' }] },
        { 'services[0].imageUrl': 'an http(s) URL or a path such as /img/a.jpg' },
      );
    });

    it('a deposit above the price', async () => {
      await expectProblems(
        { services: [{ ...portrait, price: '120.00', deposit: '150.00' }] },
        { 'services[0].deposit': 'must not exceed the price' },
      );
    });

    it('overlapping hours on one weekday', async () => {
      await expectProblems(
        {
          staff: [
            {
              ...ana,
              hours: {
                mon: [
                  ['09:00', '12:00'],
                  ['11:30', '17:00'],
                ],
              },
            },
          ],
        },
        { 'staff[0].hours.mon': 'ranges overlap' },
      );
    });

    it('a range that ends before it starts, and a day off that ends before it starts', async () => {
      await expectProblems(
        {
          staff: [
            { ...ana, hours: { tue: [['17:00', '09:00']] }, daysOff: [{ from: '2027-08-13', to: '2027-08-02' }] },
          ],
        },
        {
          'staff[0].hours.tue[0]': 'the start must be before the end',
          'staff[0].daysOff[0].to': 'must not be before "from"',
        },
      );
    });

    it('an unknown service key in staff.services, after a business change and a service in the same file', async () => {
      await expectProblems(
        { business: { name: 'Renamed' }, services: [portrait], staff: [{ ...ana, services: ['nope'] }] },
        { 'staff[0].services[0]': 'no service with key "nope"' },
      );
    });

    it('a paymentUrl without a paymentSecret', async () => {
      await expectProblems(
        { business: { paymentUrl: 'https://pay.test/checkout' } },
        { 'business.paymentSecret': 'required when paymentUrl is set' },
      );
    });

    it('several problems at once are all listed', async () => {
      await expectProblems(
        {
          business: { timezone: 'Mars/Olympus' },
          services: [
            portrait,
            { ...portrait, price: '1.234' },
            { ...portrait, key: 'print', price: '100.5', currency: 'JPY' },
          ],
          staff: [{ ...ana, email: 'not-an-email' }],
        },
        {
          'business.timezone': 'not an IANA time zone (e.g. Europe/Paris)',
          'services[1].key': 'duplicate key',
          'services[1].price': 'too many decimals for USD',
          'services[2].price': 'too many decimals for JPY',
          'staff[0].email': expect.any(String),
        },
      );
    });

    it('a malformed currency is listed, not thrown, even with priced services in its currency', async () => {
      await expectProblems(
        {
          business: { currency: 'EURO' },
          services: [
            { ...portrait, price: '120.00' },
            { ...portrait, key: 'print', price: '5', currency: 'eu' },
          ],
        },
        {
          'business.currency': 'not an ISO 4217 currency code (e.g. EUR)',
          'services[1].currency': 'not an ISO 4217 currency code (e.g. EUR)',
        },
      );
    });

    it.each([
      ['an array', []],
      ['null', null],
      ['a string', 'setup.json'],
    ])('a file that is %s is one problem at (file)', async (_what, file) => {
      await expectProblems(file, { '(file)': expect.any(String) });
    });

    it('retention days out of range are listed at their paths (SPEC §11)', async () => {
      await expectProblems(
        { business: { retainUnconfirmedDays: 0, retainPastDays: 3661 } },
        { 'business.retainUnconfirmedDays': expect.any(String), 'business.retainPastDays': expect.any(String) },
      );
    });

    it('a "__proto__" key is an unknown field like any other', async () => {
      await expectProblems(
        JSON.parse('{"__proto__": {"polluted": true}}'),
        JSON.parse('{"__proto__": "unknown field"}'),
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('a price below the deposit already stored is listed at the price, not thrown as a database error', async () => {
      await importSetup(deps, STUDIO);
      const before = await counts();
      const r = await importSetup(deps, {
        business: { name: 'Renamed' },
        services: [{ ...portrait, price: '20.00' }],
      });
      expect(r).toEqual({
        ok: false,
        code: 'VALIDATION_FAILED',
        message: 'The set-up file has problems.',
        details: { fields: { 'services[0].price': 'must not be less than the stored deposit' } },
      });
      expect(await counts()).toEqual(before);
      expect(await businessName()).toBe('Test Studio');
      expect((await tdb.store.findService('portrait'))?.price).toBe(12000);
    });

    it('a deposit alone above the stored price is listed at the deposit', async () => {
      await importSetup(deps, STUDIO);
      const r = await importSetup(deps, { services: [{ ...portrait, deposit: '150.00' }] });
      expect(r).toEqual({
        ok: false,
        code: 'VALIDATION_FAILED',
        message: 'The set-up file has problems.',
        details: { fields: { 'services[0].deposit': 'must not exceed the price (the stored one, or 0)' } },
      });
      expect((await tdb.store.findService('portrait'))?.deposit).toBe(3000);
    });
  });

  describe('partial updates keep what the file leaves out', () => {
    it('a deposit alone is checked against the stored price and applied', async () => {
      await importSetup(deps, STUDIO);
      const r = await importSetup(deps, { services: [{ ...portrait, deposit: '50.00' }] });
      expect(r.ok).toBe(true);
      const s = await tdb.store.findService('portrait');
      expect([s?.price, s?.deposit]).toEqual([12000, 5000]);
    });

    it('a paymentUrl alone is accepted when a paymentSecret is already stored', async () => {
      await importSetup(deps, { business: { paymentSecret: 's'.repeat(20) } });
      const r = await importSetup(deps, { business: { paymentUrl: 'https://pay.test/checkout' } });
      expect(r.ok).toBe(true);
      const b = await tdb.store.getBusiness();
      expect([b.paymentUrl, b.paymentSecret]).toEqual(['https://pay.test/checkout', 's'.repeat(20)]);
    });
  });
});
