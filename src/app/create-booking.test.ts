/**
 * createBooking against the real embedded store (no mocks): what it writes, what a refusal leaves
 * behind (nothing), idempotent replays, holds, and the database as the last guard when the
 * availability read is stale (a concurrent writer). Fixture: test/support/studio.ts.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestClock, testClock } from '../../test/support/clock.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { STUDIO, STUDIO_NOW } from '../../test/support/studio.ts';
import { type CreateBookingDeps, type CreateBookingInput, createBooking } from './create-booking.ts';
import { getDayAvailability } from './get-day-availability.ts';
import type { Store } from './ports.ts';

const hash = async (p: string) => `hash:${p}`;
const ANA = '1';
const BEN = '2';
const iso = (ms: number) => new Date(ms).toISOString();
const at = (text: string) => Date.parse(text);

let tdb: TestDatabase;
let clock: TestClock;
let deps: CreateBookingDeps;

beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  await tdb.reset();
  await tdb.store.applySetup(STUDIO, hash);
  clock = testClock(STUDIO_NOW);
  deps = { store: tdb.store, clock, secret: 'x'.repeat(40), publicUrl: 'http://127.0.0.1:3000' };
});

/** Ada books Ana's portrait on Monday 29 March, 10:00 Paris (08:00Z). */
function input(over: Partial<CreateBookingInput> = {}): CreateBookingInput {
  return {
    service: 'portrait',
    staff: ANA,
    start: at('2027-03-29T08:00:00Z'),
    client: { name: 'Ada', email: 'ada@example.com', phone: null, address: null },
    notes: '',
    wantsReminder: false,
    payment: 'none',
    ...over,
  };
}

const client = (name: string) => ({ name, email: `${name.toLowerCase()}@example.com`, phone: null, address: null });

async function count(table: string): Promise<number> {
  const [row] = await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(row?.n);
}

async function mustBook(over: Partial<CreateBookingInput> = {}) {
  const r = await createBooking(deps, input(over));
  if (!r.ok) throw new Error(`expected a booking, got ${r.code} ${JSON.stringify(r.details)}`);
  return r.value;
}

/**
 * The store as a request sees it when another request commits between its availability read
 * and its insert: no existing booking is visible to the read, so only the database can refuse.
 */
function blindToBookings(store: Store): Store {
  return {
    ...store,
    listBusy: async (ids) => new Map(ids.map((id) => [id, []])),
    transaction: (fn) => store.transaction((tx) => fn(blindToBookings(tx))),
  };
}

async function enablePayments(): Promise<void> {
  await tdb.store.applySetup(
    { business: { paymentUrl: 'https://pay.test/checkout', paymentSecret: 's'.repeat(20) } },
    hash,
  );
}

describe('createBooking', () => {
  it('writes the booking as given, in minor units, with the staff zone, confirmed for a new client', async () => {
    const { booking, token, next } = await mustBook({
      client: { name: 'Ada', email: 'Ada@Example.com', phone: '+33 1 23 45 67 89', address: '1 Rue de Rivoli' },
      notes: 'Window light',
      wantsReminder: true,
      locale: 'de',
    });
    expect(booking).toEqual({
      id: '1',
      reference: expect.stringMatching(/^SW-[2-9A-HJKMNP-TV-Z]{6}$/),
      status: 'confirmed',
      serviceId: '1',
      serviceName: 'Portrait session',
      serviceNameWordings: null,
      staffId: ANA,
      staffName: 'Ana',
      start: at('2027-03-29T08:00:00Z'),
      end: at('2027-03-29T09:00:00Z'),
      timezone: 'Europe/Paris',
      client: { name: 'Ada', email: 'Ada@Example.com', phone: '+33 1 23 45 67 89', address: '1 Rue de Rivoli' },
      notes: 'Window light',
      wantsReminder: true,
      locale: 'de',
      holdUntil: null,
      payment: { option: 'none', amountDue: 0, amountPaid: 0, currency: 'EUR' },
      price: 12000,
      rescheduleCount: 0,
      createdAt: at(STUDIO_NOW),
      seats: 1,
      answers: {},
      sealedAnswers: null,
      outcome: null,
      cancellation: null,
      seriesId: null,
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(next).toEqual({ action: 'done' });
    const clients = await tdb.db.query('SELECT email, name, phone, address FROM clients');
    expect(clients).toEqual([
      { email: 'Ada@Example.com', name: 'Ada', phone: '+33 1 23 45 67 89', address: '1 Rue de Rivoli' },
    ]);
  });

  it('stores only the SHA-256 of the manage token, never the token', async () => {
    const { token } = await mustBook();
    const [row] = await tdb.db.query<{ h: string }>("SELECT encode(manage_token_hash, 'hex') AS h FROM bookings");
    expect(row?.h).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('a known client (email compared case-insensitively) is held for verification; no second client row', async () => {
    await mustBook();
    const { booking, next } = await mustBook({
      start: at('2027-03-30T08:00:00Z'),
      client: { name: 'Ada L.', email: 'ADA@EXAMPLE.COM', phone: null, address: null },
    });
    expect(booking.status).toBe('pending_verification');
    expect(iso(booking.holdUntil ?? 0)).toBe('2027-03-26T11:15:00.000Z');
    expect(next).toEqual({ action: 'verify_email' });
    expect(await count('clients')).toBe(1);
  });

  it('a payment option the service does not offer is refused with the allowed ones, nothing written', async () => {
    const r = await createBooking(deps, input({ payment: 'deposit', idempotency: { key: 'k', requestHash: 'h' } }));
    expect(r).toEqual({
      ok: false,
      code: 'PAYMENT_OPTION_NOT_ALLOWED',
      message: 'Payment option "deposit" is not offered for this service.',
      details: { allowed: ['none'] },
    });
    expect([await count('bookings'), await count('clients'), await count('idempotency_keys')]).toEqual([0, 0, 0]);
  });

  it('a service nobody offers has no slot for "any": not_offered', async () => {
    await tdb.store.applySetup({ services: [{ key: 'retouch', name: 'Retouch', durationMinutes: 30 }] }, hash);
    const r = await createBooking(deps, input({ service: 'retouch', staff: 'any' }));
    expect(r).toMatchObject({ ok: false, code: 'SLOT_UNAVAILABLE', details: { reason: 'not_offered' } });
  });

  describe('nothing half-written', () => {
    it('a refusal by the rules leaves no booking, no client and no idempotency key', async () => {
      await mustBook({ client: client('Bob') });
      const r = await createBooking(deps, input({ idempotency: { key: 'k1', requestHash: 'h1' } }));
      expect(r).toMatchObject({ ok: false, code: 'SLOT_UNAVAILABLE', details: { reason: 'taken' } });
      expect(await tdb.db.query('SELECT email FROM clients')).toEqual([{ email: 'bob@example.com' }]);
      expect([await count('bookings'), await count('idempotency_keys')]).toEqual([1, 0]);
    });

    it('when the read missed a concurrent booking, the exclusion constraint refuses and the client row rolls back', async () => {
      await mustBook({ client: client('Bob') });
      const blind = { ...deps, store: blindToBookings(tdb.store) };
      const r = await createBooking(blind, input({ idempotency: { key: 'k1', requestHash: 'h1' } }));
      expect(r).toMatchObject({ ok: false, code: 'SLOT_UNAVAILABLE', details: { reason: 'taken' } });
      // Ada is a new client: her row was written before the insert failed, and rolled back with it.
      expect(await tdb.db.query('SELECT email FROM clients')).toEqual([{ email: 'bob@example.com' }]);
      expect([await count('bookings'), await count('idempotency_keys')]).toEqual([1, 0]);
    });

    it('for "any", a member lost to a concurrent booking is skipped for the next in order', async () => {
      // 16:00 Paris (14:00Z) is Ana's last start and Ben's first; each already has one booking that day.
      await mustBook({ start: at('2027-03-29T14:00:00Z'), client: client('Bob') });
      await mustBook({ staff: BEN, start: at('2027-03-29T17:00:00Z'), client: client('Cy') });
      const blind = { ...deps, store: blindToBookings(tdb.store) };
      const r = await createBooking(blind, input({ staff: 'any', start: at('2027-03-29T14:00:00Z') }));
      // Tie (one each) → Ana first; the constraint refuses her, so Ben takes it.
      expect(r.ok && r.value.booking.staffId).toBe(BEN);
      expect(await count('bookings')).toBe(3);
    });
  });

  describe('idempotency', () => {
    it('a replay returns the first booking and the same token, even though the slot is now taken by it', async () => {
      const key = { key: 'order-1', requestHash: 'hash-a' };
      const first = await mustBook({ idempotency: key });
      const again = await mustBook({ idempotency: key });
      expect(again).toEqual(first);
      expect(await count('bookings')).toBe(1);
    });

    it('a replay writes nothing, though its reads and the client record went with the claim (decision 040)', async () => {
      const key = { key: 'order-1', requestHash: 'hash-a' };
      const first = await mustBook({ idempotency: key });
      // The slot free again and the client's record gone: a replay that kept what it asked early would show.
      await tdb.db.exec("UPDATE bookings SET status = 'cancelled', client_id = NULL; DELETE FROM clients");
      const again = await mustBook({ idempotency: key });
      expect(again.booking.id).toBe(first.booking.id);
      expect([await count('bookings'), await count('clients')]).toEqual([1, 0]);
    });

    it('the replay store keeps the token sealed, not in clear', async () => {
      const { token } = await mustBook({ idempotency: { key: 'order-1', requestHash: 'hash-a' } });
      const [row] = await tdb.db.query<{ token_sealed: string; body: unknown }>(
        'SELECT token_sealed, body FROM idempotency_keys',
      );
      expect(row?.token_sealed).not.toContain(token);
      expect(JSON.stringify(row?.body)).not.toContain(token);
    });

    it('the same key with another request hash is IDEMPOTENCY_KEY_REUSED', async () => {
      await mustBook({ idempotency: { key: 'order-1', requestHash: 'hash-a' } });
      const r = await createBooking(
        deps,
        input({ start: at('2027-03-29T11:00:00Z'), idempotency: { key: 'order-1', requestHash: 'hash-b' } }),
      );
      expect(r).toMatchObject({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED' });
      expect(await count('bookings')).toBe(1);
    });

    it('a key older than 24 hours is forgotten and can book again', async () => {
      await mustBook({ idempotency: { key: 'order-1', requestHash: 'hash-a' } });
      clock.advance(24 * 60 + 1);
      const again = await mustBook({
        start: at('2027-03-30T08:00:00Z'),
        client: client('Bob'),
        idempotency: { key: 'order-1', requestHash: 'hash-b' },
      });
      expect(again.booking.id).toBe('2');
    });
  });

  describe('holds', () => {
    it('a hold stops occupying time at hold_until, before anything rewrites its row; the next booking expires it', async () => {
      await enablePayments();
      const hold = await mustBook({ payment: 'deposit' });
      expect(hold.booking.status).toBe('awaiting_payment');
      expect(iso(hold.booking.holdUntil ?? 0)).toBe('2027-03-26T11:15:00.000Z');

      const starts = async () => {
        const r = await getDayAvailability(deps, { service: 'portrait', staff: ANA, date: '2027-03-29' });
        return r.ok ? r.value.slots.map((s) => iso(s.start)).slice(0, 5) : r;
      };
      // 09:30-11:30 Paris around the 10:00 hold are gone.
      expect(await starts()).toEqual([
        '2027-03-29T07:00:00.000Z',
        '2027-03-29T09:00:00.000Z',
        '2027-03-29T11:00:00.000Z',
        '2027-03-29T11:30:00.000Z',
        '2027-03-29T12:00:00.000Z',
      ]);
      clock.advance(15);
      expect(await starts()).toEqual([
        '2027-03-29T07:00:00.000Z',
        '2027-03-29T07:30:00.000Z',
        '2027-03-29T08:00:00.000Z',
        '2027-03-29T08:30:00.000Z',
        '2027-03-29T09:00:00.000Z',
      ]);
      expect(await tdb.db.query('SELECT status FROM bookings')).toEqual([{ status: 'awaiting_payment' }]);

      const next = await mustBook({ payment: 'full', client: client('Bob') });
      expect(next.booking.start).toBe(at('2027-03-29T08:00:00Z'));
      // Identity values may skip (a refused insert uses one): the new row is the booking just made.
      expect(await tdb.db.query('SELECT id::text AS id, status FROM bookings ORDER BY id')).toEqual([
        { id: hold.booking.id, status: 'expired' },
        { id: next.booking.id, status: 'awaiting_payment' },
      ]);
    });

    it('a cancelled booking neither blocks its time nor counts toward "fewest bookings that day"', async () => {
      await mustBook({ start: at('2027-03-29T07:00:00Z'), client: client('Bob') });
      await tdb.db.query("UPDATE bookings SET status = 'cancelled'");
      const again = await mustBook({ start: at('2027-03-29T07:00:00Z') });
      expect(again.booking.staffId).toBe(ANA);
      await tdb.db.query("UPDATE bookings SET status = 'cancelled'");
      const any = await mustBook({ staff: 'any', start: at('2027-03-29T14:00:00Z'), client: client('Cy') });
      expect(any.booking.staffId).toBe(ANA);
    });
  });

  it('"any" counts every fitting member\'s bookings that day in one query, each day in the member\'s own zone', async () => {
    // Ana (Paris) has a booking that Monday; Ben (New York) none: Ben is the one with fewest.
    await mustBook({ start: at('2027-03-29T07:00:00Z'), client: client('Bob') });
    const counts: string[][] = [];
    const spying = (store: Store): Store => ({
      ...store,
      countBookings: (ids, window, now) => {
        counts.push([...ids]);
        return store.countBookings(ids, window, now);
      },
      transaction: (fn) => store.transaction((tx) => fn(spying(tx))),
    });
    const r = await createBooking(
      { ...deps, store: spying(tdb.store) },
      input({ staff: 'any', start: at('2027-03-29T14:00:00Z'), client: client('Cy') }),
    );
    expect(r.ok && r.value.booking.staffId).toBe(BEN);
    expect(counts).toEqual([[ANA, BEN]]);
  });

  describe('skipNoticeAndHorizon (admins)', () => {
    it('books beyond the horizon and inside the notice', async () => {
      await tdb.store.applySetup({ business: { minNoticeMinutes: 24 * 60 } }, hash);
      const beyond = await createBooking(deps, input({ start: at('2028-05-01T08:00:00Z') }));
      expect(beyond).toMatchObject({ ok: false, details: { reason: 'beyond_horizon' } });
      const soon = await createBooking(deps, input({ start: at('2027-03-26T13:00:00Z') }));
      expect(soon).toMatchObject({ ok: false, details: { reason: 'too_soon' } });
      const far = await mustBook({ start: at('2028-05-01T08:00:00Z'), skipNoticeAndHorizon: true });
      const close = await mustBook({
        start: at('2027-03-26T13:00:00Z'),
        client: client('Bob'),
        skipNoticeAndHorizon: true,
      });
      expect([far.booking.status, close.booking.status]).toEqual(['confirmed', 'confirmed']);
    });

    it('never in the past, off the grid, or over another booking', async () => {
      await mustBook({ client: client('Bob') });
      const cases: [number, string][] = [
        [at('2027-03-26T09:00:00Z'), 'past'],
        [at('2027-03-29T08:10:00Z'), 'not_offered'],
        [at('2027-03-29T08:30:00Z'), 'taken'],
      ];
      for (const [start, reason] of cases) {
        const r = await createBooking(deps, input({ start, skipNoticeAndHorizon: true }));
        expect(r).toMatchObject({ ok: false, code: 'SLOT_UNAVAILABLE', details: { reason } });
      }
    });
  });
});
