/**
 * Response shapes of API.md as Zod schemas, for the OpenAPI document. The routes build their
 * responses with presenters (src/http/presenters.ts); test/openapi.test.ts parses real responses
 * with these schemas, so the document cannot drift from what the API sends.
 */
import { z } from 'zod';

const instant = z.string().meta({ description: 'ISO 8601 with offset', example: '2027-03-29T09:00:00+02:00' });
const money = z.string().meta({ description: 'decimal amount', example: '120.00' });
export const ref = z.object({ id: z.string(), name: z.string() });

/** The fields a service's public and dashboard shapes begin with (presenters.ts serviceBasics). */
export const serviceBasicsShape = (amount: z.ZodString) => ({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  durationMinutes: z.number().int(),
  price: amount,
  deposit: amount,
  currency: z.string(),
});

export const errorShape = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'SLOT_UNAVAILABLE' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });

export const businessShape = z
  .object({
    name: z.string(),
    timezone: z.string(),
    currency: z.string(),
    locale: z.string(),
    locales: z.array(z.string()),
    staffLabel: z.string(),
    paymentEnabled: z.boolean(),
  })
  .meta({ id: 'Business' });

/** Per-language text: a string, or wordings by language (API.md Part two, SPEC §12). */
export const localizedShape = z
  .union([z.string(), z.record(z.string(), z.string())])
  .meta({ description: 'a text, or texts by language {en: "…", pt: "…"} (en, fr, de, es, pt)' });

export const questionShape = z
  .object({
    key: z.string(),
    type: z.enum(['text', 'longText', 'choice', 'multiChoice', 'yesNo', 'date', 'number']),
    label: localizedShape,
    required: z.boolean(),
    sensitive: z.boolean(),
    options: z.array(z.object({ key: z.string(), label: localizedShape })).optional(),
    retired: z.boolean().optional(),
  })
  .meta({ id: 'Question' });

const refundKind = z.enum(['full', 'deposit_kept', 'none', 'none_online']);
export const tierShape = z
  .object({ untilHoursBefore: z.number().int(), refund: refundKind })
  .meta({ id: 'CancellationTier' });

export const serviceShape = z
  .object({
    ...serviceBasicsShape(money),
    imageUrl: z
      .string()
      .nullable()
      .meta({ description: 'the uploaded image (/images/{sha256}.webp on this origin), else the address set' }),
    color: z.string().nullable(),
    paymentOptions: z.array(z.enum(['full', 'deposit', 'none'])),
    staff: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        photoUrl: z.string().nullable().meta({ description: 'a path on this origin: /images/{sha256}.webp' }),
        bio: z.string(),
      }),
    ),
    capacity: z.number().int().meta({ description: 'seats a session sells; 1 = one client per slot' }),
    maxSeatsPerBooking: z.number().int(),
    questions: z.array(questionShape),
    cancellationPolicy: z.array(tierShape),
    allowRepeat: z.boolean().meta({ description: 'a booking may carry `repeat` (a recurring series)' }),
  })
  .meta({ id: 'Service' });

export const monthShape = z
  .object({
    month: z.string(),
    timezone: z.string(),
    firstAvailable: z.string().nullable(),
    days: z.array(
      z.object({
        date: z.string(),
        status: z.enum(['past', 'closed', 'full', 'available']),
        slots: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'MonthAvailability' });

export const dayShape = z
  .object({
    date: z.string(),
    timezone: z.string(),
    slots: z.array(
      z.object({
        start: instant,
        end: instant,
        staff: z.array(z.string()),
        seatsLeft: z.number().int().optional().meta({ description: 'group sessions only: seats one booking can take' }),
      }),
    ),
  })
  .meta({ id: 'DayAvailability' });

export const bookingShape = z
  .object({
    id: z.string(),
    reference: z.string(),
    status: z.enum(['pending_verification', 'awaiting_payment', 'confirmed', 'cancelled', 'expired']),
    service: ref,
    staff: ref,
    start: instant,
    end: instant,
    timezone: z.string(),
    client: z.object({ name: z.string(), email: z.string() }).loose(),
    notes: z.string(),
    wantsReminder: z.boolean(),
    locale: z.string(),
    payment: z.object({
      option: z.enum(['none', 'full', 'deposit']),
      amountDue: money,
      amountPaid: money,
      currency: z.string(),
    }),
    seats: z.number().int(),
    seriesId: z.string().nullable().meta({ description: 'the recurring series it belongs to (SPEC §9.2)' }),
    reschedule: z.object({ count: z.number().int(), limit: z.number().int().nullable(), allowed: z.boolean() }),
    cancel: z.object({ allowed: z.boolean() }),
    holdExpiresAt: instant.nullable(),
    answers: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
      .meta({ description: 'answers to the service’s questions; sensitive ones are never here' }),
    policy: tierShape.nullable().meta({ description: 'the cancellation rule in force now (null once started)' }),
    outcome: z.enum(['completed', 'no_show']).nullable(),
    cancellation: z
      .object({
        refund: refundKind,
        refundDue: money,
        amountKept: money,
        by: z.enum(['client', 'staff']),
        overridden: z.boolean(),
      })
      .nullable()
      .meta({ description: 'what the cancel decided (SPEC §10.2)' }),
  })
  .loose()
  .meta({ id: 'Booking' });

export const createdBookingShape = z.object({
  booking: bookingShape,
  token: z.string().meta({ description: 'the manage token: the client’s credential for this booking' }),
  next: z.object({ action: z.string() }).loose(),
});

/** SPEC §9.2: the occurrences of a series (the manage answer and a series cancel). */
export const seriesOccurrencesShape = z.object({ id: z.string(), bookings: z.array(bookingShape) });

/** SPEC §9.2, §10.2: a series cancel answers the series after it, and the occurrences it left booked (decision 035). */
export const seriesCancelledShape = z.object({
  series: seriesOccurrencesShape,
  refused: z
    .array(
      z.object({
        bookingId: z.string(),
        reason: z.enum(['started', 'too_close', 'no_online_cancel']),
      }),
    )
    .meta({
      description: '`scope` "rest": occurrences the client may not cancel online, left booked (contact the business)',
    }),
});

/** SPEC §9.2: a booking with `repeat` answers the series (every occurrence's seriesId is its id). */
export const createdSeriesShape = z.object({
  series: z.object({
    id: z.string(),
    bookings: z.array(bookingShape),
    skipped: z
      .array(
        z.object({
          index: z.number().int(),
          month: z.string(),
          date: z.string().nullable(),
          reason: z.enum(['no_such_weekday', 'time_does_not_exist']),
        }),
      )
      .meta({ description: 'periods without an occurrence (they still count towards `count`)' }),
  }),
  token: z.string().meta({ description: 'the series’ manage token (its first occurrence’s)' }),
  next: z.object({ action: z.string() }).loose(),
});

export const mailShape = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      to: z.array(z.string()),
      subject: z.string(),
      text: z.string(),
      html: z.string(),
      attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })),
      sentAt: z.string(),
    }),
  ),
});

/** A JSON object the document does not detail further. */
export const anyObject = z.object({}).loose();
