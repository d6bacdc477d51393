/**
 * The one schema of a new booking's request (API.md POST /bookings): the JSON API checks its body
 * with it, the booking page its form, and the dashboard's booking by phone extends it. Shape
 * only: whether the time is free, the service offered and the payment allowed are the use case's.
 */
import { z } from 'zod';
import type { CreateBookingInput } from '../app/create-booking.ts';
import type { ClientDetails } from '../app/model.ts';
import { isPlainObject, MAX_CAPACITY, REPEAT_COUNT_MAX, REPEAT_COUNT_MIN, REPEAT_FREQUENCIES } from '../core/index.ts';
import { LOCALES } from '../i18n/locale.ts';
import { instant, text } from './validation.ts';

export const serviceRef = z.string().min(1).max(100);
export const staffRef = z.union([z.literal('any'), z.string().regex(/^\d{1,18}$/, 'a staff id or "any"')]);

export const bookingBody = z.strictObject({
  service: serviceRef,
  staff: staffRef,
  start: instant,
  client: z.strictObject({
    name: text(200).pipe(z.string().min(1, 'required')),
    email: text(254).pipe(z.email('a valid email address')),
    phone: text(50).nullable().optional(),
    address: text(500).nullable().optional(),
  }),
  notes: text(2000).nullable().optional(),
  wantsReminder: z.boolean().default(false),
  payment: z.enum(['none', 'full', 'deposit']).default('none'),
  locale: z.enum(LOCALES).optional(),
  // SPEC §9.1: seats of a group session (the service's maximum is the use case's).
  seats: z.number().int().min(1).max(MAX_CAPACITY).optional(),
  /**
   * Answers to the service's questions, `{questionKey: value}`: only an object here; the use case
   * checks each against the service's questions (core/answers.ts). A custom check, not a record:
   * a record rebuilds the object and would drop a `__proto__` key instead of refusing it.
   */
  answers: z
    .custom<Record<string, unknown>>(isPlainObject, 'an object {questionKey: value}')
    .meta({ type: 'object', additionalProperties: {}, description: 'answers to the service’s questions' })
    .optional(),
  // SPEC §9.2: a recurring series (whether the service allows it is the use case's).
  repeat: z
    .strictObject({
      frequency: z.enum(REPEAT_FREQUENCIES),
      count: z.number().int().min(REPEAT_COUNT_MIN).max(REPEAT_COUNT_MAX),
    })
    .optional(),
});

export type BookingBody = z.output<typeof bookingBody>;

/** The client of a checked booking body: empty phone and address are none. */
export function clientOf(c: BookingBody['client']): ClientDetails {
  return { name: c.name, email: c.email, phone: c.phone || null, address: c.address || null };
}

/** What every booking request asks for, whoever makes it (the client, or staff by phone). */
export function requestOf(v: Omit<BookingBody, 'payment'>) {
  return {
    service: v.service,
    staff: v.staff,
    start: v.start,
    client: clientOf(v.client),
    notes: v.notes ?? '',
    wantsReminder: v.wantsReminder,
    locale: v.locale,
    seats: v.seats,
    answers: v.answers,
  };
}

/** What a checked body asks createBooking for (the API and the page alike). */
export function bookingInput(v: BookingBody, idempotency: CreateBookingInput['idempotency']): CreateBookingInput {
  return { ...requestOf(v), payment: v.payment, idempotency };
}
