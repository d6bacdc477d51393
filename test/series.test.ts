/**
 * Recurring series through the real HTTP server on 127.0.0.1 and the embedded database (SPEC
 * §9.2, API.md "Part two"): `repeat` on POST /bookings answers the series with one manage token;
 * a conflict answers 409 SERIES_CONFLICT and writes nothing; bad `repeat` and a service that does
 * not allow it are 400 naming the field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSetup } from '../src/app/import-setup.ts';
import { loadConfig } from '../src/config.ts';
import { openRuntime, type Runtime, type Served, startServer } from '../src/main.ts';
import { testClock } from './support/clock.ts';
import { STUDIO_NOW, WITH_REPEAT } from './support/studio.ts';

let dir: string;
let rt: Runtime;
let served: Served;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-series-'));
  const config = loadConfig({ SLOTWISE_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_IP: '0' });
  if (!config.ok) throw new Error(config.problems.join('; '));
  rt = await openRuntime(config.config);
  const imported = await importSetup({ store: rt.store, hashPassword: (p) => hash(p) }, WITH_REPEAT);
  if (!imported.ok) throw new Error(JSON.stringify(imported));
  served = await startServer(rt, { demo: false, log: () => {}, clock: testClock(STUDIO_NOW) });
});

afterAll(async () => {
  await served?.close();
  await rt?.close();
  rmSync(dir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: the answers' shapes are what these tests check
type Json = any;

async function post(path: string, body: unknown): Promise<{ status: number; body: Json }> {
  const r = await fetch(`${served.url}/api/v1/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

const booking = (start: string, extra: Record<string, unknown> = {}) => ({
  service: 'portrait',
  staff: '1',
  start,
  client: { name: 'Tess Tutee', email: `tess${start.slice(0, 10)}@series.test` },
  ...extra,
});

const countRows = async () => Number((await rt.database.db.query('SELECT count(*)::int AS n FROM bookings'))[0]?.n);

describe('recurring series over HTTP (SPEC §9.2)', () => {
  it('books every occurrence with the series id; the token manages the series', async () => {
    const r = await post(
      'bookings',
      booking('2027-04-12T10:00:00+02:00', { repeat: { frequency: 'weekly', count: 3 } }),
    );
    expect(r.status).toBe(201);
    const { series, token, next } = r.body;
    expect(series.bookings.map((b: Json) => [b.start, b.seriesId, b.status])).toEqual([
      ['2027-04-12T10:00:00+02:00', series.id, 'confirmed'],
      ['2027-04-19T10:00:00+02:00', series.id, 'confirmed'],
      ['2027-04-26T10:00:00+02:00', series.id, 'confirmed'],
    ]);
    expect([series.skipped, next]).toEqual([[], { action: 'done' }]);
    const managed = await fetch(`${served.url}/api/v1/manage/${token}`);
    expect(((await managed.json()) as Json).seriesId).toBe(series.id);
  });

  it('a conflict answers 409 SERIES_CONFLICT with each date and its nearest free starts; nothing written', async () => {
    expect((await post('bookings', booking('2027-05-24T10:00:00+02:00'))).status).toBe(201);
    const before = await countRows();
    const r = await post(
      'bookings',
      booking('2027-05-10T10:00:00+02:00', { repeat: { frequency: 'weekly', count: 4 } }),
    );
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('SERIES_CONFLICT');
    expect(r.body.error.details.conflicts).toEqual([
      {
        start: '2027-05-24T10:00:00+02:00',
        alternatives: [
          '2027-05-24T09:00:00+02:00',
          '2027-05-24T11:00:00+02:00',
          '2027-05-24T13:00:00+02:00',
          '2027-05-25T09:30:00+02:00',
          '2027-05-25T10:00:00+02:00',
          '2027-05-25T10:30:00+02:00',
        ],
      },
    ]);
    expect(await countRows()).toBe(before);
  });

  it.each([
    ['a count of 1', { frequency: 'weekly', count: 1 }, 'repeat.count'],
    ['a count of 53', { frequency: 'weekly', count: 53 }, 'repeat.count'],
    ['an unknown frequency', { frequency: 'daily', count: 3 }, 'repeat.frequency'],
  ])('%s is a 400 naming %s, nothing written', async (_name, repeat, field) => {
    const before = await countRows();
    const r = await post('bookings', booking('2027-06-07T10:00:00+02:00', { repeat }));
    expect([r.status, r.body.error.code, Object.keys(r.body.error.details.fields)]).toEqual([
      400,
      'VALIDATION_FAILED',
      [field],
    ]);
    expect(await countRows()).toBe(before);
  });

  it('repeat on a service that does not allow it is a 400 naming repeat, nothing written', async () => {
    const before = await countRows();
    const r = await post(
      'bookings',
      booking('2027-06-07T10:00:00+02:00', { service: 'consult', repeat: { frequency: 'weekly', count: 2 } }),
    );
    expect([r.status, r.body.error.code, Object.keys(r.body.error.details.fields)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['repeat'],
    ]);
    expect(await countRows()).toBe(before);
  });

  it('the details page offers repeat only where the service allows it, books the series, and says which dates are taken', async () => {
    const start = '2027-06-07T10:00:00+02:00';
    const query = new URLSearchParams({ start, staff: '1' });
    const html = await (await fetch(`${served.url}/book/portrait/details?${query}`)).text();
    expect(html).toMatch(/<label for="f-repeat">Repeat<\/label>/);
    expect(html).toContain('<option value="weekly">Every week</option>');
    const consult = await (await fetch(`${served.url}/book/consult/details?${query}`)).text();
    expect(consult).not.toContain('name="repeat"');
    const form = (key: string, email: string) =>
      new URLSearchParams({
        start,
        staff: '1',
        tz: 'Europe/Paris',
        key: key.repeat(20),
        name: 'Page Client',
        email,
        payment: 'none',
        repeat: 'weekly',
        repeatCount: '3',
      });
    const r = await fetch(`${served.url}/book/portrait/details`, {
      method: 'POST',
      body: form('p', 'page@series.test'),
      redirect: 'manual',
    });
    expect([r.status, r.headers.get('location')?.startsWith('/manage/')]).toEqual([303, true]);
    const rows = await rt.database.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT series_id)::int AS s FROM bookings WHERE client_email = 'page@series.test'`,
    );
    expect(rows[0]).toEqual({ n: 3, s: 1 });
    // The same dates again: every one is taken, and the page says so beside the repeat.
    const again = await fetch(`${served.url}/book/portrait/details`, {
      method: 'POST',
      body: form('q', 'other@series.test'),
    });
    expect(again.status).toBe(409);
    const text = await again.text();
    expect(text).toContain('id="e-repeat"');
    expect(text).toContain('These dates are taken');
  });

  it('monthly keeps the weekday of the month: a 5th Monday a month lacks is skipped and said, not booked', async () => {
    const r = await post(
      'bookings',
      booking('2027-03-29T10:00:00+02:00', { repeat: { frequency: 'monthly', count: 3 } }),
    );
    expect(r.status).toBe(201);
    expect(r.body.series.bookings.map((b: Json) => b.start)).toEqual([
      '2027-03-29T10:00:00+02:00',
      '2027-05-31T10:00:00+02:00',
    ]);
    expect(r.body.series.skipped).toEqual([{ index: 1, month: '2027-04', date: null, reason: 'no_such_weekday' }]);
  });

  it('a replay with the same Idempotency-Key answers the same series and writes nothing more', async () => {
    const send = () =>
      fetch(`${served.url}/api/v1/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'series-key-1' },
        body: JSON.stringify(booking('2027-06-14T14:00:00+02:00', { repeat: { frequency: 'biweekly', count: 2 } })),
      });
    const first = (await (await send()).json()) as Json;
    const before = await countRows();
    const again = await send();
    const body = (await again.json()) as Json;
    expect([again.status, body.series.id, body.token]).toEqual([201, first.series.id, first.token]);
    expect(await countRows()).toBe(before);
  });
});
