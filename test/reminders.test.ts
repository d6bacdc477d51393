/**
 * Reminders (SPEC §4) with a hand-set clock: one email reminderHours before the start when the
 * client asked, none when the booking is made later than that, none after a cancel, the new time
 * after a reschedule — and each sent once however often the worker runs.
 *
 * Studio: now = Fri 2027-03-26 11:00Z; Ana (id 1) works Mon-Fri in Paris (UTC+2 from the 28th).
 * A booking Mon 29 Mar 10:00 Paris = 08:00Z, so its 24 h reminder is due Sun 28 Mar 08:00Z.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import { type Lifecycle, startLifecycle, tokenIn } from './support/lifecycle.ts';
import { STUDIO } from './support/studio.ts';

let tdb: TestDatabase;
let t: Lifecycle;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  t = await startLifecycle(tdb, { ...STUDIO, business: { ...STUDIO.business, reminderHours: 24 } });
});
afterEach(() => {
  expect(t.errors).toEqual([]);
});

async function book(start = '2027-03-29T10:00:00+02:00', wantsReminder = true, email = 'ada@example.com') {
  const r = await t.post('/bookings', {
    service: 'portrait',
    staff: '1',
    start,
    client: { name: 'Ada', email },
    wantsReminder,
    payment: 'none',
  });
  expect(r.status).toBe(201);
  await t.deliver(); // the confirmation emails
  return r.body.token as string;
}

/** The reminders sent (to anyone). */
const reminders = () => t.mail.sent.filter((m) => m.subject.startsWith('Reminder:'));

/** Runs the worker at each instant (the clock only moves forward) and says how many reminders exist after. */
async function runAt(...instants: string[]): Promise<number[]> {
  const seen: number[] = [];
  for (const at of instants) {
    t.clock.set(at);
    await t.deliver();
    seen.push(reminders().length);
  }
  return seen;
}

describe('reminders', () => {
  it('one reminder at start − 24 h, not a millisecond before, never twice', async () => {
    await book();
    expect(await runAt('2027-03-27T08:00:00Z', '2027-03-28T07:59:59.999Z', '2027-03-28T08:00:00Z')).toEqual([0, 0, 1]);
    expect(await runAt('2027-03-28T09:00:00Z', '2027-03-29T07:00:00Z')).toEqual([1, 1]);
    const [reminder] = reminders();
    expect(reminder?.subject).toMatch(/^Reminder: Portrait session, Mon 29 Mar, 10:00 \(SW-[A-Z0-9]{6}\)$/);
    expect(reminder?.to).toEqual(['ada@example.com']);
    // It carries the reschedule link while rescheduling is possible, and the calendar file.
    expect(tokenIn(reminder?.text ?? '')).toHaveLength(43);
    expect(reminder?.attachments[0]?.filename).toMatch(/\.ics$/);
    expect(t.mail.to('ana@studio.test').filter((m) => m.subject.startsWith('Reminder'))).toEqual([]);
  });

  it('a worker that was down sends a missed reminder late, but not after the start', async () => {
    await book();
    await book('2027-03-30T10:00:00+02:00', true, 'bea@example.com');
    // Down from Saturday until Tuesday 07:00Z: Monday's booking has started, Tuesday's has not.
    expect(await runAt('2027-03-30T07:00:00Z')).toEqual([1]);
    expect(reminders()[0]?.subject).toContain('Tue 30 Mar');
  });

  it('none when not asked for', async () => {
    await book('2027-03-29T10:00:00+02:00', false);
    expect(await runAt('2027-03-28T08:00:00Z', '2027-03-29T07:00:00Z')).toEqual([0, 0]);
  });

  it('none when the booking is made later than start − 24 h', async () => {
    t.clock.set('2027-03-28T09:00:00Z'); // Sunday; the booking is 23 h away
    await book();
    expect(await runAt('2027-03-28T10:00:00Z', '2027-03-29T07:59:00Z')).toEqual([0, 0]);
  });

  it('none after a cancel', async () => {
    const token = await book();
    const r = await t.post(`/manage/${token}/cancel`, {});
    expect(r.body.status).toBe('cancelled');
    expect(await runAt('2027-03-28T08:00:00Z', '2027-03-29T07:00:00Z')).toEqual([0, 0]);
  });

  it('a reschedule moves it to the new start − 24 h', async () => {
    const token = await book();
    const r = await t.post(`/manage/${token}/reschedule`, { start: '2027-03-31T15:00:00+02:00' });
    expect(r.status).toBe(200);
    // Old time (Sun 08:00Z): nothing. New time: Tue 30 Mar 13:00Z.
    expect(await runAt('2027-03-28T08:00:00Z', '2027-03-30T12:59:59Z', '2027-03-30T13:00:00Z')).toEqual([0, 0, 1]);
    expect(reminders()[0]?.subject).toContain('Wed 31 Mar, 15:00');
  });

  it('a reschedule after the reminder was sent schedules one for the new time', async () => {
    const token = await book();
    expect(await runAt('2027-03-28T08:00:00Z')).toEqual([1]);
    const r = await t.post(`/manage/${token}/reschedule`, { start: '2027-04-01T10:00:00+02:00' });
    expect(r.status).toBe(200);
    expect(await runAt('2027-03-31T07:59:00Z', '2027-03-31T08:00:00Z')).toEqual([1, 2]);
  });

  it('a booking confirmed after email verification gets its reminder too', async () => {
    await book('2027-03-30T10:00:00+02:00'); // makes Ada a known client
    const r = await t.post('/bookings', {
      service: 'portrait',
      staff: '1',
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Ada', email: 'ada@example.com' },
      wantsReminder: true,
      payment: 'none',
    });
    expect(r.body.booking.status).toBe('pending_verification');
    await t.deliver();
    const code = /(\d{6}) is your code/.exec(t.mail.to('ada@example.com').at(-1)?.subject ?? '')?.[1];
    expect((await t.post(`/manage/${r.body.token}/verify`, { code })).status).toBe(200);
    expect(await runAt('2027-03-28T08:00:00Z')).toEqual([1]);
  });
});
