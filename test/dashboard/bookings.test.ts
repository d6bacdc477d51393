/**
 * Dashboard bookings through the admin API: the list (range in the business zone, filters, search,
 * keyset pages), a booking taken by phone, moves, notes and cancellation — same slot rules and
 * database guarantee as the public flow, emails through the job queue. Studio: test/support/studio.ts
 * (now Friday 2027-03-26 12:00 Paris).
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BookingStatus } from '../../src/app/model.ts';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import type { Body } from '../support/lifecycle.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb);
});
afterEach(() => {
  expect(d.errors).toEqual([]);
});

const hash = async (p: string) => p;
let seq = 0;

interface Seed {
  readonly staff: 'ana' | 'ben';
  readonly start: string;
  readonly minutes?: number;
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string | null;
  readonly status?: BookingStatus;
  readonly holdUntil?: string;
}

/** A booking row written through the store without the slot rules (the list shows whatever exists). */
async function seed(s: Seed): Promise<{ id: string; reference: string }> {
  seq += 1;
  const start = Date.parse(s.start);
  const end = start + (s.minutes ?? 30) * 60_000;
  const service = await tdb.store.findService('consult');
  const r = await tdb.store.insertBooking(
    {
      reference: `SW-L${String(seq).padStart(5, '0')}`,
      serviceId: service?.id ?? '',
      staffId: d.staffIds[s.staff],
      client: { name: s.name ?? 'Lee', email: s.email ?? 'lee@example.com', phone: s.phone ?? null, address: null },
      clientId: null,
      notes: '',
      wantsReminder: false,
      locale: 'en',
      timezone: 'Europe/Paris',
      status: s.status ?? 'confirmed',
      start,
      end,
      occupied: { start, end },
      holdUntil: s.holdUntil ? Date.parse(s.holdUntil) : null,
      paymentOption: 'none',
      amountDue: 0,
      currency: 'EUR',
      price: 0,
      manageTokenHash: createHash('sha256').update(`seed-${seq}`).digest(),
      remindAt: null,
      answers: {},
      sealedAnswers: null,
    },
    d.clock.now(),
  );
  if (!r.ok) throw new Error(`seed refused: ${r.code}`);
  return { id: r.booking.id, reference: r.booking.reference };
}

const refs = (body: Body): string[] => body.bookings.map((b: { reference: string }) => b.reference);
const list = async (query: string, who: 'admin' | 'ana' | 'ben' = 'admin') => {
  const r = await d.as(who, 'GET', `bookings${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

describe('GET /admin/bookings', () => {
  it('takes dates in the business zone, both ends included (23:30 Paris on the last day is in)', async () => {
    const before = await seed({ staff: 'ben', start: '2027-03-30T23:30:00+02:00' });
    const first = await seed({ staff: 'ben', start: '2027-03-31T00:30:00+02:00' });
    const last = await seed({ staff: 'ben', start: '2027-03-31T23:30:00+02:00' });
    const after = await seed({ staff: 'ben', start: '2027-04-01T00:30:00+02:00' });
    expect(refs(await list('?from=2027-03-31&to=2027-03-31'))).toEqual([first.reference, last.reference]);
    expect(refs(await list('?from=2027-03-30&to=2027-04-01'))).toEqual([
      before.reference,
      first.reference,
      last.reference,
      after.reference,
    ]);
  });

  it('defaults to today and the next 31 days, in the business zone, past bookings of today included', async () => {
    const morning = await seed({ staff: 'ana', start: '2027-03-26T09:00:00+01:00' });
    const yesterday = await seed({ staff: 'ana', start: '2027-03-25T23:30:00+01:00' });
    const lastDay = await seed({ staff: 'ben', start: '2027-04-26T23:30:00+02:00' });
    const dayAfter = await seed({ staff: 'ben', start: '2027-04-27T00:30:00+02:00' });
    const page = await list('');
    expect(refs(page)).toEqual([morning.reference, lastDay.reference]);
    expect(page.nextCursor).toBeNull();
    expect([yesterday, dayAfter].some((b) => refs(page).includes(b.reference))).toBe(false);
  });

  it('filters by staff and by status as of now (a lapsed hold is expired)', async () => {
    const ana = await seed({ staff: 'ana', start: '2027-03-29T09:00:00+02:00' });
    const ben = await seed({ staff: 'ben', start: '2027-03-29T10:00:00-04:00' });
    const held = await seed({
      staff: 'ana',
      start: '2027-03-29T10:00:00+02:00',
      status: 'pending_verification',
      holdUntil: '2027-03-26T11:10:00Z',
    });
    const lapsed = await seed({
      staff: 'ana',
      start: '2027-03-29T11:00:00+02:00',
      status: 'awaiting_payment',
      holdUntil: '2027-03-26T10:50:00Z',
    });
    const cancelled = await seed({ staff: 'ana', start: '2027-03-29T13:00:00+02:00', status: 'cancelled' });
    const q = (s: string) => `?from=2027-03-29&to=2027-03-29&${s}`;
    expect(refs(await list(q(`staff=${d.staffIds.ben}`)))).toEqual([ben.reference]);
    expect(refs(await list(q('status=confirmed')))).toEqual([ana.reference, ben.reference]);
    expect(refs(await list(q('status=pending_verification')))).toEqual([held.reference]);
    expect(refs(await list(q('status=awaiting_payment')))).toEqual([]);
    expect(refs(await list(q('status=expired')))).toEqual([lapsed.reference]);
    expect(refs(await list(q('status=cancelled')))).toEqual([cancelled.reference]);
    const all = await list(q(`staff=${d.staffIds.ana}`));
    expect(all.bookings.map((b: Body) => b.status)).toEqual([
      'confirmed',
      'pending_verification',
      'expired',
      'cancelled',
    ]);
  });

  it('searches reference, name, email and phone case-insensitively; % and _ are plain text', async () => {
    const zoe = await seed({
      staff: 'ana',
      start: '2027-03-29T09:00:00+02:00',
      name: 'Zoe Martin',
      email: 'zm@mail.test',
    });
    const max = await seed({
      staff: 'ana',
      start: '2027-03-29T09:30:00+02:00',
      name: 'Max Roy',
      email: 'max_roy@example.com',
      phone: '+33 6 12 34 56 78',
    });
    const pct = await seed({
      staff: 'ana',
      start: '2027-03-29T10:00:00+02:00',
      name: '100% Studio',
      email: 'p@x.test',
    });
    const q = (s: string) => `?from=2027-03-29&to=2027-03-29&q=${encodeURIComponent(s)}`;
    expect(refs(await list(q('MARTIN')))).toEqual([zoe.reference]);
    expect(refs(await list(q('ZM@MAIL')))).toEqual([zoe.reference]);
    expect(refs(await list(q(max.reference.toLowerCase())))).toEqual([max.reference]);
    expect(refs(await list(q('12 34 56')))).toEqual([max.reference]);
    expect(refs(await list(q('06 12 34')))).toEqual([max.reference]);
    expect(refs(await list(q('%')))).toEqual([pct.reference]);
    expect(refs(await list(q('_')))).toEqual([max.reference]);
    expect(refs(await list(q('zoe_martin')))).toEqual([]);
    expect(refs(await list(q('  ')))).toEqual([zoe.reference, max.reference, pct.reference]);
  });

  it('pages through 120 bookings by (start, id) with no duplicate and no gap, ties on start included', async () => {
    const made: string[] = [];
    const base = Date.parse('2027-03-29T07:00:00Z');
    for (let i = 0; i < 60; i++) {
      const start = new Date(base + i * 30 * 60_000).toISOString();
      made.push((await seed({ staff: 'ana', start })).id, (await seed({ staff: 'ben', start })).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Body = await list(
        `?from=2027-03-29&to=2027-04-02&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.bookings.map((b: { id: string }) => b.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 50);
    expect(pages).toBe(18);
    expect(seen).toEqual(made);
    const byDefault = await list('?from=2027-03-29&to=2027-04-02');
    expect(byDefault.bookings).toHaveLength(50);
    expect(byDefault.nextCursor).not.toBeNull();
  });

  it('shows a staff member only their own bookings; naming another member is 404', async () => {
    const ana = await seed({ staff: 'ana', start: '2027-03-29T09:00:00+02:00' });
    await seed({ staff: 'ben', start: '2027-03-29T10:00:00-04:00' });
    expect(refs(await list('?from=2027-03-29&to=2027-03-29', 'ana'))).toEqual([ana.reference]);
    expect(refs(await list(`?from=2027-03-29&to=2027-03-29&staff=${d.staffIds.ana}`, 'ana'))).toEqual([ana.reference]);
    const other = await d.as('ana', 'GET', `bookings?staff=${d.staffIds.ben}`);
    expect([other.status, other.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await d.as('admin', 'GET', 'bookings?staff=999')).status).toBe(404);
  });

  it('refuses malformed queries and forged cursors with 400 naming the field', async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const cases: [string, string][] = [
      ['from=2027-02-30', 'from'],
      ['from=2027-03-29&to=2027-03-28', 'to'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=ten', 'limit'],
      ['status=done', 'status'],
      ['staff=ana', 'staff'],
      ['stuff=1', 'stuff'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${forged({ s: 1e20, i: '1' })}`, 'cursor'],
      [`cursor=${forged({ s: 0, i: '1 OR 1=1' })}`, 'cursor'],
      [`cursor=${forged({ s: 0, i: '1', x: 1 })}`, 'cursor'],
    ];
    for (const [query, field] of cases) {
      const r = await d.as('admin', 'GET', `bookings?${query}`);
      expect([query, r.status, r.body.error.code, Object.keys(r.body.error.details.fields)]).toEqual([
        query,
        400,
        'VALIDATION_FAILED',
        [field],
      ]);
    }
  });
});

const phoneBooking = (over: Record<string, unknown> = {}) => ({
  service: 'portrait',
  staff: d.staffIds.ana,
  start: '2027-03-29T10:00:00+02:00',
  client: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' },
  notes: 'Called in',
  ...over,
});

async function book(over: Record<string, unknown> = {}, who: 'admin' | 'ana' = 'admin'): Promise<Body> {
  const r = await d.as(who, 'POST', 'bookings', phoneBooking(over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const subjects = (email: string) => d.mail.to(email).map((m) => m.subject);

describe('POST /admin/bookings (by phone)', () => {
  it('confirms at once, owes the price, and emails the client and the staff member', async () => {
    const b = await book();
    expect(b).toMatchObject({
      status: 'confirmed',
      service: { name: 'Portrait session', color: null },
      staff: { id: d.staffIds.ana, name: 'Ana' },
      start: '2027-03-29T10:00:00+02:00',
      end: '2027-03-29T11:00:00+02:00',
      client: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000', address: null },
      notes: 'Called in',
      payment: { option: 'none', amountDue: '0.00', amountPaid: '0.00', currency: 'EUR' },
      holdExpiresAt: null,
      createdAt: '2027-03-26T12:00:00+01:00',
      actions: { move: true, cancel: true },
    });
    await d.deliver();
    expect(subjects('ada@example.com')).toEqual([
      `Booking confirmed: Portrait session, Mon 29 Mar, 10:00 (${b.reference})`,
    ]);
    expect(subjects('ana@studio.test')).toEqual([
      `New booking: Ada Lovelace, Portrait session, Mon 29 Mar, 10:00 (${b.reference})`,
    ]);
  });

  it('confirms a returning client too (no email code), and notifyClient:false spares the client', async () => {
    const first = await d.post('/bookings', { ...phoneBooking(), staff: d.staffIds.ana, payment: 'none' });
    expect(first.body.booking.status).toBe('confirmed');
    await d.deliver();
    const again = await book({ start: '2027-03-29T14:00:00+02:00', notifyClient: false });
    expect(again.status).toBe('confirmed');
    await d.deliver();
    expect(d.mail.to('ada@example.com')).toHaveLength(1);
    expect(subjects('ana@studio.test')).toHaveLength(2);
  });

  it('lets an admin skip notice and horizon with skipRules, never an overlap', async () => {
    await tdb.store.applySetup({ business: { minNoticeMinutes: 24 * 60 } }, hash);
    const soon = { start: '2027-03-26T15:00:00+01:00' };
    const refused = await d.as('admin', 'POST', 'bookings', phoneBooking(soon));
    expect([refused.status, refused.body.error.details.reason]).toEqual([409, 'too_soon']);
    expect((await book({ ...soon, skipRules: true })).start).toBe('2027-03-26T15:00:00+01:00');
    const far = await book({ start: '2028-05-01T10:00:00+02:00', skipRules: true });
    expect(far.status).toBe('confirmed');
    const overlap = await d.as('admin', 'POST', 'bookings', {
      ...phoneBooking({ start: '2027-03-26T15:30:00+01:00', skipRules: true }),
      client: { name: 'Bob', email: 'bob@example.com' },
    });
    expect([overlap.status, overlap.body.error.code, overlap.body.error.details.reason]).toEqual([
      409,
      'SLOT_UNAVAILABLE',
      'taken',
    ]);
    const offGrid = await d.as('admin', 'POST', 'bookings', phoneBooking({ start: '2027-03-29T10:10:00+02:00' }));
    expect([offGrid.status, offGrid.body.error.details.reason]).toEqual([409, 'not_offered']);
  });

  it('lets staff book only for themselves and never skip the rules', async () => {
    const skip = await d.as('ana', 'POST', 'bookings', phoneBooking({ skipRules: true }));
    expect([skip.status, skip.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const forBen = await d.as('ana', 'POST', 'bookings', phoneBooking({ staff: d.staffIds.ben }));
    expect([forBen.status, forBen.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const any = await book({ service: 'consult', staff: 'any', start: '2027-03-29T09:00:00+02:00' }, 'ana');
    expect(any.staff.id).toBe(d.staffIds.ana);
    expect(await tdb.db.query('SELECT count(*)::int AS n FROM bookings')).toEqual([{ n: 1 }]);
  });

  it('takes the public body without a payment choice', async () => {
    const r = await d.as('admin', 'POST', 'bookings', phoneBooking({ payment: 'full' }));
    expect([r.status, r.body.error.details.fields]).toEqual([400, { payment: 'unknown field' }]);
  });
});

describe('PATCH /admin/bookings/{id}', () => {
  it('moves to a free time: history, rescheduled emails, and the client keeps their own reschedules', async () => {
    const b = await book();
    await d.deliver();
    const moved = await d.as('admin', 'PATCH', `bookings/${b.id}`, { start: '2027-03-29T14:00:00+02:00' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ start: '2027-03-29T14:00:00+02:00', end: '2027-03-29T15:00:00+02:00' });
    expect(moved.body.reschedule.count).toBe(0);
    const got = await d.as('admin', 'GET', `bookings/${b.id}`);
    expect(got.body.history).toEqual([
      {
        kind: 'moved',
        fromStart: '2027-03-29T10:00:00+02:00',
        toStart: '2027-03-29T14:00:00+02:00',
        fromStaff: { id: d.staffIds.ana, name: 'Ana' },
        toStaff: { id: d.staffIds.ana, name: 'Ana' },
        reason: 'Moved by staff',
        at: '2027-03-26T12:00:00+01:00',
      },
    ]);
    await d.deliver();
    expect(subjects('ada@example.com')[1]).toBe(
      `Booking changed: Portrait session, now Mon 29 Mar, 14:00 (${b.reference})`,
    );
    expect(subjects('ana@studio.test')).toHaveLength(2);
  });

  it('refuses a taken time with 409 and changes nothing', async () => {
    const b = await book();
    const other = await book({ start: '2027-03-29T14:00:00+02:00', client: { name: 'Bob', email: 'bob@example.com' } });
    await d.deliver();
    const sent = d.mail.sent.length;
    const r = await d.as('admin', 'PATCH', `bookings/${b.id}`, { start: '2027-03-29T13:30:00+02:00', notes: 'x' });
    expect([r.status, r.body.error.code, r.body.error.details.reason]).toEqual([409, 'SLOT_UNAVAILABLE', 'taken']);
    const got = await d.as('admin', 'GET', `bookings/${b.id}`);
    expect([got.body.start, got.body.notes, got.body.history]).toEqual(['2027-03-29T10:00:00+02:00', 'Called in', []]);
    expect((await d.as('admin', 'GET', `bookings/${other.id}`)).body.start).toBe('2027-03-29T14:00:00+02:00');
    await d.deliver();
    expect(d.mail.sent.length).toBe(sent);
  });

  it('lets exactly one of two concurrent moves onto the same free time win', async () => {
    const a = await book();
    const b = await book({ start: '2027-03-29T11:00:00+02:00', client: { name: 'Bob', email: 'bob@example.com' } });
    const target = { start: '2027-03-29T15:00:00+02:00' };
    const results = await Promise.all([
      d.as('admin', 'PATCH', `bookings/${a.id}`, target),
      d.as('admin', 'PATCH', `bookings/${b.id}`, target),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const rows = await tdb.db.query(
      "SELECT count(*)::int AS n FROM bookings WHERE start_at = '2027-03-29T13:00:00Z' AND status = 'confirmed'",
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('moves to another member, and skips notice only for an admin with skipRules', async () => {
    const b = await book({ start: '2027-03-29T14:00:00+02:00' });
    await tdb.store.applySetup({ business: { minNoticeMinutes: 5 * 24 * 60 } }, hash);
    const to = { start: '2027-03-29T15:00:00+02:00' };
    const soon = await d.as('admin', 'PATCH', `bookings/${b.id}`, to);
    expect([soon.status, soon.body.error.details.reason]).toEqual([409, 'too_soon']);
    const asAna = await d.as('ana', 'PATCH', `bookings/${b.id}`, { ...to, skipRules: true });
    expect([asAna.status, asAna.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await d.as('admin', 'PATCH', `bookings/${b.id}`, { ...to, skipRules: true })).status).toBe(200);
    const toBen = await d.as('admin', 'PATCH', `bookings/${b.id}`, {
      staff: d.staffIds.ben,
      start: '2027-03-29T10:00:00-04:00',
      skipRules: true,
    });
    expect([toBen.status, toBen.body.staff, toBen.body.start]).toEqual([
      200,
      { id: d.staffIds.ben, name: 'Ben' },
      '2027-03-29T10:00:00-04:00',
    ]);
  });

  it('keeps staff to their own bookings and themselves; moves only confirmed bookings', async () => {
    const b = await book();
    const toBen = await d.as('ana', 'PATCH', `bookings/${b.id}`, {
      staff: d.staffIds.ben,
      start: '2027-03-29T10:00:00-04:00',
    });
    expect([toBen.status, toBen.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await d.as('ben', 'PATCH', `bookings/${b.id}`, { notes: 'mine now' })).status).toBe(404);
    expect((await d.as('admin', 'POST', `bookings/${b.id}/cancel`)).status).toBe(200);
    const r = await d.as('admin', 'PATCH', `bookings/${b.id}`, { start: '2027-03-29T14:00:00+02:00' });
    expect([r.status, r.body.error.code, r.body.error.details.reason]).toEqual([
      409,
      'RESCHEDULE_NOT_ALLOWED',
      'not_active',
    ]);
  });

  it('changes the notes alone without an email; an empty change is refused', async () => {
    const b = await book();
    await d.deliver();
    const sent = d.mail.sent.length;
    const r = await d.as('ana', 'PATCH', `bookings/${b.id}`, { notes: 'Bring the blue backdrop' });
    expect([r.status, r.body.notes, r.body.start]).toEqual([200, 'Bring the blue backdrop', b.start]);
    await d.deliver();
    expect(d.mail.sent.length).toBe(sent);
    const empty = await d.as('admin', 'PATCH', `bookings/${b.id}`, {});
    expect([empty.status, empty.body.error.details.fields]).toEqual([
      400,
      { body: 'give start, staff, notes or outcome' },
    ]);
  });
});

describe('POST /admin/bookings/{id}/cancel', () => {
  it('cancels inside the client notice window, emails, frees the slot; a second cancel is 409', async () => {
    await tdb.store.applySetup({ business: { cancelNoticeHours: 24 * 7 } }, hash);
    const b = await book();
    await d.deliver();
    const r = await d.as('admin', 'POST', `bookings/${b.id}/cancel`, { reason: 'Studio closed' });
    expect([r.status, r.body.status, r.body.actions]).toEqual([
      200,
      'cancelled',
      { move: false, cancel: false, outcome: false },
    ]);
    await d.deliver();
    expect(subjects('ada@example.com')[1]).toBe(
      `Booking cancelled: Portrait session, Mon 29 Mar, 10:00 (${b.reference})`,
    );
    expect(d.mail.to('ada@example.com')[1]?.text).toContain('Studio closed');
    expect(subjects('ana@studio.test')).toHaveLength(2);
    const again = await d.as('admin', 'POST', `bookings/${b.id}/cancel`);
    expect([again.status, again.body.error.code, again.body.error.details.reason]).toEqual([
      409,
      'CANCEL_NOT_ALLOWED',
      'cancelled',
    ]);
    expect((await book({ client: { name: 'Bob', email: 'bob@example.com' } })).start).toBe(b.start);
  });

  it('with notifyClient:false tells only the team', async () => {
    const b = await book();
    await d.deliver();
    expect((await d.as('ana', 'POST', `bookings/${b.id}/cancel`, { notifyClient: false })).status).toBe(200);
    await d.deliver();
    expect(d.mail.to('ada@example.com')).toHaveLength(1);
    expect(subjects('ana@studio.test')[1]).toMatch(/^Booking cancelled: Ada Lovelace/);
  });
});
