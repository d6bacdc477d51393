/**
 * A waitlist offer holds the room its service needs (SPEC §9.3, §8.4, migration 021, decision 041),
 * end to end through the app, the job worker and a hand-set clock (read cache on): once a freed
 * start is offered, another service needing the same room neither sees nor books that time; the
 * offered client accepts with 201; a decline or a lapse gives the room back, and offers it to the
 * waitlist of another service that needs it.
 *
 * Studio: now = Fri 2027-03-26 11:00Z. On Mon 29 Mar Ana works only 16:00–17:00 Paris (date hours),
 * so the consultation has two slots; Ben (New York, 10:00 there = 16:00 Paris) gives a 30-minute
 * scan. Both services need the studio room: Ben is free at 16:00, the room decides.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Setup } from '../src/app/setup-schema.ts';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import { type Lifecycle, startLifecycle } from './support/lifecycle.ts';
import { STUDIO } from './support/studio.ts';

const DAY = '2027-03-29';
const FOUR = '2027-03-29T16:00:00+02:00';
const HALF_PAST = '2027-03-29T16:30:00+02:00';
const ROOM_DAY: Setup = {
  ...STUDIO,
  resources: [{ key: 'room', name: 'Studio room' }],
  services: [
    ...(STUDIO.services ?? []).map((s) => (s.key === 'consult' ? { ...s, resources: ['room'] } : s)),
    { key: 'scan', name: '3D scan', durationMinutes: 30, price: '0', resources: ['room'] },
  ],
  staff: (STUDIO.staff ?? []).map((m) =>
    m.key === 'ana'
      ? { ...m, dateHours: { [DAY]: [['16:00', '17:00']] } }
      : { ...m, services: [...(m.services ?? []), 'scan'] },
  ),
};

let tdb: TestDatabase;
let t: Lifecycle;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  t = await startLifecycle(tdb, ROOM_DAY);
});
afterEach(() => {
  expect(t.errors).toEqual([]);
});

const book = (service: 'consult' | 'scan', start: string, email: string) =>
  t.post('/bookings', {
    service,
    staff: service === 'consult' ? '1' : '2',
    start,
    client: { name: email.split('@')[0], email },
    payment: 'none',
  });

/** Ben's scan starts on the day (Paris instants as the API gives them). */
const scanSlots = async (): Promise<string[]> =>
  (await t.call(`/availability/day?service=scan&staff=2&date=${DAY}&tz=Europe/Paris`)).body.slots.map(
    (s: { start: string }) => s.start,
  );

/** How many scan starts Ben's month view counts on the day. */
const scanMonthCount = async (): Promise<number> =>
  (await t.call('/availability/month?service=scan&staff=2&month=2027-03&tz=Europe/Paris')).body.days.find(
    (d: { date: string }) => d.date === DAY,
  ).slots;

function offerToken(email: string): string {
  const last = t.mail
    .to(email)
    .filter((m) => m.subject.startsWith('A time is free for you'))
    .at(-1);
  const m = /\/waitlist\/offer\/([A-Za-z0-9_-]{43})/.exec(last?.text ?? '');
  expect(m, `no offer email to ${email}`).not.toBeNull();
  return (m as RegExpExecArray)[1] as string;
}

/**
 * Ana's day full (both consultations hold the room), Wanda waiting, the 16:00 one cancelled and
 * offered to her; with the scan's month count of the day while 16:00 was freed and not yet offered.
 */
async function offeredFour(): Promise<{ token: string; freedCount: number }> {
  const four = await book('consult', FOUR, 'first@example.test');
  const half = await book('consult', HALF_PAST, 'second@example.test');
  expect([four.status, half.status]).toEqual([201, 201]);
  expect(await scanSlots()).not.toContain(FOUR);
  expect((await t.post('/waitlist', { service: 'consult', staff: 'any', date: DAY, client: wanda })).status).toBe(201);
  expect((await t.post(`/manage/${four.body.token}/cancel`, {})).status).toBe(200);
  // Freed, not yet offered (the job has not run): the room is free for Ben's scan.
  expect(await scanSlots()).toContain(FOUR);
  const freedCount = await scanMonthCount();
  await t.deliver();
  return { token: offerToken(wanda.email), freedCount };
}
const wanda = { name: 'Wanda', email: 'wanda@example.test' };

describe('a waitlist offer holds its service’s room (SPEC §9.3, §8.4)', () => {
  it('another service does not see the held start nor book it; the offered client accepts with 201', async () => {
    const { token, freedCount } = await offeredFour();
    // Ben is free at 16:00; the offer holds the room: gone from the day and the month views.
    expect(await scanSlots()).not.toContain(FOUR);
    expect(await scanMonthCount()).toBe(freedCount - 1);
    const sneaky = await book('scan', FOUR, 'sneaky@example.test');
    expect([sneaky.status, sneaky.body.error.code]).toEqual([409, 'SLOT_UNAVAILABLE']);
    const accepted = await t.post(`/waitlist/offers/${token}/accept`);
    expect(accepted.status).toBe(201);
    expect(accepted.body.booking).toMatchObject({ status: 'confirmed', start: FOUR });
    // The booking holds the room now: one hold, the booking's.
    const rows = await tdb.db.query('SELECT booking_id, offer_id FROM booking_resources ORDER BY lower(held)');
    expect(rows.map((r) => [String(r.booking_id), r.offer_id])).toEqual([
      [String(accepted.body.booking.id), null],
      [expect.any(String), null],
    ]);
    expect(await scanSlots()).not.toContain(FOUR);
  });

  it('a decline passes the start and its room to the next entry of the same service in one go', async () => {
    const { token } = await offeredFour();
    const xavier = { name: 'Xavier', email: 'xavier@example.test' };
    expect((await t.post('/waitlist', { service: 'consult', staff: 'any', date: DAY, client: xavier })).status).toBe(
      201,
    );
    expect((await t.post(`/waitlist/offers/${token}/decline`)).status).toBe(204);
    expect(await scanSlots()).not.toContain(FOUR);
    const rows = await tdb.db.query(
      `SELECT e.client_name FROM booking_resources br JOIN waitlist_offers o ON o.id = br.offer_id
       JOIN waitlist_entries e ON e.id = o.entry_id`,
    );
    expect(rows.map((r) => r.client_name)).toEqual(['Xavier']);
    await t.deliver();
    expect((await t.post(`/waitlist/offers/${offerToken(xavier.email)}/accept`)).status).toBe(201);
  });

  it('a declined offer nobody else waits for gives the room to another service’s waitlist, which accepts with 201', async () => {
    const { token } = await offeredFour();
    const yara = { name: 'Yara', email: 'yara@example.test' };
    expect((await t.post('/waitlist', { service: 'scan', staff: '2', date: DAY, client: yara })).status).toBe(201);
    expect((await t.post(`/waitlist/offers/${token}/decline`)).status).toBe(204);
    await t.deliver();
    const accepted = await t.post(`/waitlist/offers/${offerToken(yara.email)}/accept`);
    expect(accepted.status).toBe(201);
    expect(accepted.body.booking).toMatchObject({ status: 'confirmed', service: { name: '3D scan' } });
    expect(Date.parse(accepted.body.booking.start)).toBe(Date.parse(FOUR)); // given in Ben's zone
  });

  it('a decline gives the room back (nobody else waits); so does a lapse by the clock', async () => {
    const { token } = await offeredFour();
    expect((await t.post(`/waitlist/offers/${token}/decline`)).status).toBe(204);
    expect(await scanSlots()).toContain(FOUR);

    t = await startLifecycle(tdb, ROOM_DAY);
    await offeredFour();
    expect(await scanSlots()).not.toContain(FOUR);
    t.clock.advance(30); // the hold ends: readers ignore it before the lapse job runs
    expect(await scanSlots()).toContain(FOUR);
    expect((await book('scan', FOUR, 'ben-client@example.test')).status).toBe(201);
    await t.deliver();
    const [row] = await tdb.db.query(`SELECT status FROM waitlist_offers`);
    expect(row?.status).toBe('lapsed');
  });
});
