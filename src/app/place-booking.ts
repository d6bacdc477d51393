/**
 * What a new booking goes through whoever makes it (the client's create-booking.ts, the dashboard's
 * create-booking-by-staff.ts): which members can take the start, best first, and writing the row
 * with the first who still can. The database's exclusion constraint has the last word.
 */
import {
  type Answers,
  checkSeats,
  checkSlot,
  dateOf,
  dayWindow,
  heldSpan,
  occupiedSpan,
  type PaymentOption,
  remindAt,
  type SlotRefusal,
  type StaffSchedule,
  seatsProblems,
  staffInOrder,
} from '../core/index.ts';
import type { Booking, BookingStatus, ClientDetails, NewBooking, Service } from './model.ts';
import type { Store } from './ports.ts';
import { invalid, ok, type Refusal, type Result, refuse } from './result.ts';
import type { SchedulingContext } from './scheduling.ts';
import { loadSources } from './sources.ts';
import { newReference } from './tokens.ts';

const REASONS: Record<SlotRefusal, string> = {
  past: 'That time is in the past.',
  beyond_horizon: 'That date is too far ahead to book yet.',
  day_off: 'The staff member is off that day.',
  not_worked: 'The staff member does not work that day.',
  not_offered: 'That time is not one of the offered slots.',
  too_soon: 'That time is too soon to book.',
  taken: 'That time has just been taken.',
};

export const slotGone = (reason: SlotRefusal): Refusal => refuse('SLOT_UNAVAILABLE', REASONS[reason], { reason });

/** `{[key]: value}` when the value is there, else nothing (exactOptionalPropertyTypes). */
export const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** 409 SEATS_UNAVAILABLE: the session has fewer seats left than asked for (SPEC §9.1). */
export const seatsGone = (seatsLeft: number): Refusal =>
  refuse('SEATS_UNAVAILABLE', `Only ${seatsLeft} seat(s) left in that session.`, { seatsLeft });

/** 400 naming `seats` when the service does not sell that many to one booking (core seatsProblems). */
export function seatsRefusal(seats: number | undefined, service: Service): Refusal | null {
  const problems = seatsProblems(seats, {
    capacity: service.capacity ?? 1,
    maxSeatsPerBooking: service.maxSeatsPerBooking ?? 1,
  });
  if (problems.length === 0) return null;
  return invalid('Invalid seats.', Object.fromEntries(problems.map((p) => [p.path.join('.'), p.message])));
}

/** A member who can take the start, and the slot it makes. */
export interface Candidate {
  readonly member: StaffSchedule;
  readonly start: number;
  readonly end: number;
}

/** The members who can take the start, best first ("any": fewest bookings that day, then lowest id). */
export async function candidatesInOrder(
  store: Pick<
    Store,
    'countBookings' | 'listBusy' | 'listExternalBusy' | 'listOfferHolds' | 'listResourceHolds' | 'listSessionSeats'
  >,
  ctx: SchedulingContext,
  wanted: {
    readonly start: number;
    readonly skipNoticeAndHorizon?: boolean | undefined;
    /** Seats of a group session (absent = 1). */
    readonly seats?: number | undefined;
    /** The waitlist offer being accepted: its hold is this booking's to take (SPEC §9.3). */
    readonly waitlistOfferId?: string | undefined;
  },
  now: number,
): Promise<Result<Candidate[]>> {
  // Read inside the booking's transaction: external busy time has no constraint of its own, so a
  // start that became busy in a member's calendar is refused here (SPEC §8.3).
  // "Any": each member's bookings on the start's day in their own zone, all in one query, asked
  // together with the busy time (one round trip on a pipelining driver, decision 040); only the
  // members who fit are ordered by it.
  const days = new Map(
    ctx.members.map((m) => [m.id, dayWindow(dateOf(wanted.start, m.timezone), m.timezone)] as const),
  );
  const window = { start: wanted.start, end: wanted.start + 1 };
  const [{ busy, external, resources, sessions, holds }, counts] = await Promise.all([
    loadSources(store, ctx, window, now, undefined, wanted.waitlistOfferId),
    ctx.members.length > 1 ? store.countBookings([...days.keys()], days, now) : null,
  ]);
  const fits: Candidate[] = [];
  let firstRefusal: SlotRefusal | null = null;
  let mostSeats = 0;
  for (const member of ctx.members) {
    const check = checkSlot({
      staff: member,
      timing: ctx.timing,
      busy: busy.get(member.id) ?? [],
      ...optional('external', external.get(member.id)),
      resources,
      ...optional('holds', holds.get(member.id)),
      now,
      start: wanted.start,
      skipNoticeAndHorizon: wanted.skipNoticeAndHorizon ?? false,
      ...(sessions ? { sessions } : {}),
    });
    if (!check.ok) firstRefusal ??= check.reason;
    else if (check.seatsLeft !== undefined && !checkSeats(wanted.seats ?? 1, check.seatsLeft).ok) {
      mostSeats = Math.max(mostSeats, check.seatsLeft);
    } else fits.push({ member, start: check.slot.start, end: check.slot.end });
  }
  if (fits.length === 0 && mostSeats > 0) return seatsGone(mostSeats);
  if (fits.length === 0) return slotGone(ctx.members.length === 1 && firstRefusal ? firstRefusal : 'taken');
  if (fits.length === 1 || counts === null) return ok(fits);
  const order = staffInOrder(
    fits.map((f) => f.member.id),
    counts,
  );
  return ok(order.map((id) => fits.find((f) => f.member.id === id) as Candidate));
}

/** What a new booking asks for, whoever makes it (the client, or staff on the phone). */
export interface BookingRequest {
  /** A service's id or slug. */
  readonly service: string;
  /** A member's id, or "any". */
  readonly staff: string;
  readonly start: number;
  readonly client: ClientDetails;
  readonly notes: string;
  readonly wantsReminder: boolean;
  /** Absent: the business's. */
  readonly locale?: string | undefined;
  /** Seats of a group session (SPEC §9.1); absent = 1. Checked against the service before. */
  readonly seats?: number | undefined;
  /** Answers to the service's questions as sent (`{questionKey: value}`), checked by booking-answers.ts. */
  readonly answers?: unknown;
  /** The waitlist offer this booking accepts (app/waitlist/accept-offer.ts); absent = none. */
  readonly waitlistOfferId?: string | undefined;
}

/** What the door a booking came in by decides about it; the rest follows from the slot and the settings. */
export interface BookingTerms {
  readonly request: BookingRequest;
  readonly clientId: string | null;
  /** confirmed, or held while the client proves their email or pays. */
  readonly status: BookingStatus;
  readonly payment: PaymentOption;
  readonly amountDue: number;
  readonly manageTokenHash: Uint8Array;
  /** The checked answers: the open ones as stored, the sensitive ones sealed for the row's reference. */
  readonly answers?: BookingAnswers;
}

/** Answers ready to store: sealing waits for the reference, which the row makes (and a clash remakes). */
export interface BookingAnswers {
  readonly open: Answers;
  seal(reference: string): string | null;
}

/** The one place a new booking's row is built, whoever books: the slot, the terms and the settings. */
export function bookingRow(ctx: SchedulingContext, c: Candidate, t: BookingTerms, now: number): NewBooking {
  const { business, service } = ctx;
  const { client, notes, wantsReminder, locale } = t.request;
  const confirmed = t.status === 'confirmed';
  const reference = newReference();
  return {
    reference,
    serviceId: service.id,
    staffId: c.member.id,
    client,
    clientId: t.clientId,
    notes,
    wantsReminder,
    locale: locale ?? business.locale,
    timezone: c.member.timezone,
    status: t.status,
    start: c.start,
    end: c.end,
    occupied: occupiedSpan(c.start, c.end, ctx.timing, c.member.policy.gapMinutes),
    // A booking waiting for its email code or its payment holds its time only for a while.
    holdUntil: confirmed ? null : now + business.holdMinutes * 60_000,
    paymentOption: t.payment,
    amountDue: t.amountDue,
    currency: service.currency ?? business.currency,
    price: service.price * (t.request.seats ?? 1),
    manageTokenHash: t.manageTokenHash,
    // Reminders of a held booking are set when it is confirmed.
    remindAt: confirmed
      ? remindAt({ start: c.start, wantsReminder, reminderHours: business.reminderHours, now })
      : null,
    // What its service requires is held for the booking's span with the service's buffers (§8.4).
    ...(service.resourceIds.length > 0
      ? { resources: { ids: service.resourceIds, held: heldSpan(c.start, c.end, ctx.timing) } }
      : {}),
    ...seatFields(ctx, t.request.seats),
    answers: t.answers?.open ?? {},
    sealedAnswers: t.answers?.seal(reference) ?? null,
    ...optional('waitlistOfferId', t.request.waitlistOfferId),
  };
}

/** What a booking's row reads back from its service and member (the names joined in). */
export interface StoredNames {
  readonly serviceName: string;
  readonly serviceNameWordings: Booking['serviceNameWordings'];
  readonly staffName: string;
}

export function storedNames(ctx: SchedulingContext, c: Candidate): StoredNames {
  const staff = ctx.staff.find((m) => m.id === c.member.id);
  if (!staff) throw new Error(`storedNames: member ${c.member.id} is not in the context`);
  return {
    serviceName: ctx.service.name,
    serviceNameWordings: ctx.service.nameWordings ?? null,
    staffName: staff.name,
  };
}

/**
 * The booking as its new row will read back (store getBooking), known before the insert is
 * answered: what names it (its jobs, the stored answer, the 201) goes out behind the insert
 * (decision 043). Held equal to the row read back by the store contract on both databases.
 */
export function asStored(row: NewBooking, id: string, names: StoredNames, now: number): Booking {
  return {
    id,
    reference: row.reference,
    status: row.status,
    serviceId: row.serviceId,
    ...names,
    staffId: row.staffId,
    start: row.start,
    end: row.end,
    timezone: row.timezone,
    client: {
      name: row.client.name,
      email: row.client.email,
      phone: row.client.phone ?? null,
      address: row.client.address ?? null,
    },
    notes: row.notes,
    wantsReminder: row.wantsReminder,
    locale: row.locale,
    holdUntil: row.holdUntil,
    payment: { option: row.paymentOption, amountDue: row.amountDue, amountPaid: 0, currency: row.currency.trim() },
    price: row.price,
    rescheduleCount: 0,
    createdAt: now,
    seats: row.seats ?? 1,
    answers: row.answers,
    sealedAnswers: row.sealedAnswers,
    outcome: null,
    cancellation: null,
    seriesId: row.seriesId ?? null,
  };
}

/** A seat of a group session is written in a savepoint (store/bookings.ts insertSeat); others as before. */
function seatFields(ctx: SchedulingContext, seats: number | undefined): { seats?: number; session?: true } {
  return (ctx.service.capacity ?? 1) > 1 ? { seats: seats ?? 1, session: true } : {};
}

/**
 * Inserts the booking with the first candidate the database still accepts. A clash of random
 * references is retried with a fresh row; a taken slot moves on to the next candidate.
 */
export async function insertFirstFree(
  store: Pick<Store, 'insertBooking'>,
  ctx: SchedulingContext,
  candidates: readonly Candidate[],
  terms: BookingTerms,
  now: number,
  /** What the row carries beyond the terms: the series of an occurrence (create-series.ts). */
  extra: Pick<NewBooking, 'seriesId'> = {},
): Promise<Result<Booking>> {
  // Seats a losing session still had (the most over the members tried): 409 SEATS_UNAVAILABLE.
  let mostSeats = 0;
  for (const candidate of candidates) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await store.insertBooking({ ...bookingRow(ctx, candidate, terms, now), ...extra }, now);
      if (inserted.ok) return ok(inserted.booking);
      if (inserted.code === 'SEATS_UNAVAILABLE') {
        mostSeats = Math.max(mostSeats, inserted.seatsLeft);
        break;
      }
      // A hold met outside a savepoint ended the transaction (decision 034): no other member can be tried.
      if (inserted.code === 'SLOT_UNAVAILABLE' && inserted.aborted) return slotGone('taken');
      if (inserted.code === 'SLOT_UNAVAILABLE') break; // taken meanwhile: try the next member, if any
    }
  }
  return mostSeats > 0 ? seatsGone(mostSeats) : slotGone('taken');
}
