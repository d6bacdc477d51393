/**
 * Group sessions through the real HTTP server on 127.0.0.1 and the embedded database (SPEC §9.1):
 * the day view's `seatsLeft`, `seats` on a new booking (400 naming the field, 409
 * SEATS_UNAVAILABLE), price × seats, and the seat race: 40 concurrent one-seat requests for a
 * 10-seat session sell exactly 10.
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
import { STUDIO, STUDIO_NOW, WITH_WORKSHOP } from './support/studio.ts';

let dir: string;
let rt: Runtime;
let served: Served;
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-seats-'));
  const config = loadConfig({ SLOTWISE_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_IP: '0' });
  if (!config.ok) throw new Error(config.problems.join('; '));
  rt = await openRuntime(config.config);
  const setup = {
    ...WITH_WORKSHOP,
    business: { ...STUDIO.business, paymentUrl: 'https://pay.example/checkout', paymentSecret: 'p'.repeat(32) },
  };
  const imported = await importSetup({ store: rt.store, hashPassword: (p) => hash(p) }, setup);
  if (!imported.ok) throw new Error(JSON.stringify(imported));
  served = await startServer(rt, { demo: false, log: (l) => errors.push(l), clock: testClock(STUDIO_NOW) });
});

afterAll(async () => {
  await served?.close();
  await rt?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The parts of an answer these tests read. */
interface Reply {
  booking: { seats: number; payment: { option: string; amountDue: string } };
  error: { code: string; details: { fields: Record<string, string>; seatsLeft: number } };
}

async function book(body: Record<string, unknown>): Promise<{ status: number; body: Reply }> {
  const r = await fetch(`${served.url}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: 'workshop', staff: '1', payment: 'full', ...body }),
  });
  return { status: r.status, body: (await r.json()) as Reply };
}

const client = (i: number | string) => ({ name: `Client ${i}`, email: `s${i}@seats.test` });

async function day(date: string): Promise<{ start: string; seatsLeft?: number }[]> {
  const r = await fetch(`${served.url}/api/v1/availability/day?service=workshop&staff=1&date=${date}`);
  return ((await r.json()) as { slots: { start: string; seatsLeft?: number }[] }).slots;
}

async function seatRows(start: string): Promise<number> {
  const [row] = await rt.database.db.query(
    `SELECT coalesce(sum(seats), 0)::int AS n FROM bookings WHERE start_at = $1 AND status <> 'cancelled'`,
    [start],
  );
  return Number(row?.n);
}

describe('group sessions through the HTTP server (SPEC §9.1)', () => {
  it('the day view gives seatsLeft; a booking of 3 seats leaves 7, and a full session leaves the view', async () => {
    const start = '2027-03-29T09:00:00+02:00';
    const before = await day('2027-03-29');
    expect(before.find((s) => s.start === start)?.seatsLeft).toBe(10);
    const r = await book({ start, seats: 3, client: client('a') });
    expect(r.status).toBe(201);
    expect(r.body.booking.seats).toBe(3);
    const after = await day('2027-03-29');
    expect(after.find((s) => s.start === start)?.seatsLeft).toBe(7);
    // The overlapping starts of the same workshop are gone: a session occupies Ana once.
    expect(after.some((s) => s.start === '2027-03-29T09:30:00+02:00')).toBe(false);
    for (const i of [1, 2]) expect((await book({ start, seats: 3, client: client(`a${i}`) })).status).toBe(201);
    expect((await book({ start, seats: 1, client: client('a3') })).status).toBe(201);
    expect((await day('2027-03-29')).some((s) => s.start === start)).toBe(false);
    // A portrait is no longer offered in the session's time either.
    const portrait = await fetch(`${served.url}/api/v1/availability/day?service=portrait&staff=1&date=2027-03-29`);
    const starts = ((await portrait.json()) as { slots: { start: string }[] }).slots.map((s) => s.start);
    expect(starts).not.toContain('2027-03-29T10:00:00+02:00');
    expect(starts).toContain('2027-03-29T13:00:00+02:00');
  });

  it('seats of 0, above maxSeatsPerBooking, or more than 1 on a capacity-1 service: 400 naming seats, nothing written', async () => {
    const start = '2027-03-30T09:00:00+02:00';
    for (const body of [
      { seats: 0 },
      { seats: 4 },
      { seats: 1.5 },
      { seats: '2' },
      { service: 'portrait', seats: 2 },
    ]) {
      const r = await book({ start, client: client('bad'), ...body });
      expect([r.status, r.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(Object.keys(r.body.error.details.fields)).toEqual(['seats']);
    }
    expect(await seatRows('2027-03-30T07:00:00Z')).toBe(0);
  });

  it('more seats than the session has left: 409 SEATS_UNAVAILABLE with details.seatsLeft', async () => {
    const start = '2027-03-31T09:00:00+02:00';
    for (const i of [1, 2, 3]) expect((await book({ start, seats: 3, client: client(`b${i}`) })).status).toBe(201);
    const r = await book({ start, seats: 2, client: client('b4') });
    expect([r.status, r.body.error.code, r.body.error.details.seatsLeft]).toEqual([409, 'SEATS_UNAVAILABLE', 1]);
    expect(await seatRows('2027-03-31T07:00:00Z')).toBe(9);
  });

  it('payment is the price × seats (and the deposit × seats)', async () => {
    const full = await book({ start: '2027-04-01T09:00:00+02:00', seats: 3, payment: 'full', client: client('p1') });
    expect(full.status).toBe(201);
    expect(full.body.booking.payment).toMatchObject({ option: 'full', amountDue: '60.00' });
    const deposit = await book({
      start: '2027-04-01T09:00:00+02:00',
      seats: 2,
      payment: 'deposit',
      client: client('p2'),
    });
    expect(deposit.body.booking.payment).toMatchObject({ option: 'deposit', amountDue: '10.00' });
  });

  it('40 concurrent one-seat requests for a 10-seat session: exactly 10 × 201, 30 × 409, 10 seats sold', async () => {
    const start = '2027-04-02T09:00:00+02:00';
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => book({ start, seats: 1, client: client(`race${i}`) })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(10);
    const losers = responses.filter((r) => r.status !== 201);
    expect(losers.map((r) => r.status)).toEqual(Array(30).fill(409));
    for (const r of losers) expect(['SEATS_UNAVAILABLE', 'SLOT_UNAVAILABLE']).toContain(r.body.error.code);
    expect(await seatRows('2027-04-02T07:00:00Z')).toBe(10);
    expect(errors).toEqual([]);
  });

  it('the details page offers 1 to maxSeatsPerBooking seats in a labelled select, and books the seats chosen', async () => {
    const start = '2027-04-12T09:00:00+02:00';
    const query = new URLSearchParams({ start, staff: '1' });
    const html = await (await fetch(`${served.url}/book/workshop/details?${query}`)).text();
    expect(html).toMatch(/<label for="f-seats">Seats<\/label>/);
    const options = [...html.matchAll(/<option value="(\d+)"/g)].map((m) => m[1]);
    expect(options).toEqual(['1', '2', '3']);
    const portrait = await (await fetch(`${served.url}/book/portrait/details?${query}`)).text();
    expect(portrait).not.toContain('name="seats"');
    const form = new URLSearchParams({
      start,
      staff: '1',
      tz: 'Europe/Paris',
      key: 'k'.repeat(20),
      name: 'Page Client',
      email: 'page@seats.test',
      payment: 'full',
      seats: '2',
    });
    // The answer sends the client on to the (fake) gateway: it is not followed.
    const r = await fetch(`${served.url}/book/workshop/details`, { method: 'POST', body: form, redirect: 'manual' });
    expect(r.status).toBe(303);
    expect(await seatRows('2027-04-12T07:00:00Z')).toBe(2);
    const tooMany = new URLSearchParams({ ...Object.fromEntries(form), key: 'j'.repeat(20), seats: '9' });
    const refused = await fetch(`${served.url}/book/workshop/details`, { method: 'POST', body: tooMany });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('id="e-seats"');
    expect(await seatRows('2027-04-12T07:00:00Z')).toBe(2);
  });
});
