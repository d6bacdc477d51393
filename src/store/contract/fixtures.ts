/**
 * What the store contract's areas share: instants, the studio every area imports, and the helpers that write and
 * read bookings. Each area gets the running test's database through `getDb` (opened once by store.contract.ts).
 */
import { createHash } from 'node:crypto';
import type { TestDatabase } from '../../../test/support/db.ts';
import type { BookingStatus, NewBooking } from '../../app/model.ts';
import type { SetupResult } from '../../app/ports.ts';
import type { Setup } from '../../app/setup-schema.ts';
import type { CancellationPolicy, Interval, Question } from '../../core/index.ts';

/** The database of the running test; it exists only once the contract's beforeAll has opened it. */
export type GetDb = () => TestDatabase;

export const MINUTE = 60_000;
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};
/** An instant (epoch ms or a driver's Date) as `2027-03-29T10:00:00Z`. */
export const iso = (v: unknown): string =>
  (v instanceof Date ? v : new Date(Number(v))).toISOString().replace('.000Z', 'Z');
export const isoSpan = (i: Interval): string => `${iso(i.start)}/${iso(i.end)}`;
export const span = (text: string): Interval => {
  const [s = '', e = ''] = text.split('/');
  return { start: at(s), end: at(e) };
};

/** A fake password hasher: the store must store what it returns, never the password. */
export const fakeHash = async (password: string) => `fake-hash(${password.length}:${password.slice(0, 3)})`;

/** The portrait's questions and policy as SETUP gives them (and as the store gives them back). */
export const PORTRAIT_QUESTIONS = [
  {
    key: 'people',
    type: 'number',
    label: { en: 'How many people?', fr: 'Combien de personnes ?' },
    required: true,
    sensitive: false,
  },
  { key: 'health', type: 'longText', label: 'Anything about your health?', required: false, sensitive: true },
] as const satisfies readonly Question[];
export const PORTRAIT_POLICY = [
  { untilHoursBefore: 48, refund: 'full' },
  { untilHoursBefore: 0, refund: 'deposit_kept' },
] as const satisfies CancellationPolicy;

/** Europe/Paris studio. Ana offers portrait + consult, Ben portrait, Cleo (inactive) portrait, Dan consult. */
export const SETUP: Setup = {
  business: { name: 'Contract Studio', timezone: 'Europe/Paris', currency: 'EUR', staffLabel: 'Choose photographer' },
  services: [
    {
      key: 'portrait',
      name: 'Portrait session',
      description: 'Studio portrait',
      durationMinutes: 60,
      price: '120.00',
      deposit: '30.00',
      imageUrl: 'https://img.test/portrait.jpg',
      color: '#3366ff',
      rescheduleLimit: 2,
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 10,
      questions: [...PORTRAIT_QUESTIONS],
      cancellationPolicy: [...PORTRAIT_POLICY],
    },
    { key: 'consult', name: 'Consultation', durationMinutes: 30, price: '0' },
    { key: 'retired', name: 'Retired class', durationMinutes: 45, price: '50', active: false },
    {
      key: 'headshot',
      name: 'Headshot',
      durationMinutes: 20,
      price: '5000',
      currency: 'JPY',
      allowRescheduling: false,
    },
  ],
  staff: [
    {
      key: 'ana',
      name: 'Ana',
      email: 'ana@studio.test',
      services: ['portrait', 'consult'],
      // Given out of order on purpose: the store returns each weekday's ranges sorted.
      hours: {
        mon: [
          ['13:00', '17:00'],
          ['09:00', '12:00'],
        ],
        fri: [['09:00', '12:00']],
        sun: [['20:00', '24:00']],
      },
      daysOff: [
        { from: '2027-05-01', to: '2027-05-01' },
        { from: '2027-04-05', to: '2027-04-09', note: 'Holiday' },
      ],
    },
    {
      key: 'ben',
      name: 'Ben',
      email: 'ben@studio.test',
      timezone: 'America/New_York',
      services: ['portrait'],
      hours: { sat: [['10:00', '18:00']] },
      slotStepMinutes: 20,
      gapMinutes: 10,
      minNoticeMinutes: 60,
    },
    { key: 'cleo', name: 'Cleo', email: 'cleo@studio.test', services: ['portrait'], active: false },
    { key: 'dan', name: 'Dan', email: 'dan@studio.test', services: ['consult'] },
  ],
  admins: [{ email: 'owner@studio.test', password: 'correct horse battery' }],
};

export const DEFAULT_BUSINESS = {
  name: 'Slotwise',
  timezone: 'UTC',
  currency: 'USD',
  locale: 'en',
  staffLabel: 'Offered by',
  staffLabelWordings: null,
  ownerEmail: null,
  paymentUrl: null,
  paymentSecret: null,
  slotStepMinutes: 30,
  gapMinutes: 0,
  minNoticeMinutes: 0,
  horizonDays: 90,
  defaultRescheduleLimit: 3,
  allowStaffChangeOnReschedule: true,
  cancelNoticeHours: 0,
  rescheduleNoticeHours: 0,
  holdMinutes: 15,
  reminderHours: 24,
  mailFrom: null,
  retainUnconfirmedDays: 30,
  retainPastDays: 0,
  noShowLimit: 0,
  waitlistOfferMinutes: 30,
};

export const CLIENT = { name: 'Zoé Martin', email: 'zoe@example.test', phone: '+33 6 12 34 56 78', address: null };

/** A booking to write; times are ISO instants, `occupied` defaults to [start, end). */
export interface Draft {
  readonly staff: 'ana' | 'ben' | 'dan';
  readonly service?: 'portrait' | 'consult';
  readonly start: string;
  readonly end: string;
  readonly occupied?: Interval;
  readonly status?: BookingStatus;
  readonly holdUntil?: string | null;
  readonly reference?: string;
  /** Minor units due online (a deposit); absent = nothing to pay. */
  readonly amountDue?: number;
}

/** The running test's `db` and `store`, looked up through `getDb` when a test uses them. */
export function liveDb(getDb: GetDb): Pick<TestDatabase, 'db' | 'store'> {
  return {
    get db() {
      return getDb().db;
    },
    get store() {
      return getDb().store;
    },
  };
}

export type ContractFixtures = ReturnType<typeof contractFixtures>;

/** Booking helpers for one area; `getIds` gives the ids of the last `applySetup(SETUP)` of that area. */
export function contractFixtures(getDb: GetDb, getIds: () => SetupResult) {
  const t = liveDb(getDb);
  let tokenSeq = 0;

  const idOf = (kind: 'services' | 'staff', key: string): string => {
    const id = getIds()[kind][key];
    if (id === undefined) throw new Error(`fixture has no ${kind} "${key}"`);
    return id;
  };

  function draft(d: Draft): NewBooking {
    tokenSeq += 1;
    const status = d.status ?? 'confirmed';
    return {
      reference: d.reference ?? `SW-T${String(tokenSeq).padStart(5, '0')}`,
      serviceId: idOf('services', d.service ?? 'consult'),
      staffId: idOf('staff', d.staff),
      client: CLIENT,
      clientId: null,
      notes: '',
      wantsReminder: false,
      locale: 'en',
      timezone: 'Europe/Paris',
      status,
      start: at(d.start),
      end: at(d.end),
      occupied: d.occupied ?? { start: at(d.start), end: at(d.end) },
      holdUntil: d.holdUntil ? at(d.holdUntil) : null,
      paymentOption: d.amountDue ? 'deposit' : 'none',
      amountDue: d.amountDue ?? 0,
      currency: 'EUR',
      price: 0,
      manageTokenHash: createHash('sha256').update(`contract-token-${tokenSeq}`).digest(),
      remindAt: null,
      answers: {},
      sealedAnswers: null,
    };
  }

  const insert = (d: Draft, now: string) => t.store.insertBooking(draft(d), at(now));

  async function insertOk(d: Draft, now: string): Promise<string> {
    const result = await insert(d, now);
    if (!result.ok) throw new Error(`fixture booking refused: ${result.code}`);
    return result.booking.id;
  }

  /** Every booking row as `reference status occupied`, in time order. */
  async function bookingRows(): Promise<string[]> {
    const rows = await t.db.query(
      'SELECT reference, status, lower(occupied) AS s, upper(occupied) AS e FROM bookings ORDER BY lower(occupied), reference',
    );
    return rows.map((r) => `${String(r.reference)} ${String(r.status)} ${iso(r.s)}/${iso(r.e)}`);
  }

  const setStatus = (id: string, status: BookingStatus) =>
    t.db.query('UPDATE bookings SET status = $2 WHERE id = $1', [id, status]);

  /** A booking written with plain SQL, bypassing the store's code entirely. */
  const rawInsert = (reference: string, staffId: string, start: string, end: string) =>
    t.db.query(
      `INSERT INTO bookings (reference, service_id, staff_id, client_name, client_email, timezone, status,
         start_at, end_at, occupied, payment_option, currency, manage_token_hash)
       VALUES ($1, $2, $3, 'Raw', 'raw@example.test', 'Europe/Paris', 'confirmed',
         $4::timestamptz, $5::timestamptz, tstzrange($4::timestamptz, $5::timestamptz), 'none', 'EUR',
         sha256(convert_to($1, 'UTF8')))`,
      [reference, idOf('services', 'consult'), staffId, start, end],
    );

  /**
   * A waiting client's entry for the service on Monday 2027-03-29 (Paris), any member, made at
   * `now`; its leave token is `o.leaveToken` (stored hashed), a new one when not given.
   */
  const waitlistEntry = (
    name: string,
    now: string,
    o: { service?: string; seats?: number; leaveToken?: string } = {},
  ) => {
    tokenSeq += 1;
    return t.store.insertWaitlistEntry(
      {
        serviceId: idOf('services', o.service ?? 'consult'),
        staffId: null,
        date: '2027-03-29',
        timezone: 'Europe/Paris',
        from: null,
        to: null,
        seats: o.seats ?? 1,
        client: { name, email: `${name.toLowerCase()}@example.test`, phone: null },
        locale: 'en',
        leaveTokenHash: createHash('sha256')
          .update(o.leaveToken ?? `contract-leave-${tokenSeq}`)
          .digest(),
      },
      at(now),
    );
  };

  return { t, idOf, draft, insert, insertOk, bookingRows, setStatus, rawInsert, waitlistEntry };
}

/** Ana gives a 10-seat workshop, Ben a 10-seat class; both need the studio room, as does the portrait. */
export const WITH_ROOM_SESSIONS: Setup = {
  ...SETUP,
  resources: [{ key: 'room', name: 'Studio room' }],
  services: [
    ...(SETUP.services ?? []).map((s) => (s.key === 'portrait' ? { ...s, resources: ['room'] } : s)),
    {
      key: 'workshop',
      name: 'Workshop',
      durationMinutes: 120,
      capacity: 10,
      maxSeatsPerBooking: 4,
      resources: ['room'],
    },
    { key: 'class', name: 'Class', durationMinutes: 60, capacity: 10, maxSeatsPerBooking: 2, resources: ['room'] },
  ],
  staff: (SETUP.staff ?? []).map((m) =>
    m.key === 'ana'
      ? { ...m, services: [...(m.services ?? []), 'workshop'] }
      : m.key === 'ben'
        ? { ...m, services: [...(m.services ?? []), 'class'] }
        : m,
  ),
};
