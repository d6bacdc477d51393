/**
 * What a new booking goes through whoever makes it (the client's create-booking.ts, the dashboard's
 * create-booking-by-staff.ts): which members can take the start, best first, and writing the row
 * with the first who still can. The database's exclusion constraint has the last word.
 */
import {
  type Answers,
  checkSlot,
  dateOf,
  dayWindow,
  occupiedSpan,
  type PaymentOption,
  remindAt,
  type SlotRefusal,
  type StaffSchedule,
  staffInOrder,
} from '../core/index.ts';
import type { Booking, BookingStatus, ClientDetails, NewBooking } from './model.ts';
import type { Store } from './ports.ts';
import { ok, type Refusal, type Result, refuse } from './result.ts';
import { loadBusy, type SchedulingContext } from './scheduling.ts';
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

/** A member who can take the start, and the slot it makes. */
export interface Candidate {
  readonly member: StaffSchedule;
  readonly start: number;
  readonly end: number;
}

/** The members who can take the start, best first ("any": fewest bookings that day, then lowest id). */
export async function candidatesInOrder(
  store: Pick<Store, 'countBookings' | 'listBusy'>,
  ctx: SchedulingContext,
  wanted: { readonly start: number; readonly skipNoticeAndHorizon?: boolean | undefined },
  now: number,
): Promise<Result<Candidate[]>> {
  const busy = await loadBusy(store, ctx, { start: wanted.start, end: wanted.start + 1 }, now);
  const fits: Candidate[] = [];
  let firstRefusal: SlotRefusal | null = null;
  for (const member of ctx.members) {
    const check = checkSlot({
      staff: member,
      timing: ctx.timing,
      busy: busy.get(member.id) ?? [],
      now,
      start: wanted.start,
      skipNoticeAndHorizon: wanted.skipNoticeAndHorizon ?? false,
    });
    if (check.ok) fits.push({ member, start: check.slot.start, end: check.slot.end });
    else firstRefusal ??= check.reason;
  }
  if (fits.length === 0) return slotGone(ctx.members.length === 1 && firstRefusal ? firstRefusal : 'taken');
  if (fits.length === 1) return ok(fits);
  const counts = new Map<string, number>();
  for (const f of fits) {
    const day = dayWindow(dateOf(wanted.start, f.member.timezone), f.member.timezone);
    const n = await store.countBookings([f.member.id], day, now);
    counts.set(f.member.id, n.get(f.member.id) ?? 0);
  }
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
  /** Answers to the service's questions as sent (`{questionKey: value}`), checked by booking-answers.ts. */
  readonly answers?: unknown;
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
    price: service.price,
    manageTokenHash: t.manageTokenHash,
    // Reminders of a held booking are set when it is confirmed.
    remindAt: confirmed
      ? remindAt({ start: c.start, wantsReminder, reminderHours: business.reminderHours, now })
      : null,
    answers: t.answers?.open ?? {},
    sealedAnswers: t.answers?.seal(reference) ?? null,
  };
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
): Promise<Result<Booking>> {
  for (const candidate of candidates) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await store.insertBooking(bookingRow(ctx, candidate, terms, now), now);
      if (inserted.ok) return ok(inserted.booking);
      if (inserted.code === 'SLOT_UNAVAILABLE') break; // taken meanwhile: try the next member, if any
    }
  }
  return slotGone('taken');
}
