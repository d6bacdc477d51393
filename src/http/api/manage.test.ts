/**
 * The manage link (API.md "Manage endpoints") through createApp().request(): read, reschedule
 * within the limits of SPEC §4 with a history row per move, and cancel, with a real in-memory
 * PGlite (the read cache on, as in production) and a hand-set clock.
 *
 * Fixture (test/support/studio.ts): now = Fri 2027-03-26 11:00Z; Ana (id 1, Paris, UTC+2 from the
 * 28th) works Mon-Fri 09-12 & 13-17; Ben (id 2, New York) Mon-Sat 10-18; portrait = 60 min.
 */
import type { Hono } from 'hono';
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestClock, testClock } from '../../../test/support/clock.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { testOutbound } from '../../../test/support/outbound.ts';
import { STUDIO, STUDIO_NOW } from '../../../test/support/studio.ts';
import type { Setup } from '../../app/setup-schema.ts';
import { createApp } from '../app.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions, not by types
type Body = any;

let tdb: TestDatabase;
let clock: TestClock;
let app: Hono;
let errors: unknown[];

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  await tdb.reset();
  await setup({
    ...STUDIO,
    services: STUDIO.services?.map((s) => (s.key === 'portrait' ? { ...s, rescheduleLimit: 2 } : s)),
  });
  clock = testClock(STUDIO_NOW);
  errors = [];
  app = createApp({
    outbound: testOutbound(),
    store: tdb.store,
    clock,
    secret: 'x'.repeat(40),
    publicUrl: 'http://127.0.0.1:3000',
    logError: (error) => errors.push(error),
  });
});
afterEach(() => {
  expect(errors).toEqual([]);
});

async function setup(file: Setup): Promise<void> {
  await tdb.store.applySetup(file, async (p) => p);
}

async function call(path: string, init?: RequestInit): Promise<{ status: number; body: Body }> {
  const res = await app.request(`/api/v1${path}`, init);
  return { status: res.status, body: await res.json() };
}

const postJson = (path: string, body: unknown) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Books Ana's portrait at a Paris wall time on Monday 2027-03-29; returns the manage token. */
async function book(start = '2027-03-29T10:00:00+02:00', email = 'ada@example.com'): Promise<string> {
  const r = await postJson('/bookings', {
    service: 'portrait',
    staff: '1',
    start,
    client: { name: 'Ada', email },
    payment: 'none',
  });
  expect(r.status).toBe(201);
  return r.body.token;
}

async function starts(date: string, staff = '1'): Promise<string[]> {
  const r = await call(`/availability/day?service=portrait&staff=${staff}&date=${date}`);
  return r.body.slots.map((s: { start: string }) => s.start);
}

describe('GET /manage/{token}', () => {
  it('answers the booking with what may still be done, and an empty history', async () => {
    const token = await book();
    const r = await call(`/manage/${token}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'confirmed',
      start: '2027-03-29T10:00:00+02:00',
      staff: { id: '1', name: 'Ana' },
      reschedule: { count: 0, limit: 2, allowed: true },
      cancel: { allowed: true },
      history: [],
    });
  });

  it('an unknown or malformed token is 404 NOT_FOUND', async () => {
    await book();
    for (const token of ['A'.repeat(43), 'short', 'x'.repeat(44)]) {
      const r = await call(`/manage/${token}`);
      expect([r.status, r.body.error.code]).toEqual([404, 'NOT_FOUND']);
    }
  });
});

describe('POST /manage/{token}/reschedule', () => {
  it('with a limit of 2: two moves succeed with a history row each, the third is RESCHEDULE_NOT_ALLOWED', async () => {
    const token = await book('2027-03-29T10:00:00+02:00');
    const first = await postJson(`/manage/${token}/reschedule`, {
      start: '2027-03-29T14:00:00+02:00',
      reason: 'later',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ start: '2027-03-29T14:00:00+02:00', reschedule: { count: 1, allowed: true } });
    // The old slot is free again at once; the new one is gone.
    const monday = await starts('2027-03-29');
    expect(monday).toContain('2027-03-29T10:00:00+02:00');
    expect(monday).not.toContain('2027-03-29T14:00:00+02:00');

    const second = await postJson(`/manage/${token}/reschedule`, { start: '2027-03-30T09:00:00+02:00' });
    expect(second.body).toMatchObject({ start: '2027-03-30T09:00:00+02:00', reschedule: { count: 2, allowed: false } });

    const third = await postJson(`/manage/${token}/reschedule`, { start: '2027-03-31T09:00:00+02:00' });
    expect([third.status, third.body.error.code, third.body.error.details]).toEqual([
      409,
      'RESCHEDULE_NOT_ALLOWED',
      { reason: 'limit_reached' },
    ]);

    const read = await call(`/manage/${token}`);
    expect(read.body.start).toBe('2027-03-30T09:00:00+02:00');
    expect(
      read.body.history.map((h: Body) => [h.fromStart, h.toStart, h.fromStaff.id, h.toStaff.id, h.reason, h.at]),
    ).toEqual([
      ['2027-03-29T10:00:00+02:00', '2027-03-29T14:00:00+02:00', '1', '1', 'later', '2027-03-26T12:00:00+01:00'],
      ['2027-03-29T14:00:00+02:00', '2027-03-30T09:00:00+02:00', '1', '1', '', '2027-03-26T12:00:00+01:00'],
    ]);
  });

  it('may move onto time its own old slot covers (10:00 → 10:30)', async () => {
    const token = await book('2027-03-29T10:00:00+02:00');
    const r = await postJson(`/manage/${token}/reschedule`, { start: '2027-03-29T10:30:00+02:00' });
    expect([r.status, r.body.start]).toEqual([200, '2027-03-29T10:30:00+02:00']);
  });

  it('refuses a taken time, a time off the grid and a day off with SLOT_UNAVAILABLE and its reason; nothing changes', async () => {
    const token = await book('2027-03-29T10:00:00+02:00');
    await book('2027-03-29T14:00:00+02:00', 'bob@example.com');
    const cases: [string, string][] = [
      ['2027-03-29T14:30:00+02:00', 'taken'],
      ['2027-03-29T10:10:00+02:00', 'not_offered'],
      ['2027-04-06T10:00:00+02:00', 'day_off'],
    ];
    for (const [start, reason] of cases) {
      const r = await postJson(`/manage/${token}/reschedule`, { start });
      expect([r.status, r.body.error.code, r.body.error.details]).toEqual([409, 'SLOT_UNAVAILABLE', { reason }]);
    }
    const read = await call(`/manage/${token}`);
    expect([read.body.start, read.body.reschedule.count, read.body.history]).toEqual([
      '2027-03-29T10:00:00+02:00',
      0,
      [],
    ]);
  });

  it('may change the staff member when the business allows it, and not when it does not', async () => {
    const token = await book('2027-03-29T10:00:00+02:00');
    // Ben (New York, 10:00-18:00 there) at 16:00 Paris = 10:00 New York.
    const moved = await postJson(`/manage/${token}/reschedule`, { start: '2027-03-29T16:00:00+02:00', staff: '2' });
    expect([moved.status, moved.body.staff, moved.body.start]).toEqual([
      200,
      { id: '2', name: 'Ben' },
      '2027-03-29T10:00:00-04:00',
    ]);
    await setup({ business: { allowStaffChangeOnReschedule: false } });
    const back = await postJson(`/manage/${token}/reschedule`, { start: '2027-03-29T10:00:00+02:00', staff: '1' });
    expect([back.status, back.body.error.code, back.body.error.details]).toEqual([
      409,
      'RESCHEDULE_NOT_ALLOWED',
      { reason: 'staff_change_not_allowed' },
    ]);
  });

  it('refuses when the service forbids it, or closer to the start than rescheduleNoticeHours', async () => {
    const token = await book('2027-03-29T10:00:00+02:00'); // 69 hours ahead
    await setup({ business: { rescheduleNoticeHours: 72 } });
    const close = await postJson(`/manage/${token}/reschedule`, { start: '2027-03-30T10:00:00+02:00' });
    expect(close.body.error).toMatchObject({ code: 'RESCHEDULE_NOT_ALLOWED', details: { reason: 'too_close' } });
    await setup({
      business: { rescheduleNoticeHours: 0 },
      services: [{ key: 'portrait', name: 'Portrait session', durationMinutes: 60, allowRescheduling: false }],
    });
    const forbidden = await postJson(`/manage/${token}/reschedule`, { start: '2027-03-30T10:00:00+02:00' });
    expect(forbidden.body.error).toMatchObject({
      code: 'RESCHEDULE_NOT_ALLOWED',
      details: { reason: 'not_allowed_for_service' },
    });
  });

  it('checks the body: a start without an offset or an unknown field is 400 naming it', async () => {
    const token = await book();
    const r = await postJson(`/manage/${token}/reschedule`, { start: '2027-03-30T10:00:00', when: 'soon' });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.details.fields).sort()).toEqual(['start', 'when']);
  });
});

describe('POST /manage/{token}/cancel', () => {
  it('cancels, frees the slot at once, and a second cancel is CANCEL_NOT_ALLOWED', async () => {
    const token = await book('2027-03-29T10:00:00+02:00');
    expect(await starts('2027-03-29')).not.toContain('2027-03-29T10:00:00+02:00');
    const r = await call(`/manage/${token}/cancel`, { method: 'POST' }); // no body at all
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'cancelled', cancel: { allowed: false }, reschedule: { allowed: false } });
    expect(await starts('2027-03-29')).toContain('2027-03-29T10:00:00+02:00');
    const again = await postJson(`/manage/${token}/cancel`, { reason: 'twice' });
    expect([again.status, again.body.error.code, again.body.error.details]).toEqual([
      409,
      'CANCEL_NOT_ALLOWED',
      { reason: 'cancelled' },
    ]);
    const moved = await postJson(`/manage/${token}/reschedule`, { start: '2027-03-30T10:00:00+02:00' });
    expect(moved.body.error).toMatchObject({ code: 'RESCHEDULE_NOT_ALLOWED', details: { reason: 'not_active' } });
  });

  it('refuses closer to the start than cancelNoticeHours', async () => {
    const token = await book('2027-03-29T10:00:00+02:00'); // 69 hours ahead
    await setup({ business: { cancelNoticeHours: 70 } });
    const r = await postJson(`/manage/${token}/cancel`, {});
    expect([r.status, r.body.error.code, r.body.error.details]).toEqual([
      409,
      'CANCEL_NOT_ALLOWED',
      { reason: 'too_close' },
    ]);
    expect((await call(`/manage/${token}`)).body.status).toBe('confirmed');
  });
});

describe('GET /manage/{token}/calendar.ics', () => {
  /** The one VEVENT of a calendar file, parsed with ical.js (an independent parser). */
  async function event(token: string) {
    const res = await app.request(`/api/v1/manage/${token}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const comp = new ICAL.Component(ICAL.parse(await res.text()));
    const vevent = comp.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    const ev = new ICAL.Event(vevent);
    return {
      method: comp.getFirstPropertyValue('method'),
      uid: ev.uid,
      sequence: ev.sequence,
      start: ev.startDate.toJSDate().toISOString(),
      end: ev.endDate.toJSDate().toISOString(),
      status: vevent.getFirstPropertyValue('status'),
    };
  }

  it('parses; keeps its UID across a reschedule with a higher SEQUENCE; cancels with METHOD:CANCEL', async () => {
    const token = await book('2027-03-29T10:00:00+02:00');
    const first = await event(token);
    expect(first).toMatchObject({
      method: 'REQUEST',
      sequence: 0,
      start: '2027-03-29T08:00:00.000Z',
      end: '2027-03-29T09:00:00.000Z',
      status: 'CONFIRMED',
    });
    expect(first.uid).toMatch(/^sw-[2-9a-hjkmnp-tv-z]{6}@slotwise$/);

    await postJson(`/manage/${token}/reschedule`, { start: '2027-03-29T14:00:00+02:00' });
    expect(await event(token)).toEqual({
      ...first,
      sequence: 1,
      start: '2027-03-29T12:00:00.000Z',
      end: '2027-03-29T13:00:00.000Z',
    });

    await postJson(`/manage/${token}/cancel`, {});
    expect(await event(token)).toMatchObject({ method: 'CANCEL', uid: first.uid, sequence: 2, status: 'CANCELLED' });
  });

  it('an unknown token is 404 in the error shape', async () => {
    const r = await call(`/manage/${'B'.repeat(43)}/calendar.ics`);
    expect([r.status, r.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('a hold past its time', () => {
  it('reads as expired before anything rewrites its row, and can no longer be cancelled', async () => {
    await book('2027-03-29T10:00:00+02:00', 'ada@example.com');
    // A known email: the second booking waits for verification with a 15-minute hold.
    const token = await book('2027-03-30T10:00:00+02:00', 'ADA@example.com');
    const held = await call(`/manage/${token}`);
    expect([held.body.status, held.body.holdExpiresAt, held.body.cancel.allowed]).toEqual([
      'pending_verification',
      '2027-03-26T12:15:00+01:00',
      true,
    ]);
    clock.advance(15);
    const lapsed = await call(`/manage/${token}`);
    expect([lapsed.body.status, lapsed.body.holdExpiresAt, lapsed.body.cancel.allowed]).toEqual([
      'expired',
      null,
      false,
    ]);
    const r = await postJson(`/manage/${token}/cancel`, {});
    expect([r.status, r.body.error.code, r.body.error.details]).toEqual([
      409,
      'CANCEL_NOT_ALLOWED',
      { reason: 'expired' },
    ]);
  });
});
