/**
 * The set-up file's availability sources (API.md Part two): `staff[].dateHours`, `blocks`,
 * `calendars`, top-level `resources` and `services[].resources`. Bad input — overlapping ranges
 * on one date, a block whose end is not after its start, a date outside 1900–2999, an unknown
 * resource key, a calendar URL that is not http(s) or points at a private address — is refused
 * with its path, and nothing is written.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { testOutbound } from '../../test/support/outbound.ts';
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
  deps = { store: tdb.store, hashPassword: async (p) => `hash:${p}`, outbound: testOutbound() };
});

const portrait = { key: 'portrait', name: 'Portrait session', durationMinutes: 60 };
const ana = { key: 'ana', name: 'Ana', email: 'ana@studio.test', services: ['portrait'] };

async function written(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    'services',
    'staff',
    'resources',
    'service_resources',
    'date_hours',
    'time_blocks',
    'staff_calendars',
  ]) {
    const [row] = await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = Number(row?.n);
  }
  return out;
}

const NOTHING = {
  services: 0,
  staff: 0,
  resources: 0,
  service_resources: 0,
  date_hours: 0,
  time_blocks: 0,
  staff_calendars: 0,
};

describe('importSetup: availability sources', () => {
  it('imports resources, what services require, date hours, blocks and calendars', async () => {
    const r = await importSetup(deps, {
      resources: [{ key: 'room', name: 'Studio room' }],
      services: [{ ...portrait, resources: ['room'] }],
      staff: [
        {
          ...ana,
          dateHours: { '2027-06-14': [['10:00', '14:00']], '2027-06-15': [] },
          blocks: [{ from: '2027-06-16T13:00', to: '2027-06-16T15:30', note: 'Dentist' }],
          calendars: [{ url: 'https://calendar.example.test/ical/ana/private-1/basic.ics', label: 'Google' }],
        },
      ],
    });
    expect(r.ok).toBe(true);
    expect(await written()).toEqual({
      services: 1,
      staff: 1,
      resources: 1,
      service_resources: 1,
      date_hours: 2,
      time_blocks: 1,
      staff_calendars: 1,
    });
    const [member] = await tdb.store.listStaff();
    expect(member?.dateHours).toEqual({ '2027-06-14': [{ start: 600, end: 840 }], '2027-06-15': [] });
    expect(member?.blocks).toEqual([{ from: '2027-06-16T13:00', to: '2027-06-16T15:30', note: 'Dentist' }]);
    const [calendar] = await tdb.store.listCalendars(member?.id as string);
    // Due at once: the server's worker fetches it on its next sweep.
    expect(calendar).toMatchObject({ label: 'Google', lastSuccessAt: null, nextFetchAt: expect.any(Number) });
  });

  it.each<[string, unknown, Record<string, string>]>([
    [
      'overlapping ranges on one date',
      {
        dateHours: {
          '2027-06-14': [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      },
      { 'staff[0].dateHours.2027-06-14': 'ranges overlap' },
    ],
    [
      'a range that ends before it starts',
      { dateHours: { '2027-06-14': [['14:00', '10:00']] } },
      { 'staff[0].dateHours.2027-06-14[0]': 'the start must be before the end' },
    ],
    [
      'a date outside 1900–2999',
      { dateHours: { '1899-12-31': [] } },
      { 'staff[0].dateHours.1899-12-31': 'a real date YYYY-MM-DD between 1900 and 2999' },
    ],
    [
      'a block whose end is before its start',
      { blocks: [{ from: '2027-06-16T15:30', to: '2027-06-16T13:00' }] },
      { 'staff[0].blocks[0].to': 'must be after "from"' },
    ],
    [
      'a block in year 3000',
      { blocks: [{ from: '3000-01-01T10:00', to: '3000-01-01T11:00' }] },
      {
        'staff[0].blocks[0].from': 'a local date-time YYYY-MM-DDTHH:MM, 1900–2999',
        'staff[0].blocks[0].to': 'a local date-time YYYY-MM-DDTHH:MM, 1900–2999',
      },
    ],
    [
      'a calendar URL that is not http(s)',
      { calendars: [{ url: 'webcal://calendar.example.test/ana.ics' }] },
      { 'staff[0].calendars[0].url': 'an http or https URL (write https:// instead of webcal://)' },
    ],
  ])('%s → refused with its path, nothing written', async (_, extra, fields) => {
    const r = await importSetup(deps, { services: [portrait], staff: [{ ...ana, ...(extra as object) }] });
    expect(r).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      message: 'The set-up file has problems.',
      details: { fields },
    });
    expect(await written()).toEqual(NOTHING);
  });

  it('an unknown resource key → refused with its path, nothing written', async () => {
    const r = await importSetup(deps, {
      resources: [{ key: 'room', name: 'Studio room' }],
      services: [{ ...portrait, resources: ['room', 'attic'] }],
    });
    expect(r).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      details: { fields: { 'services[0].resources[1]': 'no resource with key "attic"' } },
    });
    expect(await written()).toEqual(NOTHING);
  });

  it('a duplicate resource key → refused with its path', async () => {
    const r = await importSetup(deps, {
      resources: [
        { key: 'room', name: 'A' },
        { key: 'room', name: 'B' },
      ],
    });
    expect(r).toMatchObject({ ok: false, details: { fields: { 'resources[1].key': 'duplicate key' } } });
    expect(await written()).toEqual(NOTHING);
  });

  it.each([
    ['http://127.0.0.1:8080/ana.ics', '127.0.0.1 is a loopback address'],
    ['http://2130706433/ana.ics', '127.0.0.1 is a loopback address'],
    ['http://[::ffff:10.0.0.1]/ana.ics', '[::ffff:a00:1] is a private address'],
    ['https://feeds.loopback.test/ana.ics', 'feeds.loopback.test resolves to 127.0.0.1, a loopback address'],
  ])('a calendar at %s → 400 URL_NOT_ALLOWED naming its path, nothing written', async (url, says) => {
    const r = await importSetup(deps, { services: [portrait], staff: [{ ...ana, calendars: [{ url }] }] });
    expect(r).toEqual({
      ok: false,
      code: 'URL_NOT_ALLOWED',
      message: `The URL must point at a public internet address: ${says}.`,
      details: { fields: { 'staff[0].calendars[0].url': `a public internet address (${says})` } },
    });
    expect(await written()).toEqual(NOTHING);
  });

  it('ALLOW_PRIVATE_URLS lets a private calendar URL through', async () => {
    const r = await importSetup(
      { ...deps, outbound: testOutbound({ allowPrivate: true }) },
      { services: [portrait], staff: [{ ...ana, calendars: [{ url: 'http://127.0.0.1:8080/ana.ics' }] }] },
    );
    expect(r.ok).toBe(true);
  });
});
